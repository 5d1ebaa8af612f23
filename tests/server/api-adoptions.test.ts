/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON here */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, openApi, type ApiHarness } from './api-fixtures.js';

describe('API: adoptions and their events', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi('reference', true);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  const ids = (conn: { edges: { node: { id: string } }[] }) => conn.edges.map((e) => e.node.id);
  const list = async (filter: Record<string, unknown>) =>
    ids(
      (
        await api.data(`query($f: AdoptionFilter) { adoptions(first: 100, filter: $f) { edges { node { id } } } }`, {
          f: filter,
        })
      ).adoptions,
    );

  describe('invalid input', () => {
    it('refuses malformed municipality codes and slugs with BAD_USER_INPUT', async () => {
      for (const [q, field] of [
        [`{ adoption(municipalityCode: "0363", solutionSlug: "open-zaak") { id } }`, 'municipalityCode'],
        [`{ adoption(municipalityCode: "GM0363", solutionSlug: "Open Zaak") { id } }`, 'solutionSlug'],
        [`{ adoptions(filter: { municipalityCode: "Amsterdam" }) { totalCount } }`, 'municipalityCode'],
        [`{ adoptions(filter: { region: { kind: NETWORK, code: "  " } }) { totalCount } }`, 'region.code'],
      ] as const) {
        const res = await api.gql(q);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0]!.extensions?.field).toBe(field);
      }
    });

    it('refuses a changedSince that is not an instant with a time zone', async () => {
      for (const v of ['2024-01-01', '2024-01-01T10:00:00', 'yesterday']) {
        const res = await api.gql(`query($t: DateTime) { adoptions(filter: { changedSince: $t }) { totalCount } }`, {
          t: v,
        });
        expect(res.errors?.length).toBe(1);
        expect(res.errors![0]!.message).toMatch(/DateTime|date-time/);
      }
    });

    it('refuses a cursor of the wrong shape and first > 100', async () => {
      const oneKey = Buffer.from('["GM0363"]').toString('base64url');
      expect(codes(await api.gql(`query($a: String) { adoptions(after: $a) { totalCount } }`, { a: oneKey }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(codes(await api.gql(`{ adoptions(first: 1000) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('one adoption', () => {
    it('answers by municipality code and solution slug with every field; null when unknown', async () => {
      const d = await api.data(`{
        a: adoption(municipalityCode: "gm0363", solutionSlug: "open-zaak") { id status mode statusSince firstEventDate liveSince provenance
          notes lastConfirmedAt needsReview isDemo version inheritedFrom { code } municipality { code } solution { slug } }
        unknownMunicipality: adoption(municipalityCode: "GM9999", solutionSlug: "open-zaak") { id }
        notAdopted: adoption(municipalityCode: "GM0363", solutionSlug: "kennisbank") { id } }`);
      expect(d.a).toEqual({
        id: 'GM0363:open-zaak',
        status: 'LIVE',
        mode: 'OWN_INSTALLATION',
        statusSince: '2021-01-01',
        firstEventDate: '2020-01-01',
        liveSince: '2021-01-01',
        provenance: 'VERIFIED',
        notes: 'Went live',
        lastConfirmedAt: '2021-01-10T08:00:00.000Z',
        needsReview: false,
        isDemo: false,
        version: 1,
        inheritedFrom: null,
        municipality: { code: 'GM0363' },
        solution: { slug: 'open-zaak' },
      });
      expect(d.unknownMunicipality).toBeNull();
      expect(d.notAdopted).toBeNull();
    });

    it('lists its events oldest first by effective date, whatever order they were recorded in', async () => {
      const d = await api.data(`{ adoption(municipalityCode: "GM0363", solutionSlug: "open-zaak") {
        events { id status mode effectiveDate recordedAt provenance notes correctsEventId isDemo inheritedFrom { code } actorOrganisation { slug } } } }`);
      const events = d.adoption.events;
      expect(events.map((e: any) => `${e.effectiveDate} ${e.status}`)).toEqual([
        '2020-01-01 CONSIDERING',
        '2020-06-01 PLANNED',
        '2021-01-01 LIVE',
      ]);
      // The PLANNED event was inserted first, so ids are not in effective-date order.
      expect(Number(events[1].id)).toBeLessThan(Number(events[0].id));
      expect(events[0]).toMatchObject({
        recordedAt: '2020-01-05T08:00:00.000Z',
        provenance: 'SELF_DECLARED',
        notes: 'Orienting',
        isDemo: false,
      });
      expect(events[2]).toMatchObject({
        mode: 'OWN_INSTALLATION',
        provenance: 'VERIFIED',
        correctsEventId: null,
        actorOrganisation: null,
      });
    });

    it('shows inheritance after the Haaren split and the organisation that declared on a municipality’s behalf', async () => {
      const d = await api.data(`{
        tilburg: adoption(municipalityCode: "GM0855", solutionSlug: "open-zaak") { provenance needsReview inheritedFrom { code name }
          events { provenance inheritedFrom { code } } }
        rotterdam: adoption(municipalityCode: "GM0599", solutionSlug: "open-zaak") { events { actorOrganisation { slug kind } } } }`);
      expect(d.tilburg).toEqual({
        provenance: 'INHERITED',
        needsReview: true,
        inheritedFrom: { code: 'GM0788', name: 'Haaren' },
        events: [{ provenance: 'INHERITED', inheritedFrom: { code: 'GM0788' } }],
      });
      expect(d.rotterdam.events).toEqual([{ actorOrganisation: { slug: 'acme-software', kind: 'SUPPLIER' } }]);
    });
  });

  describe('the adoptions list', () => {
    it('lists every adoption by municipality code, then solution slug', async () => {
      const d = await api.data(`{ adoptions(first: 100) { totalCount edges { node { id } } } }`);
      expect(d.adoptions.totalCount).toBe(8);
      expect(ids(d.adoptions)).toEqual([
        'GM0014:open-zaak',
        'GM0344:open-zaak',
        'GM0363:open-zaak',
        'GM0363:zaak-portaal',
        'GM0518:inkoopcontract-ict',
        'GM0599:open-zaak',
        'GM0788:open-zaak',
        'GM0855:open-zaak',
      ]);
    });

    it('pages through the list without gaps or repeats, and past the end', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const d: any = await api.data(
          `query($a: String) { adoptions(first: 3, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          {
            a: after,
          },
        );
        expect(d.adoptions.totalCount).toBe(8);
        seen.push(...ids(d.adoptions));
        if (!d.adoptions.pageInfo.hasNextPage) break;
        after = d.adoptions.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(8);
      expect(new Set(seen).size).toBe(8);
    });

    it('filters by municipality, solution, status, mode, provenance, region, changedSince and isDemo', async () => {
      expect(await list({ municipalityCode: 'GM0363' })).toEqual(['GM0363:open-zaak', 'GM0363:zaak-portaal']);
      expect(await list({ solutionSlug: 'inkoopcontract-ict' })).toEqual(['GM0518:inkoopcontract-ict']);
      expect(await list({ solutionSlug: 'kennisbank' })).toEqual([]);
      expect(await list({ status: ['IMPLEMENTING', 'RETIRED'] })).toEqual(['GM0344:open-zaak', 'GM0599:open-zaak']);
      expect(await list({ mode: ['SAAS'] })).toEqual(['GM0014:open-zaak', 'GM0599:open-zaak']);
      expect(await list({ provenance: ['INHERITED', 'COOPERATION_DECLARED'] })).toEqual([
        'GM0518:inkoopcontract-ict',
        'GM0855:open-zaak',
      ]);
      expect(await list({ region: { kind: 'NETWORK', code: 'g4' } })).toEqual([
        'GM0344:open-zaak',
        'GM0363:open-zaak',
        'GM0363:zaak-portaal',
        'GM0518:inkoopcontract-ict',
        'GM0599:open-zaak',
      ]);
      // Region membership is that of the current municipalities: Haaren (ended 2021) is in no province region.
      expect(await list({ region: { kind: 'PROVINCE', code: 'PV30' } })).toEqual(['GM0855:open-zaak']);
      expect(await list({ region: { kind: 'NETWORK', code: 'G40' } })).toEqual([]);
      // Events recorded on or after the instant; GM0014's only event was recorded late (2024-05-01).
      expect(await list({ changedSince: '2024-01-01T08:00:00Z' })).toEqual([
        'GM0014:open-zaak',
        'GM0363:zaak-portaal',
        'GM0518:inkoopcontract-ict',
      ]);
      expect(await list({ changedSince: '2024-01-01T09:00:00+01:00' })).toEqual([
        'GM0014:open-zaak',
        'GM0363:zaak-portaal',
        'GM0518:inkoopcontract-ict',
      ]);
      expect(await list({ changedSince: '2024-01-01T08:00:00.001Z' })).toEqual([
        'GM0014:open-zaak',
        'GM0518:inkoopcontract-ict',
      ]);
      expect(await list({ isDemo: true })).toEqual(['GM0014:open-zaak']);
      expect((await list({ isDemo: false })).length).toBe(7);
      expect(
        await list({ solutionSlug: 'open-zaak', status: ['LIVE'], region: { kind: 'NETWORK', code: 'G4' } }),
      ).toEqual(['GM0363:open-zaak']);
    });
  });

  describe('a municipality’s adoptions', () => {
    it('lists them by solution slug with status filter, reaching solution → standards and initiative → decisions', async () => {
      const d = await api.data(`{ municipality(code: "GM0363") {
        adoptions { totalCount edges { node { id status solution { slug standards { standard { slug } }
          initiative { slug decisions { body decidedOn outcome fromStage toStage } } } } } }
        planned: adoptions(status: [PLANNED]) { totalCount edges { node { solution { slug } } } } } }`);
      const m = d.municipality;
      expect(m.adoptions.totalCount).toBe(2);
      expect(ids(m.adoptions)).toEqual(['GM0363:open-zaak', 'GM0363:zaak-portaal']);
      expect(m.adoptions.edges[1].node.solution.standards.map((s: any) => s.standard.slug)).toEqual([
        'haal-centraal',
        'zgw-apis',
      ]);
      expect(m.adoptions.edges[0].node.solution.initiative.decisions[0]).toEqual({
        body: 'TASKFORCE',
        decidedOn: '2019-04-01',
        outcome: 'APPROVED',
        fromStage: 'SUBMITTED',
        toStage: 'ASSESSED',
      });
      expect(m.planned).toEqual({ totalCount: 1, edges: [{ node: { solution: { slug: 'zaak-portaal' } } }] });
    });

    it('gives an empty connection for a municipality without adoptions and pages several municipalities at once', async () => {
      const d = await api.data(`{ municipalities(first: 100, filter: { provinceCode: "PV27" }) { edges { node { code
        adoptions(first: 1) { totalCount edges { node { solution { slug } } } pageInfo { hasNextPage } } } } } }`);
      const byCode = new Map<string, any>(d.municipalities.edges.map((e: any) => [e.node.code, e.node.adoptions]));
      expect(byCode.get('GM0363')).toEqual({
        totalCount: 2,
        edges: [{ node: { solution: { slug: 'open-zaak' } } }],
        pageInfo: { hasNextPage: true },
      });
      expect(byCode.get('GM0361')).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    });
  });
});
