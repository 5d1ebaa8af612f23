/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON here */
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi, type ApiHarness } from './api-fixtures.js';

/** The read API over the demo data: every answer checked against plain SQL on the same database. */
describe('API over the demo data', () => {
  let api: ApiHarness;
  const one = async <T>(sql: string, params: unknown[] = []) => (await api.pool.query(sql, params)).rows[0] as T;

  beforeAll(async () => {
    api = await openApi('demo', false);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  it('has a demo catalogue to test against', async () => {
    const c = await one<{ s: number; a: number; st: number; i: number }>(
      `SELECT (SELECT count(*)::int FROM solution) s, (SELECT count(*)::int FROM adoption) a,
              (SELECT count(*)::int FROM standard) st, (SELECT count(*)::int FROM initiative) i`,
    );
    expect(c.s).toBeGreaterThan(10);
    expect(c.a).toBeGreaterThan(1000);
    expect(c.st).toBeGreaterThan(3);
    expect(c.i).toBeGreaterThan(3);
  });

  it('pages through every solution exactly once, in name order', async () => {
    const { rows } = await api.pool.query<{ slug: string }>(`SELECT slug FROM solution ORDER BY name, slug`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const d: any = await api.data(
        `query($a: String) { solutions(first: 7, after: $a) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
        {
          a: after,
        },
      );
      expect(d.solutions.totalCount).toBe(rows.length);
      seen.push(...d.solutions.edges.map((e: any) => e.node.slug));
      if (!d.solutions.pageInfo.hasNextPage) break;
      after = d.solutions.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((r) => r.slug));
  });

  it('shows every solution relation on both ends', async () => {
    const d = await api.data(
      `{ solutions(first: 100) { totalCount edges { node { slug buildsOn { slug } builtOnBy { slug } derivedFrom { slug } derivatives { slug } } } } }`,
    );
    const bySlug = new Map<string, any>(d.solutions.edges.map((e: any) => [e.node.slug, e.node]));
    expect(bySlug.size).toBe(d.solutions.totalCount);
    const { rows } = await api.pool.query<{ from: string; to: string; kind: string }>(
      `SELECT f.slug AS from, t.slug AS to, r.kind FROM solution_relation r JOIN solution f ON f.id = r.from_solution_id JOIN solution t ON t.id = r.to_solution_id`,
    );
    let checked = 0;
    for (const r of rows) {
      const [forward, backward] = r.kind === 'BUILDS_ON' ? ['buildsOn', 'builtOnBy'] : ['derivedFrom', 'derivatives'];
      expect(bySlug.get(r.from)[forward]).toContainEqual({ slug: r.to });
      expect(bySlug.get(r.to)[backward]).toContainEqual({ slug: r.from });
      checked++;
    }
    const apiEdges = [...bySlug.values()].reduce((n, s) => n + s.buildsOn.length + s.derivedFrom.length, 0);
    expect(apiEdges).toBe(rows.length);
    expect(checked).toBe(rows.length);
  });

  it('counts a solution’s adopters per status as SQL does, and pages them in code order', async () => {
    const top = await one<{ slug: string; n: number; live: number }>(
      `SELECT s.slug, count(*)::int n, count(*) FILTER (WHERE a.status = 'LIVE')::int live
         FROM adoption a JOIN solution s ON s.id = a.solution_id GROUP BY s.slug ORDER BY n DESC, s.slug LIMIT 1`,
    );
    expect(top.n).toBeGreaterThan(100);
    const d = await api.data(
      `query($s: String!) { solution(slug: $s) {
      all: adoptions(first: 100) { totalCount edges { node { municipality { code } } } pageInfo { hasNextPage } }
      live: adoptions(status: [LIVE], first: 0) { totalCount } } }`,
      { s: top.slug },
    );
    expect(d.solution.all.totalCount).toBe(top.n);
    expect(d.solution.live.totalCount).toBe(top.live);
    const codes = d.solution.all.edges.map((e: any) => e.node.municipality.code);
    expect(codes).toHaveLength(100);
    expect([...codes].sort()).toEqual(codes);
    expect(d.solution.all.pageInfo.hasNextPage).toBe(true);
  });

  it('filters the adoptions list as SQL does: demo flag, status, region, changedSince', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await api.data(`query($f: AdoptionFilter) { adoptions(first: 0, filter: $f) { totalCount } }`, { f: filter }))
        .adoptions.totalCount;
    const sql = await one<{
      demo: number;
      live: number;
      region: number;
      region_code: string;
      since: number;
      since_at: Date;
    }>(`
      WITH r AS (SELECT r.id, r.code FROM region r WHERE r.kind = 'SAFETY_REGION' ORDER BY r.code LIMIT 1),
           t AS (SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY recorded_at) AS at FROM adoption_event)
      SELECT (SELECT count(*)::int FROM adoption WHERE is_demo) demo,
             (SELECT count(*)::int FROM adoption WHERE status IN ('LIVE', 'IMPLEMENTING')) live,
             (SELECT count(*)::int FROM adoption a JOIN region_membership rm ON rm.municipality_id = a.municipality_id
                JOIN r ON r.id = rm.region_id) region,
             (SELECT code FROM r) region_code,
             (SELECT count(*)::int FROM adoption a WHERE EXISTS (SELECT 1 FROM adoption_event e, t
                WHERE e.municipality_id = a.municipality_id AND e.solution_id = a.solution_id AND e.recorded_at >= t.at)) since,
             (SELECT at FROM t) since_at`);
    expect(sql.demo).toBeGreaterThan(0);
    expect(await count({ isDemo: true })).toBe(sql.demo);
    expect(await count({ status: ['LIVE', 'IMPLEMENTING'] })).toBe(sql.live);
    expect(await count({ region: { kind: 'SAFETY_REGION', code: sql.region_code } })).toBe(sql.region);
    // The API takes milliseconds; give SQL the very same cut-off.
    const since = sql.since_at.toISOString();
    const sqlSince = await one<{ n: number }>(
      `SELECT count(*)::int n FROM adoption a WHERE EXISTS (SELECT 1 FROM adoption_event e
         WHERE e.municipality_id = a.municipality_id AND e.solution_id = a.solution_id AND e.recorded_at >= $1::timestamptz)`,
      [since],
    );
    expect(await count({ changedSince: since })).toBe(sqlSince.n);
    expect(sqlSince.n).toBeGreaterThan(0);
  });

  it('gives an adoption’s events in effective-date order, ending in its current status', async () => {
    const pair = await one<{ code: string; slug: string; n: number }>(
      `SELECT m.code, s.slug, count(*)::int n FROM adoption_event e JOIN municipality m ON m.id = e.municipality_id
         JOIN solution s ON s.id = e.solution_id GROUP BY m.code, s.slug ORDER BY n DESC, m.code, s.slug LIMIT 1`,
    );
    expect(pair.n).toBeGreaterThan(2);
    const d = await api.data(
      `query($m: String!, $s: String!) { adoption(municipalityCode: $m, solutionSlug: $s) {
      status statusSince firstEventDate isDemo events { id status effectiveDate isDemo } } }`,
      { m: pair.code, s: pair.slug },
    );
    const events = d.adoption.events;
    expect(events).toHaveLength(pair.n);
    const keys = events.map((e: any) => [e.effectiveDate, Number(e.id)] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
    expect(events[0].effectiveDate).toBe(d.adoption.firstEventDate);
    expect(events.at(-1).status).toBe(d.adoption.status);
    expect(d.adoption.isDemo).toBe(true);
  });

  it('answers standards with implementations and compliance as SQL counts them', async () => {
    const d = await api.data(
      `{ standards(first: 100) { totalCount edges { node { slug implementations { solution { slug } } compliance(first: 0) { totalCount } } } } }`,
    );
    const { rows } = await api.pool.query<{ slug: string; impl: number; comp: number }>(
      `SELECT st.slug, (SELECT count(*)::int FROM solution_standard ss WHERE ss.standard_id = st.id) impl,
              (SELECT count(*)::int FROM standard_compliance c WHERE c.standard_id = st.id) comp FROM standard st ORDER BY st.name, st.slug`,
    );
    expect(
      d.standards.edges.map((e: any) => [e.node.slug, e.node.implementations.length, e.node.compliance.totalCount]),
    ).toEqual(rows.map((r) => [r.slug, r.impl, r.comp]));
  });

  it('filters initiatives by year (submitted or funded) and stage as SQL does', async () => {
    const year = await one<{ y: number }>(
      `SELECT extract(year FROM submitted_on)::int y FROM initiative GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const sql = await one<{ n: number; stage: string; by_stage: number }>(
      `SELECT (SELECT count(*)::int FROM initiative i WHERE extract(year FROM i.submitted_on) = $1
                 OR EXISTS (SELECT 1 FROM funding_line f WHERE f.initiative_id = i.id AND f.year = $1)) n,
              (SELECT stage FROM initiative GROUP BY stage ORDER BY count(*) DESC, stage LIMIT 1) stage,
              (SELECT count(*)::int FROM initiative WHERE stage = (SELECT stage FROM initiative GROUP BY stage ORDER BY count(*) DESC, stage LIMIT 1)) by_stage`,
      [year.y],
    );
    const d = await api.data(
      `query($y: Int, $st: [InitiativeStage!]) { y: initiatives(filter: { year: $y }) { totalCount }
      st: initiatives(filter: { stage: $st }) { totalCount edges { node { stage decisions { toStage } } } } }`,
      { y: year.y, st: [sql.stage] },
    );
    expect(d.y.totalCount).toBe(sql.n);
    expect(d.st.totalCount).toBe(sql.by_stage);
    for (const e of d.st.edges) expect(e.node.stage).toBe(sql.stage);
  });

  it('keeps the statement count of a deep municipality query flat from 10 to 100 municipalities', async () => {
    const q = `query($first: Int) { municipalities(first: $first, filter: { validOn: "2025-01-01" }) { edges { node { code
      adoptions(first: 100) { edges { node { solution { standards { standard { name } } initiative { decisions { body } } } } } } } } } }`;
    const counted = async (first: number) => {
      let n = 0;
      const pool = new Proxy(api.pool, {
        get(target, prop) {
          if (prop === 'query')
            return (...args: unknown[]) => (n++, (target.query as (...a: unknown[]) => unknown)(...args));
          const v = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      }) as Pool;
      const res = await api.gql(q, { first }, pool);
      expect(res.errors).toBeUndefined();
      const adoptions = res.data!.municipalities.edges.reduce(
        (s: number, e: any) => s + e.node.adoptions.edges.length,
        0,
      );
      return { n, adoptions };
    };
    const small = await counted(10);
    const large = await counted(100);
    expect(large.adoptions).toBeGreaterThan(small.adoptions * 5);
    // municipalities, adoptions (each with its solution, joined), standards, initiative, decisions
    expect(small.n).toBe(5);
    expect(large.n).toBe(5);
  });

  it('gives joined municipalities, provinces and solutions exactly as their own queries do', async () => {
    // Adoption pages carry their municipality (with province) and solution in the same statement;
    // every field must come out as when the row is read on its own.
    const M = `code name officialName population sizeClass areaLandHa areaWaterHa tooiUri validFrom validTo
      province { code name tooiUri }`;
    const S = `slug name description kind lifecycle licence repositoryUrl website launchedOn developmentCostEur
      implementationCostEur version`;
    const A = `id status mode statusSince firstEventDate liveSince provenance notes lastConfirmedAt needsReview isDemo version updatedAt`;
    const { slug } = await one<{ slug: string }>(
      `SELECT s.slug FROM solution s WHERE s.development_cost_eur IS NOT NULL
         ORDER BY (SELECT count(*) FROM adoption a WHERE a.solution_id = s.id) DESC LIMIT 1`,
    );
    const d: any = await api.data(
      `query($slug: String!) { solution(slug: $slug) { ${S} adoptions(first: 100) { edges { node { ${A} municipality { ${M} } } } } } }`,
      { slug },
    );
    const edges = d.solution.adoptions.edges;
    expect(edges.length).toBeGreaterThan(20);
    for (const { node } of edges.slice(0, 25)) {
      const own: any = await api.data(
        `query($m: String!, $s: String!) { municipality(code: $m) { ${M} } adoption(municipalityCode: $m, solutionSlug: $s) { ${A} } }`,
        { m: node.municipality.code, s: slug },
      );
      expect(node.municipality).toEqual(own.municipality);
      const { municipality: _m, ...adoption } = node;
      expect(adoption).toEqual(own.adoption);
    }
    const code = edges[0].node.municipality.code;
    const p: any = await api.data(
      `query($code: String!) { municipality(code: $code) { adoptions(first: 100) { edges { node { ${A} solution { ${S} } } } } } }`,
      { code },
    );
    const mine = p.municipality.adoptions.edges.find((e: any) => e.node.solution.slug === slug).node;
    const { solution, ...adoption } = mine;
    expect(solution).toEqual(Object.fromEntries(Object.entries(d.solution).filter(([k]) => k !== 'adoptions')));
    expect(solution.developmentCostEur).toEqual(expect.any(Number));
    expect(adoption).toEqual(edges[0].node.municipality && (({ municipality: _x, ...rest }) => rest)(edges[0].node));
    const list: any = await api.data(
      `query($code: String!) { adoptions(first: 100, filter: { municipalityCode: $code }) { edges { node { ${A} municipality { ${M} } solution { ${S} } } } } }`,
      { code },
    );
    const fromList = list.adoptions.edges.find((e: any) => e.node.solution.slug === slug).node;
    expect(fromList).toEqual({ ...mine, municipality: edges[0].node.municipality });
  });
});
