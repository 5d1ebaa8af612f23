import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, settle, type Handlers } from '../test/app';
import { mountRoute } from '../initiative/testing';
import { standards, standardSummary } from './fixtures';

afterEach(() => document.body.replaceChildren());

async function view(answer: Handlers['Standards'], path = '/standaarden') {
  const server = fakeServer({ Standards: answer });
  const mounted = await mountRoute(path, server.link);
  await settle();
  return { ...mounted, requests: () => server.requests.filter((r) => r.operationName === 'Standards') };
}

describe('StandardListView', () => {
  it('shows a loading state', async () => {
    const { wrapper } = await view(() => 'pending');
    expect(wrapper.get('[data-testid="standards-status"]').text()).toBe('Standaarden laden…');
  });

  it('lists the standards with a "pas toe of leg uit" badge', async () => {
    const { wrapper } = await view(() => ({
      data: standards([
        standardSummary('zgw-apis', 'ZGW API’s', 'APPLY_OR_EXPLAIN'),
        standardSummary('haal-centraal', 'Haal Centraal', 'ADOPTED', { owner: null, versions: [] }),
      ]),
    }));
    const rows = wrapper
      .findAll('[data-testid="standard-row"]')
      .map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['ZGW API’s', 'Pas toe of leg uit', 'zaakgericht werken', '1.5', 'VNG Realisatie'],
      ['Haal Centraal', 'Vastgesteld door VNG', 'zaakgericht werken', '–', '–'],
    ]);
    expect(wrapper.get('[data-testid="standard-badge"]').classes()).toContain('atlas-standard-badge--apply_or_explain');
    expect(wrapper.get('[data-testid="standard-row"] a').attributes('href')).toBe('/standaarden/zgw-apis');
  });

  it('links the whole list as CSV and JSON, in Dutch and in English', async () => {
    const { wrapper } = await view(() => ({ data: standards([]) }));
    expect(wrapper.get('[data-testid="standards-export-csv"]').attributes('href')).toBe('/api/export/standards.csv');
    expect(wrapper.get('[data-testid="standards-export-json"]').attributes('href')).toBe('/api/export/standards.json');
    expect(wrapper.get('[data-testid="standards-export"]').text().replace(/\s+/g, ' ')).toMatch(
      /^Download alle standaarden .* CSV \(standaarden\) JSON \(standaarden\)$/,
    );
    const en = await mountRoute('/standaarden', fakeServer({ Standards: () => 'pending' }).link, { locale: 'en' });
    expect(en.wrapper.get('[data-testid="standards-export"]').text().replace(/\s+/g, ' ')).toMatch(
      /^Download every standard .* CSV \(standards\) JSON \(standards\)$/,
    );
  });

  it('says so when nothing matches, and shows errors', async () => {
    const empty = await view(() => ({ data: standards([]) }));
    expect(empty.wrapper.get('[data-testid="standards-empty"]').text()).toBe(
      'Er zijn geen standaarden die aan deze filters voldoen.',
    );
    document.body.replaceChildren();
    const failed = await view(() => new Error('offline'));
    expect(failed.wrapper.get('[role="alert"]').text()).toContain('De standaarden konden niet worden geladen.');
  });

  it('filters by name and status through the URL', async () => {
    const { wrapper, router, requests } = await view(() => ({ data: standards([]) }), '/standaarden?status=BOGUS');
    // An unknown status in the URL is ignored rather than sent.
    expect(requests()[0]?.variables).toEqual({ first: 100, filter: { search: null, status: null } });

    await wrapper.get('#standard-search').setValue(' zgw ');
    await wrapper.get('#standard-status').setValue('APPLY_OR_EXPLAIN');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ zoek: 'zgw', status: 'APPLY_OR_EXPLAIN' });
    expect(requests().at(-1)?.variables).toEqual({
      first: 100,
      filter: { search: 'zgw', status: ['APPLY_OR_EXPLAIN'] },
    });
  });
});
