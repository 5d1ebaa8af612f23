/** Answers of the fake GraphQL server for the solution page tests. */
const sol = (slug: string, name: string) => ({ __typename: 'Solution', id: slug, slug, name });
const links = (over: Partial<Record<'buildsOn' | 'builtOnBy' | 'derivedFrom' | 'derivatives', unknown[]>> = {}) => ({
  buildsOn: [],
  builtOnBy: [],
  derivedFrom: [],
  derivatives: [],
  ...over,
});

export function solution(overrides: Record<string, unknown> = {}, demo = 12, real = 0) {
  return {
    solution: {
      ...sol('open-zaak', 'Open Zaak'),
      description: 'Zaakregistratiecomponent volgens de ZGW API’s.',
      kind: 'SOFTWARE',
      lifecycle: 'IN_MANAGEMENT',
      launchedOn: '2019-10-01',
      licence: 'EUPL-1.2',
      repositoryUrl: 'https://github.com/open-zaak/open-zaak',
      website: null,
      developmentCostEur: 1000000,
      implementationCostEur: 20000,
      originMunicipality: { __typename: 'Municipality', id: 'GM0344', code: 'GM0344', name: 'Utrecht' },
      maintainer: { __typename: 'Organisation', id: 'maykin', slug: 'maykin', name: 'Maykin', website: null },
      initiative: { __typename: 'Initiative', id: 'common-ground', slug: 'common-ground', title: 'Common Ground' },
      standards: [
        {
          __typename: 'StandardImplementation',
          standard: { __typename: 'Standard', id: 'zgw-apis', slug: 'zgw-apis', name: 'ZGW API’s' },
          version: { __typename: 'StandardVersion', id: 'zgw-apis:1.5', label: '1.5' },
        },
      ],
      reuse: {
        __typename: 'SolutionReuse',
        asOf: '2025-06-01',
        liveAdopters: 120,
        regionsCovered: { __typename: 'RegionCoverage', provinces: 11, corop: 30 },
        firstAdoption: '2020-01-01',
        latestAdoption: '2025-05-01',
        estimatedSaving: 116600000,
      },
      ...overrides,
    },
    demo: { __typename: 'AdoptionConnection', totalCount: demo },
    real: { __typename: 'AdoptionConnection', totalCount: real },
  };
}

const mapRow = (code: string, name: string, count: number) => ({
  __typename: 'UptakeRow',
  groupKey: code,
  groupName: name,
  municipalityCode: code,
  adoptedSolutionCount: count,
  municipality: { __typename: 'Municipality', id: code, code, validFrom: null, validTo: null },
});

export const adoptersMap = {
  live: {
    __typename: 'UptakeResult',
    asOf: '2025-06-01',
    rows: [mapRow('GM0014', 'Groningen', 0), mapRow('GM0344', 'Utrecht', 1), mapRow('GM0363', 'Amsterdam', 0)],
  },
  progressing: {
    __typename: 'UptakeResult',
    asOf: '2025-06-01',
    rows: [mapRow('GM0014', 'Groningen', 1), mapRow('GM0344', 'Utrecht', 0), mapRow('GM0363', 'Amsterdam', 0)],
  },
};

export function adoptions(
  nodes: { code: string; name: string; status: string }[],
  hasNextPage = false,
  total = nodes.length,
) {
  return {
    solution: {
      __typename: 'Solution',
      id: 'open-zaak',
      adoptions: {
        __typename: 'AdoptionConnection',
        totalCount: total,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c:${nodes.at(-1)!.code}` : null },
        edges: nodes.map((n) => ({
          __typename: 'AdoptionEdge',
          node: {
            __typename: 'Adoption',
            id: `${n.code}:open-zaak`,
            status: n.status,
            statusSince: '2021-03-01',
            mode: 'SAAS',
            isDemo: true,
            municipality: { __typename: 'Municipality', id: n.code, code: n.code, name: n.name },
          },
        })),
      },
    },
  };
}

export function timeline(points: { end: string; count: number; live: number; implementing?: number }[]) {
  return {
    adoptionTimeline: {
      __typename: 'AdoptionTimeline',
      solutionSlug: 'open-zaak',
      from: '2018-01-01',
      to: '2025-06-01',
      solution: { __typename: 'Solution', id: 'open-zaak' },
      points: points.map((p) => ({
        __typename: 'TimelinePoint',
        periodStart: `${p.end.slice(0, 8)}01`,
        periodEnd: p.end,
        municipalityCount: p.count,
        considering: 0,
        planned: 0,
        implementing: p.implementing ?? 0,
        live: p.live,
        retired: 0,
        liveShare: p.live / p.count,
      })),
    },
  };
}

export const graph = {
  solution: {
    ...sol('open-zaak', 'Open Zaak'),
    ...links({
      buildsOn: [
        { ...sol('open-notificaties', 'Open Notificaties'), ...links({ builtOnBy: [sol('open-zaak', 'Open Zaak')] }) },
      ],
      builtOnBy: [
        {
          ...sol('open-inwoner', 'Open Inwoner'),
          ...links({ buildsOn: [sol('open-zaak', 'Open Zaak'), sol('open-notificaties', 'Open Notificaties')] }),
        },
      ],
      derivedFrom: [
        {
          ...sol('zgw-referentie', 'ZGW referentie-implementatie'),
          ...links({ derivatives: [sol('open-zaak', 'Open Zaak')] }),
        },
      ],
    }),
  },
};

export const lonely = { solution: { ...sol('open-zaak', 'Open Zaak'), ...links() } };

export function solutionList(nodes: { slug: string; name: string; live: number }[]) {
  return {
    solutions: {
      __typename: 'SolutionConnection',
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: nodes.map((n) => ({
        __typename: 'SolutionEdge',
        node: {
          ...sol(n.slug, n.name),
          kind: 'SOFTWARE',
          lifecycle: 'AVAILABLE',
          maintainer: { __typename: 'Organisation', id: 'vng-realisatie', name: 'VNG Realisatie' },
          reuse: { __typename: 'SolutionReuse', asOf: '2025-06-01', liveAdopters: n.live },
        },
      })),
    },
  };
}
