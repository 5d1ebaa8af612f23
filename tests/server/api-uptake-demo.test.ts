import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECTION_COLUMNS, PROJECTION_UPDATE_SET, projectionQuery } from '../../server/src/adoption/projection.js';
import { todayInNL } from '../../server/src/scalars.js';
import { openApi, type ApiHarness } from './api-fixtures.js';

// GraphQL results are checked field by field; their static type adds nothing here.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The uptake figures on the generated demo data, each checked against an independent SQL
 * formulation written here (correlated subqueries and anti-joins instead of DISTINCT ON and
 * window functions), so a mistake would have to be made twice, differently, to pass.
 */

/** Municipalities that existed on $1. */
const EXISTED = `coalesce(m.valid_from, '-infinity') <= $1::date AND coalesce(m.valid_to, 'infinity') >= $1::date`;

/** Event `e` is the latest of its municipality × solution on or before $1: no later event exists. */
const IS_LATEST = `e.effective_date <= $1::date AND NOT EXISTS (
  SELECT 1 FROM adoption_event f
   WHERE f.municipality_id = e.municipality_id AND f.solution_id = e.solution_id AND f.effective_date <= $1::date
     AND (f.effective_date > e.effective_date OR (f.effective_date = e.effective_date AND f.id > e.id)))`;

/** Number of solutions in $2 (NULL: all) municipality `m` has in one of the statuses $3 on $1. */
const HELD = `(SELECT count(*) FROM adoption_event e
   WHERE e.municipality_id = m.id AND ($2::text[] IS NULL OR e.solution_id IN (SELECT id FROM solution WHERE slug = ANY($2::text[])))
     AND e.status = ANY($3::text[]) AND ${IS_LATEST})`;

/**
 * Each municipality's region anchor, walked forward: a municipality that ended goes to the
 * successor with the largest area share (then lowest code) until it reaches one that exists today.
 */
const CURRENT_OF = `WITH RECURSIVE pick AS (
    SELECT s.predecessor_id, s.successor_id,
           row_number() OVER (PARTITION BY s.predecessor_id ORDER BY s.area_share DESC NULLS LAST, n.code) AS rn
    FROM municipality_succession s JOIN municipality n ON n.id = s.successor_id
  ),
  walk(origin, here) AS (
    SELECT id, id FROM municipality
    UNION
    SELECT w.origin, p.successor_id FROM walk w JOIN pick p ON p.predecessor_id = w.here AND p.rn = 1
  ),
  current_of AS (
    SELECT w.origin, w.here AS current_id FROM walk w JOIN municipality c ON c.id = w.here WHERE c.valid_to IS NULL
  )`;

