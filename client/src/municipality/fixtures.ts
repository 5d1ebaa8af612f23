import type { MunicipalitiesQuery } from '../gql/graphql';

type Node = MunicipalitiesQuery['municipalities']['edges'][number]['node'];

export const utrecht = { __typename: 'Province', id: 'PV26', code: 'PV26', name: 'Utrecht' } as const;
export const noordHolland = { __typename: 'Province', id: 'PV27', code: 'PV27', name: 'Noord-Holland' } as const;

export function municipality(overrides: Partial<Node> & Pick<Node, 'code' | 'name'>): Node {
  return {
    id: overrides.code,
    population: null,
    validFrom: '1900-01-01',
    validTo: null,
    province: utrecht,
    ...overrides,
  };
}

export function connection(nodes: Node[], totalCount = nodes.length, hasNextPage = false) {
  return {
    municipalities: {
      __typename: 'MunicipalityConnection',
      totalCount,
      pageInfo: {
        __typename: 'PageInfo',
        hasNextPage,
        endCursor: nodes.length ? `cursor:${nodes.at(-1)?.code}` : null,
      },
      edges: nodes.map((node) => ({
        __typename: 'MunicipalityEdge',
        cursor: `cursor:${node.code}`,
        node: { __typename: 'Municipality', ...node },
      })),
    },
  };
}

export const provinces = { provinces: [utrecht, noordHolland] };
