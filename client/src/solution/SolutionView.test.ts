import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountRoute, settleLazy, stubBoundaries, tinyTopology } from '../map/testing';
import { fakeServer, type Handlers } from '../test/app';
import { adoptersMap, adoptions, graph, lonely, solution, timeline } from './fixtures';
import SolutionView from './SolutionView.vue';

const municipalities = [
  { code: 'GM0014', name: 'Groningen' },
  { code: 'GM0344', name: 'Utrecht' },
  { code: 'GM0363', name: 'Amsterdam' },
];

async function view(handlers: Handlers = {}) {
  stubBoundaries({ 2025: tinyTopology(2025, municipalities) });
  const server = fakeServer({
    Solution: () => ({ data: solution() }),
    SolutionAdoptersMap: () => ({ data: adoptersMap }),
    SolutionAdoptions: ({ after }) => ({
      data:
        after === null
          ? adoptions([{ code: 'GM0344', name: 'Utrecht', status: 'LIVE' }], true, 2)
          : adoptions([{ code: 'GM0014', name: 'Groningen', status: 'IMPLEMENTING' }], false, 2),
    }),
    SolutionTimeline: () => ({
      data: timeline([
        { end: '2018-01-31', count: 380, live: 0 },
        { end: '2018-02-28', count: 380, live: 2, implementing: 5 },
      ]),
    }),
    SolutionGraph: () => ({ data: graph }),
    ...handlers,
  });
  const { wrapper, router } = await mountRoute(SolutionView, server.link, {
    route: '/oplossingen/:slug',
    path: '/oplossingen/open-zaak',
  });
  await settleLazy();
  const requests = (name: string) => server.requests.filter((r) => r.operationName === name);
  return { wrapper, router, requests };
}

