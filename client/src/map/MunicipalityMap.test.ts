import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { fakeServer } from '../test/app';
import MunicipalityMap from './MunicipalityMap.vue';
import { PALETTE } from './scale';
import { mountRoute, settleLazy, stubBoundaries, tinyTopology } from './testing';

const municipalities = [
  { code: 'GM0014', name: 'Groningen' },
  { code: 'GM0344', name: 'Utrecht' },
  { code: 'GM0363', name: 'Amsterdam' },
];

/** A page that shows the map with fixed props (the map needs no GraphQL of its own). */
function page(props: Record<string, unknown>) {
  return defineComponent({
    name: 'MapPage',
    setup: () => () => h(MunicipalityMap, props as never),
  });
}

async function mountMap(props: Record<string, unknown> = {}, options: { fail?: boolean } = {}) {
  const boundaries = stubBoundaries({ 2025: tinyTopology(2025, municipalities) }, options);
  const { link } = fakeServer({});
  const { wrapper, router } = await mountRoute(
    page({
      year: 2025,
      values: { GM0014: 0.1, GM0344: 0.95, GM0363: null },
      label: 'Aandeel live per gemeente',
      legendTitle: 'Aandeel live',
      ...props,
    }),
    link,
  );
  await settleLazy();
  return { wrapper, router, boundaries };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('MunicipalityMap', () => {
  it('draws every municipality of the boundary set, coloured by its class', async () => {
    const { wrapper, boundaries } = await mountMap();
    expect(boundaries.requested).toContain('/boundaries/gemeente/2025.topojson');
    const paths = wrapper.findAll('path[data-code]');
    expect(paths.map((p) => p.attributes('data-code'))).toEqual(['GM0014', 'GM0344', 'GM0363']);
    expect(paths[0]!.attributes('fill')).toBe(PALETTE[0]);
    expect(paths[1]!.attributes('fill')).toBe(PALETTE[4]);
    // No value: the hatch pattern, not a colour of the scale.
    expect(paths[2]!.attributes('fill')).toMatch(/^url\(#atlas-map-nodata-/);
    expect(wrapper.get('[data-testid="map-legend"]').text()).toContain('Geen gegevens');
    expect(wrapper.text()).toContain('© Kadaster / CBS, CBS Gebiedsindelingen 2025');
  });

  it('is one labelled tab stop with instructions', async () => {
    const { wrapper } = await mountMap();
    const canvas = wrapper.get('[data-testid="map-canvas"]');
    expect(canvas.attributes('tabindex')).toBe('0');
    expect(canvas.attributes('aria-label')).toBe('Aandeel live per gemeente');
    const help = document.getElementById(canvas.attributes('aria-describedby')!);
    expect(help?.textContent).toContain('pijltjestoetsen');
    expect(wrapper.findAll('path[tabindex]')).toHaveLength(0);
  });

  it('offers the same data as a table, with links to the profiles', async () => {
    const { wrapper } = await mountMap();
    await wrapper.get('[data-testid="map-toggle"]').trigger('click');
    const rows = wrapper.findAll('[data-testid="map-table-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows).toEqual([
      ['Amsterdam', 'GM0363', 'geen gegevens'],
      ['Groningen', 'GM0014', '10%'],
      ['Utrecht', 'GM0344', '95%'],
    ]);
    expect(wrapper.get('[data-testid="map-table"] caption').text()).toBe('Aandeel live per gemeente');
    expect(wrapper.get('[data-testid="map-table-row"] a').attributes('href')).toBe('/gemeenten/GM0363');
    expect(wrapper.find('[data-testid="map-canvas"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="map-toggle"]').text()).toBe('Toon als kaart');
  });

  it('moves between municipalities with the arrow keys and opens one with Enter', async () => {
    const { wrapper, router } = await mountMap();
    const canvas = wrapper.get('[data-testid="map-canvas"]');
    await canvas.trigger('keydown', { key: 'ArrowRight' });
    const first = wrapper.get('[data-testid="map-announcement"]').text();
    expect(first).toMatch(/\(GM\d{4}\)/);
    // The squares lie west to east: Groningen, Utrecht, Amsterdam. Walk to the eastern end.
    await canvas.trigger('keydown', { key: 'ArrowRight' });
    await canvas.trigger('keydown', { key: 'ArrowRight' });
    expect(wrapper.get('[data-testid="map-announcement"]').text()).toBe('Amsterdam (GM0363): geen gegevens');
    await canvas.trigger('keydown', { key: 'ArrowLeft' });
    expect(wrapper.get('[data-testid="map-announcement"]').text()).toBe('Utrecht (GM0344): 95%');
    expect(wrapper.get('[data-testid="map-tooltip"]').text()).toContain('Utrecht');

    await canvas.trigger('keydown', { key: 'Enter' });
    await settleLazy(1);
    expect(router.currentRoute.value.fullPath).toBe('/gemeenten/GM0344');
  });

  it('shows a tooltip on hover and opens the profile on click', async () => {
    const { wrapper, router } = await mountMap();
    const groningen = wrapper.get('path[data-code="GM0014"]');
    await groningen.trigger('mouseenter');
    expect(wrapper.get('[data-testid="map-tooltip"]').text()).toContain('Groningen');
    expect(wrapper.get('[data-testid="map-tooltip"]').text()).toContain('10%');
    await groningen.trigger('click');
    await settleLazy(1);
    expect(router.currentRoute.value.fullPath).toBe('/gemeenten/GM0014');
  });

  it('finds a municipality by name, ignoring case and accents', async () => {
    const { wrapper } = await mountMap();
    await wrapper.get('[data-testid="map-search"]').setValue('utrécht');
    await wrapper.get('form[role="search"]').trigger('submit');
    expect(wrapper.get('[data-testid="map-search-result"]').text()).toContain('Utrecht: 95%.');
    expect(wrapper.get('[data-testid="map-announcement"]').text()).toBe('Utrecht (GM0344): 95%');

    await wrapper.get('[data-testid="map-search"]').setValue('Atlantis');
    await wrapper.get('form[role="search"]').trigger('submit');
    expect(wrapper.get('[data-testid="map-search-result"]').text()).toBe('Geen gemeente gevonden voor "Atlantis".');
  });

  it('uses the classes, labels and value format it is given', async () => {
    const { wrapper } = await mountMap({
      values: { GM0014: 1, GM0344: 0, GM0363: 0 },
      bins: [
        { from: 0, to: 0.5, label: 'Niet live' },
        { from: 0.5, to: 1, label: 'Live' },
      ],
      formatValue: (v: number) => (v >= 0.5 ? 'live' : 'niet live'),
    });
    expect(wrapper.get('[data-testid="map-legend"]').text()).toContain('Niet live');
    expect(wrapper.get('path[data-code="GM0014"]').attributes('fill')).toBe(PALETTE[4]);
    expect(wrapper.get('path[data-code="GM0344"]').attributes('fill')).toBe(PALETTE[0]);
    await wrapper.get('[data-testid="map-toggle"]').trigger('click');
    expect(wrapper.findAll('[data-testid="map-table-row"]').map((r) => r.findAll('td')[1]!.text())).toEqual([
      'niet live',
      'live',
      'niet live',
    ]);
  });

  it('says so when the boundaries cannot be loaded, and keeps the table', async () => {
    const { wrapper } = await mountMap({ names: { GM0014: 'Groningen' } }, { fail: true });
    expect(wrapper.get('[data-testid="map-error"]').text()).toContain('De kaart kon niet worden geladen.');
    await wrapper.get('[data-testid="map-toggle"]').trigger('click');
    const names = wrapper.findAll('[data-testid="map-table-row"] th').map((c) => c.text());
    expect(names).toEqual(['GM0344', 'GM0363', 'Groningen']);
  });

  it('follows a new year', async () => {
    stubBoundaries({ 2019: tinyTopology(2019, municipalities.slice(0, 2)), 2025: tinyTopology(2025, municipalities) });
    const year = ref(2025);
    const { link } = fakeServer({});
    const Page = defineComponent({
      setup: () => () => h(MunicipalityMap, { year: year.value, values: {}, label: 'Kaart', legendTitle: 'Aandeel' }),
    });
    const { wrapper } = await mountRoute(Page, link);
    await settleLazy();
    expect(wrapper.findAll('path[data-code]')).toHaveLength(3);
    year.value = 2019;
    await settleLazy();
    expect(wrapper.findAll('path[data-code]')).toHaveLength(2);
    expect(wrapper.text()).toContain('CBS Gebiedsindelingen 2019');
  });
});
