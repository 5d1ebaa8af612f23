import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { Pool } from 'pg';
import { writeAudit } from '../audit/audit.js';
import type { Config } from '../config.js';
import { randomSecret } from './crypto.js';
import { createSession } from './session.service.js';
import { insertUser } from './user.service.js';

type OidcSettings = NonNullable<Config['identity']['oidc']>;
export const OIDC_STATE_COOKIE = 'atlas_oidc_state';
const STATE_TTL_MINUTES = 10;

// Discovery is public, immutable metadata: caching it per process shares no state between instances.
const discovered = new Map<string, Promise<oidc.Configuration>>();
function configurationFor(s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    found = oidc.discovery(
      new URL(s.issuer),
      s.clientId,
      s.clientSecret,
      undefined,
      s.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

const fail = (reply: FastifyReply, status: number, message: string) =>
  reply.code(status).header('cache-control', 'no-store').send({ error: 'UNAUTHENTICATED', message });

/**
 * OIDC sign-in (authorization code + PKCE + nonce). /auth/oidc/login stores the verifier and
 * nonce under a random state in the database and sends the browser to the issuer with the state
 * in a short-lived cookie; /auth/oidc/callback checks the state against that cookie, redeems the
 * code, validates the ID token and signs the user in. Users are matched by issuer + subject and
 * created on first sign-in as VIEWER (an admin grants more).
 */
export function registerOidcRoutes(
  app: FastifyInstance,
  pool: Pool,
  config: Config,
  setSession: (reply: FastifyReply, token: string, expiresAt: Date) => void,
): void {
  const settings = config.identity.oidc;
  if (!settings) return;

  app.get('/auth/oidc/login', async (_req, reply) => {
    const configuration = await configurationFor(settings);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await pool.query(`DELETE FROM oidc_login WHERE created_at < now() - make_interval(mins => $1)`, [
      STATE_TTL_MINUTES,
    ]);
    await pool.query(`INSERT INTO oidc_login (state, code_verifier, nonce) VALUES ($1, $2, $3)`, [
      state,
      codeVerifier,
      nonce,
    ]);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    // Lax, not Strict: the callback is a top-level navigation coming from the issuer's site.
    reply.setCookie(OIDC_STATE_COOKIE, state, {
      path: '/auth/oidc',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.identity.cookieSecure,
      maxAge: STATE_TTL_MINUTES * 60,
    });
    return reply.header('cache-control', 'no-store').redirect(url.href, 302);
  });

  app.get('/auth/oidc/callback', async (req: FastifyRequest, reply) => {
    const query = req.query as Record<string, string | undefined>;
    const state = query.state;
    reply.clearCookie(OIDC_STATE_COOKIE, { path: '/auth/oidc' });
    if (!state || req.cookies[OIDC_STATE_COOKIE] !== state)
      return fail(reply, 400, 'The sign-in state does not match; start again');
    const { rows } = await pool.query(
      `DELETE FROM oidc_login WHERE state = $1 AND created_at > now() - make_interval(mins => $2) RETURNING code_verifier, nonce`,
      [state, STATE_TTL_MINUTES],
    );
    if (!rows[0]) return fail(reply, 400, 'The sign-in expired; start again');

    let claims: oidc.IDToken;
    try {
      const configuration = await configurationFor(settings);
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = new URLSearchParams(query as Record<string, string>).toString();
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: rows[0].code_verifier,
        expectedState: state,
        expectedNonce: rows[0].nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims()!;
    } catch (err) {
      req.log.warn({ err }, 'OIDC callback refused');
      return fail(reply, 401, 'The identity provider’s answer could not be verified');
    }

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const audit = { userId: null, tokenId: null, requestId: req.id };
      const found = await client.query(
        `SELECT id, is_active FROM app_user WHERE oidc_issuer = $1 AND oidc_subject = $2`,
        [claims.iss, claims.sub],
      );
      let userId: number;
      if (found.rows[0]) {
        if (!found.rows[0].is_active) {
          await client.query('ROLLBACK');
          return fail(reply, 403, 'This account is deactivated');
        }
        userId = found.rows[0].id;
      } else {
        const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
        if (!email) {
          await client.query('ROLLBACK');
          return fail(reply, 400, 'The identity provider sent no e-mail address');
        }
        const taken = await client.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
        if (taken.rowCount) {
          // Never link by e-mail alone: that would hand an existing account to whoever controls the claim.
          await client.query('ROLLBACK');
          return fail(
            reply,
            409,
            'An account with this e-mail address exists already; ask an administrator to link it',
          );
        }
        const tx = {
          query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
          audit: (entry: Parameters<typeof writeAudit>[2]) => writeAudit(client, audit, entry),
        };
        const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : email;
        userId = await insertUser(tx, { email, displayName: name, oidcIssuer: claims.iss, oidcSubject: claims.sub });
        const [role] = await tx.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'VIEWER') RETURNING *`, [
          userId,
        ]);
        await tx.audit({ action: 'CREATE', entityType: 'user_role', entityId: role!.id, after: role });
      }
      const session = await createSession(client, userId, config.identity.sessionTtlHours, audit);
      await client.query('COMMIT');
      setSession(reply, session.token, session.expiresAt);
      return reply.header('cache-control', 'no-store').redirect('/', 302);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
}

export { randomSecret };
