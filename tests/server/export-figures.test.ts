import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../server/src/data-source.js';
import { todayInNL } from '../../server/src/scalars.js';
import { createSchema } from '../../server/src/schema.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { gql, startApp, type TestApp } from './hardening-helpers.js';

// Answers are compared field by field with the GraphQL answers; their static type adds nothing.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The CSV/JSON exports of the lists and figures the web app shows, on the demo data: each one
 * must give exactly what the GraphQL API answers for the same arguments.
 */

/** RFC 4180 fields of one CSV text (CRLF lines, quoted fields with "" escapes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

interface Csv {
  comments: string[];
  header: string[];
  records: Record<string, string>[];
}

function readCsv(text: string): Csv {
  const lines = text.split('\r\n');
  const comments = lines.filter((l) => l.startsWith('#'));
  const [header, ...body] = parseCsv(lines.filter((l) => !l.startsWith('#')).join('\r\n'));
  return {
    comments,
    header: header!,
    records: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))),
  };
}

/** How a JSON value is written in the CSV. */
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const PERSON = { email: 'export.person@gemeente.test', name: 'Erik Exportpersoon' };

describe('exports of the lists and figures the web app shows (demo data)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let app: TestApp;
  const today = todayInNL();

  const get = async (path: string) => {
    const res = await fetch(`${app.base}/api/export/${path}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), res };
  };
  const json = async (path: string): Promise<Json> => {
    const r = await get(path);
    expect(r.status, r.text).toBe(200);
    expect(r.type).toMatch(/application\/json/);
    return JSON.parse(r.text);
  };
  const csv = async (path: string): Promise<Csv> => {
    const r = await get(path);
    expect(r.status, r.text).toBe(200);
    expect(r.type).toMatch(/text\/csv/);
    expect(r.text.split('\r\n')[0]).toMatch(/^# .*CBS \/ PDOK \(CC BY 4\.0\).*creativecommons\.org/);
    return readCsv(r.text);
  };
  const data = async (query: string, variables: Record<string, unknown> = {}): Promise<Json> => {
    const r = await gql(app.base, query, variables);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data;
  };

  let slugs: string[];

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    pool = poolOf(await db.dataSource());
    // A person with a role and a declaration: nothing about them may reach an export.
    const { rows } = await pool.query<{ id: number }>(
      `INSERT INTO app_user (email, display_name) VALUES ($1, $2) RETURNING id`,
      [PERSON.email, PERSON.name],
    );
    await pool.query(
      `UPDATE standard_compliance SET declared_by_user_id = $1 WHERE id = (SELECT min(id) FROM standard_compliance)`,
      [rows[0]!.id],
    );
    app = await startApp(pool, {}, { schema: await createSchema() });
    const solutions = await pool.query<{ slug: string }>(
      `SELECT s.slug FROM solution s ORDER BY (SELECT count(*) FROM adoption_event e WHERE e.solution_id = s.id) DESC, s.slug`,
    );
    slugs = solutions.rows.map((r) => r.slug);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('initiatives.{csv,json}', () => {
    const QUERY = `{ initiatives(first: 100) { totalCount edges { node {
      slug title stage domain submittedOn website
      submittedByMunicipality { code name } submittedByOrganisation { slug name }
      participants { role } fundingLines { amountEur year } decisions { decidedOn body outcome toStage }
      solutions { slug } } } } }`;

    it('lists every initiative in the order of the initiatives page, with the figures GraphQL gives', async () => {
      const answer = (await data(QUERY)).initiatives;
      expect(answer.totalCount).toBeGreaterThan(0);
      expect(answer.totalCount).toBeLessThanOrEqual(100);
      const doc = await json('initiatives.json');
      expect(doc.attribution.text).toMatch(/CBS \/ PDOK/);
      expect(doc.data.map((r: Json) => r.slug)).toEqual(answer.edges.map((e: Json) => e.node.slug));

      for (const { node } of answer.edges) {
        const row = doc.data.find((r: Json) => r.slug === node.slug);
        const latest = node.decisions.at(-1) ?? null;
        const sum = node.fundingLines.reduce((s: number, f: Json) => s + f.amountEur, 0);
        expect(row).toEqual({
          slug: node.slug,
          title: node.title,
          stage: node.stage,
          domain: node.domain,
          submitted_on: node.submittedOn,
          submitted_by_cbs_code: node.submittedByMunicipality?.code ?? null,
          submitted_by_organisation: node.submittedByOrganisation?.slug ?? null,
          submitted_by_name: node.submittedByMunicipality?.name ?? node.submittedByOrganisation?.name,
          participant_count: node.participants.length,
          pioneer_count: node.participants.filter((p: Json) => p.role === 'PIONEER').length,
          funding_total_eur: expect.closeTo(sum, 2),
          funding_years: node.fundingLines.length
            ? [...new Set(node.fundingLines.map((f: Json) => f.year))].sort().join(';')
            : null,
          decision_count: node.decisions.length,
          latest_decision_on: latest?.decidedOn ?? null,
          latest_decision_body: latest?.body ?? null,
          latest_decision_outcome: latest?.outcome ?? null,
          latest_decision_to_stage: latest?.toStage ?? null,
          solutions: node.solutions.length ? node.solutions.map((s: Json) => s.slug).join(';') : null,
          website: node.website,
        });
      }
      // The stage of an initiative is that of its latest decision (when it has one).
      expect(doc.data.some((r: Json) => r.latest_decision_to_stage !== null)).toBe(true);
    });

    it('the CSV has the same rows and columns', async () => {
      const doc = await json('initiatives.json');
      const table = await csv('initiatives.csv');
      expect(table.header).toEqual([
        'slug',
        'title',
        'stage',
        'domain',
        'submitted_on',
        'submitted_by_cbs_code',
        'submitted_by_organisation',
        'submitted_by_name',
        'participant_count',
        'pioneer_count',
        'funding_total_eur',
        'funding_years',
        'decision_count',
        'latest_decision_on',
        'latest_decision_body',
        'latest_decision_outcome',
        'latest_decision_to_stage',
        'solutions',
        'website',
      ]);
      expect(table.records).toEqual(
        doc.data.map((r: Json) => Object.fromEntries(table.header.map((h) => [h, cell(r[h])]))),
      );
    });
  });

  describe('standards.{csv,json}', () => {
    const count = (status: string) =>
      `${status.toLowerCase()}: compliance(first: 0, status: [${status}]) { totalCount }`;
    const QUERY = `{ standards(first: 100) { totalCount edges { node {
      slug name domain status adoptedOn url owner { slug name } versions { label status }
      implementations { solution { slug name } }
      all: compliance(first: 0) { totalCount }
      ${['COMPLIANT', 'PARTIAL', 'PLANNED', 'EXPLAINED', 'NOT_COMPLIANT'].map(count).join('\n')} } } } }`;

    it('lists every standard by name with its implementations and declared compliance, as GraphQL gives them', async () => {
      const answer = (await data(QUERY)).standards;
      expect(answer.totalCount).toBeGreaterThan(0);
      const doc = await json('standards.json');
      expect(doc.data.map((r: Json) => r.slug)).toEqual(answer.edges.map((e: Json) => e.node.slug));
      let declared = 0;
      for (const { node } of answer.edges) {
        const row = doc.data.find((r: Json) => r.slug === node.slug);
        const implementing: string[] = node.implementations.map((i: Json) => i.solution.slug);
        expect(row).toEqual({
          slug: node.slug,
          name: node.name,
          domain: node.domain,
          status: node.status,
          owner: node.owner?.slug ?? null,
          owner_name: node.owner?.name ?? null,
          adopted_on: node.adoptedOn,
          // What the standards page shows: the CURRENT version, else the newest release.
          current_version:
            node.versions.find((v: Json) => v.status === 'CURRENT')?.label ?? node.versions[0]?.label ?? null,
          url: node.url,
          solution_count: node.implementations.length,
          solutions: implementing.length ? expect.any(String) : null,
          declared_count: node.all.totalCount,
          compliant_count: node.compliant.totalCount,
          partial_count: node.partial.totalCount,
          planned_count: node.planned.totalCount,
          explained_count: node.explained.totalCount,
          not_compliant_count: node.not_compliant.totalCount,
        });
        if (implementing.length) expect(row.solutions.split(';').sort()).toEqual([...implementing].sort());
        declared += node.all.totalCount;
      }
      expect(declared).toBeGreaterThan(0);
    });

    it('the CSV has the same rows and columns', async () => {
      const doc = await json('standards.json');
      const table = await csv('standards.csv');
      expect(table.header).toEqual(Object.keys(doc.data[0]));
      expect(table.header).toEqual(expect.arrayContaining(['solution_count', 'compliant_count', 'explained_count']));
      expect(table.records).toEqual(
        doc.data.map((r: Json) => Object.fromEntries(table.header.map((h) => [h, cell(r[h])]))),
      );
    });
  });

  describe('region-comparison.{csv,json}', () => {
    const QUERY = `query($kind: RegionKind!, $slugs: [String!]!, $asOf: Date, $statuses: [AdoptionStatus!]) {
      regionComparison(kind: $kind, solutionSlugs: $slugs, asOf: $asOf, statuses: $statuses) {
        asOf statuses solutionSlugs rows { code name municipalityCount cells { solutionSlug solutionName adoptingCount share } } } }`;

    const cases = [
      { kind: 'PROVINCE', n: 3, asOf: '2022-03-24', statuses: ['LIVE'] },
      { kind: 'SAFETY_REGION', n: 2, asOf: '2019-01-01', statuses: ['IMPLEMENTING', 'LIVE'] },
      { kind: 'COOPERATION', n: 1, asOf: null, statuses: null },
    ];

    it.each(cases)(
      '$kind × $n solutions on $asOf: the figures of the Compare page',
      async ({ kind, n, asOf, statuses }) => {
        const chosen = slugs.slice(0, n);
        const answer = (await data(QUERY, { kind, slugs: chosen, asOf, statuses })).regionComparison;
        const qs = new URLSearchParams({ kind, solutions: chosen.join(',') });
        if (asOf) qs.set('asOf', asOf);
        if (statuses) qs.set('status', statuses.join(','));
        const expected = answer.rows.flatMap((row: Json) =>
          row.cells.map((c: Json) => ({
            code: row.code,
            name: row.name,
            municipality_count: row.municipalityCount,
            solution: c.solutionSlug,
            solution_name: c.solutionName,
            adopting_count: c.adoptingCount,
            share: c.share,
          })),
        );
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.some((r: Json) => r.adopting_count > 0)).toBe(true);

        const doc = await json(`region-comparison.json?${qs}`);
        expect(doc.attribution.text).toMatch(/CBS \/ PDOK/);
        expect(doc.parameters).toEqual({ kind, asOf: asOf ?? today, solutions: chosen, status: statuses ?? ['LIVE'] });
        expect(doc.data).toEqual(expected);

        const table = await csv(`region-comparison.csv?${qs}`);
        expect(table.header).toEqual([
          'code',
          'name',
          'municipality_count',
          'solution',
          'solution_name',
          'adopting_count',
          'share',
        ]);
        expect(table.comments[1]).toBe(
          `# parameters: kind=${kind}&asOf=${asOf ?? today}&solutions=${chosen.join(',')}&status=${(statuses ?? ['LIVE']).join(',')}`,
        );
        expect(table.records).toEqual(
          expected.map((r: Json) => Object.fromEntries(table.header.map((h) => [h, cell(r[h])]))),
        );
      },
    );

    it('is the link the Compare page offers (lower-case values, repeated status, slugs as given)', async () => {
      const chosen = slugs.slice(0, 2);
      const answer = (
        await data(QUERY, { kind: 'PROVINCE', slugs: chosen, asOf: '2024-06-30', statuses: ['PLANNED', 'LIVE'] })
      ).regionComparison;
      const doc = await json(
        `region-comparison.json?kind=province&solutions=${chosen.map((s) => ` ${s.toUpperCase()}`).join(',')}&asOf=2024-06-30&status=planned&status=LIVE`,
      );
      expect(doc.parameters.solutions).toEqual(answer.solutionSlugs);
      expect(doc.data.map((r: Json) => r.adopting_count)).toEqual(
        answer.rows.flatMap((r: Json) => r.cells.map((c: Json) => c.adoptingCount)),
      );
    });
  });

  describe('adoption-timeline.{csv,json}', () => {
    const QUERY = `query($slug: String!, $from: Date!, $to: Date!, $interval: Interval!) {
      adoptionTimeline(solutionSlug: $slug, from: $from, to: $to, interval: $interval) {
        points { periodStart periodEnd municipalityCount considering planned implementing live retired liveShare } } }`;

    it.each([
      { interval: 'YEAR', from: '2018-01-01', to: '2025-12-31' },
      { interval: 'MONTH', from: '2018-01-01', to: today },
      { interval: 'QUARTER', from: '2021-02-15', to: '2022-05-10' },
    ])('$interval from $from to $to: the figures of the solution page', async ({ interval, from, to }) => {
      const slug = slugs[0]!;
      const points = (await data(QUERY, { slug, from, to, interval })).adoptionTimeline.points;
      const expected = points.map((p: Json) => ({
        solution: slug,
        period_start: p.periodStart,
        period_end: p.periodEnd,
        municipality_count: p.municipalityCount,
        considering: p.considering,
        planned: p.planned,
        implementing: p.implementing,
        live: p.live,
        retired: p.retired,
        live_share: p.liveShare,
      }));
      expect(expected.some((p: Json) => p.live > 0)).toBe(true);
      const qs = new URLSearchParams({ solution: slug, from, to, interval });
      const doc = await json(`adoption-timeline.json?${qs}`);
      expect(doc.parameters).toEqual({ solution: slug, from, to, interval });
      expect(doc.data).toEqual(expected);

      const r = await get(`adoption-timeline.csv?${qs}`);
      expect(r.res.headers.get('content-disposition')).toBe(
        `attachment; filename="ggu-atlas-adoption-timeline-${slug}-${interval.toLowerCase()}-${from}-${to}.csv"`,
      );
      const table = await csv(`adoption-timeline.csv?${qs}`);
      expect(table.header).toEqual(Object.keys(expected[0]));
      expect(table.records).toEqual(
        expected.map((p: Json) => Object.fromEntries(table.header.map((h) => [h, cell(p[h])]))),
      );
    });
  });

  describe('uptake.{csv,json}', () => {
    const QUERY = `query($g: UptakeGrouping!, $asOf: Date, $slugs: [String!], $statuses: [AdoptionStatus!]) {
      uptake(groupBy: $g, asOf: $asOf, solutionSlugs: $slugs, statuses: $statuses) {
        asOf solutionSlugs statuses selectedSolutionCount
        totals { groupKey groupName municipalityCode municipalityCount adoptingCount share adoptionCount solutionCount adoptedSolutionCount declaredComplianceCount complianceShare }
        rows { groupKey groupName municipalityCode municipalityCount adoptingCount share adoptionCount solutionCount adoptedSolutionCount declaredComplianceCount complianceShare } } }`;
    const flat = (r: Json) => ({
      group_key: r.groupKey,
      group_name: r.groupName,
      municipality_code: r.municipalityCode,
      municipality_count: r.municipalityCount,
      adopting_count: r.adoptingCount,
      share: r.share,
      adoption_count: r.adoptionCount,
      solution_count: r.solutionCount,
      adopted_solution_count: r.adoptedSolutionCount,
      declared_compliance_count: r.declaredComplianceCount,
      compliance_share: r.complianceShare,
    });

    it.each([
      { groupBy: 'PROVINCE', asOf: '2018-01-01', n: 0, statuses: null },
      { groupBy: 'MUNICIPALITY', asOf: '2022-03-24', n: 2, statuses: ['LIVE', 'IMPLEMENTING'] },
      { groupBy: 'SIZE_CLASS', asOf: null, n: 1, statuses: null },
      { groupBy: 'SAFETY_REGION', asOf: '2025-01-01', n: 3, statuses: ['LIVE'] },
    ])('by $groupBy on $asOf: the figures of the GraphQL uptake field', async ({ groupBy, asOf, n, statuses }) => {
      const chosen = n ? slugs.slice(0, n) : null;
      const answer = (await data(QUERY, { g: groupBy, asOf, slugs: chosen, statuses })).uptake;
      const qs = new URLSearchParams({ groupBy });
      if (asOf) qs.set('asOf', asOf);
      if (chosen) qs.set('solutions', chosen.join(','));
      if (statuses) qs.set('status', statuses.join(','));
      const doc = await json(`uptake.json?${qs}`);
      expect(doc.parameters).toEqual({
        groupBy,
        asOf: answer.asOf,
        solutions: answer.solutionSlugs,
        status: answer.statuses,
      });
      expect(doc.selectedSolutionCount).toBe(answer.selectedSolutionCount);
      expect(doc.data).toEqual(answer.rows.map(flat));
      expect(doc.totals).toEqual(flat(answer.totals));
      expect(doc.totals.adopting_count).toBeGreaterThan(0);

      const table = await csv(`uptake.csv?${qs}`);
      const expected = [...answer.rows, answer.totals].map(flat);
      expect(table.header).toEqual(Object.keys(expected[0]!));
      expect(table.comments.slice(1)).toEqual([
        `# parameters: groupBy=${groupBy}&asOf=${answer.asOf}${chosen ? `&solutions=${chosen.join(',')}` : ''}&status=${answer.statuses.join(',')}`,
        `# selectedSolutionCount: ${answer.selectedSolutionCount}`,
      ]);
      expect(table.records.at(-1)!.group_key).toBe('ALL');
      expect(table.records).toEqual(
        expected.map((r: Json) => Object.fromEntries(table.header.map((h) => [h, cell(r[h])]))),
      );
    });

    it('keeps the existing uptake-municipalities and uptake-provinces lists', async () => {
      for (const list of ['uptake-municipalities', 'uptake-provinces']) {
        expect((await csv(`${list}.csv`)).records.length).toBeGreaterThan(0);
        expect((await json(`${list}.json`)).data.length).toBeGreaterThan(0);
      }
    });
  });

  describe('adoptions.{csv,json}?municipality=…&solution=…', () => {
    const STATUSES = ['CONSIDERING', 'PLANNED', 'IMPLEMENTING', 'LIVE', 'RETIRED']; // the export leaves RETRACTED out
    const NODE = `municipality { code } solution { slug } status statusSince mode notes provenance
      firstEventDate liveSince lastConfirmedAt needsReview isDemo version`;
    /** Every page of the GraphQL `adoptions(filter: …)`. */
    const allAdoptions = async (filter: Record<string, unknown>) => {
      const nodes: Json[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Json = (
          await data(
            `query($filter: AdoptionFilter, $after: String) { adoptions(first: 100, after: $after, filter: $filter) {
              pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } }`,
            { filter: { ...filter, status: STATUSES }, after },
          )
        ).adoptions;
        nodes.push(...page.edges.map((e: Json) => e.node));
        if (!page.pageInfo.hasNextPage) return nodes;
        after = page.pageInfo.endCursor;
      }
    };
    const asRow = (n: Json) => ({
      cbs_code: n.municipality.code,
      solution: n.solution.slug,
      status: n.status,
      date: n.statusSince,
      mode: n.mode,
      notes: n.notes,
      provenance: n.provenance,
      first_event_date: n.firstEventDate,
      live_since: n.liveSince,
      last_confirmed_at: new Date(n.lastConfirmedAt).toISOString(),
      needs_review: n.needsReview,
      is_demo: n.isDemo,
      version: n.version,
    });
    const normalised = (rows: Json[]) =>
      rows.map((r) => ({ ...r, last_confirmed_at: new Date(r.last_confirmed_at).toISOString() }));
    let code: string;

    beforeAll(async () => {
      const { rows } = await pool.query<{ code: string }>(
        `SELECT m.code FROM adoption a JOIN municipality m ON m.id = a.municipality_id WHERE a.status <> 'RETRACTED'
         GROUP BY m.code ORDER BY count(*) DESC, m.code LIMIT 1`,
      );
      code = rows[0]!.code;
    });

    it('?municipality= gives that municipality’s adoptions as GraphQL does (filter and Municipality.adoptions)', async () => {
      const expected = (await allAdoptions({ municipalityCode: code })).map(asRow);
      expect(expected.length).toBeGreaterThan(1);
      const doc = await json(`adoptions.json?municipality=${code.toLowerCase()}`);
      expect(normalised(doc.data)).toEqual(expected);
      const profile = (
        await data(
          `query($code: String!) { municipality(code: $code) { adoptions(first: 100, status: [${STATUSES}]) {
            edges { node { ${NODE} } } } } }`,
          { code },
        )
      ).municipality.adoptions.edges.map((e: Json) => asRow(e.node));
      expect(normalised(doc.data)).toEqual(profile);
      // The same rows as the whole list has for that municipality.
      const whole = await json('adoptions.json');
      expect(doc.data).toEqual(whole.data.filter((r: Json) => r.cbs_code === code));
    });

    it('?solution= gives that solution’s adopters, and both together narrow to one', async () => {
      const slug = slugs[0]!;
      const expected = (await allAdoptions({ solutionSlug: slug })).map(asRow);
      expect(expected.length).toBeGreaterThan(1);
      const doc = await json(`adoptions.json?solution=${slug}`);
      expect(normalised(doc.data)).toEqual(expected);
      const one = await json(`adoptions.json?municipality=${expected[0]!.cbs_code}&solution=${slug}`);
      expect(normalised(one.data)).toEqual([expected[0]]);
    });

    it('the filtered CSV keeps the columns of the whole list (the CSV import’s), and names the filter in its file name', async () => {
      const whole = await csv('adoptions.csv');
      const doc = await json(`adoptions.json?municipality=${code}`);
      const r = await get(`adoptions.csv?municipality=${code}`);
      expect(r.res.headers.get('content-disposition')).toBe(`attachment; filename="ggu-atlas-adoptions-${code}.csv"`);
      const table = await csv(`adoptions.csv?municipality=${code}`);
      expect(table.header).toEqual(whole.header);
      expect(table.header.slice(0, 4)).toEqual(['cbs_code', 'solution', 'status', 'date']);
      expect(table.records).toEqual(whole.records.filter((rec) => rec.cbs_code === code));
      expect(table.records).toHaveLength(doc.data.length);
      // Without parameters: the whole list, every municipality.
      expect(new Set(whole.records.map((rec) => rec.cbs_code)).size).toBeGreaterThan(1);
    });
  });

  describe('no personal data', () => {
    it('no export carries a user’s name or e-mail address, or a column about users', async () => {
      const files = [
        'initiatives.csv',
        'initiatives.json',
        'standards.csv',
        'standards.json',
        `region-comparison.csv?kind=PROVINCE&solutions=${slugs[0]}`,
        `region-comparison.json?kind=PROVINCE&solutions=${slugs[0]}`,
        `adoption-timeline.csv?solution=${slugs[0]}&from=2018-01-01&to=2025-01-01&interval=YEAR`,
        `adoption-timeline.json?solution=${slugs[0]}&from=2018-01-01&to=2025-01-01&interval=YEAR`,
        'uptake.csv?groupBy=MUNICIPALITY',
        'uptake.json?groupBy=MUNICIPALITY',
      ];
      const { rows } = await pool.query<{ email: string }>(`SELECT email FROM app_user`);
      expect(rows.map((r) => r.email)).toContain(PERSON.email);
      for (const file of files) {
        const r = await get(file);
        expect(r.status, file).toBe(200);
        for (const { email } of rows) expect(r.text, file).not.toContain(email);
        expect(r.text, file).not.toContain(PERSON.name);
        expect(r.text, file).not.toMatch(/e-?mail|display_name|user_id|password|contact/i);
      }
    });
  });

  describe('bad parameters', () => {
    const cases: [string, string, RegExp][] = [
      ['region-comparison.csv', 'kind', /kind is required/],
      ['region-comparison.csv?kind=PROVINCE', 'solutions', /solutions is required/],
      ['region-comparison.json?kind=CANTON&solutions=x', 'kind', /unknown value CANTON/],
      ['region-comparison.json?kind=PROVINCE&solutions=no-such-solution', 'solutions', /no-such-solution/],
      ['region-comparison.json?kind=PROVINCE&solutions=,', 'solutions', /at least 1/],
      [
        `region-comparison.json?kind=PROVINCE&solutions=${Array.from({ length: 21 }, (_, i) => `s${i}`)}`,
        'solutions',
        /at most 20/,
      ],
      ['region-comparison.json?kind=PROVINCE&solutions=SLUG0&asOf=2023-02-30', 'asOf', /not a date/],
      ['region-comparison.json?kind=PROVINCE&solutions=SLUG0&asOf=yesterday', 'asOf', /YYYY-MM-DD/],
      ['region-comparison.json?kind=PROVINCE&solutions=SLUG0&status=LIVE,DONE', 'status', /unknown status DONE/],
      ['region-comparison.json?kind=PROVINCE&solutions=SLUG0&status=,', 'status', /at least one status/],
      [
        'region-comparison.json?kind=PROVINCE&solutionSlugs=SLUG0',
        'solutionSlugs',
        /solutionSlugs is not a parameter of region-comparison \(it takes kind, solutions, asOf, status\)/,
      ],
      ['adoption-timeline.csv?from=2018-01-01&to=2019-01-01&interval=YEAR', 'solution', /solution is required/],
      ['adoption-timeline.csv?solution=nope&from=2018-01-01&to=2019-01-01&interval=YEAR', 'solution', /nope/],
      [
        'adoption-timeline.csv?solution=SLUG0&from=2020-01-01&to=2019-01-01&interval=YEAR',
        'from',
        /must not lie after/,
      ],
      ['adoption-timeline.csv?solution=SLUG0&from=1900-01-01&to=2019-01-01&interval=MONTH', 'to', /at most 400/],
      [
        'adoption-timeline.csv?solution=SLUG0&from=2018-01-01&to=2019-01-01&interval=WEEK',
        'interval',
        /unknown value WEEK/,
      ],
      ['adoption-timeline.json?solution=SLUG0&from=2018-01-01&interval=YEAR', 'to', /to is required/],
      ['uptake.json', 'groupBy', /groupBy is required/],
      ['uptake.json?groupBy=PROVINCE&solutions=open-zaak-x', 'solutions', /open-zaak-x/],
      ['uptake.csv?groupBy=COUNTY', 'groupBy', /unknown value COUNTY/],
      ["uptake.csv?groupBy=PROVINCE&asOf=2024-01-01';DROP TABLE solution", 'asOf', /YYYY-MM-DD/],
      ['adoptions.csv?municipality=GM9999', 'municipality', /unknown municipality code GM9999/],
      ['adoptions.json?municipality=Utrecht', 'municipality', /CBS code like GM0363/],
      ["adoptions.json?municipality=GM0363' OR '1'='1", 'municipality', /CBS code like GM0363/],
      ['adoptions.json?solution=no-such-solution', 'solution', /unknown solution slug no-such-solution/],
      ['adoptions.csv?solution=open formulieren', 'solution', /must be a slug/],
      ['adoptions.csv?solution=SLUG0&municipality=GM9999', 'municipality', /GM9999/],
      [
        'adoptions.json?solutionSlug=SLUG0',
        'solutionSlug',
        /not a parameter of adoptions \(it takes municipality, solution\)/,
      ],
    ];

    it.each(cases)('%s → 400 BAD_USER_INPUT naming %s', async (path, parameter, message) => {
      const r = await get(path.replace(/SLUG0/g, slugs[0]!));
      expect(r.status, r.text).toBe(400);
      expect(r.type).toMatch(/application\/json/);
      const body = JSON.parse(r.text);
      expect(body.code).toBe('BAD_USER_INPUT');
      expect(body.parameter).toBe(parameter);
      expect(body.message).toMatch(new RegExp(`^${parameter}\\b`));
      expect(body.message).toMatch(message);
      expect(r.text).not.toMatch(/SELECT|FROM |\bat .*\.ts:|node_modules|stack/);
      expect(r.res.headers.get('cache-control')).toBe('no-store');
    });

    it('an unknown export is 404 and names the new ones', async () => {
      for (const file of ['constructor.csv', 'tostring.json', '__proto__.csv', 'uptake.xml']) {
        expect((await get(file)).status, file).toBe(404);
      }
      const r = await get('users.csv');
      expect(r.status).toBe(404);
      expect(JSON.parse(r.text).message).toMatch(
        /initiatives\.csv.*standards\.csv.*region-comparison\.csv.*adoption-timeline\.csv/,
      );
    });
  });
});
