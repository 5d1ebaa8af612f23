import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, settle, type Handlers } from '../test/app';
import { mountRoute } from '../initiative/testing';

const solutions = {
  solutions: {
    __typename: 'SolutionConnection',
    totalCount: 3,
    edges: [
      { slug: 'open-formulieren', name: 'Open Formulieren' },
      { slug: 'common-ground', name: 'Common Ground' },
      { slug: 'ibd', name: 'IBD' },
    ].map((s) => ({ __typename: 'SolutionEdge', node: { __typename: 'Solution', id: s.slug, ...s } })),
  },
};

const cell = (solutionSlug: string, solutionName: string, adoptingCount: number, total: number) => ({
  __typename: 'RegionComparisonCell',
  solutionSlug,
  solutionName,
  adoptingCount,
  share: adoptingCount / total,
  solution: { __typename: 'Solution', id: solutionSlug },
});

function comparison(variables: Record<string, unknown>) {
  const row = (code: string, name: string, total: number, a: number, b: number) => ({
    __typename: 'RegionComparisonRow',
    code,
    name,
    municipalityCount: total,
    cells: [cell('common-ground', 'Common Ground', a, total), cell('open-formulieren', 'Open Formulieren', b, total)],
  });
  return {
    data: {
      regionComparison: {
        __typename: 'RegionComparison',
        kind: variables.kind,
        asOf: (variables.asOf as string | null) ?? '2025-05-01',
        statuses: variables.statuses,
        solutionSlugs: ['common-ground', 'open-formulieren'],
        rows: [
          row('PV26', 'Utrecht', 26, 13, 26),
          row('PV20', 'Groningen', 10, 9, 1),
          row('PV21', 'Fryslân', 18, 0, 9),
        ],
      },
    },
  };
}

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => document.body.replaceChildren());

async function view(path: string, extra: Handlers = {}) {
  const server = fakeServer({
    CompareSolutions: () => ({ data: solutions }),
    RegionComparison: comparison,
    ...extra,
  });
  const mounted = await mountRoute(path, server.link);
  await settle();
  return {
    ...mounted,
    comparisons: () => server.requests.filter((r) => r.operationName === 'RegionComparison'),
  };
}

type Wrapper = Awaited<ReturnType<typeof view>>['wrapper'];
const regionOrder = (wrapper: Wrapper) => wrapper.findAll('[data-testid="compare-row"] th').map((th) => th.text());
const headerSort = (wrapper: Wrapper) =>
  wrapper.findAll('[data-testid="compare-table"] thead th').map((th) => th.attributes('aria-sort') ?? null);

const SHARED = '/vergelijken?regio=PROVINCE&oplossingen=common-ground,open-formulieren&peildatum=2022-01-01';

