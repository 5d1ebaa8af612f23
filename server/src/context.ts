import type { Pool } from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { ANONYMOUS, type Actor } from './identity/actor.js';
import type { WebhookUrlPolicy } from './feed/webhook.target.js';
import type { LoginSettings } from './identity/session.service.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What the HTTP layer knows about the caller, beyond the request id (see identity/auth.plugin.ts). */
export interface RequestIdentity {
  /** Who is asking: anonymous, a signed-in user (session cookie) or an API token. */
  readonly actor: Actor;
  /** The `Idempotency-Key` header, when sent: a mutation replayed with it returns its first result. */
  readonly idempotencyKey: string | null;
  /** The client address, for the sign-in rate limit. */
  readonly clientIp: string;
  /** Sets or clears the `atlas_session` cookie on the response (login / logout). */
  readonly sessionCookie: { set(token: string, expiresAt: Date): void; clear(): void; current: string | null };
  /** Session lifetime and sign-in rate limit (from the configuration). */
  readonly loginSettings: LoginSettings;
  /** Which webhook URLs are accepted (WEBHOOK_ALLOW_HTTP, WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  readonly webhookUrlPolicy: WebhookUrlPolicy;
}

/** What every resolver gets: the request's identity, its own DataLoaders, the pool, a logger. */
export interface Context extends RequestIdentity {
  readonly requestId: string;
  readonly pool: Pool;
  /** The pool whose sessions use generic plans (createLookupPool), for statements measured to gain from them. */
  readonly lookups: Pool;
  readonly loaders: Loaders;
  readonly log: FastifyBaseLogger;
}

const DEFAULT_LOGIN: LoginSettings = { sessionTtlHours: 12, loginMaxFailures: 5, loginWindowMinutes: 15 };
const STRICT_WEBHOOKS: WebhookUrlPolicy = { allowHttp: false, allowPrivateNetworks: false };
const NO_COOKIES: RequestIdentity['sessionCookie'] = { set() {}, clear() {}, current: null };

export function createContext(
  pool: Pool,
  log: FastifyBaseLogger,
  requestId: string,
  identity: Partial<RequestIdentity> = {},
  /** The pool for the loaders' keyed reads (createLookupPool); default `pool`. */
  lookups: Pool = pool,
): Context {
  return {
    requestId,
    pool,
    lookups,
    log,
    loaders: createLoaders(pool, lookups),
    actor: identity.actor ?? ANONYMOUS,
    idempotencyKey: identity.idempotencyKey ?? null,
    clientIp: identity.clientIp ?? 'unknown',
    sessionCookie: identity.sessionCookie ?? NO_COOKIES,
    loginSettings: identity.loginSettings ?? DEFAULT_LOGIN,
    webhookUrlPolicy: identity.webhookUrlPolicy ?? STRICT_WEBHOOKS,
  };
}
