import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePreparedStatements } from '../../server/src/performance/prepared-statements.js';
import { openApi, type ApiHarness } from './api-fixtures.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** Named prepared statements for the read pool (server/src/performance/prepared-statements.ts), on a real PostgreSQL. */
describe('prepared statements', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('reference');
    // One connection, so every statement below lands on the same session.
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const preparedOnSession = async () =>
    (
      await pool.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement')
    ).rows.map((r) => r.statement);

  it('prepares a statement with parameters once per connection, with the same answers', async () => {
    const plain = await pool.query('SELECT code, name FROM municipality WHERE code = ANY($1::text[]) ORDER BY code', [
      ['GM0363', 'GM0344'],
    ]);
    const stats = usePreparedStatements(pool, 3);
    const sql = 'SELECT code, name FROM municipality WHERE code = ANY($1::text[]) ORDER BY code';
    const first = await pool.query(sql, [['GM0363', 'GM0344']]);
    const second = await pool.query(sql, [['GM0599']]);
    expect(first.rows).toEqual(plain.rows);
    expect(first.rows.map((r) => r.name)).toEqual(['Utrecht', 'Amsterdam']);
    expect(second.rows).toEqual([{ code: 'GM0599', name: 'Rotterdam' }]);
    expect(await preparedOnSession()).toEqual([sql]);
    expect(stats.prepared).toBe(1);
    // Wrapping again is a no-op: the same counters, no second layer.
    expect(usePreparedStatements(pool)).toBe(stats);
  });

  it('leaves texts without parameters unnamed, and stops naming at the bound', async () => {
    const stats = usePreparedStatements(pool);
    await pool.query('SELECT count(*) FROM province');
    await pool.query('SELECT $1::int + 1 AS n', [1]);
    await pool.query('SELECT $1::int + 2 AS n', [1]);
    const { rows } = await pool.query('SELECT $1::int + 3 AS n', [1]);
    expect(rows).toEqual([{ n: 4 }]);
    expect(stats.prepared).toBe(3);
    expect(stats.overflow).toBe(1);
    expect(await preparedOnSession()).not.toContain('SELECT count(*) FROM province');
    expect(await preparedOnSession()).not.toContain('SELECT $1::int + 3 AS n');
  });

  it('a failing statement fails as before and the connection stays usable', async () => {
    await expect(pool.query('SELECT $1::int / 0', [1])).rejects.toThrow(/division by zero/);
    const { rows } = await pool.query('SELECT $1::int + 1 AS n', [41]);
    expect(rows).toEqual([{ n: 42 }]);
  });
});

/** The loaders' pool for keyed reads (createLookupPool): generic plans, the same answers. */
describe('lookups pool', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi('reference', true);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  const setting = async (p: pg.Pool) =>
    (
      await p.query<{ mode: string; app: string }>(
        `SELECT current_setting('plan_cache_mode') AS mode, current_setting('application_name') AS app`,
      )
    ).rows[0]!;

  /** The last statement of each lookups session (pg_stat_activity keeps its first 1 kB). */
  const lastOnLookups = async () =>
    (
      await api.pool.query<{ query: string }>(
        `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '%-lookups'`,
      )
    ).rows.map((r) => r.query);

  it('runs its sessions with generic plans, the main pool with PostgreSQL’s choice', async () => {
    const main = await setting(api.pool);
    const lookups = await setting(api.lookups);
    expect(main.mode).toBe('auto');
    expect(lookups.mode).toBe('force_generic_plan');
    expect(lookups.app).toBe(`${main.app}-lookups`);
  });

  it('serves the loaders’ keyed reads, with the answers of the main pool', async () => {
    const q = `{ solution(slug: "open-zaak") { name adoptions(status: [LIVE]) { totalCount
      edges { node { status municipality { code province { code } } } } } } }`;
    const split = await api.gql(q);
    const single = await api.gql(q, {}, api.pool);
    expect(split.errors).toBeUndefined();
    expect(split.data).toEqual(single.data);
    expect(split.data?.solution.adoptions.totalCount).toBeGreaterThan(0);
    // The last statement of a lookups session is the adopters page: the loaders ran there.
    await api.gql(q);
    expect((await lastOnLookups()).some((s) => s.includes('FROM unnest($1::int[]) AS k(parent_key)'))).toBe(true);
  });

  it('runs the uptake of today there, and that of a past date on the main pool', async () => {
    const q = `query($asOf: Date) { uptake(groupBy: MUNICIPALITY, asOf: $asOf) { rows { groupKey adoptedSolutionCount } } }`;
    // A line within the first 1 kB of the uptake statement.
    const UPTAKE_MARK = 'sel AS (SELECT s.id FROM solution s WHERE $2::int[] IS NULL';
    const past = await api.gql(q, { asOf: '2020-06-01' });
    expect(past.data).toEqual((await api.gql(q, { asOf: '2020-06-01' }, api.pool)).data);
    expect((await lastOnLookups()).some((s) => s.includes(UPTAKE_MARK))).toBe(false);
    const today = await api.gql(q, {});
    expect(today.data).toEqual((await api.gql(q, {}, api.pool)).data);
    expect((await lastOnLookups()).some((s) => s.includes(UPTAKE_MARK))).toBe(true);
  });

  it('runs the province comparison of today there from the kept counts, and that of a past date on the main pool', async () => {
    const q = `query($asOf: Date) { regionComparison(kind: PROVINCE, solutionSlugs: ["open-zaak"], asOf: $asOf) {
      rows { code municipalityCount cells { adoptingCount } } } }`;
    const KEPT = 'FROM atlas_meta.adoption_province_count';
    const past = await api.gql(q, { asOf: '2020-06-01' });
    expect(past.errors).toBeUndefined();
    expect((await lastOnLookups()).some((s) => s.includes(KEPT))).toBe(false);
    const today = await api.gql(q, {});
    expect(today.data?.regionComparison.rows).toHaveLength(12);
    expect((await lastOnLookups()).some((s) => s.includes(KEPT))).toBe(true);
  });
});
