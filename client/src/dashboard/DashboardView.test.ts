import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../format';
import { mountRoute, settleLazy, stubBoundaries, tinyTopology } from '../map/testing';
import { fakeServer, type Handlers } from '../test/app';
import DashboardView from './DashboardView.vue';
import { catalogue, dataKinds, topSolutions, uptake } from './fixtures';

const rows = [
  { code: 'GM0014', name: 'Groningen', count: 2, validFrom: '2019-01-01' },
  { code: 'GM0344', name: 'Utrecht', count: 1 },
  { code: 'GM0363', name: 'Amsterdam', count: 0 },
  { code: 'GM0518', name: "'s-Gravenhage", count: 0 },
];
const municipalities = rows.map(({ code, name }) => ({ code, name }));

async function view(handlers: Handlers = {}) {
  const boundaries = stubBoundaries({
    2018: tinyTopology(2018, municipalities),
    2019: tinyTopology(2019, municipalities),
    2025: tinyTopology(2025, municipalities),
  });
  const server = fakeServer({
    DashboardCatalogue: () => ({ data: catalogue }),
    DashboardUptake: ({ asOf }) => ({ data: uptake(asOf as string, rows) }),
    DashboardTopSolutions: ({ asOf }) => ({
      data: topSolutions(asOf as string, { 'open-zaak': 3, 'open-formulieren': 1, ibd: 3 }),
    }),
    DashboardDataKinds: () => ({ data: dataKinds(1200, 0) }),
    ...handlers,
  });
  const { wrapper } = await mountRoute(DashboardView, server.link);
  await settleLazy();
  const requests = (name: string) => server.requests.filter((r) => r.operationName === name);
  return { wrapper, requests, boundaries };
}

