import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Pool } from 'pg';
import type { Config } from '../config.js';
import type { RequestIdentity } from '../context.js';
import { registerExportRoutes } from '../export/export.routes.js';
import type { WebhookUrlPolicy } from '../feed/webhook.target.js';
import { startWebhookWorker } from '../feed/webhook.worker.js';
import { ANONYMOUS, type Actor } from './actor.js';
import { rememberVerified } from './credentials.js';
import { registerOidcRoutes } from './oidc.js';
import { SESSION_COOKIE, actorFromSession, type LoginSettings } from './session.service.js';
import { actorFromToken } from './token.service.js';
import { ensureFirstAdmin } from './user.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, resolved once per request (see requestIdentity). */
    atlasActor: Promise<Actor> | null;
  }
  interface FastifyInstance {
    /** COOKIE_SECURE: whether the session cookie gets `Secure`. */
    atlasCookieSecure: boolean;
    atlasLoginSettings: LoginSettings;
    atlasWebhookUrlPolicy: WebhookUrlPolicy;
  }
}

export interface AuthPluginOptions {
  pool: Pool;
  config: Config;
}

const unauthenticated = (reply: FastifyReply, status: number, message: string) =>
  reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });

/** Paths that may act on the caller's identity; static files never cost a session lookup. */
const IDENTITY_PATHS = /^\/(graphql|api|auth)(\/|$|\?)/;

function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  // Strict: the web app is same-origin, so no cross-site request ever needs the session.
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: reply.server.atlasCookieSecure,
    expires: expiresAt,
  });
}

/**
 * Identity for every request: an API token (`Authorization: Bearer atlas_…`; invalid, expired or
 * revoked → 401 UNAUTHENTICATED, never a silent fallback to anonymous), else the `atlas_session`
 * cookie (an unknown or expired one is simply anonymous), else anonymous. A token in the query
 * string (`?token=`, `?access_token=`) is refused with 400: URLs end up in logs and histories.
 *
 * Also mounts what needs the caller or runs beside the API: OIDC sign-in, the export routes and
 * the webhook delivery worker; and creates the first administrator from the configuration.
 */
export const authPlugin = fp<AuthPluginOptions>(
  async (app: FastifyInstance, { pool, config }) => {
    app.decorate('atlasCookieSecure', config.identity.cookieSecure);
    app.decorate('atlasWebhookUrlPolicy', {
      allowHttp: config.webhooks.allowHttp,
      allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
    });
    app.decorate('atlasLoginSettings', {
      sessionTtlHours: config.identity.sessionTtlHours,
      loginMaxFailures: config.identity.loginMaxFailures,
      loginWindowMinutes: config.identity.loginWindowMinutes,
    });
    await app.register(fastifyCookie);
    app.decorateRequest('atlasActor', null);

    app.addHook('onRequest', async (req, reply) => {
      const query = req.query as Record<string, unknown> | undefined;
      if (query && typeof query === 'object' && ('token' in query || 'access_token' in query)) {
        return unauthenticated(reply, 400, 'Send API tokens in the Authorization header (Bearer), never in the URL');
      }
      const header = req.headers.authorization;
      if (header !== undefined) {
        const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
        const actor = bearer ? await actorFromToken(pool, bearer) : null;
        if (!actor)
          return unauthenticated(
            reply.header('www-authenticate', 'Bearer error="invalid_token"'),
            401,
            'The API token is invalid, expired or revoked',
          );
        rememberVerified('bearer', bearer!);
        req.atlasActor = Promise.resolve(actor);
      }
    });

    if (config.identity.firstAdminEmail && config.identity.firstAdminPassword) {
      if (await ensureFirstAdmin(pool, config.identity.firstAdminEmail, config.identity.firstAdminPassword)) {
        app.log.info(
          { email: config.identity.firstAdminEmail },
          'Created the first administrator from FIRST_ADMIN_EMAIL',
        );
      }
    }

    registerOidcRoutes(app, pool, config, setSessionCookie);
    registerExportRoutes(app, pool);
    startWebhookWorker(app, pool, config);
  },
  { name: 'atlas-auth' },
);

/** The caller of a request, resolved at most once. */
export function actorOf(req: FastifyRequest, pool: Pool): Promise<Actor> {
  if (!req.atlasActor) {
    const cookie = req.cookies?.[SESSION_COOKIE];
    req.atlasActor =
      cookie && IDENTITY_PATHS.test(req.url)
        ? actorFromSession(pool, cookie).then((a) => {
            if (a) rememberVerified('session', cookie);
            return a ?? ANONYMOUS;
          })
        : Promise.resolve(ANONYMOUS);
  }
  return req.atlasActor;
}

/** What the GraphQL context needs to know about the caller (app.ts passes it to createContext). */
export async function requestIdentity(req: FastifyRequest, reply: FastifyReply, pool: Pool): Promise<RequestIdentity> {
  const key = req.headers['idempotency-key'];
  return {
    actor: await actorOf(req, pool),
    idempotencyKey: typeof key === 'string' ? key : null,
    clientIp: req.ip,
    sessionCookie: {
      current: req.cookies?.[SESSION_COOKIE] ?? null,
      set: (token, expiresAt) => setSessionCookie(reply, token, expiresAt),
      clear: () => reply.clearCookie(SESSION_COOKIE, { path: '/' }),
    },
    loginSettings: reply.server.atlasLoginSettings,
    webhookUrlPolicy: reply.server.atlasWebhookUrlPolicy,
  };
}
