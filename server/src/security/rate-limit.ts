import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { bearerToken, isAuthenticatedRequest, tokenKey, type CredentialVerifier } from './authentication.js';

/** Probes and the metrics scraper are never limited. */
const EXEMPT = new Set(['/healthz', '/readyz', '/metrics']);

/** The error body of a 429, like every other non-GraphQL error of the server. */
export class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
}

/**
 * Per-client request limits: a valid API token gets its own (larger) bucket, keyed by a hash of
 * the token; everyone else is counted by IP (the proxy's X-Forwarded-For only with TRUST_PROXY).
 * An unverified bearer header is counted by IP, so made-up tokens do not buy new buckets.
 * Answers carry the IETF RateLimit-* headers; a refused request gets 429 and Retry-After.
 *
 * The counters live in this process: with several instances each enforces its own share.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: Config,
  verifier: CredentialVerifier,
): Promise<void> {
  const { perIp, perToken, windowMs } = config.rateLimit;
  if (perIp === 0 && perToken === 0) return;
  const keyOf = (req: FastifyRequest): string => {
    const token = bearerToken(req);
    if (
      token !== undefined &&
      isAuthenticatedRequest({ headers: { authorization: req.headers.authorization } }, verifier)
    ) {
      return `token:${tokenKey(token)}`;
    }
    return `ip:${req.ip}`;
  };
  const unlimited = (key: string) => (key.startsWith('token:') ? perToken === 0 : perIp === 0);
  await app.register(fastifyRateLimit, {
    // Not per route: one app-level hook, registered before identity's, so that a flood is refused
    // before any credential is looked up in the database.
    global: false,
    timeWindow: windowMs,
    keyGenerator: keyOf,
    max: (_req, key) => (key.startsWith('token:') ? perToken : perIp),
    allowList: (req, key) => EXEMPT.has(req.url.split('?')[0]!) || unlimited(key),
    enableDraftSpec: true,
    errorResponseBuilder: (_req, context) =>
      new RateLimitedError(
        `Too many requests: at most ${context.max} per ${windowMs / 1000} s. Retry in ${context.after}.`,
      ),
  });
  app.addHook('onRequest', app.rateLimit());
}
