/** Answers of the fake server for the profile's edit forms (MunicipalityEditing and the writes). */
import { ibd, openZaak } from '../profile-fixtures';

const solution = (slug: string, name: string) => ({ __typename: 'Solution', id: slug, slug, name });
const standard = (slug: string, name: string) => ({ __typename: 'Standard', id: slug, slug, name });

interface ProfileAdoption {
  id: string;
  status: string;
  mode: string | null;
  statusSince: string;
  notes: string | null;
  needsReview: boolean;
  lastConfirmedAt: string;
  inheritedFrom: { id: string; name: string } | null;
  solution: { __typename: string; id: string; slug: string; name: string };
}

/** An adoption of the profile fixtures as the edit query selects it; `fields` overrides, e.g. a newer version. */
export function editable(base: ProfileAdoption, fields: Record<string, unknown> = {}) {
  return {
    __typename: 'Adoption',
    id: base.id,
    version: 3,
    status: base.status,
    mode: base.mode,
    statusSince: base.statusSince,
    notes: base.notes,
    needsReview: base.needsReview,
    lastConfirmedAt: base.lastConfirmedAt,
    inheritedFrom: base.inheritedFrom
      ? { __typename: 'Municipality', id: base.inheritedFrom.id, name: base.inheritedFrom.name }
      : null,
    solution: base.solution,
    ...fields,
  };
}

export function declaration(slug: string, name: string, fields: Record<string, unknown>) {
  return {
    __typename: 'StandardCompliance',
    id: `GM1966:${slug}`,
    version: 2,
    explanation: null,
    deadline: null,
    lastConfirmedAt: '2025-01-01T00:00:00.000Z',
    standard: standard(slug, name),
    ...fields,
  };
}

export const zgwDeclaration = declaration('zgw-apis', 'ZGW API’s', {
  status: 'EXPLAINED',
  explanation: 'Wij vervangen ons zaaksysteem pas in 2026.',
});
export const digikoppelingDeclaration = declaration('digikoppeling', 'Digikoppeling', {
  status: 'PLANNED',
  deadline: '2026-01-01',
});

interface EditingOptions {
  adoptions?: ReturnType<typeof editable>[];
  declarations?: ReturnType<typeof declaration>[];
  regions?: string[];
  cooperations?: { slug: string; region: string | null }[];
}

export function editing(options: EditingOptions = {}) {
  const adoptions = options.adoptions ?? [editable(ibd, { version: 1 }), editable(openZaak)];
  return {
    municipality: {
      __typename: 'Municipality',
      id: 'GM1966',
      code: 'GM1966',
      name: 'Het Hogeland',
      validFrom: '2019-01-01',
      validTo: null,
      regions: (options.regions ?? ['COOPERATION:SSC-NOORD']).map((id) => ({ __typename: 'Region', id })),
      adoptions: {
        __typename: 'AdoptionConnection',
        totalCount: adoptions.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'x' },
        edges: adoptions.map((node) => ({ __typename: 'AdoptionEdge', node })),
      },
      standardCompliance: options.declarations ?? [digikoppelingDeclaration, zgwDeclaration],
    },
    solutions: {
      __typename: 'SolutionConnection',
      edges: [
        solution('ibd', 'IBD-dienstverlening'),
        solution('open-formulieren', 'Open Formulieren'),
        solution('open-zaak', 'Open Zaak'),
      ].map((node) => ({ __typename: 'SolutionEdge', node })),
    },
    standards: {
      __typename: 'StandardConnection',
      edges: [
        standard('digikoppeling', 'Digikoppeling'),
        standard('nl-gov-api', 'NL GOV API Design Rules'),
        standard('zgw-apis', 'ZGW API’s'),
      ].map((node) => ({ __typename: 'StandardEdge', node })),
    },
    organisations: {
      __typename: 'OrganisationConnection',
      edges: (options.cooperations ?? [{ slug: 'ssc-noord', region: 'COOPERATION:SSC-NOORD' }]).map((c) => ({
        __typename: 'OrganisationEdge',
        node: {
          __typename: 'Organisation',
          id: c.slug,
          slug: c.slug,
          region: c.region ? { __typename: 'Region', id: c.region } : null,
        },
      })),
    },
  };
}
