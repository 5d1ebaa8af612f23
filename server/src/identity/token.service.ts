import type { Pool } from 'pg';
import { municipalityCodeArg, slugArg } from '../adoption/adoption.inputs.js';
import type { WriteTx } from '../audit/write.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { isAdmin, type Actor, type RoleGrant } from './actor.js';
import type { ApiScope } from './api-token.entity.js';
import { API_TOKEN_PATTERN, newApiToken, sha256 } from './crypto.js';
import { ApiTokenGrantInfo, ApiTokenInfo, CreatedApiToken } from './identity.types.js';
import type { CreateApiTokenInput } from './identity.inputs.js';
import { editsMunicipality, forbidden, orgsWith } from './policy.js';
import { ROLES_JSON } from './session.service.js';

/** A row as pg returns it; its columns are read by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DbRow = Record<string, any>;

const MAX_LIFETIME_MS = 366 * 24 * 3600 * 1000;

const TOKEN_SQL = `
  SELECT t.id, t.name, t.prefix, t.scopes, t.created_at, t.expires_at, t.revoked_at, t.last_used_at,
         coalesce((SELECT json_agg(json_build_object('municipalityCode', m.code, 'organisationSlug', o.slug) ORDER BY g.id)
                   FROM api_token_grant g LEFT JOIN municipality m ON m.id = g.municipality_id
                   LEFT JOIN organisation o ON o.id = g.organisation_id WHERE g.token_id = t.id), '[]') AS grants
  FROM api_token t`;

const toInfo = (row: DbRow): ApiTokenInfo =>
  Object.assign(new ApiTokenInfo(), {
    id: String(row.id),
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    grants: (row.grants as object[]).map((g) => Object.assign(new ApiTokenGrantInfo(), g)),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  });

export const reviveToken = (json: unknown): ApiTokenInfo => {
  const t = Object.assign(new ApiTokenInfo(), json);
  t.grants = t.grants.map((g) => Object.assign(new ApiTokenGrantInfo(), g));
  return t;
};
export const reviveCreatedToken = (json: unknown): CreatedApiToken => {
  const c = Object.assign(new CreatedApiToken(), json);
  c.token = reviveToken(c.token);
  return c;
};

export async function listTokens(pool: Pool, userId: number): Promise<ApiTokenInfo[]> {
  const { rows } = await pool.query(`${TOKEN_SQL} WHERE t.user_id = $1 ORDER BY t.created_at DESC, t.id DESC`, [
    userId,
  ]);
  return rows.map(toInfo);
}

/**
 * Creates a token for the signed-in user. Write scopes need grants, and every grant must lie
 * within the holder's own roles (an admin may grant anything): a token can never do more than
 * its holder. The secret is returned once; only its SHA-256 is stored.
 */
