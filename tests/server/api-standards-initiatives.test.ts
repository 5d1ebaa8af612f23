/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON here */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, openApi, type ApiHarness } from './api-fixtures.js';

describe('API: standards and initiatives', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi('reference', true);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  const slugs = (conn: { edges: { node: { slug: string } }[] }) => conn.edges.map((e) => e.node.slug);

  describe('standards', () => {
    it('refuses bad input: malformed slug, first > 100, bad cursor on compliance', async () => {
      expect(codes(await api.gql(`{ standard(slug: "ZGW APIs") { slug } }`))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await api.gql(`{ standards(first: 101) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await api.gql(`{ standard(slug: "zgw-apis") { compliance(after: "x") { totalCount } } }`))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });

    it('answers one standard with owner, versions (newest first) and implementations; null when unknown', async () => {
      const d = await api.data(`{
        s: standard(slug: "zgw-apis") { id slug name description domain status url adoptedOn version
          owner { slug ownedStandards { slug } }
          versions { id label status releasedOn standard { slug } }
          implementations { solution { slug } version { label } standard { slug } } }
        none: standard(slug: "nope") { slug } }`);
      expect(d.none).toBeNull();
      expect(d.s).toEqual({
        id: 'zgw-apis',
        slug: 'zgw-apis',
        name: "ZGW API's",
        description: 'APIs voor zaakgericht werken',
        domain: 'Zaakgericht werken',
        status: 'ADOPTED',
        url: null,
        adoptedOn: '2019-06-01',
        version: 1,
        owner: { slug: 'vng-realisatie', ownedStandards: [{ slug: 'zgw-apis' }] },
        versions: [
          {
            id: 'zgw-apis:1.5',
            label: '1.5',
            status: 'CURRENT',
            releasedOn: '2023-05-01',
            standard: { slug: 'zgw-apis' },
          },
          {
            id: 'zgw-apis:1.0',
            label: '1.0',
            status: 'SUPERSEDED',
            releasedOn: '2019-01-15',
            standard: { slug: 'zgw-apis' },
          },
        ],
        implementations: [
          { solution: { slug: 'open-zaak' }, version: { label: '1.5' }, standard: { slug: 'zgw-apis' } },
          { solution: { slug: 'zaak-portaal' }, version: null, standard: { slug: 'zgw-apis' } },
        ],
      });
    });

    it('lists declared compliance as a connection, by municipality code, filtered by status', async () => {
      const d = await api.data(`{ standard(slug: "zgw-apis") {
        all: compliance { totalCount edges { node { id status explanation deadline provenance declaredAt lastConfirmedAt isDemo version
          municipality { code } standard { slug } } } }
        explained: compliance(status: [EXPLAINED, PLANNED], first: 1) { totalCount edges { node { municipality { code } } } pageInfo { hasNextPage } } } }`);
      const s = d.standard;
      expect(s.all.totalCount).toBe(3);
      expect(s.all.edges.map((e: any) => e.node.id)).toEqual(['GM0014:zgw-apis', 'GM0363:zgw-apis', 'GM0599:zgw-apis']);
      expect(s.all.edges[0].node).toEqual({
        id: 'GM0014:zgw-apis',
        status: 'EXPLAINED',
        explanation: 'Own system until 2027',
        deadline: null,
        provenance: 'VERIFIED',
        declaredAt: '2024-01-01T10:00:00.000Z',
        lastConfirmedAt: '2024-06-01T10:00:00.000Z',
        isDemo: false,
        version: 1,
        municipality: { code: 'GM0014' },
        standard: { slug: 'zgw-apis' },
      });
      expect(s.all.edges[2].node).toMatchObject({ status: 'PLANNED', deadline: '2026-01-01' });
      expect(s.explained).toEqual({
        totalCount: 2,
        edges: [{ node: { municipality: { code: 'GM0014' } } }],
        pageInfo: { hasNextPage: true },
      });
    });

    it('lists standards by name and filters by status, domain and search', async () => {
      const q = `query($f: StandardFilter) { standards(filter: $f) { totalCount edges { node { slug } } } }`;
      const run = async (f: Record<string, unknown> | null) => slugs((await api.data(q, { f })).standards);
      expect(await run(null)).toEqual(['haal-centraal', 'oude-standaard', 'zgw-apis']);
      expect(await run({ status: ['APPLY_OR_EXPLAIN', 'DEPRECATED'] })).toEqual(['haal-centraal', 'oude-standaard']);
      expect(await run({ domain: 'zaakgericht werken' })).toEqual(['oude-standaard', 'zgw-apis']);
      expect(await run({ search: 'api' })).toEqual(['zgw-apis']);
      expect(await run({ domain: 'Zaakgericht werken', status: ['DEPRECATED'] })).toEqual(['oude-standaard']);
    });

    it('pages standards: exactly first, then the empty page after the end', async () => {
      const p1 = (
        await api.data(`{ standards(first: 3) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`)
      ).standards;
      expect(p1.edges).toHaveLength(3);
      expect(p1.pageInfo.hasNextPage).toBe(false);
      const p2 = (
        await api.data(`query($a: String) { standards(first: 3, after: $a) { totalCount edges { node { slug } } } }`, {
          a: p1.pageInfo.endCursor,
        })
      ).standards;
      expect(p2).toEqual({ totalCount: 3, edges: [] });
    });

    it('shows a municipality’s compliance declarations from the municipality side', async () => {
      const d = await api.data(`{ municipality(code: "GM0363") { standardCompliance { status standard { slug } } } }`);
      expect(d.municipality.standardCompliance).toEqual([
        { status: 'PARTIAL', standard: { slug: 'haal-centraal' } },
        { status: 'COMPLIANT', standard: { slug: 'zgw-apis' } },
      ]);
    });
  });

  describe('initiatives', () => {
    it('refuses bad input: malformed slug, a year out of range', async () => {
      expect(codes(await api.gql(`{ initiative(slug: "-x-") { slug } }`))).toEqual(['BAD_USER_INPUT']);
      const res = await api.gql(`{ initiatives(filter: { year: 1850 }) { totalCount } }`);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.message).toMatch(/year must be between 2000 and 2100/);
    });

    it('answers one initiative with submitter, participants, funding, decisions and solutions; null when unknown', async () => {
      const d = await api.data(`{
        i: initiative(slug: "samen-zaakgericht") { id slug title problem domain stage submittedOn website version
          submittedByMunicipality { code } submittedByOrganisation { slug }
          participants { id role joinedOn municipality { code } initiative { slug } }
          fundingLines { id year source amountEur description annualPlan { year } }
          decisions { id body decidedOn outcome fromStage toStage rationale recordedAt
            annualPlan { id year title adoptedOn budgetEur } initiative { slug } }
          solutions { slug initiative { slug } } }
        byOrg: initiative(slug: "digitale-inkoop") { submittedByMunicipality { code } submittedByOrganisation { slug kind }
          participants { role } decisions { body } solutions { slug } }
        none: initiative(slug: "nope") { slug } }`);
      expect(d.none).toBeNull();
      const i = d.i;
      expect(i).toMatchObject({
        id: 'samen-zaakgericht',
        title: 'Samen zaakgericht',
        domain: 'Dienstverlening',
        stage: 'IN_MANAGEMENT',
        submittedOn: '2019-03-01',
        website: null,
        submittedByMunicipality: { code: 'GM0363' },
        submittedByOrganisation: null,
      });
      expect(i.participants).toEqual([
        {
          id: 'samen-zaakgericht:GM0363',
          role: 'PIONEER',
          joinedOn: '2019-03-01',
          municipality: { code: 'GM0363' },
          initiative: { slug: 'samen-zaakgericht' },
        },
        {
          id: 'samen-zaakgericht:GM0599',
          role: 'PARTICIPANT',
          joinedOn: '2019-07-01',
          municipality: { code: 'GM0599' },
          initiative: { slug: 'samen-zaakgericht' },
        },
        {
          id: 'samen-zaakgericht:GM0014',
          role: 'FUNDER',
          joinedOn: null,
          municipality: { code: 'GM0014' },
          initiative: { slug: 'samen-zaakgericht' },
        },
      ]);
      expect(i.fundingLines).toEqual([
        {
          id: 'samen-zaakgericht:2023:FONDS_GGU',
          year: 2023,
          source: 'FONDS_GGU',
          amountEur: 100000.5,
          description: 'Development',
          annualPlan: { year: 2023 },
        },
        {
          id: 'samen-zaakgericht:2024:MUNICIPALITIES',
          year: 2024,
          source: 'MUNICIPALITIES',
          amountEur: 25000,
          description: null,
          annualPlan: null,
        },
      ]);
      expect(i.decisions.map((x: any) => `${x.decidedOn} ${x.body} ${x.outcome} ${x.fromStage}→${x.toStage}`)).toEqual([
        '2019-04-01 TASKFORCE APPROVED SUBMITTED→ASSESSED',
        '2019-05-01 CVD ADVISED ASSESSED→ADVISED',
        '2019-06-01 ALV APPROVED ADVISED→ADOPTED',
      ]);
      expect(i.decisions[2]).toMatchObject({
        rationale: 'In het jaarplan',
        annualPlan: { id: '2023', year: 2023, title: 'Jaarplan GGU 2023', adoptedOn: '2022-12-01', budgetEur: 1000000 },
        initiative: { slug: 'samen-zaakgericht' },
      });
      expect(i.decisions[0].annualPlan).toBeNull();
      expect(i.decisions[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(i.solutions).toEqual([
        { slug: 'open-zaak', initiative: { slug: 'samen-zaakgericht' } },
        { slug: 'zaak-portaal', initiative: { slug: 'samen-zaakgericht' } },
      ]);
      expect(d.byOrg).toEqual({
        submittedByMunicipality: null,
        submittedByOrganisation: { slug: 'dimpact', kind: 'COOPERATION' },
        participants: [],
        decisions: [],
        solutions: [],
      });
    });

    it('lists initiatives newest first and filters by stage, domain, year and search', async () => {
      const q = `query($f: InitiativeFilter) { initiatives(filter: $f) { totalCount edges { node { slug } } } }`;
      const run = async (f: Record<string, unknown> | null) => slugs((await api.data(q, { f })).initiatives);
      expect(await run(null)).toEqual(['digitale-inkoop', 'afgewezen-idee', 'samen-zaakgericht']);
      expect(await run({ stage: ['REJECTED', 'SUBMITTED'] })).toEqual(['digitale-inkoop', 'afgewezen-idee']);
      expect(await run({ domain: 'dienstverlening' })).toEqual(['afgewezen-idee', 'samen-zaakgericht']);
      // 2023: no submissions, but funding lines for both of these.
      expect(await run({ year: 2023 })).toEqual(['digitale-inkoop', 'samen-zaakgericht']);
      expect(await run({ year: 2022 })).toEqual(['afgewezen-idee']);
      expect(await run({ year: 2019 })).toEqual(['samen-zaakgericht']);
      expect(await run({ year: 2030 })).toEqual([]);
      expect(await run({ search: 'procurement' })).toEqual(['digitale-inkoop']);
    });

    it('pages initiatives in the mixed (date desc, slug asc) order without gaps', async () => {
      const q = `query($a: String) { initiatives(first: 1, after: $a) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 5; n++) {
        const conn: any = (await api.data(q, { a: after })).initiatives;
        seen.push(...slugs(conn));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(['digitale-inkoop', 'afgewezen-idee', 'samen-zaakgericht']);
    });

    it('shows a municipality’s initiatives from the municipality side', async () => {
      const d = await api.data(
        `{ municipality(code: "GM0599") { initiatives { role initiative { slug } } originatedSolutions { slug } } }`,
      );
      expect(d.municipality).toEqual({
        initiatives: [{ role: 'PARTICIPANT', initiative: { slug: 'samen-zaakgericht' } }],
        originatedSolutions: [{ slug: 'zaak-portaal-rotterdam' }],
      });
    });
  });
});
