import type { ComplianceStatus, StandardQuery, StandardStatus, StandardSummaryFragment } from '../gql/graphql';
import type { Declaration } from './compliance';

type Detail = NonNullable<StandardQuery['standard']>;

const vngRealisatie = {
  __typename: 'Organisation',
  id: 'vng-realisatie',
  slug: 'vng-realisatie',
  name: 'VNG Realisatie',
};

export function standardSummary(
  slug: string,
  name: string,
  status: StandardStatus,
  overrides: Partial<StandardSummaryFragment> = {},
): StandardSummaryFragment {
  return {
    __typename: 'Standard',
    id: slug,
    slug,
    name,
    domain: 'zaakgericht werken',
    status,
    adoptedOn: null,
    owner: vngRealisatie,
    versions: [
      { __typename: 'StandardVersion', id: `${slug}:1.5`, label: '1.5', status: 'CURRENT' },
      { __typename: 'StandardVersion', id: `${slug}:1.0`, label: '1.0', status: 'SUPERSEDED' },
    ],
    ...overrides,
  } as StandardSummaryFragment;
}

export function standards(nodes: StandardSummaryFragment[]) {
  return {
    standards: {
      __typename: 'StandardConnection',
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: nodes.map((node) => ({ __typename: 'StandardEdge', node })),
    },
  };
}

export function standardDetail(overrides: Partial<Detail> = {}): { standard: Detail } {
  const base = standardSummary('zgw-apis', 'ZGW API’s', 'APPLY_OR_EXPLAIN', { adoptedOn: '2019-06-01' });
  return {
    standard: {
      ...base,
      description: 'API’s voor zaakgericht werken.',
      url: 'https://vng-realisatie.github.io/gemma-zaken/',
      versions: [
        {
          __typename: 'StandardVersion',
          id: 'zgw-apis:1.5',
          label: '1.5',
          status: 'CURRENT',
          releasedOn: '2024-02-01',
        },
        { __typename: 'StandardVersion', id: 'zgw-apis:1.0', label: '1.0', status: 'SUPERSEDED', releasedOn: null },
      ],
      implementations: [
        {
          __typename: 'StandardImplementation',
          solution: { __typename: 'Solution', id: 'open-zaak', slug: 'open-zaak', name: 'Open Zaak' },
          version: { __typename: 'StandardVersion', id: 'zgw-apis:1.5', label: '1.5' },
        },
      ],
      ...overrides,
    } as Detail,
  };
}

export function declaration(
  code: string,
  name: string,
  status: ComplianceStatus,
  overrides: Partial<Declaration> = {},
): Declaration {
  return {
    __typename: 'StandardCompliance',
    id: `${code}:zgw-apis`,
    status,
    explanation: null,
    deadline: null,
    provenance: 'SELF_DECLARED',
    lastConfirmedAt: new Date().toISOString(),
    isDemo: true,
    municipality: { __typename: 'Municipality', id: code, code, name },
    ...overrides,
  } as Declaration;
}

export function compliancePage(nodes: Declaration[], totalCount: number, endCursor: string | null) {
  return {
    standard: {
      __typename: 'Standard',
      id: 'zgw-apis',
      compliance: {
        __typename: 'StandardComplianceConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
        edges: nodes.map((node) => ({ __typename: 'StandardComplianceEdge', node })),
      },
    },
  };
}
