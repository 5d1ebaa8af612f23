/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON here */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool, PoolClient } from 'pg';
import { AdoptionService } from '../../server/src/adoption/adoption.service.js';
import { openApi, type ApiHarness } from './api-fixtures.js';

/**
 * atlas_meta.adoption_status_count (migration 1765152000000), atlas_meta.adoption_province_count
 * (migration 1765324800000) and atlas_meta.adoption_region_count (migration 1765411200000) against a
 * recount of `adoption` after every kind of write, and the adoption list's totalCount (which sums
 * the first or the last when the filter allows) against plain SQL over the rows.
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
       WHERE coalesce(k.n, 0) <> coalesce(a.n, 0)
      UNION ALL
      SELECT 'region ' || coalesce(k.region_id, a.region_id) || '/' || coalesce(k.status, a.status) || ': '
             || coalesce(k.n, 0) || ' ≠ ' || coalesce(a.n, 0)
        FROM atlas_meta.adoption_region_count k
        FULL JOIN (SELECT rm.region_id, a.status, count(*)::int AS n
                     FROM adoption a JOIN region_membership rm ON rm.municipality_id = a.municipality_id
                    GROUP BY 1, 2) a
          ON a.region_id = k.region_id AND a.status = k.status
       WHERE coalesce(k.n, 0) <> coalesce(a.n, 0)`);
    return rows.map((r) => r.key);
  };

  /** Two sessions for a race; whatever they leave open is rolled back. */
  const withSessions = async (fn: (a: PoolClient, b: PoolClient) => Promise<void>) => {
    const a = await api.pool.connect();
    const b = await api.pool.connect();
    try {
      await fn(a, b);
    } finally {
      await a.query('ROLLBACK').catch(() => {});
      await b.query('ROLLBACK').catch(() => {});
      a.release();
      b.release();
    }
  };
  /**
   * `first` runs in a transaction of `a`; then `second` starts in one of `b` while a's is open (so
   * it may wait on a's locks); a commits, then b.
   */
  const race = async (a: PoolClient, first: () => Promise<unknown>, b: PoolClient, second: () => Promise<unknown>) => {
    await a.query('BEGIN');
    await first();
    await b.query('BEGIN');
    const pending = second();
    await new Promise((r) => setTimeout(r, 150));
    await a.query('COMMIT');
    await pending;
    await b.query('COMMIT');
  };
  /** A LIVE adoption of solution s by municipality m, its other columns copied from the first adoption. */
  const insertLive = (c: PoolClient, m: number, s: number) =>
    c.query(
      `INSERT INTO adoption (municipality_id, solution_id, status, status_since, first_event_date, provenance, last_event_id, last_confirmed_at)
       SELECT $1, $2, 'LIVE', status_since, first_event_date, provenance, last_event_id, last_confirmed_at
         FROM adoption ORDER BY id LIMIT 1`,
      [m, s],
    );

  beforeAll(async () => {
    api = await openApi('demo', false);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  it('holds the demo data’s counts', async () => {
    const { rows } = await api.pool.query<{ n: number; p: number; r: number }>(
      `SELECT (SELECT sum(n)::int FROM atlas_meta.adoption_status_count) AS n,
              (SELECT sum(n)::int FROM atlas_meta.adoption_province_count) AS p,
              (SELECT sum(n)::int FROM atlas_meta.adoption_region_count) AS r`,
    );
    expect(rows[0]!.n).toBeGreaterThan(1000);
    // Every municipality is in several regions (province, COROP, safety region, ...).
    expect(rows[0]!.r).toBeGreaterThan(3 * rows[0]!.n);
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
      // The municipality joins a region, leaves another, and one membership moves to a third region.
      const regions = await client.query<{ id: number }>(
        `SELECT r.id FROM region r WHERE NOT EXISTS (
           SELECT 1 FROM region_membership rm WHERE rm.region_id = r.id AND rm.municipality_id = $1) ORDER BY r.id LIMIT 2`,
        [other.rows[0]!.id],
      );
      await client.query(`INSERT INTO region_membership (region_id, municipality_id) VALUES ($1, $2)`, [
        regions.rows[0]!.id,
        other.rows[0]!.id,
      ]);
      expect(await drift(client)).toEqual([]);
      await client.query(
        `DELETE FROM region_membership WHERE municipality_id = $1
            AND region_id = (SELECT min(region_id) FROM region_membership WHERE municipality_id = $1 AND region_id <> $2)`,
        [other.rows[0]!.id, regions.rows[0]!.id],
      );
      expect(await drift(client)).toEqual([]);
      await client.query(`UPDATE region_membership SET region_id = $3 WHERE municipality_id = $1 AND region_id = $2`, [
        other.rows[0]!.id,
        regions.rows[0]!.id,
        regions.rows[1]!.id,
      ]);
      expect(await drift(client)).toEqual([]);
      await client.query(`SAVEPOINT before_truncate`);
      await client.query(`TRUNCATE region_membership`);
      expect((await client.query(`SELECT sum(n)::int AS n FROM atlas_meta.adoption_region_count`)).rows[0].n ?? 0).toBe(
        0,
      );
      await client.query(`ROLLBACK TO SAVEPOINT before_truncate`);
      expect(await drift(client)).toEqual([]);
      await client.query(`TRUNCATE adoption CASCADE`);
      expect((await client.query(`SELECT count(*)::int AS n FROM atlas_meta.adoption_status_count`)).rows[0].n).toBe(0);
      expect((await client.query(`SELECT sum(n)::int AS n FROM atlas_meta.adoption_region_count`)).rows[0].n ?? 0).toBe(
        0,
      );
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
    await api.pool.query(`UPDATE atlas_meta.adoption_region_count SET n = n + 2`);
    expect((await drift()).length).toBeGreaterThan(0);
    await api.pool.query(`SELECT atlas_meta.adoption_region_count_rebuild()`);
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
    const move = (c: PoolClient, province: number) =>
      c.query(`UPDATE municipality SET province_id = $2 WHERE id = $1`, [m, province]);
    await withSessions(async (writer, mover) => {
      // The adoption is written first: the move waits for that transaction, then moves it too.
      await race(
        writer,
        () => insertLive(writer, m, solutions[0]!),
        mover,
        () => move(mover, to),
      );
      expect(await drift()).toEqual([]);
      // The move comes first: the writer waits for it, then counts its adoption in the new province.
      await race(
        mover,
        () => move(mover, from),
        writer,
        () => insertLive(writer, m, solutions[1]!),
      );
      expect(await drift()).toEqual([]);
    });
  });

  it('a municipality that joins or leaves a region while its adoptions are written: counted in the region it is in', async () => {
    const { rows } = await api.pool.query<{ m: number; region: number; solutions: number[] }>(
      `SELECT m.id AS m,
              (SELECT min(r.id) FROM region r WHERE NOT EXISTS (
                 SELECT 1 FROM region_membership rm WHERE rm.region_id = r.id AND rm.municipality_id = m.id)) AS region,
              (SELECT array_agg(s.id ORDER BY s.id) FROM (SELECT s.id FROM solution s WHERE NOT EXISTS (
                 SELECT 1 FROM adoption a WHERE a.municipality_id = m.id AND a.solution_id = s.id) ORDER BY s.id LIMIT 2) s) AS solutions
         FROM municipality m WHERE m.valid_to IS NULL ORDER BY m.id DESC LIMIT 1`,
    );
    const { m, region, solutions } = rows[0]!;
    expect(region).not.toBeNull();
    expect(solutions.length).toBe(2);
    await withSessions(async (writer, member) => {
      // The adoption is written first: joining the region waits for it, then counts it too.
      await race(
        writer,
        () => insertLive(writer, m, solutions[0]!),
        member,
        () => member.query(`INSERT INTO region_membership (region_id, municipality_id) VALUES ($1, $2)`, [region, m]),
      );
      expect(await drift()).toEqual([]);
      // Leaving comes first: the writer waits for it, then leaves its adoption out of the region.
      await race(
        member,
        () => member.query(`DELETE FROM region_membership WHERE region_id = $1 AND municipality_id = $2`, [region, m]),
        writer,
        () => insertLive(writer, m, solutions[1]!),
      );
      expect(await drift()).toEqual([]);
    });
  });

  it('pages through a region’s adoptions as SQL orders them, with their municipality, province and solution', async () => {
    const { rows: picked } = await api.pool.query<{ corop: string; inside: string; outside: string }>(
      `SELECT (SELECT r.code FROM region r JOIN region_membership rm ON rm.region_id = r.id
                WHERE r.kind = 'COROP' GROUP BY r.code ORDER BY count(*) DESC, r.code LIMIT 1) AS corop,
              (SELECT min(m.code) FROM municipality m JOIN region_membership rm ON rm.municipality_id = m.id
                 JOIN region r ON r.id = rm.region_id WHERE r.kind = 'PROVINCE' AND r.code = 'PV27') AS inside,
              (SELECT min(m.code) FROM municipality m WHERE NOT EXISTS (
                 SELECT 1 FROM region_membership rm JOIN region r ON r.id = rm.region_id
                  WHERE rm.municipality_id = m.id AND r.kind = 'PROVINCE' AND r.code = 'PV27')) AS outside`,
    );
    const { corop, inside, outside } = picked[0]!;
    // The filter, the region it names and the other conditions, as SQL.
    const cases: [Record<string, unknown>, string, string][] = [
      [{ region: { kind: 'PROVINCE', code: 'pv27' } }, `r.kind = 'PROVINCE' AND r.code = 'PV27'`, 'true'],
      [
        { status: ['LIVE', 'PLANNED'], region: { kind: 'COROP', code: corop } },
        `r.kind = 'COROP' AND r.code = '${corop}'`,
        `a.status IN ('LIVE', 'PLANNED')`,
      ],
      [
        { municipalityCode: inside, status: ['LIVE'], region: { kind: 'PROVINCE', code: 'PV27' } },
        `r.kind = 'PROVINCE' AND r.code = 'PV27'`,
        `m.code = '${inside}' AND a.status = 'LIVE'`,
      ],
      [
        { municipalityCode: outside, region: { kind: 'PROVINCE', code: 'PV27' } },
        `r.kind = 'PROVINCE' AND r.code = 'PV27'`,
        `m.code = '${outside}'`,
      ],
    ];
    const sizes: number[] = [];
    for (const [filter, region, rest] of cases) {
      const { rows: expected } = await api.pool.query<{ key: string }>(
        `SELECT m.code || ':' || s.slug || ' ' || a.status || ' ' || p.code || ' ' || s.name AS key
           FROM adoption a JOIN municipality m ON m.id = a.municipality_id JOIN province p ON p.id = m.province_id
           JOIN solution s ON s.id = a.solution_id
          WHERE a.municipality_id IN (SELECT rm.municipality_id FROM region_membership rm
                                        JOIN region r ON r.id = rm.region_id WHERE ${region})
            AND ${rest}
          ORDER BY m.code, s.slug`,
      );
      sizes.push(expected.length);
      const seen: string[] = [];
      let after: string | null = null;
      const totals = new Set<number>();
      for (let page = 0; page < 100; page++) {
        const d: any = await api.data(
          `query($f: AdoptionFilter, $after: String) { adoptions(filter: $f, first: 37, after: $after) {
             totalCount pageInfo { hasNextPage endCursor }
             edges { node { id status municipality { code province { code } } solution { slug name } } } } }`,
          { f: filter, after },
        );
        totals.add(d.adoptions.totalCount);
        for (const { node: n } of d.adoptions.edges) {
          expect(n.id).toBe(`${n.municipality.code}:${n.solution.slug}`);
          seen.push(`${n.id} ${n.status} ${n.municipality.province.code} ${n.solution.name}`);
        }
        if (!d.adoptions.pageInfo.hasNextPage) break;
        after = d.adoptions.pageInfo.endCursor;
      }
      expect(seen, JSON.stringify(filter)).toEqual(expected.map((r) => r.key));
      expect([...totals], JSON.stringify(filter)).toEqual([expected.length]);
    }
    // Several pages, a few rows, none.
    expect(sizes[0]).toBeGreaterThan(3 * 37);
    expect(sizes[1]).toBeGreaterThan(37);
    expect(sizes[2]).toBeGreaterThan(0);
    expect(sizes[3]).toBe(0);
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
    // Codes that differ only in case name two regions, whose members overlap: counted once each.
    const client = await api.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `WITH r AS (INSERT INTO region (kind, code, name) VALUES ('PROVINCE', 'pv27', 'Kopie') RETURNING id)
         INSERT INTO region_membership (region_id, municipality_id)
         SELECT r.id, rm.municipality_id FROM r, region_membership rm JOIN region p ON p.id = rm.region_id
          WHERE p.kind = 'PROVINCE' AND p.code IN ('PV27', 'PV26')`,
      );
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM adoption a WHERE a.status = 'LIVE' AND a.municipality_id IN (
           SELECT rm.municipality_id FROM region_membership rm JOIN region r ON r.id = rm.region_id
            WHERE r.kind = 'PROVINCE' AND upper(r.code) = 'PV27')`,
      );
      const page = await new AdoptionService(client as unknown as Pool).list(
        { status: ['LIVE'], region: { kind: 'PROVINCE', code: 'Pv27' } } as never,
        1,
        null,
      );
      expect(page.totalCount).toBe(rows[0]!.n);
      expect(rows[0]!.n).toBeGreaterThan(await sql(`a.status = 'LIVE' AND ${inProvince}`));
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
