import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inheritAdoptions } from '../../server/src/adoption/inheritance.js';
import { PROJECTION_COLUMNS, projectionQuery } from '../../server/src/adoption/projection.js';
import { codes, openApi, type ApiHarness } from './api-fixtures.js';

// GraphQL results are checked field by field; their static type adds nothing here.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Uptake figures on hand-built adoption histories over the real CBS reference data.
 *
 * Solutions: alpha (implements standard s-one; dev €100,000, implementation €10,000), beta
 * (implements s-two), gamma (no events). Events, before inheritance:
 * - Weesp GM0457: alpha PLANNED 2020-01-01, LIVE 2021-06-01; beta CONSIDERING 2021-01-01.
 *   Weesp joins Amsterdam on 2022-03-24, so Amsterdam inherits alpha LIVE (it had none) but not
 *   beta (Amsterdam's own beta LIVE ranks higher).
 * - Amsterdam GM0363: beta LIVE 2019-03-01.
 * - Haaren GM0788: alpha LIVE 2019-01-01; split on 2021-01-01 over Vught (largest area share),
 *   Oisterwijk, Tilburg and Boxtel, which all inherit alpha LIVE.
 * - Utrecht GM0344: alpha LIVE 2018-06-01, RETIRED 2023-01-01; beta IMPLEMENTING then LIVE, both
 *   on 2020-01-01 (the later id wins), RETRACTED 2024-01-01.
 * - Groningen GM0014: alpha LIVE 2022-02-01.
 * - Rotterdam GM0599: beta LIVE 2020-05-01.
 * Declarations: Amsterdam s-one NOT_COMPLIANT, s-two COMPLIANT; Utrecht s-one EXPLAINED;
 * Groningen s-two PLANNED.
 */
async function loadUptakeFixtures(pool: Pool): Promise<void> {
  await pool.query(`
    INSERT INTO standard (slug, name, domain, status) VALUES
      ('s-one', 'Standard one', 'test', 'ADOPTED'), ('s-two', 'Standard two', 'test', 'ADOPTED');
    INSERT INTO solution (slug, name, description, kind, lifecycle, development_cost_eur, implementation_cost_eur) VALUES
      ('alpha', 'Alpha', 'a', 'SOFTWARE', 'AVAILABLE', 100000, 10000),
      ('beta', 'Beta', 'b', 'SOFTWARE', 'AVAILABLE', NULL, NULL),
      ('gamma', 'Gamma', 'c', 'PROCESS', 'AVAILABLE', 5000, NULL);
    INSERT INTO solution_standard (solution_id, standard_id)
      SELECT s.id, st.id FROM solution s JOIN standard st ON (s.slug, st.slug) IN (('alpha', 's-one'), ('beta', 's-two'));
    INSERT INTO adoption_event (municipality_id, solution_id, status, effective_date, provenance)
      SELECT m.id, s.id, x.status, x.d::date, 'SELF_DECLARED'
      FROM (VALUES
        (1, 'GM0457', 'alpha', 'PLANNED', '2020-01-01'), (2, 'GM0457', 'alpha', 'LIVE', '2021-06-01'),
        (3, 'GM0457', 'beta', 'CONSIDERING', '2021-01-01'),
        (4, 'GM0363', 'beta', 'LIVE', '2019-03-01'),
        (5, 'GM0788', 'alpha', 'LIVE', '2019-01-01'),
        (6, 'GM0344', 'alpha', 'LIVE', '2018-06-01'), (7, 'GM0344', 'alpha', 'RETIRED', '2023-01-01'),
        (8, 'GM0344', 'beta', 'IMPLEMENTING', '2020-01-01'), (9, 'GM0344', 'beta', 'LIVE', '2020-01-01'),
        (10, 'GM0344', 'beta', 'RETRACTED', '2024-01-01'),
        (11, 'GM0014', 'alpha', 'LIVE', '2022-02-01'),
        (12, 'GM0599', 'beta', 'LIVE', '2020-05-01')) AS x(ord, code, slug, status, d)
      JOIN municipality m ON m.code = x.code JOIN solution s ON s.slug = x.slug
      ORDER BY x.ord;
    INSERT INTO standard_compliance (municipality_id, standard_id, status, explanation, deadline, provenance)
      SELECT m.id, st.id, x.status, x.explanation, x.deadline::date, 'SELF_DECLARED'
      FROM (VALUES ('GM0363', 's-one', 'NOT_COMPLIANT', NULL, NULL), ('GM0363', 's-two', 'COMPLIANT', NULL, NULL),
                   ('GM0344', 's-one', 'EXPLAINED', 'Eigen systeem', NULL), ('GM0014', 's-two', 'PLANNED', NULL, '2026-01-01'))
           AS x(code, slug, status, explanation, deadline)
      JOIN municipality m ON m.code = x.code JOIN standard st ON st.slug = x.slug;
  `);
  // The projection of every pair, as the writes keep it: the figures read it for pairs whose
  // latest event took effect by the date asked.
  await pool.query(`INSERT INTO adoption (${PROJECTION_COLUMNS})
    WITH pairs AS (SELECT DISTINCT municipality_id, solution_id FROM adoption_event), ${projectionQuery('false')}`);
  await inheritAdoptions(pool);
}

const UPTAKE = `query($g: UptakeGrouping!, $asOf: Date, $slugs: [String!], $statuses: [AdoptionStatus!]) {
  uptake(groupBy: $g, asOf: $asOf, solutionSlugs: $slugs, statuses: $statuses) {
    asOf groupBy statuses solutionSlugs selectedSolutionCount
    totals { groupKey municipalityCount adoptingCount share adoptionCount solutionCount declaredComplianceCount complianceShare }
    rows { groupKey groupName municipalityCode municipalityCount adoptingCount share adoptionCount solutionCount
           adoptedSolutionCount declaredComplianceCount complianceShare }
  }
}`;

describe('uptake figures on hand-built histories', () => {
  let api: ApiHarness;
  const uptake = async (vars: Record<string, unknown>) => (await api.data(UPTAKE, vars)).uptake;
  const row = (result: Json, key: string) => result.rows.find((r: Json) => r.groupKey === key);

  beforeAll(async () => {
    api = await openApi('reference', false);
    await loadUptakeFixtures(api.pool);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  describe('invalid input', () => {
    it('refuses unknown slugs, naming them', async () => {
      const res = await api.gql(UPTAKE, { g: 'PROVINCE', slugs: ['alpha', 'nope', 'nada'] });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.message).toContain('nope, nada');
      expect(res.errors![0]!.message).not.toMatch(/solution_id|SELECT|relation/);
    });

    it('refuses an empty solution list, an empty status list and an impossible date', async () => {
      expect(codes(await api.gql(UPTAKE, { g: 'PROVINCE', slugs: [] }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await api.gql(UPTAKE, { g: 'PROVINCE', statuses: [] }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await api.gql(UPTAKE, { g: 'PROVINCE', asOf: '2023-02-30' }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('denominators', () => {
    it.each([
      ['2018-01-01', 380],
      ['2019-01-01', 355],
      ['2025-01-01', 342],
    ])('counts the municipalities of %s once in every partitioning grouping (%i)', async (asOf, expected) => {
      for (const g of [
        'PROVINCE',
        'SIZE_CLASS',
        'MUNICIPALITY',
        'COROP',
        'SAFETY_REGION',
        'GGD_REGION',
        'LABOUR_MARKET_REGION',
      ]) {
        const r = await uptake({ g, asOf });
        const sum = r.rows.reduce((n: number, x: Json) => n + x.municipalityCount, 0);
        expect([g, sum]).toEqual([g, expected]);
        expect(r.totals.municipalityCount).toBe(expected);
      }
      expect((await uptake({ g: 'PROVINCE', asOf })).rows).toHaveLength(12);
    });

    it('defaults asOf to today, statuses to LIVE and solutions to all', async () => {
      const r = await uptake({ g: 'PROVINCE' });
      expect(r.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.statuses).toEqual(['LIVE']);
      expect(r.solutionSlugs).toBeNull();
      expect(r.selectedSolutionCount).toBe(3);
      expect(r.totals.municipalityCount).toBe(342);
    });
  });

  describe('the Weesp → Amsterdam merger of 2022-03-24', () => {
    it('on 2022-03-23 counts Weesp itself, with its own LIVE alpha', async () => {
      const r = await uptake({ g: 'MUNICIPALITY', asOf: '2022-03-23', slugs: ['alpha'] });
      expect(row(r, 'GM0457')).toMatchObject({
        municipalityCode: 'GM0457',
        adoptingCount: 1,
        adoptedSolutionCount: 1,
        share: 1,
      });
      expect(row(r, 'GM0363')).toMatchObject({ adoptingCount: 0, adoptedSolutionCount: 0, share: 0 });
      expect(r.totals).toMatchObject({ municipalityCount: 345, adoptingCount: 7, adoptionCount: 7, solutionCount: 1 });
      const nh = row(await uptake({ g: 'PROVINCE', asOf: '2022-03-23', slugs: ['alpha'] }), 'PV27');
      expect(nh).toMatchObject({ municipalityCount: 45, adoptingCount: 1 });
    });

    it('from 2022-03-24 counts only Amsterdam, which inherited LIVE alpha', async () => {
      for (const asOf of ['2022-03-24', '2023-06-01']) {
        const r = await uptake({ g: 'MUNICIPALITY', asOf, slugs: ['alpha'] });
        expect(row(r, 'GM0457')).toBeUndefined();
        expect(row(r, 'GM0363')).toMatchObject({ adoptingCount: 1, adoptedSolutionCount: 1, share: 1 });
        const nh = row(await uptake({ g: 'PROVINCE', asOf, slugs: ['alpha'] }), 'PV27');
        expect(nh).toMatchObject({ municipalityCount: 44, adoptingCount: 1 });
      }
      // 2022-03-24: Amsterdam, Utrecht, Haaren's four successors and Groningen; 2023-06-01 Utrecht retired.
      expect((await uptake({ g: 'PROVINCE', asOf: '2022-03-24', slugs: ['alpha'] })).totals).toMatchObject({
        municipalityCount: 344,
        adoptingCount: 7,
      });
      expect((await uptake({ g: 'PROVINCE', asOf: '2023-06-01', slugs: ['alpha'] })).totals).toMatchObject({
        municipalityCount: 342,
        adoptingCount: 6,
      });
    });

    it('does not inherit a lower status: Amsterdam keeps its own LIVE beta, counted once', async () => {
      const r = await uptake({
        g: 'MUNICIPALITY',
        asOf: '2022-03-24',
        slugs: ['beta'],
        statuses: ['CONSIDERING', 'LIVE'],
      });
      expect(row(r, 'GM0363')).toMatchObject({ adoptedSolutionCount: 1 });
      const before = await uptake({
        g: 'MUNICIPALITY',
        asOf: '2022-03-23',
        slugs: ['beta'],
        statuses: ['CONSIDERING'],
      });
      expect(row(before, 'GM0457')).toMatchObject({ adoptedSolutionCount: 1 });
      const after = await uptake({ g: 'PROVINCE', asOf: '2022-03-24', slugs: ['beta'], statuses: ['CONSIDERING'] });
      expect(after.totals.adoptingCount).toBe(0);
    });

    it('puts Weesp in Amsterdam’s COROP area before the merger and nowhere after', async () => {
      const { rows } = await api.pool.query<{ code: string; members: number }>(
        `SELECT r.code, count(*)::int AS members FROM region r JOIN region_membership rm ON rm.region_id = r.id
          WHERE r.kind = 'COROP' AND r.id IN (SELECT rm2.region_id FROM region_membership rm2 JOIN municipality m ON m.id = rm2.municipality_id
                                               WHERE m.code = 'GM0363') GROUP BY r.code`,
      );
      const { code, members } = rows[0]!;
      const before = row(await uptake({ g: 'COROP', asOf: '2022-03-23', slugs: ['alpha'] }), code);
      const after = row(await uptake({ g: 'COROP', asOf: '2022-03-24', slugs: ['alpha'] }), code);
      expect(before).toMatchObject({ municipalityCount: members + 1, adoptingCount: 1 });
      expect(after).toMatchObject({ municipalityCount: members, adoptingCount: 1 });
    });
  });

  it('maps Haaren (split 2021) to the regions of Vught, its largest successor', async () => {
    const { rows } = await api.pool.query<{ code: string }>(
      `SELECT r.code FROM region r JOIN region_membership rm ON rm.region_id = r.id JOIN municipality m ON m.id = rm.municipality_id
        WHERE r.kind = 'SAFETY_REGION' AND m.code = 'GM0865'`,
    );
    const r = await uptake({ g: 'SAFETY_REGION', asOf: '2020-06-01', slugs: ['alpha'] });
    // On 2020-06-01 only Haaren and Utrecht have alpha LIVE; Utrecht lies elsewhere.
    expect(row(r, rows[0]!.code)).toMatchObject({ adoptingCount: 1 });
    expect(r.totals.adoptingCount).toBe(2);
  });

  it('resolves same-day events by id, and RETRACTED and RETIRED end adopting', async () => {
    const at = (asOf: string, statuses: string[]) => uptake({ g: 'MUNICIPALITY', asOf, slugs: ['beta'], statuses });
    expect(row(await at('2020-01-01', ['LIVE']), 'GM0344').adoptedSolutionCount).toBe(1);
    expect(row(await at('2020-01-01', ['IMPLEMENTING']), 'GM0344').adoptedSolutionCount).toBe(0);
    expect(
      row(await at('2024-01-01', ['LIVE', 'IMPLEMENTING', 'CONSIDERING', 'PLANNED', 'RETIRED']), 'GM0344')
        .adoptedSolutionCount,
    ).toBe(0);
    const alpha = await uptake({ g: 'MUNICIPALITY', asOf: '2023-01-01', slugs: ['alpha'], statuses: ['RETIRED'] });
    expect(row(alpha, 'GM0344').adoptedSolutionCount).toBe(1);
  });

  it('counts pairs, solutions and per-municipality shares over several solutions', async () => {
    const r = await uptake({ g: 'MUNICIPALITY', asOf: '2025-01-01', slugs: ['alpha', 'beta', 'gamma', 'alpha'] });
    expect(r.solutionSlugs).toEqual(['alpha', 'beta', 'gamma']);
    expect(r.selectedSolutionCount).toBe(3);
    expect(row(r, 'GM0363')).toMatchObject({
      adoptingCount: 1,
      adoptionCount: 2,
      adoptedSolutionCount: 2,
      share: 2 / 3,
      solutionCount: 2,
    });
    // alpha: Amsterdam, Vught, Oisterwijk, Tilburg, Boxtel, Groningen; beta: Amsterdam, Rotterdam.
    expect(r.totals).toMatchObject({
      municipalityCount: 342,
      adoptingCount: 7,
      adoptionCount: 8,
      solutionCount: 2,
      share: 7 / 342,
    });
    const nb = row(await uptake({ g: 'PROVINCE', asOf: '2025-01-01', slugs: ['alpha', 'beta'] }), 'PV30');
    expect(nb).toMatchObject({ adoptingCount: 4, adoptionCount: 4, solutionCount: 1 });
    expect(nb.share).toBeCloseTo(4 / nb.municipalityCount, 12);
  });

  it('gives the compliance share of the declarations for the standards of the selected solutions', async () => {
    const all = await uptake({ g: 'PROVINCE', asOf: '2025-01-01' });
    expect(all.totals).toMatchObject({ declaredComplianceCount: 4, complianceShare: 0.25 });
    expect(row(all, 'PV27')).toMatchObject({ declaredComplianceCount: 2, complianceShare: 0.5 });
    expect(row(all, 'PV21')).toMatchObject({ declaredComplianceCount: 0, complianceShare: null });
    const alpha = await uptake({ g: 'PROVINCE', asOf: '2025-01-01', slugs: ['alpha'] });
    expect(alpha.totals).toMatchObject({ declaredComplianceCount: 2, complianceShare: 0 });
    const beta = await uptake({ g: 'MUNICIPALITY', asOf: '2025-01-01', slugs: ['beta'] });
    expect(beta.totals).toMatchObject({ declaredComplianceCount: 2, complianceShare: 0.5 });
    expect(row(beta, 'GM0014')).toMatchObject({ declaredComplianceCount: 1, complianceShare: 0 });
    const gamma = await uptake({ g: 'PROVINCE', asOf: '2025-01-01', slugs: ['gamma'] });
    expect(gamma.totals).toMatchObject({ declaredComplianceCount: 0, complianceShare: null });
  });

  it('orders size classes from small to large and labels them', async () => {
    const r = await uptake({ g: 'SIZE_CLASS', asOf: '2018-01-01' });
    expect(r.rows.map((x: Json) => x.groupKey)).toEqual([
      'UNDER_10K',
      'FROM_10K_TO_20K',
      'FROM_20K_TO_50K',
      'FROM_50K_TO_100K',
      'FROM_100K_TO_250K',
      'OVER_250K',
      'UNKNOWN',
    ]);
    expect(row(r, 'OVER_250K')).toMatchObject({ groupName: '250,000 inhabitants or more', municipalityCount: 4 });
    // Municipalities that ended have no population figure.
    const { rows } = await api.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM municipality WHERE population IS NULL
          AND (valid_from IS NULL OR valid_from <= '2018-01-01') AND (valid_to IS NULL OR valid_to >= '2018-01-01')`,
    );
    expect(row(r, 'UNKNOWN').municipalityCount).toBe(rows[0]!.n);
  });

  it('keeps every share between 0 and 1', async () => {
    for (const g of ['MUNICIPALITY', 'PROVINCE', 'SIZE_CLASS', 'COROP']) {
      for (const statuses of [['LIVE'], ['CONSIDERING', 'PLANNED', 'IMPLEMENTING', 'LIVE', 'RETIRED']]) {
        const r = await uptake({ g, asOf: '2022-03-24', statuses });
        for (const x of [...r.rows, r.totals]) {
          expect(x.share).toBeGreaterThanOrEqual(0);
          expect(x.share).toBeLessThanOrEqual(1);
          expect(x.adoptingCount).toBeLessThanOrEqual(x.municipalityCount);
          if (x.complianceShare !== null) expect(x.complianceShare).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

const TIMELINE = `query($slug: String!, $from: Date!, $to: Date!, $interval: Interval!) {
  adoptionTimeline(solutionSlug: $slug, from: $from, to: $to, interval: $interval) {
    solutionSlug from to interval solution { slug }
    points { periodStart periodEnd municipalityCount considering planned implementing live retired liveShare }
  }
}`;

const COMPARISON = `query($kind: RegionKind!, $slugs: [String!]!, $asOf: Date) {
  regionComparison(kind: $kind, solutionSlugs: $slugs, asOf: $asOf) {
    kind asOf solutionSlugs rows { code name municipalityCount cells { solutionSlug solutionName adoptingCount share solution { slug } } }
  }
}`;

describe('timeline, region comparison, profile and reuse on hand-built histories', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi('reference', false);
    await loadUptakeFixtures(api.pool);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  it('refuses from after to, too many periods and unknown slugs', async () => {
    const base = { slug: 'alpha', interval: 'MONTH' };
    expect(codes(await api.gql(TIMELINE, { ...base, from: '2022-01-02', to: '2022-01-01' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.gql(TIMELINE, { ...base, from: '1990-01-01', to: '2025-12-31' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.gql(TIMELINE, { ...base, slug: 'nope', from: '2020-01-01', to: '2020-12-31' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const edge = await api.data(TIMELINE, { ...base, from: '1992-09-01', to: '2025-12-31' });
    expect(edge.adoptionTimeline.points).toHaveLength(400);
  });

  it('counts statuses at the end of each period, over the municipalities of that day', async () => {
    const t = (await api.data(TIMELINE, { slug: 'alpha', from: '2019-11-15', to: '2022-05-15', interval: 'QUARTER' }))
      .adoptionTimeline;
    expect(t.solution.slug).toBe('alpha');
    expect(t.points).toHaveLength(11);
    expect(t.points[0]).toMatchObject({
      periodStart: '2019-11-15',
      periodEnd: '2019-12-31',
      municipalityCount: 355,
      live: 2,
      planned: 0,
    });
    const at = (end: string) => t.points.find((p: Json) => p.periodEnd === end);
    // Q1 2020: Weesp PLANNED; Haaren and Utrecht LIVE.
    expect(at('2020-03-31')).toMatchObject({ periodStart: '2020-01-01', municipalityCount: 355, planned: 1, live: 2 });
    // 2021: Haaren gone, its four successors LIVE by inheritance; Weesp LIVE from June.
    expect(at('2021-03-31')).toMatchObject({ municipalityCount: 352, planned: 1, live: 5 });
    expect(at('2021-06-30')).toMatchObject({ municipalityCount: 352, planned: 0, live: 6 });
    // Q1 2022 ends after the merger: Amsterdam instead of Weesp, plus Groningen.
    expect(at('2022-03-31')).toMatchObject({ municipalityCount: 344, live: 7, retired: 0 });
    expect(t.points.at(-1)).toMatchObject({ periodStart: '2022-04-01', periodEnd: '2022-05-15', live: 7 });
    expect(at('2022-03-31').liveShare).toBeCloseTo(7 / 344, 12);
    const years = (await api.data(TIMELINE, { slug: 'alpha', from: '2023-01-01', to: '2023-12-31', interval: 'YEAR' }))
      .adoptionTimeline;
    expect(years.points).toEqual([
      expect.objectContaining({
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        municipalityCount: 342,
        live: 6,
        retired: 1,
      }),
    ]);
  });

  it('matches a correlated-subquery count for every month', async () => {
    const t = (await api.data(TIMELINE, { slug: 'beta', from: '2018-01-01', to: '2025-01-31', interval: 'MONTH' }))
      .adoptionTimeline;
    const { rows } = await api.pool.query<{ d: string; total: number; live: number; implementing: number }>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS d,
              (SELECT count(*)::int FROM municipality m WHERE coalesce(m.valid_from, '-infinity') <= d AND coalesce(m.valid_to, 'infinity') >= d) AS total,
              (SELECT count(*)::int FROM municipality m
                WHERE coalesce(m.valid_from, '-infinity') <= d AND coalesce(m.valid_to, 'infinity') >= d
                  AND (SELECT e.status FROM adoption_event e WHERE e.municipality_id = m.id AND e.solution_id = (SELECT id FROM solution WHERE slug = 'beta')
                         AND e.effective_date <= d ORDER BY e.effective_date DESC, e.id DESC LIMIT 1) = 'LIVE') AS live,
              (SELECT count(*)::int FROM municipality m
                WHERE coalesce(m.valid_from, '-infinity') <= d AND coalesce(m.valid_to, 'infinity') >= d
                  AND (SELECT e.status FROM adoption_event e WHERE e.municipality_id = m.id AND e.solution_id = (SELECT id FROM solution WHERE slug = 'beta')
                         AND e.effective_date <= d ORDER BY e.effective_date DESC, e.id DESC LIMIT 1) = 'IMPLEMENTING') AS implementing
       FROM (SELECT (date_trunc('month', g) + interval '1 month' - interval '1 day')::date AS d
               FROM generate_series('2018-01-01'::timestamp, '2024-12-01', '1 month') g
             UNION ALL SELECT '2025-01-31'::date) ends ORDER BY d`,
    );
    expect(t.points.map((p: Json) => [p.periodEnd, p.municipalityCount, p.live, p.implementing])).toEqual(
      rows.map((r) => [r.d, r.total, r.live, r.implementing]),
    );
    expect(t.points.some((p: Json) => p.live >= 2)).toBe(true);
  });

  it('refuses 0 or more than 20 solutions and unknown slugs in a comparison', async () => {
    expect(codes(await api.gql(COMPARISON, { kind: 'PROVINCE', slugs: [] }))).toEqual(['BAD_USER_INPUT']);
    const many = Array.from({ length: 21 }, (_, i) => `s-${i}`);
    expect(codes(await api.gql(COMPARISON, { kind: 'PROVINCE', slugs: many }))).toEqual(['BAD_USER_INPUT']);
    const res = await api.gql(COMPARISON, { kind: 'COROP', slugs: ['alpha', 'nope'] });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toContain('nope');
  });

  it('builds the province × solution matrix in the order asked', async () => {
    const c = (await api.data(COMPARISON, { kind: 'PROVINCE', slugs: ['beta', 'alpha'], asOf: '2022-03-23' }))
      .regionComparison;
    expect(c.solutionSlugs).toEqual(['beta', 'alpha']);
    expect(c.rows).toHaveLength(12);
    expect(c.rows.reduce((n: number, r: Json) => n + r.municipalityCount, 0)).toBe(345);
    const nh = c.rows.find((r: Json) => r.code === 'PV27');
    expect(nh).toMatchObject({ name: 'Noord-Holland', municipalityCount: 45 });
    expect(nh.cells).toEqual([
      { solutionSlug: 'beta', solutionName: 'Beta', adoptingCount: 1, share: 1 / 45, solution: { slug: 'beta' } },
      { solutionSlug: 'alpha', solutionName: 'Alpha', adoptingCount: 1, share: 1 / 45, solution: { slug: 'alpha' } },
    ]);
    const nb = c.rows.find((r: Json) => r.code === 'PV30');
    expect(nb.cells.map((x: Json) => x.adoptingCount)).toEqual([0, 4]);
  });

  it('builds a region matrix whose cells agree with uptake per region kind', async () => {
    const c = (await api.data(COMPARISON, { kind: 'SAFETY_REGION', slugs: ['alpha'], asOf: '2020-06-01' }))
      .regionComparison;
    const u = (await api.data(UPTAKE, { g: 'SAFETY_REGION', asOf: '2020-06-01', slugs: ['alpha'] })).uptake;
    expect(c.rows.map((r: Json) => [r.code, r.municipalityCount, r.cells[0].adoptingCount])).toEqual(
      u.rows.map((r: Json) => [r.groupKey, r.municipalityCount, r.adoptingCount]),
    );
    expect(c.rows.reduce((n: number, r: Json) => n + r.municipalityCount, 0)).toBe(355);
  });

  const PROFILE = `query($code: String!, $asOf: Date) { municipality(code: $code) {
    compliance { standard { slug } declaredStatus explanation deadline derivedStatus disagrees derivedFrom { slug } }
    peerComparison(asOf: $asOf) { asOf liveSolutionCount
      province { key peerCount averageLiveSolutionCount medianLiveSolutionCount }
      sizeClass { key peerCount averageLiveSolutionCount medianLiveSolutionCount }
      solutions { solutionSlug hasLive provincePeerShare sizeClassPeerShare solution { slug } } }
    uptakeSummary(asOf: $asOf) { existed considering planned implementing live retired solutionCount liveShare }
  } }`;

  it('shows declared beside derived compliance and flags disagreement', async () => {
    const ams = (await api.data(PROFILE, { code: 'GM0363' })).municipality;
    expect(ams.compliance).toEqual([
      {
        standard: { slug: 's-one' },
        declaredStatus: 'NOT_COMPLIANT',
        explanation: null,
        deadline: null,
        derivedStatus: 'COMPLIANT',
        disagrees: true,
        derivedFrom: [{ slug: 'alpha' }],
      },
      {
        standard: { slug: 's-two' },
        declaredStatus: 'COMPLIANT',
        explanation: null,
        deadline: null,
        derivedStatus: 'COMPLIANT',
        disagrees: false,
        derivedFrom: [{ slug: 'beta' }],
      },
    ]);
    const utrecht = (await api.data(PROFILE, { code: 'GM0344' })).municipality;
    expect(utrecht.compliance).toEqual([
      {
        standard: { slug: 's-one' },
        declaredStatus: 'EXPLAINED',
        explanation: 'Eigen systeem',
        deadline: null,
        derivedStatus: null,
        disagrees: false,
        derivedFrom: [],
      },
    ]);
    const vught = (await api.data(PROFILE, { code: 'GM0865' })).municipality;
    expect(vught.compliance).toEqual([
      {
        standard: { slug: 's-one' },
        declaredStatus: null,
        explanation: null,
        deadline: null,
        derivedStatus: 'COMPLIANT',
        disagrees: false,
        derivedFrom: [{ slug: 'alpha' }],
      },
    ]);
  });

  it('compares a municipality with its province and size-class peers', async () => {
    const ams = (await api.data(PROFILE, { code: 'GM0363', asOf: '2025-01-01' })).municipality;
    expect(ams.peerComparison).toMatchObject({
      asOf: '2025-01-01',
      liveSolutionCount: 2,
      province: { key: 'PV27', peerCount: 43, averageLiveSolutionCount: 0, medianLiveSolutionCount: 0 },
      // Rotterdam (beta LIVE), 's-Gravenhage and Utrecht (alpha retired, beta retracted).
      sizeClass: { key: 'OVER_250K', peerCount: 3, medianLiveSolutionCount: 0 },
    });
    expect(ams.peerComparison.sizeClass.averageLiveSolutionCount).toBeCloseTo(1 / 3, 12);
    expect(ams.peerComparison.solutions).toEqual([
      {
        solutionSlug: 'beta',
        hasLive: true,
        provincePeerShare: 0,
        sizeClassPeerShare: 1 / 3,
        solution: { slug: 'beta' },
      },
      {
        solutionSlug: 'alpha',
        hasLive: true,
        provincePeerShare: 0,
        sizeClassPeerShare: 0,
        solution: { slug: 'alpha' },
      },
    ]);
    expect(ams.uptakeSummary).toEqual({
      existed: true,
      considering: 0,
      planned: 0,
      implementing: 0,
      live: 2,
      retired: 0,
      solutionCount: 3,
      liveShare: 2 / 3,
    });

    const vught = (await api.data(PROFILE, { code: 'GM0865', asOf: '2025-01-01' })).municipality.peerComparison;
    // Noord-Brabant: Tilburg, Oisterwijk and Boxtel also have alpha LIVE.
    const { rows } = await api.pool.query<{ n: number }>(
      `SELECT count(*)::int - 1 AS n FROM municipality WHERE valid_to IS NULL AND province_id = (SELECT id FROM province WHERE code = 'PV30')`,
    );
    expect(vught.province).toMatchObject({ key: 'PV30', peerCount: rows[0]!.n, medianLiveSolutionCount: 0 });
    expect(vught.province.averageLiveSolutionCount).toBeCloseTo(3 / rows[0]!.n, 12);
    expect(vught.solutions).toEqual([
      expect.objectContaining({ solutionSlug: 'alpha', hasLive: true, provincePeerShare: 3 / rows[0]!.n }),
    ]);
  });

  it('gives the same peer figures whether or not the per-solution lines are asked for', async () => {
    // Without `solutions` a lighter statement runs; fragments count with what they select.
    const stats = `liveSolutionCount province { key peerCount averageLiveSolutionCount medianLiveSolutionCount }
      sizeClass { key peerCount averageLiveSolutionCount medianLiveSolutionCount }`;
    const lines = `solutions { solutionSlug hasLive provincePeerShare sizeClassPeerShare }`;
    for (const code of ['GM0363', 'GM0865', 'GM0599']) {
      const ask = async (selection: string, fragments = '') =>
        (
          await api.data(
            `query($code: String!) { municipality(code: $code) { peerComparison(asOf: "2025-01-01") { ${selection} } } } ${fragments}`,
            { code },
          )
        ).municipality.peerComparison;
      const full = await ask(`${stats} ${lines}`);
      expect(full.solutions.length).toBeGreaterThan(0);
      const { solutions, ...fullStats } = full;
      expect(await ask(stats)).toEqual(fullStats);
      expect(await ask(`...Lines ${stats}`, `fragment Lines on PeerComparison { ${lines} }`)).toEqual(full);
      expect(await ask(`... on PeerComparison { ${lines} } ${stats}`)).toEqual(full);
      expect(solutions).toEqual(full.solutions);
    }
  });

  it('gives no peer comparison for a municipality that did not exist on asOf, but its own summary', async () => {
    const weesp = (await api.data(PROFILE, { code: 'GM0457', asOf: '2023-01-01' })).municipality;
    expect(weesp.peerComparison).toBeNull();
    expect(weesp.uptakeSummary).toMatchObject({ existed: false, live: 1, considering: 1 });
    const { rows } = await api.pool.query<{ n: number }>(
      `SELECT count(*)::int - 1 AS n FROM municipality
        WHERE province_id = (SELECT id FROM province WHERE code = 'PV27')
          AND (valid_from IS NULL OR valid_from <= '2021-07-01') AND (valid_to IS NULL OR valid_to >= '2021-07-01')`,
    );
    const earlier = (await api.data(PROFILE, { code: 'GM0457', asOf: '2021-07-01' })).municipality;
    expect(earlier.peerComparison).toMatchObject({
      liveSolutionCount: 1,
      province: { key: 'PV27', peerCount: rows[0]!.n },
      sizeClass: null,
    });
  });

  const REUSE = `query($asOf: Date) { solutions(first: 10) { edges { node { slug
    reuse(asOf: $asOf) { asOf liveAdopters regionsCovered { provinces corop } firstAdoption latestAdoption estimatedSaving } } } } }`;

  it('summarises reuse with the documented saving formula', async () => {
    const bySlug = async (asOf: string) =>
      Object.fromEntries(
        (await api.data(REUSE, { asOf })).solutions.edges.map((e: Json) => [e.node.slug, e.node.reuse]),
      );
    const { rows } = await api.pool.query<{ n: number }>(
      `SELECT count(DISTINCT r.id)::int AS n FROM region r JOIN region_membership rm ON rm.region_id = r.id JOIN municipality m ON m.id = rm.municipality_id
        WHERE r.kind = 'COROP' AND m.code IN ('GM0363', 'GM0865', 'GM0855', 'GM0824', 'GM0757', 'GM0014')`,
    );
    const r = await bySlug('2025-01-01');
    // alpha: Amsterdam, Vught, Tilburg, Oisterwijk, Boxtel, Groningen; saving (6 − 1)·100,000 − 6·10,000.
    expect(r.alpha).toEqual({
      asOf: '2025-01-01',
      liveAdopters: 6,
      regionsCovered: { provinces: 3, corop: rows[0]!.n },
      firstAdoption: '2018-06-01',
      latestAdoption: '2022-02-01',
      estimatedSaving: 440000,
    });
    expect(r.beta).toMatchObject({
      liveAdopters: 2,
      regionsCovered: { provinces: 2 },
      firstAdoption: '2019-03-01',
      estimatedSaving: null,
    });
    // gamma: never adopted; with no implementation cost the saving is −dev.
    expect(r.gamma).toMatchObject({
      liveAdopters: 0,
      regionsCovered: { provinces: 0, corop: 0 },
      firstAdoption: null,
      estimatedSaving: -5000,
    });
    const early = await bySlug('2018-12-31');
    expect(early.alpha).toMatchObject({
      liveAdopters: 1,
      firstAdoption: '2018-06-01',
      latestAdoption: '2018-06-01',
      estimatedSaving: -10000,
    });
  });

  it('batches profile and reuse fields: the statement count does not grow with the list', async () => {
    let statements = 0;
    const counting = new Proxy(api.pool, {
      get(target, key, receiver) {
        if (key === 'query') {
          return (...args: unknown[]) => {
            statements++;
            return (target.query as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const run = async (first: number) => {
      statements = 0;
      const res = await api.gql(
        `query($first: Int) { municipalities(first: $first, filter: { validOn: "2025-01-01" }) { edges { node { code
          compliance { standard { slug } derivedFrom { slug } }
          peerComparison(asOf: "2025-01-01") { liveSolutionCount solutions { solution { slug } } }
          a: uptakeSummary(asOf: "2025-01-01") { live } b: uptakeSummary(asOf: "2020-01-01") { live } } } } }`,
        { first },
        counting,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.municipalities.edges).toHaveLength(first);
      return statements;
    };
    const few = await run(40);
    const many = await run(100);
    // list, compliance, peers, one per summary date, solutions by id (once or twice, as the
    // DataLoader ticks fall): bounded by the query, not by the 40 or 100 municipalities.
    expect(few).toBeLessThanOrEqual(7);
    expect(many).toBeLessThanOrEqual(7);

    statements = 0;
    const res = await api.gql(
      `{ solutions(first: 10) { edges { node { slug reuse(asOf: "2025-01-01") { liveAdopters } } } } }`,
      {},
      counting,
    );
    expect(res.errors).toBeUndefined();
    expect(statements).toBeLessThanOrEqual(2);
  });
});