type Wrapper = Awaited<ReturnType<typeof view>>['wrapper'];
const text = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`).text();
const cells = (wrapper: Wrapper, rowId: string) =>
  wrapper.findAll(`[data-testid="${rowId}"]`).map((r) => r.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' ')));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('SolutionView', () => {
  it('shows a loading state until the solution arrives', async () => {
    const { wrapper } = await view({ Solution: () => 'pending' });
    expect(text(wrapper, 'solution-status')).toBe('Laden…');
  });

  it('says what the solution is, who made and maintains it, and which standards it implements', async () => {
    const { wrapper, requests } = await view();
    expect(requests('Solution')[0]?.variables).toEqual({ slug: 'open-zaak' });
    expect(wrapper.get('h1').text()).toBe('Open Zaak');
    const facts = text(wrapper, 'solution-facts');
    for (const part of ['Software', 'In beheer', '1 okt 2019', 'Utrecht', 'Maykin', 'EUPL-1.2', 'Common Ground']) {
      expect(facts).toContain(part);
    }
    const links = wrapper.findAll('[data-testid="solution-facts"] a').map((a) => a.attributes('href'));
    expect(links).toEqual([
      '/gemeenten/GM0344',
      'https://github.com/open-zaak/open-zaak',
      '/initiatieven/common-ground',
      '/standaarden/zgw-apis',
    ]);
    expect(text(wrapper, 'solution-standards')).toBe('ZGW API’s (versie 1.5)');
    expect(text(wrapper, 'demo-notice')).toContain('Demo-gegevens.');
  });

  it('shows reuse and the estimated saving with how it is estimated', async () => {
    const { wrapper } = await view();
    expect(text(wrapper, 'reuse-live')).toBe('120');
    expect(text(wrapper, 'reuse-saving')).toMatch(/€\s116\.600\.000/);
    expect(text(wrapper, 'reuse-saving')).toContain('wat 120 gemeenten kwijt zouden zijn');
  });

  it('says when the saving cannot be estimated', async () => {
    const unknown = solution({
      developmentCostEur: null,
      reuse: { ...solution().solution.reuse, estimatedSaving: null },
    });
    const { wrapper } = await view({ Solution: () => ({ data: unknown }) });
    expect(text(wrapper, 'reuse-saving')).toBe('niet te schatten: de ontwikkelkosten zijn onbekend');
  });

  it('puts the adopters on a map with a table alternative', async () => {
    const { wrapper, requests } = await view();
    expect(requests('SolutionAdoptersMap')[0]?.variables).toEqual({ slugs: ['open-zaak'] });
    const adopters = wrapper.get('[data-testid="adopters"]');
    expect(adopters.findAll('path[data-code]')).toHaveLength(3);
    await adopters.get('[data-testid="map-toggle"]').trigger('click');
    expect(cells(wrapper, 'map-table-row')).toEqual([
      ['Amsterdam', 'GM0363', 'Geen gebruik'],
      ['Groningen', 'GM0014', 'Gepland of in implementatie'],
      ['Utrecht', 'GM0344', 'Live'],
    ]);
  });

  it('lists the adopters page by page', async () => {
    const { wrapper, requests } = await view();
    expect(text(wrapper, 'adopters-total')).toBe('2 gemeenten');
    expect(cells(wrapper, 'adopter-row')).toEqual([['Utrecht demo', 'Live', '1 mrt 2021', 'Als dienst (SaaS)']]);
    const next = wrapper.findAll('[data-testid="adopters"] nav button').find((b) => b.text() === 'Volgende')!;
    await next.trigger('click');
    await settleLazy(1);
    expect(requests('SolutionAdoptions').at(-1)?.variables).toEqual({
      slug: 'open-zaak',
      first: 25,
      after: 'c:GM0344',
    });
    expect(cells(wrapper, 'adopter-row')[0]![0]).toBe('Groningen demo');
  });

  it('links the adopters as CSV and JSON, narrowed to the solution', async () => {
    const { wrapper } = await view();
    expect(wrapper.get('[data-testid="adopters-export-csv"]').attributes('href')).toBe(
      '/api/export/adoptions.csv?solution=open-zaak',
    );
    expect(wrapper.get('[data-testid="adopters-export-json"]').attributes('href')).toBe(
      '/api/export/adoptions.json?solution=open-zaak',
    );
    expect(wrapper.get('[data-testid="adopters-export"]').text().replace(/\s+/g, ' ')).toBe(
      'Download alle gemeenten die Open Zaak gebruiken of overwegen, met status en datum, als open data: ' +
        'CSV (gemeenten die Open Zaak gebruiken) JSON (gemeenten die Open Zaak gebruiken)',
    );
  });

  it('says so when nobody uses the solution yet', async () => {
    const { wrapper } = await view({ SolutionAdoptions: () => ({ data: adoptions([]) }) });
    expect(text(wrapper, 'adopters-empty')).toBe('Nog geen enkele gemeente heeft deze oplossing geregistreerd.');
  });

  it('shows adoption over time with a table alternative', async () => {
    const { wrapper, requests } = await view();
    const variables = requests('SolutionTimeline')[0]?.variables;
    expect(variables).toMatchObject({ slug: 'open-zaak', from: '2018-01-01' });
    const section = wrapper.get('[data-testid="timeline"]');
    if (!section.find('[data-testid="timeline-table"]').exists()) {
      await section.get('[data-testid="timeline-toggle"]').trigger('click');
    }
    expect(cells(wrapper, 'timeline-row')).toEqual([
      ['januari 2018', '380', '0', '0', '0', '0', '0%'],
      ['februari 2018', '380', '2', '5', '0', '0', '1%'],
    ]);
  });

  it('links the timeline as CSV and JSON with the months the page shows', async () => {
    const { wrapper, requests } = await view();
    const { from, to } = requests('SolutionTimeline')[0]!.variables as { from: string; to: string };
    const query = `solution=open-zaak&from=${from}&to=${to}&interval=MONTH`;
    expect(wrapper.get('[data-testid="timeline-export-csv"]').attributes('href')).toBe(
      `/api/export/adoption-timeline.csv?${query}`,
    );
    expect(wrapper.get('[data-testid="timeline-export-json"]').attributes('href')).toBe(
      `/api/export/adoption-timeline.json?${query}`,
    );
    expect(text(wrapper, 'timeline-export')).toContain('Download het verloop per maand als open data');
  });

  it('says so when there is no history yet', async () => {
    const { wrapper } = await view({ SolutionTimeline: () => ({ data: timeline([]) }) });
    expect(text(wrapper, 'timeline-empty')).toBe('Er zijn nog geen gegevens over het gebruik door de tijd.');
  });

  it('draws the reuse graph with links to the related solutions, and lists them', async () => {
    const { wrapper, router } = await view();
    const nodes = wrapper.findAll('[data-testid="graph-node"]');
    expect(nodes.map((n) => n.attributes('href')).sort()).toEqual([
      '/oplossingen/open-inwoner',
      '/oplossingen/open-notificaties',
      '/oplossingen/zgw-referentie',
    ]);
    // A link between two neighbours shows too: Open Inwoner builds on Open Notificaties.
    expect(wrapper.findAll('.atlas-reuse-graph__edge--buildsOn')).toHaveLength(3);
    expect(wrapper.findAll('.atlas-reuse-graph__edge--derivedFrom')).toHaveLength(1);

    await wrapper.get('[data-testid="graph-toggle"]').trigger('click');
    const list = wrapper.get('[data-testid="graph-list"]');
    expect(list.findAll('h3').map((h) => h.text())).toEqual([
      'Bouwt voort op',
      'Waarop voortgebouwd wordt door',
      'Afgeleid van',
    ]);
    await list.get('a').trigger('click');
    await settleLazy(1);
    expect(router.currentRoute.value.fullPath).toBe('/oplossingen/open-notificaties');
  });

  it('says so when the solution has no reuse links', async () => {
    const { wrapper } = await view({ SolutionGraph: () => ({ data: lonely }) });
    expect(text(wrapper, 'graph-empty')).toBe(
      'Deze oplossing heeft geen vastgelegde verbanden met andere oplossingen.',
    );
  });

  it('says so when no solution has the slug', async () => {
    const { wrapper } = await view({ Solution: () => ({ data: { ...solution(), solution: null } }) });
    expect(text(wrapper, 'solution-not-found')).toBe('Er is geen oplossing met de naam "open-zaak".');
  });

  it('shows an error with a retry when the solution cannot be loaded', async () => {
    let calls = 0;
    const { wrapper } = await view({ Solution: () => (++calls === 1 ? new Error('offline') : { data: solution() }) });
    expect(text(wrapper, 'solution-error')).toContain('De gegevens konden niet worden geladen.');
    await wrapper.get('[data-testid="solution-error"] button').trigger('click');
    await settleLazy(1);
    expect(wrapper.get('h1').text()).toBe('Open Zaak');
  });
});
