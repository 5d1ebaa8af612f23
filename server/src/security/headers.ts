import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { ConfigError, repoRoot, type Config } from '../config.js';

/** The API's version, sent as `API-Version` on every answer: the server package's version. */
export const API_VERSION: string = (
  JSON.parse(readFileSync(path.join(repoRoot, 'server', 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * The Content-Security-Policy of every answer. The built web app loads only its own hashed
 * scripts and stylesheets (Vite emits no inline script; the explorer adds inline styles); images may be data: URLs (map tiles,
 * icons); it talks only to its own origin; nobody may frame it.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // The API explorer's editor (Monaco, inside GraphiQL) injects <style> elements at run time.
  // Inline styles cannot run code; scripts stay limited to our own files.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** Apollo's development landing page (an embedded explorer from Apollo's CDN) needs more. */
const LANDING_PAGE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' https://embeddable-sandbox.cdn.apollographql.com; " +
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; font-src 'self' https://fonts.gstatic.com; " +
  "img-src 'self' data: https://apollo-server-landing-page.cdn.apollographql.com; " +
  "frame-src https://sandbox.embed.apollographql.com; connect-src 'self'; frame-ancestors 'none'";

/**
 * The headers helmet sets, computed once: they depend only on the options (no nonces, no
 * per-request values), and helmet would rebuild its middleware, CSP included, on every request.
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** Paths whose answers are data for programs (GraphQL, health, metrics, GeoJSON, exports), not pages. */
export const API_PATH = /^\/((graphql|healthz|readyz|metrics|boundaries)(\/|$|\?)|api\/)/;

/**
 * The security headers of an API answer, as the OWASP REST Security Cheat Sheet lists them: its
 * body is never a document, so nothing may load or frame it, and it is never sniffed as one.
 * helmet's other headers (referrer, DNS prefetch, opener, origin cluster, IE and Flash options)
 * govern what a page does and would only add ~350 bytes to every answer a program reads.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Security headers on every answer: helmet's on pages and files, the API set on API answers;
 * HSTS when the request came over TLS, CORS from the allowlist, `API-Version`, and
 * `Cache-Control: no-store` on GraphQL answers that Apollo did not mark cacheable.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  if (config.corsOrigins.includes('*')) {
    throw new ConfigError('CORS_ORIGINS must list origins; `*` is never allowed because credentials are sent.');
  }
  const pageHeaders = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    // Sent below, and only where it is true that the site is on https.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCors, {
    // An explicit allowlist; the web app itself is same-origin and needs none.
    origin: config.corsOrigins.length ? [...config.corsOrigins] : false,
    credentials: true,
    exposedHeaders: [
      'x-request-id',
      'api-version',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'retry-after',
    ],
  });

  const apiHeaders = { ...API_SECURITY_HEADERS, 'api-version': API_VERSION };
  const pageAndVersion = { ...pageHeaders, 'api-version': API_VERSION };
  // Callback hooks: they run on every request, and an async one costs a promise and a turn.
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(API_PATH.test(req.url) ? apiHeaders : pageAndVersion);
    // req.protocol is https only over TLS, or behind a trusted proxy that says so (TRUST_PROXY).
    if (config.hsts === 'always' || (config.hsts === 'auto' && req.protocol === 'https')) {
      reply.header('strict-transport-security', HSTS_VALUE);
    }
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.routeOptions.url === '/graphql') {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      if (!config.isProduction && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
        // Apollo's landing page in development: a page after all.
        reply.headers(pageHeaders).header('content-security-policy', LANDING_PAGE_CSP);
      }
    }
    done(null, payload);
  });
}
