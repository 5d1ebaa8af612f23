import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../initiative/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import { toInput } from './catalogue';
import { asAdmin, failure } from './fixtures';

afterEach(() => document.body.replaceChildren());

const solution = {
  __typename: 'Solution',
  id: 'open-zaak',
  slug: 'open-zaak',
  name: 'Open Zaak',
  kind: 'SOFTWARE',
  lifecycle: 'AVAILABLE',
  description: 'Zaakregistratiecomponent.',
  licence: 'EUPL-1.2',
  website: null,
  repositoryUrl: 'https://github.com/open-zaak/open-zaak',
  launchedOn: '2019-10-01',
  developmentCostEur: 1200000,
  implementationCostEur: null,
  version: 3,
  maintainer: { __typename: 'Organisation', id: 'maykin', slug: 'maykin' },
  originMunicipality: null,
  initiative: null,
};
const standard = {
  __typename: 'Standard',
  id: 'zgw-apis',
  slug: 'zgw-apis',
  name: 'ZGW API’s',
  domain: 'zaakgericht werken',
  status: 'ADOPTED',
  description: null,
  url: null,
  adoptedOn: null,
  version: 7,
  owner: null,
};
const catalogue = () => ({
  data: {
    solutions: {
      __typename: 'SolutionConnection',
      totalCount: 1,
      edges: [{ __typename: 'SolutionEdge', node: solution }],
    },
    standards: {
      __typename: 'StandardConnection',
      totalCount: 1,
      edges: [{ __typename: 'StandardEdge', node: standard }],
    },
  },
});

async function view(handlers: Handlers) {
  const server = fakeServer(asAdmin({ AdminCatalogue: catalogue, ...handlers }));
  const mounted = await mountRoute('/beheer/catalogus', server.link);
  await settle();
  return { ...mounted, requests: server.requests };
}

describe('CatalogueAdmin', () => {
  it('sends only the changed fields with the version read, and clears an emptied one', async () => {
    const { wrapper, requests } = await view({
      UpdateSolution: ({ input }) => ({ data: { updateSolution: { ...solution, ...(input as object), version: 4 } } }),
    });
    await wrapper.get('[data-testid="solutions-editor-choose"]').setValue('open-zaak');
    expect((wrapper.get('[data-testid="solutions-editor-name"]').element as HTMLInputElement).value).toBe('Open Zaak');
    expect(
      (wrapper.get('[data-testid="solutions-editor-maintainerOrganisationSlug"]').element as HTMLInputElement).value,
    ).toBe('maykin');
    await wrapper.get('[data-testid="solutions-editor-lifecycle"]').setValue('IN_MANAGEMENT');
    await wrapper.get('[data-testid="solutions-editor-licence"]').setValue('');
    await wrapper.get('[data-testid="solutions-editor-implementationCostEur"]').setValue('15000,50');
    await wrapper.get('[data-testid="solutions-editor"] form').trigger('submit');
    await settle();

    expect(requests.find((r) => r.operationName === 'UpdateSolution')?.variables).toEqual({
      slug: 'open-zaak',
      expectedVersion: 3,
      input: { lifecycle: 'IN_MANAGEMENT', licence: null, implementationCostEur: 15000.5 },
    });
    expect(wrapper.get('[data-testid="solutions-editor-done"]').text()).toBe('Open Zaak is opgeslagen.');
  });

  it('adds a standard with its slug and the filled-in fields, and checks the slug first', async () => {
    const { wrapper, requests } = await view({
      CreateStandard: ({ slug, input }) => ({
        data: { createStandard: { ...standard, id: slug, slug, ...(input as object), version: 1 } },
      }),
    });
    await wrapper.get('[data-testid="standards-editor-choose"]').setValue('__new__');
    await wrapper.get('[data-testid="standards-editor-slug"]').setValue('Not A Slug');
    await wrapper.get('[data-testid="standards-editor-name"]').setValue('Open Raadsinformatie');
    await wrapper.get('[data-testid="standards-editor-domain"]').setValue('raadsinformatie');
    await wrapper.get('[data-testid="standards-editor-status"]').setValue('DRAFT');
    await wrapper.get('[data-testid="standards-editor"] form').trigger('submit');
    expect(wrapper.get('[data-testid="catalogue-problem"]').text()).toBe('Vul "Korte naam (slug)" correct in.');
    expect(requests.some((r) => r.operationName === 'CreateStandard')).toBe(false);

    await wrapper.get('[data-testid="standards-editor-slug"]').setValue('open-raadsinformatie');
    await wrapper.get('[data-testid="standards-editor"] form').trigger('submit');
    await settle();
    expect(requests.find((r) => r.operationName === 'CreateStandard')?.variables).toEqual({
      slug: 'open-raadsinformatie',
      input: { name: 'Open Raadsinformatie', domain: 'raadsinformatie', status: 'DRAFT' },
    });
    expect(wrapper.get('[data-testid="standards-editor-done"]').text()).toBe('Open Raadsinformatie is toegevoegd.');
  });

  it('explains a conflict when someone else saved first', async () => {
    const { wrapper } = await view({ UpdateStandard: () => failure('CONFLICT', 'version 7 is stale') });
    await wrapper.get('[data-testid="standards-editor-choose"]').setValue('zgw-apis');
    await wrapper.get('[data-testid="standards-editor-domain"]').setValue('zaken');
    await wrapper.get('[data-testid="standards-editor"] form').trigger('submit');
    await settle();
    expect(wrapper.get('[data-testid="standards-editor"] [data-testid="failure"]').text()).toContain(
      'Iemand anders heeft dit intussen gewijzigd',
    );
  });
});

describe('toInput', () => {
  const specs = [
    { key: 'name', type: 'text' as const },
    { key: 'cost', type: 'number' as const },
  ];
  it('creates with filled-in fields only and updates with changes only', () => {
    expect(toInput({ name: ' A ', cost: '' }, specs)).toEqual({ name: 'A' });
    expect(toInput({ name: 'A', cost: '' }, specs, { name: 'A', cost: '5' })).toEqual({ cost: null });
  });
});
