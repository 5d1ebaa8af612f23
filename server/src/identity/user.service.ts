import type { Pool } from 'pg';
import { writeAudit } from '../audit/audit.js';
import { containsPattern, listPage } from '../adoption/adoption.paging.js';
import { searchArg } from '../adoption/adoption.inputs.js';
import { conflict, type WriteTx } from '../audit/write.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import type { Page } from '../pagination.js';
import type { RoleGrant } from './actor.js';
import type { UserFilter } from './identity.inputs.js';
import { User, UserRoleGrant, type RoleName } from './identity.types.js';
import { checkPasswordStrength, hashPassword } from './password.js';
import type { Queryable } from './policy.js';

/** A row as pg returns it; its columns are read by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DbRow = Record<string, any>;

const USER_COLUMNS = `u.id, u.email, u.display_name, u.is_active, u.created_at, u.last_login_at, u.version`;
const ROLES_OF_U = `
  coalesce((SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'municipalityCode', m.code,
                                              'organisationSlug', o.slug) ORDER BY r.id)
            FROM user_role r LEFT JOIN municipality m ON m.id = r.municipality_id
            LEFT JOIN organisation o ON o.id = r.organisation_id WHERE r.user_id = u.id), '[]')`;
const USER_SQL = `SELECT ${USER_COLUMNS}, ${ROLES_OF_U} AS roles FROM app_user u`;

function toUser(row: DbRow): User {
  return Object.assign(new User(), {
    id: String(row.id),
    email: row.email,
    displayName: row.display_name,
    isActive: row.is_active,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    version: row.version,
    roles: (row.roles as Record<string, unknown>[]).map((r) =>
      Object.assign(new UserRoleGrant(), { ...r, id: String(r.id) }),
    ),
  });
}

export const reviveUser = (json: unknown): User => {
  const u = Object.assign(new User(), json);
  u.roles = (u.roles ?? []).map((r) => Object.assign(new UserRoleGrant(), r));
  return u;
};

export async function loadUser(q: Queryable, id: number): Promise<User | null> {
  const { rows } = await q.query(`${USER_SQL} WHERE u.id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

/**
 * A page of users by e-mail (unique, lower case). `first` is already validated. Roles are read
 * for the page only, not for every user the filter matches.
 */
export async function listUsers(
  pool: Pool,
  filter: UserFilter | null | undefined,
  first: number,
  after: string | null | undefined,
): Promise<Page<User>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const search = searchArg(filter?.search);
  if (search) {
    const p = param(containsPattern(search));
    where.push(`(lower(u.display_name) LIKE ${p} OR u.email LIKE ${p})`);
  }
  if (filter?.role?.length)
    where.push(
      `EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = ANY(${param(filter.role)}::text[]))`,
    );
  if (filter?.active != null) where.push(`u.is_active = ${param(filter.active)}`);
  const page = await listPage<DbRow, DbRow>(pool, {
    from: 'app_user u',
    columns: USER_COLUMNS,
    where,
    params,
    order: [{ column: 'email' }],
    first,
    after,
    cursorShape: ['string'],
    node: (row) => row,
  });
  const { rows: roles } = await pool.query(
    `SELECT u.id, ${ROLES_OF_U} AS roles FROM app_user u WHERE u.id = ANY($1::int[])`,
    [page.edges.map((e) => e.node.id)],
  );
  const rolesById = new Map(roles.map((r) => [String(r.id), r.roles]));
  return {
    ...page,
    edges: page.edges.map((e) => ({
      cursor: e.cursor,
      node: toUser({ ...e.node, roles: rolesById.get(String(e.node.id)) ?? [] }),
    })),
  };
}

export async function rolesOf(q: Queryable, userId: number): Promise<RoleGrant[]> {
  const { rows } = await q.query(
    `SELECT role, municipality_id AS "municipalityId", organisation_id AS "organisationId" FROM user_role WHERE user_id = $1 ORDER BY id`,
    [userId],
  );
  return rows as RoleGrant[];
}

const txq = (tx: WriteTx): Queryable => ({ query: async (sql, params) => ({ rows: await tx.query(sql, params) }) });

