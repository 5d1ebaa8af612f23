/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON here */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, openApi, type ApiHarness } from './api-fixtures.js';

describe('API: regions and organisations', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi('reference', true);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  describe('regions', () => {
    it('refuses bad input: an empty code, an unknown kind, first > 100', async () => {
      expect(codes(await api.gql(`{ region(kind: NETWORK, code: "") { id } }`))).toEqual(['BAD_USER_INPUT']);
      expect((await api.gql(`{ region(kind: GALAXY, code: "G4") { id } }`)).errors).toHaveLength(1);
      expect(codes(await api.gql(`{ regions(first: 500) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    });

    it('answers one region by kind and code with its members; null when unknown', async () => {
      const d = await api.data(`{
        g4: region(kind: NETWORK, code: "g4") { id kind code name members { code } }
        nh: region(kind: PROVINCE, code: "PV27") { id name members(validOn: "2025-01-01") { code } }
        wrongKind: region(kind: COROP, code: "G4") { id }
        none: region(kind: NETWORK, code: "G400") { id } }`);
      expect(d.g4).toEqual({
        id: 'NETWORK:G4',
        kind: 'NETWORK',
        code: 'G4',
        name: 'G4',
        members: [{ code: 'GM0344' }, { code: 'GM0363' }, { code: 'GM0518' }, { code: 'GM0599' }],
      });
      expect(d.nh.id).toBe('PROVINCE:PV27');
      expect(d.nh.members.map((m: any) => m.code)).toContain('GM0363');
      expect(d.nh.members.length).toBeGreaterThan(40);
      expect(d.wrongKind).toBeNull();
      expect(d.none).toBeNull();
    });

    it('filters members by validOn: a municipality that ended (Weesp, 2022-03-24) drops out', async () => {
      await api.pool.query(
        `INSERT INTO region_membership (region_id, municipality_id)
           SELECT r.id, m.id FROM region r, municipality m WHERE r.kind = 'NETWORK' AND r.code = 'G4' AND m.code = 'GM0457'`,
      );
      try {
        const d = await api.data(`{ region(kind: NETWORK, code: "G4") {
          before: members(validOn: "2022-03-23") { code } after: members(validOn: "2022-03-24") { code } all: members { code } } }`);
        expect(d.region.before.map((m: any) => m.code)).toContain('GM0457');
        expect(d.region.after.map((m: any) => m.code)).not.toContain('GM0457');
        expect(d.region.all).toHaveLength(5);
      } finally {
        await api.pool.query(
          `DELETE FROM region_membership WHERE municipality_id = (SELECT id FROM municipality WHERE code = 'GM0457')
              AND region_id = (SELECT id FROM region WHERE kind = 'NETWORK' AND code = 'G4')`,
        );
      }
    });

    it('lists regions by kind, then code, filtered by kind and search, with totalCount over all pages', async () => {
      const counts = await api.pool.query<{ kind: string; n: number }>(
        `SELECT kind, count(*)::int AS n FROM region GROUP BY kind`,
      );
      const total = counts.rows.reduce((s, r) => s + r.n, 0);
      const all = await api.data(
        `{ regions(first: 100) { totalCount edges { node { id kind code } } pageInfo { hasNextPage } } }`,
      );
      expect(all.regions.totalCount).toBe(total);
      const keys = all.regions.edges.map((e: any) => `${e.node.kind}:${e.node.code}`);
      expect([...keys].sort()).toEqual(keys);
      const sr = await api.data(
        `{ regions(first: 100, filter: { kind: [SAFETY_REGION] }) { totalCount edges { node { code } } } }`,
      );
      expect(sr.regions.totalCount).toBe(25);
      expect(sr.regions.edges[0].node.code).toBe('VR01');
      const search = await api.data(
        `{ regions(filter: { kind: [PROVINCE], search: "holland" }) { edges { node { name } } } }`,
      );
      expect(search.regions.edges.map((e: any) => e.node.name).sort()).toEqual(['Noord-Holland', 'Zuid-Holland']);
    });

    it('shows a municipality’s regions, of every kind or of one', async () => {
      const d = await api.data(
        `{ municipality(code: "GM0363") { all: regions { id kind } sr: regions(kind: SAFETY_REGION) { id name } } }`,
      );
      const kinds = d.municipality.all.map((r: any) => r.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['PROVINCE', 'COROP', 'SAFETY_REGION', 'GGD_REGION', 'LABOUR_MARKET_REGION', 'NETWORK']),
      );
      expect(d.municipality.all).toContainEqual({ id: 'NETWORK:G4', kind: 'NETWORK' });
      expect(d.municipality.sr).toHaveLength(1);
      expect(d.municipality.sr[0].id).toMatch(/^SAFETY_REGION:VR\d{2}$/);
    });
  });

  describe('organisations', () => {
    it('refuses a malformed slug and a bad cursor', async () => {
      expect(codes(await api.gql(`{ organisation(slug: "VNG Realisatie") { slug } }`))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await api.gql(`{ organisations(after: "eyJ4IjoxfQ") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    });

    it('answers one organisation with what it maintains and owns, its region; null when unknown', async () => {
      const d = await api.data(`{
        vng: organisation(slug: "vng-realisatie") { id slug name kind website version region { id } municipality { code }
          maintainedSolutions { slug } ownedStandards { slug } }
        dimpact: organisation(slug: "dimpact") { region { id members { code } } maintainedSolutions { slug maintainer { slug } } }
        none: organisation(slug: "nope") { slug } }`);
      expect(d.vng).toEqual({
        id: 'vng-realisatie',
        slug: 'vng-realisatie',
        name: 'VNG Realisatie',
        kind: 'VNG_REALISATIE',
        website: 'https://www.vngrealisatie.nl',
        version: 1,
        region: null,
        municipality: null,
        maintainedSolutions: [{ slug: 'open-zaak' }],
        ownedStandards: [{ slug: 'zgw-apis' }],
      });
      expect(d.dimpact.region.id).toBe('NETWORK:G4');
      expect(d.dimpact.maintainedSolutions).toEqual([{ slug: 'inkoopcontract-ict', maintainer: { slug: 'dimpact' } }]);
      expect(d.none).toBeNull();
    });

    it('lists organisations by name and filters by kind and search; pages to the end', async () => {
      const all = await api.data(`{ organisations { totalCount edges { node { slug } } } }`);
      expect(all.organisations.edges.map((e: any) => e.node.slug)).toEqual([
        'acme-software',
        'dimpact',
        'vng-realisatie',
      ]);
      const kinds = await api.data(
        `{ organisations(filter: { kind: [SUPPLIER, COOPERATION] }) { totalCount edges { node { slug } } } }`,
      );
      expect(kinds.organisations).toEqual({
        totalCount: 2,
        edges: [{ node: { slug: 'acme-software' } }, { node: { slug: 'dimpact' } }],
      });
      const search = await api.data(`{ organisations(filter: { search: "realis" }) { edges { node { slug } } } }`);
      expect(search.organisations.edges).toEqual([{ node: { slug: 'vng-realisatie' } }]);
      const p1 = await api.data(
        `{ organisations(first: 2) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
      );
      expect(p1.organisations.pageInfo.hasNextPage).toBe(true);
      const p2 = await api.data(
        `query($a: String) { organisations(first: 2, after: $a) { edges { node { slug } } pageInfo { hasNextPage } } }`,
        {
          a: p1.organisations.pageInfo.endCursor,
        },
      );
      expect(p2.organisations).toEqual({
        edges: [{ node: { slug: 'vng-realisatie' } }],
        pageInfo: { hasNextPage: false },
      });
    });
  });
});
