/** Answers of the fake GraphQL server for the home page tests. */
export const catalogue = {
  solutions: {
    __typename: 'SolutionConnection',
    totalCount: 3,
    edges: [
      {
        __typename: 'SolutionEdge',
        node: { __typename: 'Solution', id: 'open-zaak', slug: 'open-zaak', name: 'Open Zaak' },
      },
      {
        __typename: 'SolutionEdge',
        node: { __typename: 'Solution', id: 'open-formulieren', slug: 'open-formulieren', name: 'Open Formulieren' },
      },
      { __typename: 'SolutionEdge', node: { __typename: 'Solution', id: 'ibd', slug: 'ibd', name: 'IBD' } },
    ],
  },
  standards: {
    __typename: 'StandardConnection',
    totalCount: 2,
    edges: [
      {
        __typename: 'StandardEdge',
        node: {
          __typename: 'Standard',
          id: 'zgw-apis',
          slug: 'zgw-apis',
          name: 'ZGW API’s',
          implementations: [
            {
              __typename: 'StandardImplementation',
              solution: { __typename: 'Solution', id: 'open-zaak', slug: 'open-zaak' },
            },
          ],
        },
      },
      // Implemented by no solution: cannot colour the map, so not offered.
      {
        __typename: 'StandardEdge',
        node: { __typename: 'Standard', id: 'nlx', slug: 'nlx', name: 'NLX', implementations: [] },
      },
    ],
  },
};

interface Row {
  code: string;
  name: string;
  count: number;
  validFrom?: string | null;
  validTo?: string | null;
}

/** An uptake answer over `rows` with `selected` solutions counted. */
export function uptake(asOf: string, rows: Row[], selected = 3, totals: Partial<Record<string, number>> = {}) {
  const adopting = rows.filter((r) => r.count > 0).length;
  return {
    uptake: {
      __typename: 'UptakeResult',
      asOf,
      selectedSolutionCount: selected,
      totals: {
        __typename: 'UptakeRow',
        groupKey: 'ALL',
        municipalityCount: rows.length,
        adoptingCount: adopting,
        adoptionCount: rows.reduce((n, r) => n + r.count, 0),
        solutionCount: 2,
        share: rows.length ? adopting / rows.length : 0,
        ...totals,
      },
      rows: rows.map((r) => ({
        __typename: 'UptakeRow',
        groupKey: r.code,
        groupName: r.name,
        municipalityCode: r.code,
        adoptedSolutionCount: r.count,
        share: r.count / selected,
        municipality: {
          __typename: 'Municipality',
          id: r.code,
          code: r.code,
          validFrom: r.validFrom ?? null,
          validTo: r.validTo ?? null,
        },
      })),
    },
  };
}

export function topSolutions(asOf: string, live: Record<string, number>) {
  return {
    solutions: {
      __typename: 'SolutionConnection',
      totalCount: Object.keys(live).length,
      edges: Object.entries(live).map(([slug, liveAdopters]) => ({
        __typename: 'SolutionEdge',
        node: {
          __typename: 'Solution',
          id: slug,
          slug,
          name: catalogue.solutions.edges.find((e) => e.node.slug === slug)?.node.name ?? slug,
          reuse: { __typename: 'SolutionReuse', asOf, liveAdopters },
        },
      })),
    },
  };
}

export const dataKinds = (demo: number, real: number) => ({
  demo: { __typename: 'AdoptionConnection', totalCount: demo },
  real: { __typename: 'AdoptionConnection', totalCount: real },
});
