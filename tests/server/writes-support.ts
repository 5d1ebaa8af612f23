import { randomBytes, createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { poolOf } from '../../server/src/data-source.js';
import { createLogger } from '../../server/src/logger.js';
import { createSchema } from '../../server/src/schema.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** Shared set-up of the writes-* and identity-* tests: an app on a fresh database with fixtures. */
export interface WritesEnv {
  db: TestDatabase;
  app: FastifyInstance;
  base: string;
  pool: Pool;
  close(): Promise<void>;
}

export async function startWritesApp(env: Record<string, string> = {}, port = 0): Promise<WritesEnv> {
  const db = await createTestDatabase('reference');
  const pool = poolOf(await db.dataSource());
  await createFixtures(pool);
  const config = loadConfig({ NODE_ENV: 'test', CLIENT_DIST_DIR: '/nonexistent', ...env });
  const app = await buildApp({ config, schema: await createSchema(), pool, log: createLogger('silent', false) });
  const base = await app.listen({ port, host: '127.0.0.1' });
  return {
    db,
    app,
    base,
    pool,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Municipalities of the fixtures: A and B are two ordinary current municipalities; C is a member of the test cooperation. */
export const A = 'GM0363'; // Amsterdam
export const B = 'GM0599'; // Rotterdam
export const C = 'GM0014'; // Groningen, member of test-coop

/**
 * A cooperation `test-coop` (region TEST-COOP with member C), a supplier `test-supplier`
 * maintaining `supplied-solution`, a solution `open-solution` without maintainer, a standard
 * `test-standard` with version 1.0, an initiative `test-initiative` (SUBMITTED) and an annual plan 2025.
 */
export async function createFixtures(pool: Pool): Promise<void> {
  await pool.query(`
    WITH r AS (INSERT INTO region (kind, code, name) VALUES ('COOPERATION', 'TEST-COOP', 'Test cooperation') RETURNING id),
         m AS (INSERT INTO region_membership (region_id, municipality_id) SELECT r.id, m.id FROM r, municipality m WHERE m.code = '${C}')
    INSERT INTO organisation (slug, name, kind, region_id) SELECT 'test-coop', 'Test cooperation', 'COOPERATION', id FROM r`);
  await pool.query(
    `INSERT INTO organisation (slug, name, kind) VALUES ('test-supplier', 'Test supplier', 'SUPPLIER'), ('other-supplier', 'Other supplier', 'SUPPLIER')`,
  );
  await pool.query(`
    INSERT INTO solution (slug, name, description, kind, lifecycle, maintainer_organisation_id)
    VALUES ('supplied-solution', 'Supplied solution', 'A test solution', 'SOFTWARE', 'AVAILABLE', (SELECT id FROM organisation WHERE slug = 'test-supplier')),
           ('open-solution', 'Open solution', 'Another test solution', 'SOFTWARE', 'AVAILABLE', NULL),
           ('other-solution', 'Other solution', 'Maintained by someone else', 'SOFTWARE', 'AVAILABLE', (SELECT id FROM organisation WHERE slug = 'other-supplier'))`);
  await pool.query(
    `INSERT INTO standard (slug, name, domain, status) VALUES ('test-standard', 'Test standard', 'test', 'ADOPTED'), ('second-standard', 'Second standard', 'test', 'DRAFT')`,
  );
  await pool.query(
    `INSERT INTO standard_version (standard_id, version_label, status) SELECT id, '1.0', 'CURRENT' FROM standard WHERE slug = 'test-standard'`,
  );
  await pool.query(`INSERT INTO annual_plan (year, title) VALUES (2025, 'Jaarplan GGU 2025')`);
  await pool.query(`INSERT INTO initiative (slug, title, problem, domain, stage, submitted_on, submitted_by_municipality_id)
    SELECT 'test-initiative', 'Test initiative', 'A problem worth solving', 'test', 'SUBMITTED', '2024-01-15', id FROM municipality WHERE code = '${A}'`);
}

export interface RoleSpec {
  role: 'ADMIN' | 'EDITOR' | 'COOPERATION_EDITOR' | 'SUPPLIER' | 'VIEWER';
  municipality?: string;
  organisation?: string;
}

/** Inserts a user with roles (no password) and returns its id. */
export async function makeUser(pool: Pool, email: string, roles: RoleSpec[]): Promise<number> {
  const { rows } = await pool.query(`INSERT INTO app_user (email, display_name) VALUES ($1, $2) RETURNING id`, [
    email,
    email.split('@')[0],
  ]);
  const id = rows[0].id as number;
  for (const r of roles) {
    await pool.query(
      `INSERT INTO user_role (user_id, role, municipality_id, organisation_id)
       VALUES ($1, $2, (SELECT id FROM municipality WHERE code = $3), (SELECT id FROM organisation WHERE slug = $4))`,
      [id, r.role, r.municipality ?? null, r.organisation ?? null],
    );
  }
  return id;
}

/** A session for a user, as a Cookie header value (made directly, without the password path). */
export async function sessionFor(pool: Pool, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await pool.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
    [createHash('sha256').update(token).digest('hex'), userId],
  );
  return `atlas_session=${token}`;
}

export interface Caller {
  cookie?: string;
  token?: string;
  idempotencyKey?: string;
}

export interface GqlResult {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function gql(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<GqlResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.idempotencyKey) headers['idempotency-key'] = caller.idempotencyKey;
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResult['body'] };
}

export const codeOf = (r: GqlResult): string | undefined => r.body.errors?.[0]?.extensions?.code;

/** Counts rows of a table (optionally filtered) — for "nothing changed" checks. */
export async function count(pool: Pool, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0].n;
}

/** Row counts of every table a write may touch, for before/after comparisons. */
export async function snapshot(pool: Pool): Promise<Record<string, number>> {
  const tables = [
    'adoption',
    'adoption_event',
    'audit_log',
    'standard_compliance',
    'initiative',
    'decision',
    'initiative_participant',
    'funding_line',
    'solution',
    'solution_standard',
    'solution_relation',
    'standard',
    'app_user',
    'user_role',
    'api_token',
    'api_token_grant',
    'idempotency_key',
    'webhook_subscription',
    'webhook_delivery',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await count(pool, t);
  return out;
}