export async function createApiToken(
  tx: WriteTx,
  actor: Actor & { kind: 'user' },
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  const scopes = [...new Set(input.scopes)] as ApiScope[];
  const grants = input.grants ?? [];
  const writes = scopes.some((s) => s !== 'READ');
  if (writes && grants.length === 0) throw badInput('A token with a write scope needs at least one grant', 'grants');
  if (!writes && grants.length > 0) throw badInput('Grants apply to write scopes only', 'grants');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(Date.now() + 365 * 24 * 3600 * 1000);
  if (expiresAt.getTime() <= Date.now()) throw badInput('expiresAt must lie in the future', 'expiresAt');
  if (expiresAt.getTime() > Date.now() + MAX_LIFETIME_MS)
    throw badInput('expiresAt must lie within a year', 'expiresAt');

  const resolved: { municipalityId: number | null; organisationId: number | null }[] = [];
  for (const g of grants) {
    if (Boolean(g.municipalityCode) === Boolean(g.organisationSlug)) {
      throw badInput('Each grant names exactly one of municipalityCode and organisationSlug', 'grants');
    }
    if (g.municipalityCode) {
      const code = municipalityCodeArg(g.municipalityCode, 'grants.municipalityCode');
      const [m] = await tx.query(`SELECT id FROM municipality WHERE code = $1`, [code]);
      if (!m) throw new AppError(ErrorCode.NOT_FOUND, `No municipality ${code}`);
      if (!isAdmin(actor) && !editsMunicipality(actor, m.id)) throw forbidden(`You are not an editor of ${code}`);
      resolved.push({ municipalityId: m.id, organisationId: null });
    } else {
      const slug = slugArg(g.organisationSlug!, 'grants.organisationSlug');
      const [o] = await tx.query(`SELECT id FROM organisation WHERE slug = $1`, [slug]);
      if (!o) throw new AppError(ErrorCode.NOT_FOUND, `No organisation ${slug}`);
      const mine = [...orgsWith(actor, 'COOPERATION_EDITOR'), ...orgsWith(actor, 'SUPPLIER')];
      if (!isAdmin(actor) && !mine.includes(o.id)) throw forbidden(`You hold no role for organisation ${slug}`);
      resolved.push({ municipalityId: null, organisationId: o.id });
    }
  }

  const { token, prefix, hash } = newApiToken();
  const [row] = await tx.query(
    `INSERT INTO api_token (user_id, name, prefix, token_hash, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [actor.userId, input.name.trim(), prefix, hash, scopes, expiresAt],
  );
  await tx.audit({ action: 'CREATE', entityType: 'api_token', entityId: row!.id, after: row });
  for (const g of resolved) {
    const [grant] = await tx.query(
      `INSERT INTO api_token_grant (token_id, municipality_id, organisation_id) VALUES ($1, $2, $3) RETURNING *`,
      [row!.id, g.municipalityId, g.organisationId],
    );
    await tx.audit({ action: 'CREATE', entityType: 'api_token_grant', entityId: grant!.id, after: grant });
  }
  const [info] = await tx.query(`${TOKEN_SQL} WHERE t.id = $1`, [row!.id]);
  return Object.assign(new CreatedApiToken(), { token: toInfo(info!), secret: token });
}

/** Revokes a token: its holder or an admin. Revoking twice is a no-op answer, not an error. */
export async function revokeApiToken(tx: WriteTx, actor: Actor & { kind: 'user' }, id: string): Promise<ApiTokenInfo> {
  if (!/^\d{1,9}$/.test(id)) throw badInput('id must be a token id', 'id');
  const [before] = await tx.query(`SELECT * FROM api_token WHERE id = $1 FOR UPDATE`, [Number(id)]);
  if (!before || (before.user_id !== actor.userId && !isAdmin(actor)))
    throw new AppError(ErrorCode.NOT_FOUND, `No token ${id}`);
  if (!before.revoked_at) {
    const [after] = await tx.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1 RETURNING *`, [before.id]);
    await tx.audit({ action: 'UPDATE', entityType: 'api_token', entityId: before.id, before, after });
  }
  const [info] = await tx.query(`${TOKEN_SQL} WHERE t.id = $1`, [before.id]);
  return toInfo(info!);
}

/**
 * The actor of a bearer token; null when malformed, unknown, revoked, expired or its holder is
 * deactivated. The token acts with the roles its grants name, kept only where the holder still
 * holds a matching role (or is an admin). Last use is written at most once a minute.
 */
export async function actorFromToken(pool: Pool, bearer: string): Promise<Actor | null> {
  if (!API_TOKEN_PATTERN.test(bearer)) return null;
  const { rows } = await pool.query(
    `SELECT t.id, t.user_id, t.scopes,
            (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale,
            ${ROLES_JSON('t.user_id')} AS holder_roles,
            coalesce((SELECT json_agg(json_build_object('municipalityId', g.municipality_id, 'organisationId', g.organisation_id, 'kind', o.kind))
                      FROM api_token_grant g LEFT JOIN organisation o ON o.id = g.organisation_id WHERE g.token_id = t.id), '[]') AS grants
     FROM api_token t JOIN app_user u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.is_active`,
    [sha256(bearer)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale)
    void pool.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [row.id]).catch(() => undefined);
  const holder = row.holder_roles as RoleGrant[];
  const admin = holder.some((r) => r.role === 'ADMIN');
  const roles: RoleGrant[] = [];
  for (const g of row.grants as {
    municipalityId: number | null;
    organisationId: number | null;
    kind: string | null;
  }[]) {
    if (g.municipalityId !== null) {
      if (admin || holder.some((r) => r.role === 'EDITOR' && r.municipalityId === g.municipalityId)) {
        roles.push({ role: 'EDITOR', municipalityId: g.municipalityId, organisationId: null });
      }
      continue;
    }
    const held = holder.filter((r) => r.organisationId === g.organisationId).map((r) => r.role);
    if (held.includes('COOPERATION_EDITOR') || (admin && g.kind === 'COOPERATION')) {
      roles.push({ role: 'COOPERATION_EDITOR', municipalityId: null, organisationId: g.organisationId });
    }
    if (held.includes('SUPPLIER') || (admin && g.kind !== 'COOPERATION')) {
      roles.push({ role: 'SUPPLIER', municipalityId: null, organisationId: g.organisationId });
    }
  }
  return { kind: 'token', userId: row.user_id, tokenId: row.id, scopes: row.scopes as ApiScope[], roles };
}
