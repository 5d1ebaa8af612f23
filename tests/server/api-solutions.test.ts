/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON here */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, openApi, type ApiHarness } from './api-fixtures.js';

describe('API: solutions', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi('reference', true);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  const slugsOf = (conn: { edges: { node: { slug: string } }[] }) => conn.edges.map((e) => e.node.slug);

  describe('invalid input', () => {
    it('refuses first above 100 and below 0', async () => {
      for (const first of [101, -1]) {
        const res = await api.gql(`query($first: Int) { solutions(first: $first) { totalCount } }`, { first });
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0]!.message).toMatch(/first must be between 0 and 100/);
      }
    });

    it('refuses a cursor that is not one of this list, without SQL in the message', async () => {
      for (const after of ['garbage', Buffer.from('[1]').toString('base64url')]) {
        const res = await api.gql(`query($after: String) { solutions(after: $after) { totalCount } }`, { after });
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0]!.message).not.toMatch(/select|from|where|solution_/i);
      }
    });

    it('refuses a malformed slug, and an unknown enum value at validation', async () => {
      const bad = await api.gql(`{ solution(slug: "open zaak!") { slug } }`);
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors![0]!.message).toMatch(/slug/);
      const filter = await api.gql(`{ solutions(filter: { standardSlug: "ZGW APIs" }) { totalCount } }`);
      expect(codes(filter)).toEqual(['BAD_USER_INPUT']);
      const badEnum = await api.gql(`{ solutions(filter: { kind: [SPACESHIP] }) { totalCount } }`);
      expect(badEnum.errors).toHaveLength(1);
      expect(badEnum.data).toBeUndefined();
    });

    it('refuses a bad cursor on a nested adoptions connection', async () => {
      const res = await api.gql(`{ solution(slug: "open-zaak") { adoptions(after: "nope") { totalCount } } }`);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('one solution', () => {
    it('answers by slug with every scalar field, and null for an unknown slug', async () => {
      const d = await api.data(`{
        s: solution(slug: "Open-Zaak") { id slug name description kind lifecycle licence repositoryUrl website launchedOn
          developmentCostEur implementationCostEur version }
        none: solution(slug: "does-not-exist") { slug } }`);
      expect(d.s).toEqual({
        id: 'open-zaak',
        slug: 'open-zaak',
        name: 'Open Zaak',
        description: 'Registration of cases',
        kind: 'SOFTWARE',
        lifecycle: 'AVAILABLE',
        licence: 'EUPL-1.2',
        repositoryUrl: 'https://github.com/open-zaak/open-zaak',
        website: null,
        launchedOn: '2020-01-01',
        developmentCostEur: 500000,
        implementationCostEur: 20000,
        version: 1,
      });
      expect(d.none).toBeNull();
    });

    it('reaches initiative, origin municipality, maintainer and standards with version', async () => {
      const d = await api.data(`{ solution(slug: "open-zaak") {
        initiative { slug stage decisions { body } }
        originMunicipality { code name }
        maintainer { slug kind maintainedSolutions { slug } }
        standards { standard { slug name status } version { id label status } solution { slug } } } }`);
      const s = d.solution;
      expect(s.initiative).toEqual({
        slug: 'samen-zaakgericht',
        stage: 'IN_MANAGEMENT',
        decisions: [{ body: 'TASKFORCE' }, { body: 'CVD' }, { body: 'ALV' }],
      });
      expect(s.originMunicipality).toEqual({ code: 'GM0363', name: 'Amsterdam' });
      expect(s.maintainer).toEqual({
        slug: 'vng-realisatie',
        kind: 'VNG_REALISATIE',
        maintainedSolutions: [{ slug: 'open-zaak' }],
      });
      expect(s.standards).toEqual([
        {
          standard: { slug: 'zgw-apis', name: "ZGW API's", status: 'ADOPTED' },
          version: { id: 'zgw-apis:1.5', label: '1.5', status: 'CURRENT' },
          solution: { slug: 'open-zaak' },
        },
      ]);
    });

    it('shows a builds-on edge on both ends, and a derived-from edge on both ends', async () => {
      const d = await api.data(`{
        portal: solution(slug: "zaak-portaal") { buildsOn { slug } builtOnBy { slug } derivedFrom { slug } derivatives { slug }
          standards { standard { slug } version { label } } }
        core: solution(slug: "open-zaak") { buildsOn { slug } builtOnBy { slug } derivatives { slug } }
        fork: solution(slug: "zaak-portaal-rotterdam") { derivedFrom { slug } originMunicipality { code } initiative { slug } } }`);
      expect(d.portal).toEqual({
        buildsOn: [{ slug: 'open-zaak' }],
        builtOnBy: [],
        derivedFrom: [],
        derivatives: [{ slug: 'zaak-portaal-rotterdam' }],
        standards: [
          { standard: { slug: 'haal-centraal' }, version: null },
          { standard: { slug: 'zgw-apis' }, version: null },
        ],
      });
      expect(d.core).toEqual({ buildsOn: [], builtOnBy: [{ slug: 'zaak-portaal' }], derivatives: [] });
      expect(d.fork).toEqual({
        derivedFrom: [{ slug: 'zaak-portaal' }],
        originMunicipality: { code: 'GM0599' },
        initiative: null,
      });
    });

    it('lists its adopters by municipality code, filtered by status, with their municipality', async () => {
      const d = await api.data(`{ solution(slug: "open-zaak") {
        all: adoptions { totalCount edges { node { id status municipality { code } } } }
        live: adoptions(status: [LIVE]) { totalCount edges { node { municipality { code } status mode } } }
        none: adoptions(status: [CONSIDERING]) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } } }`);
      const s = d.solution;
      expect(s.all.totalCount).toBe(6);
      expect(s.all.edges.map((e: any) => `${e.node.municipality.code} ${e.node.status}`)).toEqual([
        'GM0014 LIVE',
        'GM0344 RETIRED',
        'GM0363 LIVE',
        'GM0599 IMPLEMENTING',
        'GM0788 LIVE',
        'GM0855 LIVE',
      ]);
      expect(s.all.edges[2].node.id).toBe('GM0363:open-zaak');
      expect(s.live.totalCount).toBe(4);
      expect(s.live.edges[1].node).toEqual({
        municipality: { code: 'GM0363' },
        status: 'LIVE',
        mode: 'OWN_INSTALLATION',
      });
      expect(s.none).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('pages a nested adoptions connection with a cursor and keeps totalCount past the last page', async () => {
      const q = `query($after: String) { solution(slug: "open-zaak") { adoptions(first: 4, after: $after) {
        totalCount edges { node { municipality { code } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
      const p1 = (await api.data(q)).solution.adoptions;
      expect(p1.edges).toHaveLength(4);
      expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const p2 = (await api.data(q, { after: p1.pageInfo.endCursor })).solution.adoptions;
      expect(p2.edges.map((e: any) => e.node.municipality.code)).toEqual(['GM0788', 'GM0855']);
      expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const p3 = (await api.data(q, { after: p2.pageInfo.endCursor })).solution.adoptions;
      expect(p3).toEqual({
        totalCount: 6,
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null },
      });
    });
  });

  describe('the solutions list', () => {
    it('lists all solutions by name with totalCount', async () => {
      const d = await api.data(
        `{ solutions { totalCount edges { node { slug } } pageInfo { hasNextPage hasPreviousPage } } }`,
      );
      expect(d.solutions.totalCount).toBe(5);
      expect(slugsOf(d.solutions)).toEqual([
        'inkoopcontract-ict',
        'kennisbank',
        'open-zaak',
        'zaak-portaal',
        'zaak-portaal-rotterdam',
      ]);
      expect(d.solutions.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
    });

    it('pages: exactly `first`, the last page, an empty page after the end, and first: 0', async () => {
      const q = `query($first: Int, $after: String) { solutions(first: $first, after: $after) {
        totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
      const all = (await api.data(q, { first: 5 })).solutions;
      expect(all.edges).toHaveLength(5);
      expect(all.pageInfo.hasNextPage).toBe(false);
      expect(all.pageInfo.startCursor).toBe(all.edges[0].cursor);

      const p1 = (await api.data(q, { first: 2 })).solutions;
      expect(slugsOf(p1)).toEqual(['inkoopcontract-ict', 'kennisbank']);
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = (await api.data(q, { first: 2, after: p1.pageInfo.endCursor })).solutions;
      expect(slugsOf(p2)).toEqual(['open-zaak', 'zaak-portaal']);
      const p3 = (await api.data(q, { first: 2, after: p2.pageInfo.endCursor })).solutions;
      expect(slugsOf(p3)).toEqual(['zaak-portaal-rotterdam']);
      expect(p3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const past = (await api.data(q, { first: 2, after: p3.pageInfo.endCursor })).solutions;
      expect(past).toEqual({
        totalCount: 5,
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
      });
      const zero = (await api.data(q, { first: 0 })).solutions;
      expect(zero.edges).toEqual([]);
      expect(zero.totalCount).toBe(5);
      expect(zero.pageInfo.hasNextPage).toBe(true);
    });

    it('filters by kind, lifecycle, standard, initiative and search', async () => {
      const q = `query($f: SolutionFilter) { solutions(filter: $f) { totalCount edges { node { slug } } } }`;
      const run = async (f: Record<string, unknown>) => slugsOf((await api.data(q, { f })).solutions);
      expect(await run({ kind: ['CONTRACT', 'KNOWLEDGE'] })).toEqual(['inkoopcontract-ict', 'kennisbank']);
      expect(await run({ lifecycle: ['PILOT'] })).toEqual(['zaak-portaal']);
      expect(await run({ standardSlug: 'zgw-apis' })).toEqual(['open-zaak', 'zaak-portaal']);
      expect(await run({ standardSlug: 'haal-centraal' })).toEqual(['zaak-portaal']);
      expect(await run({ standardSlug: 'no-such-standard' })).toEqual([]);
      expect(await run({ initiativeSlug: 'samen-zaakgericht' })).toEqual(['open-zaak', 'zaak-portaal']);
      expect(await run({ search: 'PORTAAL' })).toEqual(['zaak-portaal', 'zaak-portaal-rotterdam']);
      expect(await run({ search: 'framework' })).toEqual(['inkoopcontract-ict']);
      expect(await run({ search: '100%' })).toEqual([]);
      expect(await run({ kind: ['SOFTWARE'], lifecycle: ['AVAILABLE'], search: 'zaak' })).toEqual([
        'open-zaak',
        'zaak-portaal-rotterdam',
      ]);
    });
  });
});
