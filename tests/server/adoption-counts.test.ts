/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON here */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi, type ApiHarness } from './api-fixtures.js';

/**
 * atlas_meta.adoption_status_count (migration 1765152000000) and atlas_meta.adoption_province_count
 * (migration 1765324800000) against a recount of `adoption` after every kind of write, and the
 * adoption list's totalCount (which sums the first when the filter allows) against plain SQL over
 * the rows.
 */
describe('adoption counts kept on write', () => {
  let api: ApiHarness;

  /**
   * Counts that differ from a recount of the rows, as "municipality/status: kept ≠ actual" and
   * "province solution/status/province: kept ≠ actual" (adoptions of municipalities without an end date).
   */
  const drift = async (q: { query: ApiHarness['pool']['query'] } = api.pool) => {
    const { rows } = await q.query<{ key: string }>(`
      SELECT coalesce(k.municipality_id, a.municipality_id) || '/' || coalesce(k.status, a.status) || ': '
             || coalesce(k.n, 0) || ' ≠ ' || coalesce(a.n, 0) AS key
        FROM atlas_meta.adoption_status_count k
        FULL JOIN (SELECT municipality_id, status, count(*)::int AS n FROM adoption GROUP BY 1, 2) a
          ON a.municipality_id = k.municipality_id AND a.status = k.status
       WHERE coalesce(k.n, 0) <> coalesce(a.n, 0)
      UNION ALL
      SELECT 'province ' || coalesce(k.solution_id, a.solution_id) || '/' || coalesce(k.status, a.status) || '/'
             || coalesce(k.province_id, a.province_id) || ': ' || coalesce(k.n, 0) || ' ≠ ' || coalesce(a.n, 0)
        FROM atlas_meta.adoption_province_count k
        FULL JOIN (SELECT a.solution_id, a.status, m.province_id, count(*)::int AS n
                     FROM adoption a JOIN municipality m ON m.id = a.municipality_id
                    WHERE m.valid_to IS NULL GROUP BY 1, 2, 3) a
          ON a.solution_id = k.solution_id AND a.status = k.status AND a.province_id = k.province_id
       WHERE coalesce(k.n, 0) <> coalesce(a.n, 0)`);
    return rows.map((r) => r.key);
  };

  beforeAll(async () => {
    api = await openApi('demo', false);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  it('holds the demo data’s counts', async () => {
    const { rows } = await api.pool.query<{ n: number; p: number }>(
      `SELECT (SELECT sum(n)::int FROM atlas_meta.adoption_status_count) AS n,
              (SELECT sum(n)::int FROM atlas_meta.adoption_province_count) AS p`,
    );
    expect(rows[0]!.n).toBeGreaterThan(1000);
    // Merged municipalities keep their adoptions, which the province counts leave out.
    expect(rows[0]!.p).toBeGreaterThan(1000);
    expect(rows[0]!.p).toBeLessThan(rows[0]!.n);
    expect(await drift()).toEqual([]);
  });

  it('follows inserts, status changes, moves between municipalities, deletes and truncation', async () => {
    const client = await api.pool.connect();
    try {
      await client.query('BEGIN');
      // A municipality's LIVE adoptions become PILOT, and a few of them move to another municipality.
      const { rows } = await client.query<{ id: number; municipality_id: number }>(
        `SELECT id, municipality_id FROM adoption WHERE status = 'LIVE' ORDER BY id LIMIT 12`,
      );
      expect(rows.length).toBe(12);
      await client.query(`UPDATE adoption SET status = 'IMPLEMENTING' WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      expect(await drift(client)).toEqual([]);
      await client.query(`UPDATE adoption SET status = status WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      expect(await drift(client)).toEqual([]);
      const other = await client.query<{ id: number }>(
        `SELECT m.id FROM municipality m
          WHERE NOT EXISTS (SELECT 1 FROM adoption a WHERE a.municipality_id = m.id AND a.solution_id = ANY(
                  SELECT solution_id FROM adoption WHERE id = ANY($1)))
          ORDER BY m.id LIMIT 1`,
        [rows.slice(0, 3).map((r) => r.id)],
      );
      await client.query(`UPDATE adoption SET municipality_id = $1 WHERE id = ANY($2)`, [
        other.rows[0]!.id,
        rows.slice(0, 3).map((r) => r.id),
      ]);
      expect(await drift(client)).toEqual([]);
      // A copy of one municipality's adoptions for another, then deleting some of them.
      const { rows: cols } = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = 'adoption' AND column_name NOT IN ('id', 'municipality_id')
            AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      );
      const copied = cols.map((c) => `"${c.name}"`).join(', ');
      const inserted = await client.query(
        `INSERT INTO adoption (municipality_id, ${copied})
         SELECT $1, ${copied} FROM adoption a WHERE municipality_id = $2
            AND NOT EXISTS (SELECT 1 FROM adoption b WHERE b.municipality_id = $1 AND b.solution_id = a.solution_id)`,
        [other.rows[0]!.id, rows[5]!.municipality_id],
      );
      expect(inserted.rowCount).toBeGreaterThan(0);
      expect(await drift(client)).toEqual([]);
      const deleted = await client.query(
        `DELETE FROM adoption WHERE id IN (SELECT id FROM adoption ORDER BY id DESC LIMIT 40)`,
      );
      expect(deleted.rowCount).toBe(40);
      expect(await drift(client)).toEqual([]);
      // The municipality moves to another province, ends, and ends no more.
      await client.query(
        `UPDATE municipality SET province_id = (SELECT min(id) FROM province WHERE id <> municipality.province_id) WHERE id = $1`,
        [other.rows[0]!.id],
      );
      expect(await drift(client)).toEqual([]);
      await client.query(`UPDATE municipality SET valid_to = '2030-01-01' WHERE id = ANY($1)`, [
        [other.rows[0]!.id, rows[5]!.municipality_id],
      ]);
      expect(await drift(client)).toEqual([]);
      await client.query(`UPDATE municipality SET valid_to = NULL, province_id = province_id WHERE id = $1`, [
        other.rows[0]!.id,
      ]);
      expect(await drift(client)).toEqual([]);
      await client.query(`SAVEPOINT before_truncate`);
      await client.query(`TRUNCATE adoption CASCADE`);
      expect((await client.query(`SELECT count(*)::int AS n FROM atlas_meta.adoption_status_count`)).rows[0].n).toBe(0);
      await client.query(`ROLLBACK TO SAVEPOINT before_truncate`);
      expect(await drift(client)).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await drift()).toEqual([]);
  });

  it('follows single writes, and the rebuild mends counts that drifted', async () => {
    await api.pool.query(
      `UPDATE adoption SET status = 'RETIRED' WHERE id IN (SELECT id FROM adoption ORDER BY id LIMIT 5)`,
    );
    expect(await drift()).toEqual([]);
    await api.pool.query(`UPDATE atlas_meta.adoption_status_count SET n = n + 1`);
    expect((await drift()).length).toBeGreaterThan(0);
    await api.pool.query(`SELECT atlas_meta.adoption_status_count_rebuild()`);
    expect(await drift()).toEqual([]);
    await api.pool.query(`UPDATE atlas_meta.adoption_province_count SET n = n - 1`);
    expect((await drift()).length).toBeGreaterThan(0);
    await api.pool.query(`SELECT atlas_meta.adoption_province_count_rebuild()`);
    expect(await drift()).toEqual([]);
  });

  it('a municipality that changes province while its adoptions are written: counted once, in its province', async () => {
    const { rows } = await api.pool.query<{ m: number; from: number; to: number; solutions: number[] }>(
      `SELECT m.id AS m, m.province_id AS from, (SELECT min(id) FROM province WHERE id <> m.province_id) AS to,
              (SELECT array_agg(s.id ORDER BY s.id) FROM (SELECT s.id FROM solution s WHERE NOT EXISTS (
                 SELECT 1 FROM adoption a WHERE a.municipality_id = m.id AND a.solution_id = s.id) ORDER BY s.id LIMIT 2) s) AS solutions
         FROM municipality m WHERE m.valid_to IS NULL ORDER BY m.id LIMIT 1`,
    );
    const { m, from, to, solutions } = rows[0]!;
    expect(solutions.length).toBe(2);
    const writer = await api.pool.connect();
    const mover = await api.pool.connect();
    // A LIVE adoption of solution s, its other columns copied from the first adoption.
    const insert = (s: number) =>
      writer.query(
        `INSERT INTO adoption (municipality_id, solution_id, status, status_since, first_event_date, provenance, last_event_id, last_confirmed_at)
         SELECT $1, $2, 'LIVE', status_since, first_event_date, provenance, last_event_id, last_confirmed_at
           FROM adoption ORDER BY id LIMIT 1`,
        [m, s],
      );
    const move = (province: number) =>
      mover.query(`UPDATE municipality SET province_id = $2 WHERE id = $1`, [m, province]);
    const settle = () => new Promise((r) => setTimeout(r, 150));
    try {
      // The adoption is written first: the move waits for that transaction, then moves it too.
      await writer.query('BEGIN');
      await insert(solutions[0]!);
      await mover.query('BEGIN');
      const moved = move(to);
      await settle();
      await writer.query('COMMIT');
      await moved;
      await mover.query('COMMIT');
      expect(await drift()).toEqual([]);
      // The move comes first: the writer waits for it, then counts its adoption in the new province.
      await mover.query('BEGIN');
      await move(from);
      await writer.query('BEGIN');
      const inserted = insert(solutions[1]!);
      await settle();
      await mover.query('COMMIT');
      await inserted;
      await writer.query('COMMIT');
      expect(await drift()).toEqual([]);
    } finally {
      await writer.query('ROLLBACK').catch(() => {});
      await mover.query('ROLLBACK').catch(() => {});
      writer.release();
      mover.release();
    }
  });

  it('gives the list’s totalCount as counting the rows does, for every kind of filter', async () => {
    const sql = async (where: string, params: unknown[] = []) =>
      (
        await api.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM adoption a JOIN municipality m ON m.id = a.municipality_id
             JOIN solution s ON s.id = a.solution_id WHERE ${where}`,
          params,
        )
      ).rows[0]!.n;
    const inProvince = `a.municipality_id IN (SELECT rm.municipality_id FROM region_membership rm
                          JOIN region r ON r.id = rm.region_id WHERE r.kind = 'PROVINCE' AND r.code = 'PV27')`;
    const cases: [string, Promise<number>][] = [
      ['', sql('true')],
      ['status: [LIVE]', sql(`a.status = 'LIVE'`)],
      ['status: [LIVE, IMPLEMENTING, LIVE]', sql(`a.status IN ('LIVE', 'IMPLEMENTING')`)],
      ['region: { kind: PROVINCE, code: "pv27" }', sql(inProvince)],
      ['status: [LIVE], region: { kind: PROVINCE, code: "PV27" }', sql(`a.status = 'LIVE' AND ${inProvince}`)],
      ['municipalityCode: "GM0363", status: [LIVE]', sql(`m.code = 'GM0363' AND a.status = 'LIVE'`)],
      ['municipalityCode: "GM9999"', sql(`m.code = 'GM9999'`)],
      // Conditions on other columns: the rows are counted.
      ['status: [LIVE], mode: [SAAS]', sql(`a.status = 'LIVE' AND a.mode = 'SAAS'`)],
      ['status: [LIVE], isDemo: false', sql(`a.status = 'LIVE' AND NOT a.is_demo`)],
    ];
    for (const [filter, expected] of cases) {
      const d: any = await api.data(`{ adoptions(filter: { ${filter} }, first: 1) { totalCount } }`);
      expect(d.adoptions.totalCount, filter).toBe(await expected);
    }
    expect(await sql(`a.status = 'LIVE' AND ${inProvince}`)).toBeGreaterThan(100);
  });
});
