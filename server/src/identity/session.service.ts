import type { Pool, PoolClient } from 'pg';
import { writeAudit, type AuditActor } from '../audit/audit.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Actor, RoleGrant } from './actor.js';
import { randomSecret, sha256 } from './crypto.js';
import { verifyPassword } from './password.js';

export const SESSION_COOKIE = 'atlas_session';
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

export interface LoginSettings {
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
}

const tooMany = (minutes: number) =>
  new AppError(ErrorCode.UNAUTHENTICATED, `Too many failed sign-in attempts; try again in ${minutes} minutes`, {
    retryAfterSeconds: minutes * 60,
  });

/** Creates a session for a user (in the caller's transaction); returns the cookie value, shown once. */
export async function createSession(
  client: Pick<PoolClient, 'query'>,
  userId: number,
  ttlHours: number,
  audit: AuditActor,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomSecret(32);
  const { rows } = await client.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING *`,
    [sha256(token), userId, ttlHours],
  );
  const session = rows[0];
  await writeAudit(
    client,
    { ...audit, userId },
    { action: 'CREATE', entityType: 'user_session', entityId: session.id, after: session },
  );
  const { rows: before } = await client.query(`SELECT * FROM app_user WHERE id = $1`, [userId]);
  const { rows: after } = await client.query(`UPDATE app_user SET last_login_at = now() WHERE id = $1 RETURNING *`, [
    userId,
  ]);
  await writeAudit(
    client,
    { ...audit, userId },
    { action: 'UPDATE', entityType: 'app_user', entityId: userId, before: before[0], after: after[0] },
  );
  return { token, expiresAt: session.expires_at };
}

/**
 * Password sign-in. Attempts per e-mail + client address are counted in the database (so every
 * instance sees them) under an advisory lock; after `loginMaxFailures` failures within the window
 * even the right password is refused until the window has passed. Wrong e-mail, wrong password
 * and a deactivated account give the same answer.
 */
export async function login(
  pool: Pool,
  settings: LoginSettings,
  input: { email: string; password: string; ip: string; requestId: string },
): Promise<{ userId: number; token: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`login:${email}:${input.ip}`]);
    const { rows: counted } = await client.query(
      `SELECT count(*)::int AS failures FROM login_attempt
       WHERE email = $1 AND ip = $2 AND NOT succeeded AND attempted_at > now() - make_interval(mins => $3)
         AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempt WHERE email = $1 AND ip = $2 AND succeeded), '-infinity')`,
      [email, input.ip, settings.loginWindowMinutes],
    );
    const locked = counted[0].failures >= settings.loginMaxFailures;
    const { rows: users } = await client.query(`SELECT id, password_hash, is_active FROM app_user WHERE email = $1`, [
      email,
    ]);
    const user = users[0];
    const ok = !locked && (await verifyPassword(user?.password_hash ?? null, input.password)) && user.is_active;
    await client.query(`INSERT INTO login_attempt (email, ip, succeeded) VALUES ($1, $2, $3)`, [email, input.ip, ok]);
    await client.query(
      `DELETE FROM login_attempt WHERE email = $1 AND ip = $2 AND attempted_at < now() - interval '1 day'`,
      [email, input.ip],
    );
    if (!ok) {
      await client.query('COMMIT');
      if (locked) throw tooMany(settings.loginWindowMinutes);
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'E-mail address or password is wrong');
    }
    const session = await createSession(client, user.id, settings.sessionTtlHours, {
      userId: user.id,
      tokenId: null,
      requestId: input.requestId,
    });
    await client.query('COMMIT');
    return { userId: user.id, ...session };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Ends the session of this cookie (no-op for an unknown one). */
export async function logout(pool: Pool, cookie: string, requestId: string): Promise<boolean> {
  if (!COOKIE_VALUE.test(cookie)) return false;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(`DELETE FROM user_session WHERE token_hash = $1 RETURNING *`, [sha256(cookie)]);
    if (rows[0]) {
      await writeAudit(
        client,
        { userId: rows[0].user_id, tokenId: null, requestId },
        {
          action: 'DELETE',
          entityType: 'user_session',
          entityId: rows[0].id,
          before: rows[0],
        },
      );
    }
    await client.query('COMMIT');
    return rows.length > 0;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const ROLES_JSON = (
  userCol: string,
) => `coalesce((SELECT json_agg(json_build_object('role', r.role, 'municipalityId', r.municipality_id,
  'organisationId', r.organisation_id) ORDER BY r.id) FROM user_role r WHERE r.user_id = ${userCol}), '[]')`;

/** The user of a session cookie; null when unknown, expired or the account is deactivated. */
export async function actorFromSession(pool: Pool, cookie: string): Promise<Actor | null> {
  if (!COOKIE_VALUE.test(cookie)) return null;
  const { rows } = await pool.query(
    `SELECT s.id, s.user_id, s.last_seen_at < now() - interval '5 minutes' AS stale, ${ROLES_JSON('s.user_id')} AS roles
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND u.is_active`,
    [sha256(cookie)],
  );
  const row = rows[0];
  if (!row) return null;
  // Throttled: at most one write per session per five minutes, off the request's path.
  if (row.stale)
    void pool.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1`, [row.id]).catch(() => undefined);
  return { kind: 'user', userId: row.user_id, sessionId: row.id, roles: row.roles as RoleGrant[] };
}

export { ROLES_JSON };