describe('CompareView', () => {
  it('asks for a choice before comparing anything', async () => {
    const { wrapper, comparisons } = await view('/vergelijken');
    expect(wrapper.get('[data-testid="compare-prompt"]').text()).toContain('Kies een soort regio');
    expect(comparisons()).toHaveLength(0);
  });

  it('writes the chosen comparison into the URL and a reload restores it', async () => {
    const { wrapper, router, comparisons } = await view('/vergelijken');
    await wrapper.get('#compare-kind').setValue('COROP');
    await wrapper.get('#compare-solution-ibd').setValue(true);
    await wrapper.get('#compare-solution-common-ground').setValue(true);
    await wrapper.get('#compare-status-IMPLEMENTING').setValue(true);
    await wrapper.get('#compare-as-of').setValue('2020-01-01');
    await wrapper.get('form').trigger('submit');
    await settle();

    const query = router.currentRoute.value.query;
    expect(query).toEqual({
      regio: 'COROP',
      oplossingen: 'ibd,common-ground',
      peildatum: '2020-01-01',
      status: 'IMPLEMENTING,LIVE',
    });
    expect(comparisons().at(-1)?.variables).toEqual({
      kind: 'COROP',
      solutionSlugs: ['ibd', 'common-ground'],
      asOf: '2020-01-01',
      statuses: ['IMPLEMENTING', 'LIVE'],
    });

    document.body.replaceChildren();
    const reloaded = await view(router.currentRoute.value.fullPath);
    expect((reloaded.wrapper.get('#compare-kind').element as HTMLSelectElement).value).toBe('COROP');
    expect((reloaded.wrapper.get('#compare-solution-ibd').element as HTMLInputElement).checked).toBe(true);
    expect((reloaded.wrapper.get('#compare-status-IMPLEMENTING').element as HTMLInputElement).checked).toBe(true);
    expect((reloaded.wrapper.get('#compare-as-of').element as HTMLInputElement).value).toBe('2020-01-01');
    expect(reloaded.comparisons()[0]?.variables).toEqual(comparisons().at(-1)?.variables);
  });

  it('refuses to compare without a solution and says why', async () => {
    const { wrapper, router } = await view('/vergelijken');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[role="alert"]').text()).toBe('Kies ten minste één oplossing.');
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('shows the heatmap with the value printed in every cell', async () => {
    const { wrapper } = await view(SHARED);
    expect(wrapper.get('[data-testid="compare-status"]').text()).toBe('3 provincies vergeleken op 1 jan 2022');
    const header = wrapper
      .findAll('[data-testid="compare-table"] thead th')
      .map((th) => th.text().replace(/[▲▼↕]/g, '').trim());
    expect(header).toEqual(['Regio', 'Gemeenten', 'Common Ground', 'Open Formulieren']);
    const cells = wrapper.findAll('[data-testid="compare-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(cells[0]).toEqual(['Fryslân', '18', '0%0 van 18', '50%9 van 18']);
    // Colour repeats the value: the darkest class takes white text, the lightest black.
    const full = wrapper.findAll('[data-testid="compare-row"]')[2]!.findAll('td')[2]!;
    expect(full.text()).toContain('100%');
    expect(full.attributes('style')).toContain('color: #ffffff');
    expect(wrapper.findAll('[data-testid="compare-row"]')[0]!.findAll('td')[1]!.attributes('style')).toContain(
      'color: #0b0c0c',
    );
  });

  it('sorts the table by a column, marks it with aria-sort and keeps the order in the URL', async () => {
    const { wrapper, router } = await view(SHARED);
    expect(regionOrder(wrapper)).toEqual(['Fryslân', 'Groningen', 'Utrecht']);
    expect(headerSort(wrapper)).toEqual(['ascending', null, null, null]);

    await wrapper.get('[data-testid="sort-common-ground"]').trigger('click');
    await settle();
    expect(regionOrder(wrapper)).toEqual(['Groningen', 'Utrecht', 'Fryslân']);
    expect(headerSort(wrapper)).toEqual([null, null, 'descending', null]);
    expect(router.currentRoute.value.query.sorteer).toBe('solution:common-ground');
    expect(wrapper.get('[data-testid="compare-sort-status"]').text()).toBe('Gesorteerd op Common Ground, aflopend.');

    await wrapper.get('[data-testid="sort-common-ground"]').trigger('click');
    await settle();
    expect(regionOrder(wrapper)).toEqual(['Fryslân', 'Utrecht', 'Groningen']);
    expect(headerSort(wrapper)).toEqual([null, null, 'ascending', null]);

    await wrapper.get('[data-testid="sort-municipalities"]').trigger('click');
    await settle();
    expect(regionOrder(wrapper)).toEqual(['Utrecht', 'Fryslân', 'Groningen']);
  });

  it('downloads the table as CSV with a BOM, quoting and the attribution', async () => {
    const { wrapper } = await view(`${SHARED}&sorteer=solution:open-formulieren&volgorde=aflopend`);
    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:fake';
    });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    await wrapper.get('[data-testid="export-csv"]').trigger('click');
    await settle();
    click.mockRestore();

    expect(clicked).toEqual(['ggu-atlas-province-2022-01-01.csv']);
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe(
      'Regiocode;Regio;Gemeenten op peildatum;Common Ground: aantal;Common Ground: aandeel (%);Open Formulieren: aantal;Open Formulieren: aandeel (%)',
    );
    // In the order on screen (Open Formulieren, descending).
    expect(lines.slice(1, 4)).toEqual([
      'PV26;Utrecht;26;13;50;26;100',
      'PV21;Fryslân;18;0;0;9;50',
      'PV20;Groningen;10;9;90;1;10',
    ]);
    // The source line holds the delimiter, so it is quoted.
    expect(lines[5]).toBe(
      '"Bron: GGU Atlas, vergelijking van provincies op 2022-01-01; telt als gebruik: In gebruik."',
    );
    expect(lines[6]).toContain('"Bron: CBS / PDOK');
  });

  it('links the server export of the same comparison, pinned to the date shown', async () => {
    const { wrapper } = await view(
      '/vergelijken?regio=SAFETY_REGION&oplossingen=common-ground,open-formulieren&status=IMPLEMENTING,LIVE',
    );
    const links = wrapper.get('[data-testid="compare-server-export"]');
    // No date chosen: the server's answer says which day "today" was, and the link keeps it.
    expect(links.get('[data-testid="compare-server-export-csv"]').attributes('href')).toBe(
      '/api/export/region-comparison.csv?kind=SAFETY_REGION&solutions=common-ground,open-formulieren&asOf=2025-05-01&status=IMPLEMENTING,LIVE',
    );
    expect(links.get('[data-testid="compare-server-export-json"]').attributes('href')).toBe(
      '/api/export/region-comparison.json?kind=SAFETY_REGION&solutions=common-ground,open-formulieren&asOf=2025-05-01&status=IMPLEMENTING,LIVE',
    );
    expect(links.get('a').attributes()).toHaveProperty('download');
    expect(links.get('a').text()).toBe('CSV (vergelijking)');
  });

  it('shows an error with a retry and an empty result', async () => {
    let calls = 0;
    const { wrapper } = await view(SHARED, {
      RegionComparison: (v) => (++calls === 1 ? new Error('offline') : comparison(v)),
    });
    expect(wrapper.get('[data-testid="compare-error"]').text()).toContain('De vergelijking kon niet worden geladen.');
    await wrapper.get('[data-testid="compare-error"] button').trigger('click');
    await settle();
    expect(regionOrder(wrapper)).toHaveLength(3);

    document.body.replaceChildren();
    const empty = await view(SHARED, {
      RegionComparison: (v) => {
        const answer = comparison(v);
        answer.data.regionComparison.rows = [];
        return answer;
      },
    });
    expect(empty.wrapper.get('[data-testid="compare-empty"]').text()).toContain('Er zijn geen regio’s');
  });
});
