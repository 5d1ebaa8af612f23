import type { InitiativeQuery, InitiativeStage, InitiativeSummaryFragment } from '../gql/graphql';

type Detail = NonNullable<InitiativeQuery['initiative']>;

export const amsterdam = { __typename: 'Municipality', id: 'GM0363', code: 'GM0363', name: 'Amsterdam' } as const;
export const utrecht = { __typename: 'Municipality', id: 'GM0344', code: 'GM0344', name: 'Utrecht' } as const;
export const vng = { __typename: 'Organisation', id: 'vng', slug: 'vng', name: 'VNG' } as const;

export function summary(
  slug: string,
  stage: InitiativeStage,
  overrides: Partial<InitiativeSummaryFragment> = {},
): InitiativeSummaryFragment & { __typename: 'Initiative' } {
  return {
    __typename: 'Initiative',
    id: slug,
    slug,
    title: slug
      .split('-')
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(' '),
    domain: 'dienstverlening',
    stage,
    submittedOn: '2021-03-01',
    submittedByMunicipality: amsterdam,
    submittedByOrganisation: null,
    ...overrides,
  };
}

export function initiatives(nodes: InitiativeSummaryFragment[], totalCount = nodes.length, hasNextPage = false) {
  return {
    initiatives: {
      __typename: 'InitiativeConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: null },
      edges: nodes.map((node) => ({ __typename: 'InitiativeEdge', node: { __typename: 'Initiative', ...node } })),
    },
  };
}

export function domains(...names: string[]) {
  return {
    initiatives: {
      __typename: 'InitiativeConnection',
      edges: names.map((domain, i) => ({
        __typename: 'InitiativeEdge',
        node: { __typename: 'Initiative', id: `d${i}`, domain },
      })),
    },
  };
}

const plan2022 = { __typename: 'AnnualPlan', id: '2022', year: 2022, title: 'Jaarplan GGU 2022' } as const;

export function detail(overrides: Partial<Detail> = {}): { initiative: Detail } {
  return {
    initiative: {
      ...summary('digitale-verhuisservice', 'SCALING', { title: 'Digitale Verhuisservice' }),
      problem: 'Verhuizen kost burgers te veel formulieren.',
      website: 'https://vng.nl/verhuisservice',
      decisions: [
        {
          __typename: 'Decision',
          id: '1',
          body: 'TASKFORCE',
          decidedOn: '2021-04-01',
          fromStage: 'SUBMITTED',
          toStage: 'ASSESSED',
          outcome: 'APPROVED',
          rationale: 'Breed gedragen probleem.',
          annualPlan: null,
        },
        {
          __typename: 'Decision',
          id: '2',
          body: 'ALV',
          decidedOn: '2021-11-15',
          fromStage: 'ADVISED',
          toStage: 'ADOPTED',
          outcome: 'APPROVED',
          rationale: null,
          annualPlan: plan2022,
        },
      ],
      participants: [
        {
          __typename: 'InitiativeParticipant',
          id: 'p1',
          role: 'PIONEER',
          joinedOn: '2021-03-01',
          municipality: amsterdam,
        },
        { __typename: 'InitiativeParticipant', id: 'p2', role: 'FUNDER', joinedOn: null, municipality: utrecht },
      ],
      fundingLines: [
        {
          __typename: 'FundingLine',
          id: 'f1',
          year: 2022,
          source: 'FONDS_GGU',
          amountEur: 250000,
          description: null,
          annualPlan: plan2022,
        },
        {
          __typename: 'FundingLine',
          id: 'f2',
          year: 2022,
          source: 'MUNICIPALITIES',
          amountEur: 50000,
          description: null,
          annualPlan: null,
        },
        {
          __typename: 'FundingLine',
          id: 'f3',
          year: 2023,
          source: 'FONDS_GGU',
          amountEur: 400000,
          description: null,
          annualPlan: null,
        },
      ],
      solutions: [
        {
          __typename: 'Solution',
          id: 'verhuisservice',
          slug: 'verhuisservice',
          name: 'Verhuisservice',
          kind: 'SHARED_SERVICE',
          lifecycle: 'AVAILABLE',
        },
      ],
      ...overrides,
    } as Detail,
  };
}