const text = (wrapper: Awaited<ReturnType<typeof view>>['wrapper'], id: string) =>
  wrapper.get(`[data-testid="${id}"]`).text();

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('DashboardView', () => {
  it('shows a loading state until the figures arrive', async () => {
    const { wrapper } = await view({ DashboardUptake: () => 'pending' });
    expect(text(wrapper, 'uptake-status')).toBe('Gegevens laden…');
    expect(wrapper.find('[data-testid="key-figures"]').exists()).toBe(false);
  });

  it('shows the key figures of today, counted over every solution', async () => {
    const { wrapper, requests } = await view();
    expect(requests('DashboardUptake')[0]?.variables).toEqual({ asOf: todayIso(), solutionSlugs: null });
    expect(text(wrapper, 'figure-municipalities')).toBe('4');
    expect(text(wrapper, 'figure-adopting')).toBe('2');
    expect(text(wrapper, 'figure-share')).toBe('50%');
    expect(text(wrapper, 'figure-solutions')).toBe('3 waarvan 2 ergens live');
    expect(text(wrapper, 'key-figures')).toContain('Gemeenten met ten minste één oplossing live');
  });

  it('ranks the solutions closest to "implemented everywhere"', async () => {
    const { wrapper } = await view();
    const items = wrapper.findAll('[data-testid="top-solution"]');
    expect(items.map((i) => i.get('a').text())).toEqual(['IBD', 'Open Zaak', 'Open Formulieren']);
    expect(items[0]!.text()).toContain('3 van 4 gemeenten (75%)');
    expect(items[1]!.get('a').attributes('href')).toBe('/oplossingen/open-zaak');
  });

  it('says plainly that the adoption data is demo data', async () => {
    const { wrapper } = await view();
    expect(text(wrapper, 'demo-notice')).toContain('Demo-gegevens.');
    expect(text(wrapper, 'demo-notice')).toContain('voor demonstratie gegenereerd');
  });

  it('does not show the demo label when all data is real', async () => {
    const { wrapper } = await view({ DashboardDataKinds: () => ({ data: dataKinds(0, 25) }) });
    expect(wrapper.find('[data-testid="demo-notice"]').exists()).toBe(false);
  });

  it('offers the map as a table of every municipality', async () => {
    const { wrapper, boundaries } = await view();
    expect(boundaries.requested).toContain('/boundaries/gemeente/2025.topojson');
    expect(wrapper.findAll('path[data-code]')).toHaveLength(4);
    await wrapper.get('[data-testid="map-toggle"]').trigger('click');
    const table = wrapper.findAll('[data-testid="map-table-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(table).toEqual([
      ["'s-Gravenhage", 'GM0518', '0%', '0 van 3 oplossingen live'],
      ['Amsterdam', 'GM0363', '0%', '0 van 3 oplossingen live'],
      ['Groningen', 'GM0014', '67%', '2 van 3 oplossingen live'],
      ['Utrecht', 'GM0344', '33%', '1 van 3 oplossingen live'],
    ]);
  });

  it('asks for the figures of the date the slider is set to, and draws that year’s boundaries', async () => {
    const { wrapper, requests, boundaries } = await view({
      DashboardUptake: ({ asOf }) => ({
        data: uptake(
          asOf as string,
          asOf === '2018-01-01' ? rows.map((r) => ({ ...r, validFrom: '2018-01-01', validTo: '2018-12-31' })) : rows,
        ),
      }),
    });
    const slider = wrapper.get('[data-testid="time-slider"]');
    await slider.setValue('0');
    expect(text(wrapper, 'slider-value')).toBe('januari 2018');
    await slider.trigger('change');
    await settleLazy();
    expect(requests('DashboardUptake').at(-1)?.variables).toEqual({ asOf: '2018-01-01', solutionSlugs: null });
    expect(requests('DashboardTopSolutions').at(-1)?.variables).toEqual({ asOf: '2018-01-01' });
    expect(boundaries.requested).toContain('/boundaries/gemeente/2018.topojson');
    expect(text(wrapper, 'uptake-status')).toBe('Cijfers en kaart op 1 jan 2018.');
    expect(wrapper.text()).toContain('CBS Gebiedsindelingen 2018');
  });

  it('links the figures per municipality as CSV and JSON, for the date and solutions shown', async () => {
    const { wrapper } = await view();
    const href = (format: string) => wrapper.get(`[data-testid="uptake-export-${format}"]`).attributes('href');
    expect(href('csv')).toBe(`/api/export/uptake.csv?groupBy=MUNICIPALITY&asOf=${todayIso()}`);
    expect(href('json')).toBe(`/api/export/uptake.json?groupBy=MUNICIPALITY&asOf=${todayIso()}`);
    expect(wrapper.get('[data-testid="uptake-export"]').text().replace(/\s+/g, ' ')).toMatch(
      /^Download de cijfers per gemeente op .+ als open data: CSV \(gebruik per gemeente op .+\) JSON \(.+\)$/,
    );

    const slider = wrapper.get('[data-testid="time-slider"]');
    await slider.setValue('0');
    await slider.trigger('change');
    await settleLazy();
    await wrapper.get('[data-testid="selection"]').setValue('solution:open-zaak');
    await settleLazy();
    expect(href('csv')).toBe('/api/export/uptake.csv?groupBy=MUNICIPALITY&asOf=2018-01-01&solutions=open-zaak');
    expect(wrapper.get('[data-testid="uptake-export"]').text().replace(/\s+/g, ' ')).toContain(
      'Download de cijfers per gemeente op 1 jan 2018 als open data: CSV (gebruik per gemeente op 1 jan 2018)',
    );
  });

  it('plays month by month from the start and pauses', async () => {
    const { wrapper, requests } = await view();
    const play = wrapper.get('[data-testid="play"]');
    await play.trigger('click');
    await settleLazy(1);
    expect(play.text()).toBe('Pauzeren');
    expect(requests('DashboardUptake').at(-1)?.variables.asOf).toBe('2018-01-01');
    await new Promise((resolve) => setTimeout(resolve, 900));
    await settleLazy(1);
    expect(requests('DashboardUptake').at(-1)?.variables.asOf).toBe('2018-02-01');
    await play.trigger('click');
    expect(play.text()).toBe('Afspelen');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(requests('DashboardUptake').at(-1)?.variables.asOf).toBe('2018-02-01');
  });

  it('colours the map by one solution or by one standard', async () => {
    const { wrapper, requests } = await view();
    const options = wrapper.findAll('[data-testid="selection"] option').map((o) => o.text());
    expect(options).toEqual(['Alle gezamenlijke oplossingen', 'Open Zaak', 'Open Formulieren', 'IBD', 'ZGW API’s']);

    await wrapper.get('[data-testid="selection"]').setValue('solution:open-zaak');
    await settleLazy();
    expect(requests('DashboardUptake').at(-1)?.variables.solutionSlugs).toEqual(['open-zaak']);
    expect(text(wrapper, 'map-legend')).toContain('Niet live');
    expect(text(wrapper, 'key-figures')).toContain('Gemeenten met Open Zaak live');

    await wrapper.get('[data-testid="selection"]').setValue('standard:zgw-apis');
    await settleLazy();
    expect(requests('DashboardUptake').at(-1)?.variables.solutionSlugs).toEqual(['open-zaak']);
    expect(text(wrapper, 'map-legend')).toContain('Past toe via een live oplossing');
  });

  it('shows an error with a retry when the figures cannot be loaded', async () => {
    let calls = 0;
    const { wrapper } = await view({
      DashboardUptake: ({ asOf }) => (++calls === 1 ? new Error('offline') : { data: uptake(asOf as string, rows) }),
    });
    expect(text(wrapper, 'uptake-error')).toContain('De gebruikscijfers konden niet worden geladen.');
    await wrapper.get('[data-testid="uptake-error"] button').trigger('click');
    await settleLazy();
    expect(wrapper.find('[data-testid="uptake-error"]').exists()).toBe(false);
    expect(text(wrapper, 'figure-municipalities')).toBe('4');
  });

  it('says so when no municipality existed on the date, and when the catalogue is empty', async () => {
    const { wrapper } = await view({
      DashboardUptake: ({ asOf }) => ({ data: uptake(asOf as string, [], 0) }),
      DashboardTopSolutions: ({ asOf }) => ({ data: topSolutions(asOf as string, {}) }),
    });
    expect(text(wrapper, 'uptake-empty')).toBe('Op deze datum zijn geen gemeenten bekend.');
    expect(text(wrapper, 'top-empty')).toBe('Er staan nog geen oplossingen in de catalogus.');
  });
});
