import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../map/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import { solutionList } from './fixtures';
import SolutionListView from './SolutionListView.vue';

async function view(handler: Handlers['SolutionList']) {
  const server = fakeServer({ SolutionList: handler });
  const { wrapper } = await mountRoute(SolutionListView, server.link, { route: '/oplossingen', path: '/oplossingen' });
  await settle();
  return { wrapper, requests: server.requests };
}

afterEach(() => document.body.replaceChildren());

describe('SolutionListView', () => {
  it('shows a loading state', async () => {
    const { wrapper } = await view(() => 'pending');
    expect(wrapper.get('[data-testid="solutions-status"]').text()).toBe('Laden…');
  });

  it('lists the solutions with kind, stage, maintainer and live adopters', async () => {
    const { wrapper, requests } = await view(() => ({
      data: solutionList([
        { slug: 'ibd', name: 'IBD', live: 342 },
        { slug: 'open-zaak', name: 'Open Zaak', live: 120 },
      ]),
    }));
    expect(requests[0]?.variables).toEqual({ first: 50, after: null });
    expect(wrapper.get('[data-testid="solutions-status"]').text()).toBe('2 oplossingen');
    const rows = wrapper.findAll('[data-testid="solution-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows).toEqual([
      ['IBD', 'Software', 'Beschikbaar', 'VNG Realisatie', '342'],
      ['Open Zaak', 'Software', 'Beschikbaar', 'VNG Realisatie', '120'],
    ]);
    expect(wrapper.get('[data-testid="solution-row"] a').attributes('href')).toBe('/oplossingen/ibd');
  });

  it('links the whole catalogue as CSV and JSON, in Dutch and in English', async () => {
    const { wrapper } = await view(() => ({ data: solutionList([{ slug: 'ibd', name: 'IBD', live: 342 }]) }));
    expect(wrapper.get('[data-testid="solutions-export-csv"]').attributes('href')).toBe('/api/export/solutions.csv');
    expect(wrapper.get('[data-testid="solutions-export-json"]').attributes('href')).toBe('/api/export/solutions.json');
    expect(wrapper.get('[data-testid="solutions-export"]').text().replace(/\s+/g, ' ')).toMatch(
      /^Download alle oplossingen .* CSV \(oplossingen\) JSON \(oplossingen\)$/,
    );
    const en = await mountRoute(SolutionListView, fakeServer({ SolutionList: () => 'pending' }).link, {
      route: '/oplossingen',
      path: '/oplossingen',
      locale: 'en',
    });
    expect(en.wrapper.get('[data-testid="solutions-export"]').text().replace(/\s+/g, ' ')).toMatch(
      /^Download every solution .* CSV \(solutions\) JSON \(solutions\)$/,
    );
  });

  it('says so when the catalogue is empty', async () => {
    const { wrapper } = await view(() => ({ data: solutionList([]) }));
    expect(wrapper.get('[data-testid="solutions-empty"]').text()).toBe(
      'Er staan nog geen oplossingen in de catalogus.',
    );
  });

  it('shows an error with a retry', async () => {
    let calls = 0;
    const { wrapper } = await view(() =>
      ++calls === 1 ? new Error('offline') : { data: solutionList([{ slug: 'ibd', name: 'IBD', live: 1 }]) },
    );
    expect(wrapper.get('[data-testid="solutions-error"]').text()).toContain('De gegevens konden niet worden geladen.');
    await wrapper.get('[data-testid="solutions-error"] button').trigger('click');
    await settle();
    expect(wrapper.findAll('[data-testid="solution-row"]')).toHaveLength(1);
  });
});