/** Inserts a user (and audits it); the caller owns the transaction. */
export async function insertUser(
  tx: Pick<WriteTx, 'query' | 'audit'>,
  input: { email: string; displayName: string; password?: string | null; oidcIssuer?: string; oidcSubject?: string },
): Promise<number> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw badInput('email must be an e-mail address', 'email');
  if (input.password) checkPasswordStrength(input.password);
  const taken = await tx.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
  if (taken.length) throw new AppError(ErrorCode.CONFLICT, `A user with e-mail ${email} already exists`);
  const [row] = await tx.query(
    `INSERT INTO app_user (email, display_name, password_hash, oidc_issuer, oidc_subject) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [
      email,
      input.displayName.trim(),
      input.password ? await hashPassword(input.password) : null,
      input.oidcIssuer ?? null,
      input.oidcSubject ?? null,
    ],
  );
  await tx.audit({ action: 'CREATE', entityType: 'app_user', entityId: row!.id, after: row });
  return Number(row!.id);
}

/** Resolves a role's target and checks it fits the role (EDITOR: municipality; COOPERATION_EDITOR, SUPPLIER: organisation). */
async function roleTarget(
  tx: WriteTx,
  role: RoleName,
  municipalityCode?: string | null,
  organisationSlug?: string | null,
) {
  const needsMunicipality = role === 'EDITOR';
  const needsOrganisation = role === 'COOPERATION_EDITOR' || role === 'SUPPLIER';
  if (needsMunicipality !== Boolean(municipalityCode)) {
    throw badInput(
      needsMunicipality ? 'EDITOR needs municipalityCode' : `${role} takes no municipalityCode`,
      'municipalityCode',
    );
  }
  if (needsOrganisation !== Boolean(organisationSlug)) {
    throw badInput(
      needsOrganisation ? `${role} needs organisationSlug` : `${role} takes no organisationSlug`,
      'organisationSlug',
    );
  }
  let municipalityId: number | null = null;
  let organisationId: number | null = null;
  if (municipalityCode) {
    const [m] = await tx.query(`SELECT id FROM municipality WHERE code = $1`, [municipalityCode.trim().toUpperCase()]);
    if (!m) throw new AppError(ErrorCode.NOT_FOUND, `No municipality ${municipalityCode}`);
    municipalityId = m.id;
  }
  if (organisationSlug) {
    const [o] = await tx.query(`SELECT id, kind FROM organisation WHERE slug = $1`, [
      organisationSlug.trim().toLowerCase(),
    ]);
    if (!o) throw new AppError(ErrorCode.NOT_FOUND, `No organisation ${organisationSlug}`);
    if (role === 'COOPERATION_EDITOR' && o.kind !== 'COOPERATION')
      throw badInput(`${organisationSlug} is not a cooperation`, 'organisationSlug');
    organisationId = o.id;
  }
  return { municipalityId, organisationId };
}

async function needUser(tx: WriteTx, userId: string): Promise<DbRow> {
  if (!/^\d{1,9}$/.test(userId)) throw badInput('userId must be a user id', 'userId');
  const [u] = await tx.query(`SELECT * FROM app_user WHERE id = $1`, [Number(userId)]);
  if (!u) throw new AppError(ErrorCode.NOT_FOUND, `No user ${userId}`);
  return u;
}

export async function grantRole(
  tx: WriteTx,
  input: { userId: string; role: RoleName; municipalityCode?: string | null; organisationSlug?: string | null },
): Promise<User> {
  const user = await needUser(tx, input.userId);
  const { municipalityId, organisationId } = await roleTarget(
    tx,
    input.role,
    input.municipalityCode,
    input.organisationSlug,
  );
  const [row] = await tx.query(
    `INSERT INTO user_role (user_id, role, municipality_id, organisation_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT ON CONSTRAINT uq_user_role DO NOTHING RETURNING *`,
    [user.id, input.role, municipalityId, organisationId],
  );
  if (!row) throw new AppError(ErrorCode.CONFLICT, 'The user already has this role');
  await tx.audit({ action: 'CREATE', entityType: 'user_role', entityId: row.id, after: row });
  return (await loadUser(txq(tx), user.id))!;
}

export async function revokeRole(
  tx: WriteTx,
  input: { userId: string; role: RoleName; municipalityCode?: string | null; organisationSlug?: string | null },
): Promise<User> {
  const user = await needUser(tx, input.userId);
  const { municipalityId, organisationId } = await roleTarget(
    tx,
    input.role,
    input.municipalityCode,
    input.organisationSlug,
  );
  const [row] = await tx.query(
    `DELETE FROM user_role WHERE user_id = $1 AND role = $2 AND municipality_id IS NOT DISTINCT FROM $3
       AND organisation_id IS NOT DISTINCT FROM $4 RETURNING *`,
    [user.id, input.role, municipalityId, organisationId],
  );
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'The user does not have this role');
  await tx.audit({ action: 'DELETE', entityType: 'user_role', entityId: row.id, before: row });
  return (await loadUser(txq(tx), user.id))!;
}

/** Deactivation ends every session and token at once: both are checked against is_active on use. */
export async function deactivateUser(tx: WriteTx, userId: string, expectedVersion: number): Promise<User> {
  const before = await needUser(tx, userId);
  const [after] = await tx.query(
    `UPDATE app_user SET is_active = false, version = version + 1 WHERE id = $1 AND version = $2 RETURNING *`,
    [before.id, expectedVersion],
  );
  if (!after) {
    const [now] = await tx.query(`SELECT version FROM app_user WHERE id = $1`, [before.id]);
    throw conflict(`User ${userId}`, now?.version ?? null);
  }
  await tx.audit({ action: 'UPDATE', entityType: 'app_user', entityId: after.id, before, after });
  return (await loadUser(txq(tx), after.id))!;
}

/**
 * The first administrator from FIRST_ADMIN_EMAIL / FIRST_ADMIN_PASSWORD: created when no user has
 * that e-mail yet; an existing account is never changed (so a rotated env var cannot reset it).
 */
export async function ensureFirstAdmin(pool: Pool, email: string, password: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('atlas:first-admin'))`);
    const exists = await client.query(`SELECT 1 FROM app_user WHERE email = $1`, [email.toLowerCase()]);
    if (exists.rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    const system = { userId: null, tokenId: null, requestId: 'bootstrap' };
    const tx = {
      query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
      audit: (entry: Parameters<WriteTx['audit']>[0]) => writeAudit(client, system, entry),
    };
    const id = await insertUser(tx, { email, displayName: 'Administrator', password });
    const [role] = await tx.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'ADMIN') RETURNING *`, [id]);
    await tx.audit({ action: 'CREATE', entityType: 'user_role', entityId: role!.id, after: role });
    await client.query('COMMIT');
    return true;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
