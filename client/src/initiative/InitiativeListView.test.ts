import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, settle, type Handlers } from '../test/app';
import { domains, initiatives, summary, vng } from './fixtures';
import { mountRoute } from './testing';

afterEach(() => document.body.replaceChildren());

async function view(list: Handlers['Initiatives'], path = '/initiatieven') {
  const server = fakeServer({
    Initiatives: list,
    InitiativeDomains: () => ({ data: domains('sociaal domein', 'dienstverlening') }),
  });
  const mounted = await mountRoute(path, server.link);
  await settle();
  const listRequests = () => server.requests.filter((r) => r.operationName === 'Initiatives');
  return { ...mounted, listRequests };
}

const titles = (wrapper: Awaited<ReturnType<typeof view>>['wrapper'], stage: string) =>
  wrapper.findAll(`[data-testid="stage-${stage}"] [data-testid="initiative-card"] a`).map((a) => a.text());

describe('InitiativeListView', () => {
  it('shows a loading state until the server answers', async () => {
    const { wrapper } = await view(() => 'pending');
    expect(wrapper.get('[data-testid="initiatives-status"]').text()).toBe('Initiatieven laden…');
    expect(wrapper.findAll('[data-testid="initiative-card"]')).toHaveLength(0);
  });

  it('groups the initiatives by stage, in pipeline order, with rejected and stopped apart', async () => {
    const { wrapper } = await view(() => ({
      data: initiatives([
        summary('common-ground', 'IN_MANAGEMENT'),
        summary('digitale-identiteit', 'SCALING', { submittedByMunicipality: null, submittedByOrganisation: vng }),
        summary('nieuw-idee', 'SUBMITTED'),
        summary('tweede-idee', 'SUBMITTED'),
        summary('afgewezen-idee', 'REJECTED'),
        summary('gestopt-project', 'STOPPED'),
      ]),
    }));

    expect(wrapper.get('[data-testid="initiatives-status"]').text()).toBe('6 initiatieven gevonden');
    const headings = wrapper.findAll('.atlas-pipeline__heading').map((h) => h.text());
    expect(headings).toEqual([
      'Ingediend 2 initiatieven',
      'Beoordeeld door Taskforce geen',
      'Geadviseerd door CvD geen',
      'Vastgesteld geen',
      'In ontwikkeling geen',
      'Opschaling 1 initiatief',
      'In beheer 1 initiatief',
    ]);
    expect(titles(wrapper, 'SUBMITTED')).toEqual(['Nieuw Idee', 'Tweede Idee']);
    expect(titles(wrapper, 'SCALING')).toEqual(['Digitale Identiteit']);
    expect(wrapper.get('[data-testid="stage-SCALING"]').text()).toContain('Ingediend door VNG');
    expect(titles(wrapper, 'ended')).toEqual(['Afgewezen Idee', 'Gestopt Project']);
    expect(wrapper.get('[data-testid="stage-ended"]').text()).toContain('Afgewezen · dienstverlening');
    expect(wrapper.get('[data-testid="stage-IN_MANAGEMENT"] a').attributes('href')).toBe('/initiatieven/common-ground');
  });

  it('links the whole pipeline as CSV and JSON, also while it loads', async () => {
    const { wrapper } = await view(() => 'pending');
    expect(wrapper.get('[data-testid="initiatives-export-csv"]').attributes('href')).toBe(
      '/api/export/initiatives.csv',
    );
    expect(wrapper.get('[data-testid="initiatives-export-json"]').attributes('href')).toBe(
      '/api/export/initiatives.json',
    );
    expect(wrapper.get('[data-testid="initiatives-export"]').text()).toContain('Download alle initiatieven');
  });

  it('says so when no initiative matches', async () => {
    const { wrapper } = await view(() => ({ data: initiatives([]) }));
    expect(wrapper.get('[data-testid="initiatives-empty"]').text()).toBe(
      'Er zijn geen initiatieven die aan deze filters voldoen.',
    );
    expect(wrapper.find('.atlas-pipeline').exists()).toBe(false);
  });

  it('shows an error with a retry', async () => {
    let calls = 0;
    const { wrapper } = await view(() =>
      ++calls === 1 ? new Error('offline') : { data: initiatives([summary('a', 'SUBMITTED')]) },
    );
    expect(wrapper.get('[role="alert"]').text()).toContain('De initiatieven konden niet worden geladen.');
    await wrapper.get('[role="alert"] button').trigger('click');
    await settle();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(titles(wrapper, 'SUBMITTED')).toEqual(['A']);
  });

  it('filters by domain and year through the URL, and restores the filter from it', async () => {
    const { wrapper, router, listRequests } = await view(() => ({ data: initiatives([]) }));
    expect(listRequests()[0]?.variables).toEqual({ first: 100, filter: { search: null, domain: null, year: null } });
    expect(wrapper.findAll('#initiative-domain option').map((o) => o.text())).toEqual([
      'Alle domeinen',
      'dienstverlening',
      'sociaal domein',
    ]);

    await wrapper.get('#initiative-domain').setValue('sociaal domein');
    await wrapper.get('#initiative-year').setValue('2023');
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(router.currentRoute.value.query).toEqual({ domein: 'sociaal domein', jaar: '2023' });
    expect(listRequests().at(-1)?.variables).toEqual({
      first: 100,
      filter: { search: null, domain: 'sociaal domein', year: 2023 },
    });

    const reloaded = await view(() => ({ data: initiatives([]) }), '/initiatieven?domein=sociaal%20domein&jaar=2023');
    expect((reloaded.wrapper.get('#initiative-year').element as HTMLSelectElement).value).toBe('2023');
    expect(reloaded.listRequests()[0]?.variables).toEqual({
      first: 100,
      filter: { search: null, domain: 'sociaal domein', year: 2023 },
    });
  });

  it('says when the pipeline shows only part of the list', async () => {
    const { wrapper } = await view(() => ({ data: initiatives([summary('a', 'SUBMITTED')], 140, true) }));
    expect(wrapper.text()).toContain('De eerste 1 van 140 initiatieven worden getoond');
  });
});
