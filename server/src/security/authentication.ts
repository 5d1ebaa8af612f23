import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Name of the cookie that carries a signed-in user's session. */
export const SESSION_COOKIE = 'atlas_session';

/**
 * Checks a presented credential. The hardening layer only needs a yes/no to decide whether a
 * request may introspect the schema in production and which rate-limit bucket it uses; the
 * identity module supplies the real check (session and token tables) through `AppDeps.credentials`.
 *
 * Contract: synchronous and cheap (it runs on every request); never throws; answers `true` only
 * for a credential that is current (not expired, not revoked).
 */
export interface CredentialVerifier {
  session(value: string): boolean;
  bearer(token: string): boolean;
}

/** The default until identity wires its verifier: no credential is valid. */
export const NO_CREDENTIALS_VALID: CredentialVerifier = Object.freeze({
  session: () => false,
  bearer: () => false,
});

type RequestLike = { headers: IncomingHttpHeaders | Record<string, string | string[] | undefined> };

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(req: RequestLike): string | undefined {
  const header = first(req.headers.authorization);
  const match = header ? /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header) : null;
  return match?.[1];
}

/** The value of the `atlas_session` cookie, if any. */
export function sessionCookie(req: RequestLike): string | undefined {
  const header = first(req.headers.cookie);
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value || undefined;
    }
  }
  return undefined;
}

/**
 * Whether the request carries a session cookie or bearer token that `verifier` accepts.
 * Presence alone never counts: an attacker can send any header.
 */
export function isAuthenticatedRequest(req: RequestLike, verifier: CredentialVerifier = NO_CREDENTIALS_VALID): boolean {
  try {
    const token = bearerToken(req);
    if (token !== undefined && verifier.bearer(token)) return true;
    const session = sessionCookie(req);
    return session !== undefined && verifier.session(session);
  } catch {
    return false;
  }
}

/** A stable, non-reversible key for a token (rate-limit buckets, never logged in the clear). */
export function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}
