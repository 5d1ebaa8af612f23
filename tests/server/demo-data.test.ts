import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, loadDemoData, type DemoReport } from '../../server/src/demo/demo.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** Every demo row of every table the demo writes, without identity ids and clock-dependent values. */
async function checksum(ds: DataSource): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    organisation: `SELECT to_jsonb(t) - 'id' FROM organisation t`,
    region: `SELECT to_jsonb(t) - 'id' FROM region t WHERE kind IN ('NETWORK', 'COOPERATION')`,
    region_membership: `SELECT to_jsonb(t) FROM region_membership t JOIN region r ON r.id = t.region_id WHERE r.kind IN ('NETWORK', 'COOPERATION')`,
    standard: `SELECT to_jsonb(t) - 'id' FROM standard t`,
    standard_version: `SELECT to_jsonb(t) - 'id' FROM standard_version t`,
    annual_plan: `SELECT to_jsonb(t) - 'id' FROM annual_plan t`,
    initiative: `SELECT to_jsonb(t) - 'id' FROM initiative t`,
    decision: `SELECT to_jsonb(t) - 'id' FROM decision t`,
    initiative_participant: `SELECT to_jsonb(t) FROM initiative_participant t`,
    funding_line: `SELECT to_jsonb(t) - 'id' FROM funding_line t`,
    solution: `SELECT to_jsonb(t) - 'id' FROM solution t`,
    solution_standard: `SELECT to_jsonb(t) FROM solution_standard t`,
    solution_relation: `SELECT to_jsonb(t) FROM solution_relation t`,
    // The merger inheritance stamps its own events with the clock; everything else is seeded.
    adoption_event: `SELECT to_jsonb(t) - 'id' - CASE WHEN t.provenance = 'INHERITED' THEN 'recorded_at' ELSE '' END
                     FROM adoption_event t WHERE is_demo`,
    adoption: `SELECT to_jsonb(t) - 'id' - 'last_event_id' || jsonb_build_object('last', to_jsonb(e) - 'id' - 'recorded_at')
               FROM adoption t JOIN adoption_event e ON e.id = t.last_event_id WHERE t.is_demo`,
    standard_compliance: `SELECT to_jsonb(t) - 'id' FROM standard_compliance t WHERE is_demo`,
  };
  const out: Record<string, string> = {};
  for (const [table, sql] of Object.entries(tables)) {
    const [row] = await ds.query(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h, count(*)::int AS n FROM (${sql}) AS r(x)`,
    );
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

const one = async <T = number>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T> =>
  Object.values((await ds.query(sql, params))[0] as Record<string, T>)[0] as T;

/** Share of the municipalities valid on `date` whose status of `slug` on that date is LIVE. */
const liveShare = (ds: DataSource, slug: string, date: string) =>
  one<number>(
    ds,
    `WITH valid AS (
       SELECT id FROM municipality WHERE (valid_from IS NULL OR valid_from <= $2::date) AND (valid_to IS NULL OR valid_to >= $2::date)
     ), latest AS (
       SELECT DISTINCT ON (e.municipality_id) e.municipality_id, e.status
       FROM adoption_event e JOIN solution s ON s.id = e.solution_id
       WHERE s.slug = $1 AND e.effective_date <= $2::date
       ORDER BY e.municipality_id, e.effective_date DESC, e.id DESC
     )
     SELECT (count(*) FILTER (WHERE l.status = 'LIVE'))::float / count(*) FROM valid v LEFT JOIN latest l ON l.municipality_id = v.id`,
    [slug, date],
  );

describe('demo data', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let c: TestDatabase;
  let ds: DataSource;
  let report: DemoReport;
  let sumA: Record<string, string>;

  beforeAll(async () => {
    [a, b, c] = await Promise.all([
      createTestDatabase('reference'),
      createTestDatabase('reference'),
      createTestDatabase('reference'),
    ]);
    ds = await a.dataSource();
    report = await loadDemoData(ds);
    sumA = await checksum(ds);
  });
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop(), c?.drop()]);
  });

  // How fast it loads is for the benchmark to report, not for a test to time.
  it('loads with the default seed', () => {
    expect(report.loaded).toBe(true);
    expect(report.seed).toBe(DEFAULT_SEED);
    expect(report.counts.adoption_event).toBeGreaterThan(10_000);
    expect(report.counts.adoption_event).toBeLessThan(100_000);
  });

  it('is deterministic: the same seed gives the same rows, another seed other adoptions', async () => {
    const other = await b.dataSource();
    expect((await loadDemoData(other, { seed: DEFAULT_SEED })).loaded).toBe(true);
    expect(await checksum(other)).toEqual(sumA);

    const third = await c.dataSource();
    expect((await loadDemoData(third, { seed: 7 })).loaded).toBe(true);
    const sumC = await checksum(third);
    expect(sumC.adoption_event).not.toBe(sumA.adoption_event);
    expect(sumC.adoption).not.toBe(sumA.adoption);
    expect(sumC.standard_compliance).not.toBe(sumA.standard_compliance);
    expect(sumC.solution).toBe(sumA.solution); // the catalogue does not depend on the seed
  }, 180_000);

  it('has a catalogue of the asked size', async () => {
    expect(report.counts.initiative).toBeGreaterThanOrEqual(12);
    expect(report.counts.initiative).toBeLessThanOrEqual(20);
    expect(report.counts.solution).toBeGreaterThanOrEqual(35);
    expect(report.counts.solution).toBeLessThanOrEqual(45);
    expect(report.counts.standard).toBeGreaterThanOrEqual(20);
    expect(report.counts.standard).toBeLessThanOrEqual(30);
    const plans: { year: number; title: string }[] = await ds.query(
      `SELECT year, title FROM annual_plan ORDER BY year`,
    );
    expect(plans.map((p) => p.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(plans.every((p) => p.title === `Jaarplan GGU ${p.year}`)).toBe(true);
    const g4: string[] = (
      await ds.query(`SELECT m.code FROM region r JOIN region_membership rm ON rm.region_id = r.id
                      JOIN municipality m ON m.id = rm.municipality_id WHERE r.kind = 'NETWORK' AND r.code = 'G4' ORDER BY 1`)
    ).map((r: { code: string }) => r.code);
    expect(g4).toEqual(['GM0344', 'GM0363', 'GM0518', 'GM0599']);
    // Every initiative's stage is where its last decision took it.
    expect(
      await one(
        ds,
        `SELECT count(*)::int FROM initiative i WHERE i.stage <> coalesce(
        (SELECT d.to_stage FROM decision d WHERE d.initiative_id = i.id ORDER BY d.decided_on DESC, d.id DESC LIMIT 1), 'SUBMITTED')`,
      ),
    ).toBe(0);
  });

  it('never has an event outside its municipality’s validity or after 2026-06-30', async () => {
    expect(
      await one(
        ds,
        `SELECT count(*)::int FROM adoption_event e JOIN municipality m ON m.id = e.municipality_id
        WHERE (m.valid_from IS NOT NULL AND e.effective_date < m.valid_from)
           OR (m.valid_to IS NOT NULL AND e.effective_date > m.valid_to)
           OR e.effective_date > '2026-06-30'`,
      ),
    ).toBe(0);
    expect(
      await one(
        ds,
        `SELECT count(DISTINCT municipality_id)::int FROM adoption_event e JOIN municipality m ON m.id = e.municipality_id
      WHERE m.valid_to IS NOT NULL`,
      ),
    ).toBeGreaterThan(30);
  });

  it('applies mergers: successors inherit, and no history goes backwards from LIVE', async () => {
    expect(report.counts.adoption_event_inherited).toBeGreaterThan(50);
    expect(
      await one(
        ds,
        `SELECT count(*)::int FROM (
        SELECT status, lag(status) OVER (PARTITION BY municipality_id, solution_id ORDER BY effective_date, id) AS prev
        FROM adoption_event) t
        WHERE prev = 'LIVE' AND status IN ('CONSIDERING', 'PLANNED', 'IMPLEMENTING')`,
      ),
    ).toBe(0);
  });

  it('has exactly one projection row per pair with events, equal to its latest event', async () => {
    expect(
      await one(
        ds,
        `WITH latest AS (
          SELECT DISTINCT ON (municipality_id, solution_id) * FROM adoption_event
          ORDER BY municipality_id, solution_id, effective_date DESC, id DESC
        ), first AS (
          SELECT municipality_id, solution_id, min(effective_date) AS d FROM adoption_event GROUP BY 1, 2
        )
        SELECT count(*)::int FROM latest l
        FULL JOIN adoption a USING (municipality_id, solution_id)
        LEFT JOIN first f USING (municipality_id, solution_id)
        WHERE a.id IS NULL OR l.id IS NULL OR a.last_event_id <> l.id OR a.status <> l.status
           OR a.mode IS DISTINCT FROM l.mode OR a.provenance <> l.provenance OR a.status_since <> l.effective_date
           OR a.first_event_date <> f.d OR (a.live_since IS NULL) <> (a.status <> 'LIVE') OR a.version <> 1`,
      ),
    ).toBe(0);
  });

  it('marks every demo fact is_demo, and declares compliance with explanations, deadlines and disagreements', async () => {
    for (const table of ['adoption_event', 'adoption', 'standard_compliance']) {
      expect(await one(ds, `SELECT count(*) FILTER (WHERE NOT is_demo)::int FROM ${table}`), table).toBe(0);
      expect(await one(ds, `SELECT count(*)::int FROM ${table}`), table).toBeGreaterThan(1000);
    }
    const rows: { status: string; live: boolean; n: number }[] = await ds.query(
      `SELECT c.status, EXISTS (SELECT 1 FROM adoption a JOIN solution_standard ss ON ss.solution_id = a.solution_id
                                WHERE a.municipality_id = c.municipality_id AND ss.standard_id = c.standard_id AND a.status = 'LIVE') AS live,
              count(*)::int AS n
       FROM standard_compliance c GROUP BY 1, 2`,
    );
    const n = (status: string, live: boolean) => rows.find((r) => r.status === status && r.live === live)?.n ?? 0;
    expect(n('COMPLIANT', true)).toBeGreaterThan(n('NOT_COMPLIANT', true));
    expect(n('COMPLIANT', false)).toBeGreaterThan(0); // declared compliant without a LIVE solution
    expect(n('NOT_COMPLIANT', true) + n('EXPLAINED', true)).toBeGreaterThan(0); // LIVE solution, yet not declared
    expect(
      await one(
        ds,
        `SELECT count(*)::int FROM standard_compliance c JOIN municipality m ON m.id = c.municipality_id
      WHERE m.valid_to IS NOT NULL`,
      ),
    ).toBe(0);
    expect(
      await one(
        ds,
        `SELECT count(*)::int FROM standard_compliance WHERE status = 'EXPLAINED' AND explanation LIKE '% %'`,
      ),
    ).toBeGreaterThan(0);
  });

  it('counts 380 municipalities on 2018-01-01 and 342 on 2025-01-01', async () => {
    const valid = (date: string) =>
      one(
        ds,
        `SELECT count(*)::int FROM municipality WHERE (valid_from IS NULL OR valid_from <= $1::date)
        AND (valid_to IS NULL OR valid_to >= $1::date)`,
        [date],
      );
    expect(await valid('2018-01-01')).toBe(380);
    expect(await valid('2025-01-01')).toBe(342);
  });

  it('grows the share of LIVE municipalities from 2018 to 2025 for solutions launched by 2018', async () => {
    const slugs: string[] = (
      await ds.query(
        `SELECT slug FROM solution WHERE launched_on <= '2018-01-01' AND lifecycle NOT IN ('DEPRECATED', 'RETIRED') ORDER BY slug`,
      )
    ).map((r: { slug: string }) => r.slug);
    expect(slugs).toContain('ibd-cyber-security-incident-response');
    for (const slug of slugs) {
      const [s2018, s2025] = [await liveShare(ds, slug, '2018-01-01'), await liveShare(ds, slug, '2025-01-01')];
      expect(s2025, slug).toBeGreaterThan(s2018);
    }
    // A solution launched later starts from nothing.
    expect(await liveShare(ds, 'open-zaak', '2018-01-01')).toBe(0);
    expect(await liveShare(ds, 'open-zaak', '2025-01-01')).toBeGreaterThan(0.1);
  });

  it('does nothing on a second load', async () => {
    const again = await loadDemoData(ds);
    expect(again.loaded).toBe(false);
    expect(again.reason).toBe('already-loaded');
    expect(await checksum(ds)).toEqual(sumA);
  });
});
