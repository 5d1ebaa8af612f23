import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { fakeServer, settle, type Handlers } from '../test/app';
import { mountRoute } from '../initiative/testing';
import { compliancePage, declaration, standardDetail } from './fixtures';

/** Stands in for the other feature's map: shows what it was given. */
const MapStub = defineComponent({
  name: 'MunicipalityMap',
  props: ['year', 'values', 'label', 'legendTitle', 'bins', 'formatValue', 'details', 'detailsHeader'],
  setup: (props) => () =>
    h('div', { 'data-testid': 'map' }, [
      h('span', { 'data-testid': 'map-values' }, JSON.stringify(props.values)),
      h('span', { 'data-testid': 'map-legend' }, (props.bins as { label: string }[]).map((b) => b.label).join('|')),
    ]),
});

beforeEach(() => {
  // The boundary index the compliance map asks for.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify([2025]), { status: 200 })),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const amsterdam = declaration('GM0363', 'Amsterdam', 'COMPLIANT');
const utrecht = declaration('GM0344', 'Utrecht', 'EXPLAINED', {
  explanation: 'Wij vervangen eerst ons zaaksysteem.',
  lastConfirmedAt: '2020-01-01T00:00:00.000Z',
});
const almere = declaration('GM0034', 'Almere', 'PLANNED', { deadline: '2026-01-01' });

const derived = (codes: string[]) => ({
  data: {
    uptake: {
      __typename: 'UptakeResult',
      asOf: '2025-05-01',
      rows: codes.map((code) => ({
        __typename: 'UptakeRow',
        groupKey: code,
        municipalityCode: code,
        adoptedSolutionCount: 1,
      })),
    },
  },
});

async function view(handlers: Handlers) {
  const server = fakeServer({ DerivedCompliance: () => derived([]), ...handlers });
  const mounted = await mountRoute('/standaarden/zgw-apis', server.link, { stubs: { MunicipalityMap: MapStub } });
  await settle();
  await settle();
  return { ...mounted, requests: server.requests };
}

describe('StandardView', () => {
  it('shows the standard, its versions and the solutions that implement it', async () => {
    const { wrapper } = await view({
      Standard: () => ({ data: standardDetail() }),
      StandardCompliance: () => ({ data: compliancePage([], 0, null) }),
    });
    expect(wrapper.get('h1').text()).toBe('ZGW API’s');
    expect(document.title).toBe('ZGW API’s – GGU Atlas');
    expect(wrapper.get('[data-testid="standard-badge"]').text()).toBe('Pas toe of leg uit');
    expect(wrapper.get('[data-testid="apply-or-explain"]').text()).toContain('past hem toe, of legt uit waarom niet');
    const versions = wrapper
      .get('[data-testid="versions"]')
      .findAll('tbody tr')
      .map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(versions).toEqual([
      ['1.5', 'actueel', '1 feb 2024'],
      ['1.0', 'vervangen', 'onbekend'],
    ]);
    const implementation = wrapper.get('[data-testid="implementations"] li');
    expect(implementation.text()).toBe('Open Zaak (versie 1.5)');
    expect(implementation.get('a').attributes('href')).toBe('/oplossingen/open-zaak');
    expect(wrapper.get('[data-testid="compliance-empty"]').text()).toBe(
      'Er zijn nog geen verklaringen over deze standaard.',
    );
  });

  it('walks every page of declarations, then maps, counts and lists them', async () => {
    const { wrapper, requests } = await view({
      Standard: () => ({ data: standardDetail() }),
      // Utrecht explains it does not apply the standard, yet has Open Zaak live; Delft declared nothing.
      DerivedCompliance: ({ solutionSlugs }) => {
        expect(solutionSlugs).toEqual(['open-zaak']);
        return derived(['GM0344', 'GM0363', 'GM0503']);
      },
      StandardCompliance: ({ after }) =>
        after === null
          ? { data: compliancePage([almere, amsterdam], 3, 'c2') }
          : { data: compliancePage([utrecht], 3, null) },
    });

    const pages = requests.filter((r) => r.operationName === 'StandardCompliance').map((r) => r.variables.after);
    expect(pages).toEqual([null, 'c2']);

    // Worst (0) to best (4): not compliant, explained, planned, partial, compliant.
    expect(JSON.parse(wrapper.get('[data-testid="map-values"]').text())).toEqual({
      GM0034: 2,
      GM0363: 4,
      GM0344: 1,
    });
    expect(wrapper.get('[data-testid="map-legend"]').text()).toBe('Voldoet niet|Leg uit|Gepland|Voldoet deels|Voldoet');

    const summary = wrapper
      .get('[data-testid="compliance-summary"]')
      .findAll('tbody tr')
      .map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(summary).toEqual([
      ['Voldoet', '1'],
      ['Voldoet deels', '0'],
      ['Gepland', '1'],
      ['Leg uit', '1'],
      ['Voldoet niet', '0'],
    ]);

    const rows = wrapper.findAll('[data-testid="compliance-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows.map((r) => r[0])).toEqual(['Almere', 'Amsterdam', 'Utrecht']);
    expect(rows[0]!.slice(1, 4)).toEqual(['Gepland', 'niet af te leiden', '1 jan 2026']);
    expect(rows[1]![2]).toBe('voldoet (oplossing in gebruik)');
    expect(rows[2]![2]).toBe('voldoet (oplossing in gebruik) (wijkt af)');
    expect(rows[2]![5]).toBe('1 jan 2020 (verouderd)');
    expect(wrapper.get('[data-testid="derived-summary"]').text()).toBe(
      '1 verklaring wijkt af van wat de gebruikte oplossingen laten zien. 1 gemeente zonder verklaring gebruikt een oplossing die deze standaard implementeert.',
    );

    const explanations = wrapper.findAll('[data-testid="explanations"] li');
    expect(explanations).toHaveLength(1);
    expect(explanations[0]!.text()).toContain('Utrecht');
    expect(explanations[0]!.get('blockquote').text()).toBe('Wij vervangen eerst ons zaaksysteem.');
    expect(wrapper.text()).toContain('gegenereerde demonstratiegegevens');
  });

  it('says when nobody explained and shows a failed compliance load with a retry', async () => {
    let calls = 0;
    const { wrapper } = await view({
      Standard: () => ({ data: standardDetail() }),
      StandardCompliance: () => (++calls === 1 ? new Error('offline') : { data: compliancePage([amsterdam], 1, null) }),
    });
    const alert = wrapper.get('[data-testid="compliance-error"]');
    expect(alert.text()).toContain('De verklaringen konden niet worden geladen.');
    await alert.get('button').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="compliance-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="explanations-empty"]').text()).toBe(
      'Geen enkele gemeente heeft uitgelegd waarom zij de standaard niet toepast.',
    );
  });

  it('says so when the slug is unknown', async () => {
    const { wrapper } = await view({
      Standard: () => ({ data: { standard: null } }),
      StandardCompliance: () => 'pending',
    });
    expect(wrapper.get('[data-testid="standard-not-found"]').text()).toBe('Er is geen standaard met deze naam.');
  });
});