describe('uptake figures on the demo data agree with independent SQL', () => {
  let api: ApiHarness;
  let slugs: string[];
  const today = todayInNL();

  beforeAll(async () => {
    api = await openApi('demo', false);
    const { rows } = await api.pool.query<{ slug: string }>(
      `SELECT s.slug FROM solution s ORDER BY (SELECT count(*) FROM adoption_event e WHERE e.solution_id = s.id) DESC, s.slug`,
    );
    slugs = rows.map((r) => r.slug);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  it('has demo histories to check, including merged municipalities', async () => {
    const { rows } = await api.pool.query<{ events: number; inherited: number; declarations: number }>(
      `SELECT (SELECT count(*)::int FROM adoption_event) AS events,
              (SELECT count(*)::int FROM adoption_event WHERE provenance = 'INHERITED') AS inherited,
              (SELECT count(*)::int FROM standard_compliance) AS declarations`,
    );
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]!.events).toBeGreaterThan(100);
    expect(rows[0]!.inherited).toBeGreaterThan(0);
    expect(rows[0]!.declarations).toBeGreaterThan(0);
  });

  const UPTAKE = `query($g: UptakeGrouping!, $asOf: Date, $slugs: [String!], $statuses: [AdoptionStatus!]) {
    uptake(groupBy: $g, asOf: $asOf, solutionSlugs: $slugs, statuses: $statuses) {
      totals { municipalityCount adoptingCount adoptionCount complianceShare }
      rows { groupKey municipalityCount adoptingCount adoptionCount share complianceShare } } }`;

  it.each(['2018-01-01', '2020-12-31', '2022-03-23', '2022-03-24', '2025-01-01', today])(
    'per province on %s, all solutions and LIVE',
    async (asOf) => {
      const { uptake } = await api.data(UPTAKE, { g: 'PROVINCE', asOf });
      const { rows } = await api.pool.query(
        `SELECT p.code, count(*)::int AS total, count(*) FILTER (WHERE ${HELD} > 0)::int AS adopting, sum(${HELD})::int AS pairs
           FROM municipality m JOIN province p ON p.id = m.province_id WHERE ${EXISTED} GROUP BY p.code ORDER BY p.code`,
        [asOf, null, ['LIVE']],
      );
      expect(uptake.rows.map((r: Json) => [r.groupKey, r.municipalityCount, r.adoptingCount, r.adoptionCount])).toEqual(
        rows.map((r) => [r.code, r.total, r.adopting, r.pairs]),
      );
      for (const r of uptake.rows) expect(r.share).toBeCloseTo(r.adoptingCount / r.municipalityCount, 12);
      expect(uptake.totals.municipalityCount).toBe(rows.reduce((n, r) => n + r.total, 0));
    },
  );

  it('per municipality for three solutions and several statuses, around the Weesp merger', async () => {
    const chosen = slugs.slice(0, 3);
    const statuses = ['IMPLEMENTING', 'LIVE'];
    for (const asOf of ['2022-03-23', '2022-03-24']) {
      const { uptake } = await api.data(UPTAKE, { g: 'MUNICIPALITY', asOf, slugs: chosen, statuses });
      const { rows } = await api.pool.query(
        `SELECT m.code, ${HELD}::int AS held FROM municipality m WHERE ${EXISTED} ORDER BY m.code`,
        [asOf, chosen, statuses],
      );
      expect(uptake.rows.map((r: Json) => [r.groupKey, r.adoptionCount, r.adoptingCount])).toEqual(
        rows.map((r) => [r.code, r.held, r.held > 0 ? 1 : 0]),
      );
      for (const r of uptake.rows) expect(r.share).toBeCloseTo(r.adoptionCount / 3, 12);
      const codes = uptake.rows.map((r: Json) => r.groupKey);
      expect(codes.includes('GM0457')).toBe(asOf === '2022-03-23');
      expect(codes).toContain('GM0363');
    }
  });

  it.each(['2019-01-01', '2025-01-01'])(
    'per COROP area on %s, with ended municipalities in their successor’s area',
    async (asOf) => {
      const { uptake } = await api.data(UPTAKE, { g: 'COROP', asOf, slugs: slugs.slice(0, 5) });
      const { rows } = await api.pool.query(
        `${CURRENT_OF}
       SELECT r.code, count(*)::int AS total, count(*) FILTER (WHERE ${HELD} > 0)::int AS adopting
         FROM municipality m JOIN current_of c ON c.origin = m.id
         JOIN region_membership rm ON rm.municipality_id = c.current_id JOIN region r ON r.id = rm.region_id AND r.kind = 'COROP'
        WHERE ${EXISTED} GROUP BY r.code ORDER BY r.code`,
        [asOf, slugs.slice(0, 5), ['LIVE']],
      );
      expect(uptake.rows.map((r: Json) => [r.groupKey, r.municipalityCount, r.adoptingCount])).toEqual(
        rows.map((r) => [r.code, r.total, r.adopting]),
      );
    },
  );

  it('compliance share per province, for all standards and for the standards of one solution', async () => {
    const { rows: withStandards } = await api.pool.query<{ slug: string }>(
      `SELECT s.slug FROM solution s WHERE EXISTS (SELECT 1 FROM solution_standard ss WHERE ss.solution_id = s.id) ORDER BY s.slug LIMIT 1`,
    );
    for (const chosen of [null, [withStandards[0]!.slug]]) {
      const { uptake } = await api.data(UPTAKE, { g: 'PROVINCE', asOf: '2025-01-01', slugs: chosen });
      const { rows } = await api.pool.query(
        `SELECT p.code,
                (SELECT count(*) FILTER (WHERE c.status = 'COMPLIANT')::float8 / nullif(count(*), 0)
                   FROM standard_compliance c JOIN municipality m ON m.id = c.municipality_id
                  WHERE m.province_id = p.id AND ${EXISTED}
                    AND ($2::text[] IS NULL OR c.standard_id IN (SELECT ss.standard_id FROM solution_standard ss
                                                                  JOIN solution s ON s.id = ss.solution_id WHERE s.slug = ANY($2::text[])))) AS share
           FROM province p ORDER BY p.code`,
        ['2025-01-01', chosen],
      );
      const got = uptake.rows.map((r: Json) => [r.groupKey, r.complianceShare]);
      expect(got.map(([k]: [string]) => k)).toEqual(rows.map((r) => r.code));
      rows.forEach((r, i) => {
        if (r.share === null) expect(got[i][1]).toBeNull();
        else expect(got[i][1]).toBeCloseTo(r.share, 12);
      });
      expect(got.some(([, s]: [string, number | null]) => s !== null)).toBe(true);
    }
  });

  it('a monthly timeline of the most adopted solution', async () => {
    const slug = slugs[0]!;
    const { adoptionTimeline } = await api.data(
      `query($slug: String!) { adoptionTimeline(solutionSlug: $slug, from: "2017-06-01", to: "2025-06-30", interval: MONTH) {
         points { periodEnd municipalityCount considering planned implementing live retired } } }`,
      { slug },
    );
    const { rows } = await api.pool.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS d, count(*)::int AS total,
              count(*) FILTER (WHERE st = 'CONSIDERING')::int AS considering, count(*) FILTER (WHERE st = 'PLANNED')::int AS planned,
              count(*) FILTER (WHERE st = 'IMPLEMENTING')::int AS implementing, count(*) FILTER (WHERE st = 'LIVE')::int AS live,
              count(*) FILTER (WHERE st = 'RETIRED')::int AS retired
         FROM (SELECT ends.d, (SELECT e.status FROM adoption_event e
                                WHERE e.municipality_id = m.id AND e.solution_id = (SELECT id FROM solution WHERE slug = $1)
                                  AND e.effective_date <= ends.d ORDER BY e.effective_date DESC, e.id DESC LIMIT 1) AS st
                 FROM (SELECT (g + interval '1 month' - interval '1 day')::date AS d
                         FROM generate_series('2017-06-01'::timestamp, '2025-06-01', '1 month') g) ends
                 JOIN municipality m ON coalesce(m.valid_from, '-infinity') <= ends.d AND coalesce(m.valid_to, 'infinity') >= ends.d) x
        GROUP BY d ORDER BY d`,
      [slug],
    );
    expect(
      adoptionTimeline.points.map((p: Json) => [
        p.periodEnd,
        p.municipalityCount,
        p.considering,
        p.planned,
        p.implementing,
        p.live,
        p.retired,
      ]),
    ).toEqual(rows.map((r) => [r.d, r.total, r.considering, r.planned, r.implementing, r.live, r.retired]));
    expect(adoptionTimeline.points.at(-1).live).toBeGreaterThan(0);
  });

  it('the safety region × solution matrix', async () => {
    const chosen = slugs.slice(0, 4);
    const { regionComparison } = await api.data(
      `query($slugs: [String!]!) { regionComparison(kind: SAFETY_REGION, solutionSlugs: $slugs, asOf: "2025-01-01") {
         rows { code municipalityCount cells { solutionSlug adoptingCount share } } } }`,
      { slugs: chosen },
    );
    const { rows } = await api.pool.query(
      `SELECT r.code, s.slug,
              (SELECT count(*) FROM region_membership rm JOIN municipality m ON m.id = rm.municipality_id WHERE rm.region_id = r.id AND ${EXISTED})::int AS total,
              (SELECT count(*) FROM region_membership rm JOIN municipality m ON m.id = rm.municipality_id
                WHERE rm.region_id = r.id AND ${EXISTED}
                  AND EXISTS (SELECT 1 FROM adoption_event e WHERE e.municipality_id = m.id AND e.solution_id = s.id AND e.status = 'LIVE' AND ${IS_LATEST}))::int AS adopting
         FROM region r CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS o(slug, ord) JOIN solution s ON s.slug = o.slug
        WHERE r.kind = 'SAFETY_REGION' ORDER BY r.code, o.ord`,
      ['2025-01-01', chosen],
    );
    const got = regionComparison.rows.flatMap((r: Json) =>
      r.cells.map((c: Json) => [r.code, c.solutionSlug, r.municipalityCount, c.adoptingCount]),
    );
    expect(got).toEqual(rows.map((r) => [r.code, r.slug, r.total, r.adopting]));
  });

  /** Per municipality that existed on asOf: its LIVE count and solutions, from the events. */
  const liveCounts = async (asOf: string) =>
    (
      await api.pool.query<{
        id: number;
        code: string;
        province_id: number;
        size_class: string | null;
        live: number;
        solutions: number[];
      }>(
        `SELECT m.id, m.code, m.province_id, municipality_size_class(m.population) AS size_class,
                (SELECT count(*)::int FROM adoption_event e WHERE e.municipality_id = m.id AND e.status = 'LIVE' AND ${IS_LATEST}) AS live,
                coalesce((SELECT array_agg(e.solution_id) FROM adoption_event e WHERE e.municipality_id = m.id AND e.status = 'LIVE' AND ${IS_LATEST}), '{}') AS solutions
           FROM municipality m WHERE ${EXISTED} ORDER BY m.code`,
        [asOf],
      )
    ).rows;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    if (!s.length) return null;
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const average = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

  it('peer counts alone (no per-solution lines: the kept counts) agree with the events, then and today', async () => {
    for (const asOf of ['2021-01-01', '2024-06-30', todayInNL()]) {
      const counts = await liveCounts(asOf);
      const data = await api.data(
        `query($asOf: Date) { municipalities(first: 40, filter: { validOn: $asOf, provinceCode: "PV27" }) { edges { node { code
           peerComparison(asOf: $asOf) { liveSolutionCount
             province { peerCount averageLiveSolutionCount medianLiveSolutionCount }
             sizeClass { peerCount averageLiveSolutionCount medianLiveSolutionCount } } } } } }`,
        { asOf },
      );
      const edges = data.municipalities.edges;
      expect(edges.length).toBeGreaterThan(20);
      expect(
        counts.some((c) => c.live > 0),
        asOf,
      ).toBe(true);
      for (const { node } of edges) {
        const me = counts.find((c) => c.code === node.code)!;
        const prov = counts.filter((c) => c.province_id === me.province_id && c.id !== me.id).map((c) => c.live);
        const size = counts
          .filter((c) => me.size_class !== null && c.size_class === me.size_class && c.id !== me.id)
          .map((c) => c.live);
        const pc = node.peerComparison;
        expect(pc.liveSolutionCount, `${asOf} ${node.code}`).toBe(me.live);
        expect(pc.province.peerCount).toBe(prov.length);
        expect(pc.province.averageLiveSolutionCount).toBeCloseTo(average(prov)!, 9);
        expect(pc.province.medianLiveSolutionCount).toBe(median(prov));
        if (me.size_class === null) expect(pc.sizeClass).toBeNull();
        else {
          expect(pc.sizeClass.peerCount).toBe(size.length);
          expect(pc.sizeClass.averageLiveSolutionCount).toBeCloseTo(average(size)!, 9);
          expect(pc.sizeClass.medianLiveSolutionCount).toBe(median(size));
        }
      }
    }
  });

  it('peer comparison of a batch of municipalities: averages, medians and per-solution shares', async () => {
    const asOf = '2024-06-30';
    const counts = await liveCounts(asOf);
    const data = await api.data(
      `query($asOf: Date) { municipalities(first: 30, filter: { validOn: $asOf, provinceCode: "PV26" }) { edges { node { code
         peerComparison(asOf: $asOf) { liveSolutionCount
           province { peerCount averageLiveSolutionCount medianLiveSolutionCount }
           sizeClass { key peerCount averageLiveSolutionCount medianLiveSolutionCount }
           solutions { solutionSlug hasLive provincePeerShare sizeClassPeerShare solution { id } } } } } } }`,
      { asOf },
    );
    const { rows: solutionRows } = await api.pool.query<{ id: number; slug: string }>(`SELECT id, slug FROM solution`);
    const slugOf = new Map(solutionRows.map((r) => [r.id, r.slug]));
    const edges = data.municipalities.edges;
    expect(edges.length).toBeGreaterThan(10);
    for (const { node } of edges) {
      const me = counts.find((c) => c.code === node.code)!;
      const prov = counts.filter((c) => c.province_id === me.province_id && c.id !== me.id);
      const size = counts.filter((c) => me.size_class !== null && c.size_class === me.size_class && c.id !== me.id);
      const pc = node.peerComparison;
      expect(pc.liveSolutionCount).toBe(me.live);
      expect(pc.province.peerCount).toBe(prov.length);
      expect(pc.province.averageLiveSolutionCount).toBeCloseTo(average(prov.map((c) => c.live))!, 9);
      expect(pc.province.medianLiveSolutionCount).toBe(median(prov.map((c) => c.live)));
      expect(pc.sizeClass.peerCount).toBe(size.length);
      expect(pc.sizeClass.medianLiveSolutionCount).toBe(median(size.map((c) => c.live)));
      const expected = new Set([me, ...prov, ...size].flatMap((c) => c.solutions).map((id) => slugOf.get(id)!));
      expect(new Set(pc.solutions.map((s: Json) => s.solutionSlug))).toEqual(expected);
      for (const s of pc.solutions) {
        const id = [...slugOf].find(([, v]) => v === s.solutionSlug)![0];
        expect(s.hasLive).toBe(me.solutions.includes(id));
        expect(s.provincePeerShare).toBeCloseTo(prov.filter((c) => c.solutions.includes(id)).length / prov.length, 12);
        expect(s.sizeClassPeerShare).toBeCloseTo(size.filter((c) => c.solutions.includes(id)).length / size.length, 12);
      }
    }
  });

  it('reuse of every solution', async () => {
    const asOf = '2025-01-01';
    const { solutions } = await api.data(
      `query($asOf: Date) { solutions(first: 100) { edges { node { slug developmentCostEur implementationCostEur
         reuse(asOf: $asOf) { liveAdopters regionsCovered { provinces corop } firstAdoption latestAdoption estimatedSaving } } } } }`,
      { asOf },
    );
    const { rows } = await api.pool.query(
      `SELECT s.slug,
              (SELECT count(*)::int FROM municipality m WHERE ${EXISTED} AND EXISTS (
                 SELECT 1 FROM adoption_event e WHERE e.municipality_id = m.id AND e.solution_id = s.id AND e.status = 'LIVE' AND ${IS_LATEST})) AS live,
              (SELECT count(DISTINCT m.province_id)::int FROM municipality m WHERE ${EXISTED} AND EXISTS (
                 SELECT 1 FROM adoption_event e WHERE e.municipality_id = m.id AND e.solution_id = s.id AND e.status = 'LIVE' AND ${IS_LATEST})) AS provinces,
              (SELECT count(DISTINCT rm.region_id)::int FROM municipality m
                 JOIN region_membership rm ON rm.municipality_id = m.id JOIN region r ON r.id = rm.region_id AND r.kind = 'COROP'
                WHERE ${EXISTED} AND EXISTS (
                 SELECT 1 FROM adoption_event e WHERE e.municipality_id = m.id AND e.solution_id = s.id AND e.status = 'LIVE' AND ${IS_LATEST})) AS corop,
              (SELECT to_char(min(e.effective_date), 'YYYY-MM-DD') FROM adoption_event e
                WHERE e.solution_id = s.id AND e.status = 'LIVE' AND e.provenance <> 'INHERITED' AND e.effective_date <= $1::date) AS first,
              (SELECT to_char(max(e.effective_date), 'YYYY-MM-DD') FROM adoption_event e
                WHERE e.solution_id = s.id AND e.status = 'LIVE' AND e.provenance <> 'INHERITED' AND e.effective_date <= $1::date) AS latest
         FROM solution s ORDER BY s.slug`,
      [asOf],
    );
    const bySlug = new Map(solutions.edges.map((e: Json) => [e.node.slug, e.node]));
    expect(bySlug.size).toBe(rows.length);
    for (const r of rows) {
      const node: Json = bySlug.get(r.slug);
      // On 2025-01-01 every municipality is a current one, so COROP areas need no successor chain.
      expect([
        r.slug,
        node.reuse.liveAdopters,
        node.reuse.regionsCovered,
        node.reuse.firstAdoption,
        node.reuse.latestAdoption,
      ]).toEqual([r.slug, r.live, { provinces: r.provinces, corop: r.corop }, r.first, r.latest]);
      const dev = node.developmentCostEur;
      if (dev === null) expect(node.reuse.estimatedSaving).toBeNull();
      else
        expect(node.reuse.estimatedSaving).toBeCloseTo(
          r.live * dev - (dev + r.live * (node.implementationCostEur ?? 0)),
          2,
        );
    }
    expect(rows.some((r) => r.live > 0)).toBe(true);
  });

  // Last: it changes the data (later events, municipalities that start or end later).
  it('the province × solution matrix and the uptake from today on (the kept counts), with pairs that change later', async () => {
    const plusDays = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const chosen = slugs.slice(0, 6);
    // Pairs of the chosen solutions in current municipalities: LIVE ones retire in 30 days, others go LIVE in 300.
    const { rows: pairs } = await api.pool.query<{ municipality_id: number; solution_id: number; status: string }>(
      `SELECT DISTINCT ON (a.status = 'LIVE', a.solution_id) a.municipality_id, a.solution_id, a.status
         FROM adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id
        WHERE m.valid_to IS NULL AND s.slug = ANY($1) AND a.status IN ('LIVE', 'IMPLEMENTING', 'PLANNED')
        ORDER BY a.status = 'LIVE', a.solution_id, a.municipality_id`,
      [chosen],
    );
    expect(pairs.filter((p) => p.status === 'LIVE').length).toBeGreaterThanOrEqual(3);
    expect(pairs.filter((p) => p.status !== 'LIVE').length).toBeGreaterThanOrEqual(3);
    await api.pool.query(
      `INSERT INTO adoption_event (municipality_id, solution_id, status, effective_date, provenance)
       SELECT x.m, x.s, CASE WHEN x.st = 'LIVE' THEN 'RETIRED' ELSE 'LIVE' END,
              CASE WHEN x.st = 'LIVE' THEN $4::date ELSE $5::date END, 'SELF_DECLARED'
         FROM unnest($1::int[], $2::int[], $3::text[]) AS x(m, s, st)`,
      [
        pairs.map((p) => p.municipality_id),
        pairs.map((p) => p.solution_id),
        pairs.map((p) => p.status),
        plusDays(30),
        plusDays(300),
      ],
    );
    await api.pool.query(
      `INSERT INTO adoption (${PROJECTION_COLUMNS})
       WITH pairs AS (SELECT * FROM unnest($1::int[], $2::int[]) AS x(municipality_id, solution_id)), ${projectionQuery('false')}
       ON CONFLICT (municipality_id, solution_id) DO UPDATE SET ${PROJECTION_UPDATE_SET}`,
      [pairs.map((p) => p.municipality_id), pairs.map((p) => p.solution_id)],
    );
    // An adopting municipality that starts in 200 days, and one that ends then (it keeps its adoptions).
    const { rows: places } = await api.pool.query<{ id: number }>(
      `SELECT m.id FROM municipality m JOIN solution s ON s.slug = $1
        WHERE m.valid_to IS NULL AND EXISTS (SELECT 1 FROM adoption a WHERE a.municipality_id = m.id AND a.solution_id = s.id AND a.status = 'LIVE')
        ORDER BY m.id LIMIT 2`,
      [chosen[0]],
    );
    expect(places.length).toBe(2);
    await api.pool.query(`UPDATE municipality SET valid_from = $2 WHERE id = $1`, [places[0]!.id, plusDays(200)]);
    await api.pool.query(`UPDATE municipality SET valid_to = $2 WHERE id = $1`, [places[1]!.id, plusDays(200)]);

    for (const asOf of [today, plusDays(100), plusDays(400)]) {
      for (const statuses of [['LIVE'], ['IMPLEMENTING', 'LIVE']]) {
        const { regionComparison } = await api.data(
          `query($slugs: [String!]!, $asOf: Date, $st: [AdoptionStatus!]) {
             regionComparison(kind: PROVINCE, solutionSlugs: $slugs, asOf: $asOf, statuses: $st) {
               rows { code municipalityCount cells { solutionSlug adoptingCount } } } }`,
          { slugs: chosen, asOf, st: statuses },
        );
        const { rows } = await api.pool.query(
          `SELECT p.code, s.slug,
                  (SELECT count(*) FROM municipality m WHERE m.province_id = p.id AND ${EXISTED})::int AS total,
                  (SELECT count(*) FROM municipality m WHERE m.province_id = p.id AND ${EXISTED}
                      AND EXISTS (SELECT 1 FROM adoption_event e WHERE e.municipality_id = m.id AND e.solution_id = s.id
                                     AND e.status = ANY($3::text[]) AND ${IS_LATEST}))::int AS adopting
             FROM province p CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS o(slug, ord) JOIN solution s ON s.slug = o.slug
            WHERE EXISTS (SELECT 1 FROM municipality m WHERE m.province_id = p.id AND ${EXISTED})
            ORDER BY p.code, o.ord`,
          [asOf, chosen, statuses],
        );
        const got = regionComparison.rows.flatMap((r: Json) =>
          r.cells.map((c: Json) => [r.code, c.solutionSlug, r.municipalityCount, c.adoptingCount]),
        );
        expect(got, `${asOf} ${statuses}`).toEqual(rows.map((r) => [r.code, r.slug, r.total, r.adopting]));

        // The uptake of all solutions from today on counts from the kept status counts too.
        const { uptake } = await api.data(UPTAKE, { g: 'MUNICIPALITY', asOf, statuses });
        const { rows: held } = await api.pool.query(
          `SELECT m.code, ${HELD}::int AS pairs FROM municipality m WHERE ${EXISTED} ORDER BY m.code`,
          [asOf, null, statuses],
        );
        expect(
          uptake.rows.map((r: Json) => [r.groupKey, r.adoptionCount]),
          `uptake ${asOf} ${statuses}`,
        ).toEqual(held.map((r) => [r.code, r.pairs]));
      }
    }
  });
});
