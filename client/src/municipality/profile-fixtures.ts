/** Answers of the fake GraphQL server for the municipality profile tests. */
const ref = (code: string, name: string) => ({ __typename: 'Municipality', id: code, code, name });
const solution = (slug: string, name: string) => ({ __typename: 'Solution', id: slug, slug, name });

function event(id: string, effectiveDate: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'AdoptionEvent',
    id,
    effectiveDate,
    status,
    mode: null,
    provenance: 'SELF_DECLARED',
    isDemo: true,
    notes: null,
    correctsEventId: null,
    inheritedFrom: null,
    actorOrganisation: null,
    ...extra,
  };
}

export const openZaak = {
  __typename: 'Adoption',
  id: 'GM1966:open-zaak',
  status: 'LIVE',
  mode: 'SAAS',
  statusSince: '2021-03-01',
  liveSince: '2021-03-01',
  isDemo: true,
  needsReview: false,
  provenance: 'SUPPLIER_DECLARED',
  lastConfirmedAt: new Date().toISOString(),
  notes: null,
  inheritedFrom: null,
  solution: solution('open-zaak', 'Open Zaak'),
  events: [
    event('1', '2020-01-15', 'PLANNED'),
    event('2', '2021-03-01', 'LIVE', {
      mode: 'SAAS',
      provenance: 'SUPPLIER_DECLARED',
      actorOrganisation: { __typename: 'Organisation', id: 'maykin', name: 'Maykin' },
    }),
  ],
};

export const ibd = {
  ...openZaak,
  id: 'GM1966:ibd',
  status: 'IMPLEMENTING',
  mode: null,
  statusSince: '2019-01-01',
  liveSince: null,
  provenance: 'INHERITED',
  needsReview: true,
  lastConfirmedAt: '2019-01-01T00:00:00.000Z',
  inheritedFrom: ref('GM0017', 'Haren'),
  solution: solution('ibd', 'IBD-dienstverlening'),
  events: [
    event('7', '2019-01-01', 'IMPLEMENTING', { provenance: 'INHERITED', inheritedFrom: ref('GM0017', 'Haren') }),
  ],
};

export function profile(overrides: Record<string, unknown> = {}) {
  return {
    municipality: {
      __typename: 'Municipality',
      id: 'GM1966',
      code: 'GM1966',
      name: 'Het Hogeland',
      officialName: 'Het Hogeland',
      population: 48000,
      sizeClass: 'FROM_20K_TO_50K',
      validFrom: '2019-01-01',
      validTo: null,
      tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm1966',
      province: { __typename: 'Province', id: 'PV20', code: 'PV20', name: 'Groningen' },
      predecessorLinks: [
        { __typename: 'Succession', effectiveDate: '2019-01-01', kind: 'MERGER', municipality: ref('GM0005', 'Bedum') },
        {
          __typename: 'Succession',
          effectiveDate: '2019-01-01',
          kind: 'MERGER',
          municipality: ref('GM1663', 'De Marne'),
        },
      ],
      successorLinks: [],
      uptakeSummary: {
        __typename: 'UptakeSummary',
        asOf: '2025-06-01',
        existed: true,
        considering: 0,
        planned: 0,
        implementing: 1,
        live: 1,
        retired: 0,
        solutionCount: 40,
      },
      adoptions: {
        __typename: 'AdoptionConnection',
        totalCount: 2,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'x' },
        edges: [
          { __typename: 'AdoptionEdge', node: ibd },
          { __typename: 'AdoptionEdge', node: openZaak },
        ],
      },
      compliance: [
        {
          __typename: 'ComplianceEntry',
          declaredStatus: 'EXPLAINED',
          derivedStatus: 'COMPLIANT',
          disagrees: true,
          explanation: 'Wij vervangen ons zaaksysteem pas in 2026.',
          deadline: null,
          provenance: 'SELF_DECLARED',
          lastConfirmedAt: '2025-01-01T00:00:00.000Z',
          standard: { __typename: 'Standard', id: 'zgw-apis', slug: 'zgw-apis', name: 'ZGW API’s' },
          derivedFrom: [solution('open-zaak', 'Open Zaak')],
        },
        {
          __typename: 'ComplianceEntry',
          declaredStatus: 'PLANNED',
          derivedStatus: null,
          disagrees: false,
          explanation: null,
          deadline: '2026-01-01',
          provenance: 'SELF_DECLARED',
          lastConfirmedAt: '2025-01-01T00:00:00.000Z',
          standard: { __typename: 'Standard', id: 'digikoppeling', slug: 'digikoppeling', name: 'Digikoppeling' },
          derivedFrom: [],
        },
      ],
      initiatives: [
        {
          __typename: 'InitiativeParticipant',
          id: 'common-ground:GM1966',
          role: 'PIONEER',
          joinedOn: '2019-05-01',
          initiative: {
            __typename: 'Initiative',
            id: 'common-ground',
            slug: 'common-ground',
            title: 'Common Ground',
            stage: 'SCALING',
          },
        },
      ],
      ...overrides,
    },
  };
}

export const peers = {
  municipality: {
    __typename: 'Municipality',
    id: 'GM1966',
    peerComparison: {
      __typename: 'PeerComparison',
      asOf: '2025-06-01',
      liveSolutionCount: 1,
      province: {
        __typename: 'PeerGroupStats',
        key: 'PV20',
        name: 'Groningen',
        peerCount: 9,
        averageLiveSolutionCount: 3.25,
        medianLiveSolutionCount: 3,
      },
      sizeClass: {
        __typename: 'PeerGroupStats',
        key: 'FROM_20K_TO_50K',
        name: '20,000 to 49,999 inhabitants',
        peerCount: 130,
        averageLiveSolutionCount: 2.5,
        medianLiveSolutionCount: 2,
      },
      solutions: [
        {
          __typename: 'PeerSolution',
          solutionSlug: 'open-zaak',
          solutionName: 'Open Zaak',
          hasLive: true,
          provincePeerShare: 0.5,
          sizeClassPeerShare: 0.25,
          solution: solution('open-zaak', 'Open Zaak'),
        },
        {
          __typename: 'PeerSolution',
          solutionSlug: 'ibd',
          solutionName: 'IBD-dienstverlening',
          hasLive: false,
          provincePeerShare: 0.75,
          sizeClassPeerShare: null,
          solution: solution('ibd', 'IBD-dienstverlening'),
        },
      ],
    },
  },
};
