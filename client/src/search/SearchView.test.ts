import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apolloClientKey, createApolloClient } from '../apollo';
import { createAppI18n } from '../i18n';
import { mountRoute } from '../initiative/testing';
import AppHeader from '../layout/AppHeader.vue';
import { fakeServer, settle, type Handlers } from '../test/app';

afterEach(() => document.body.replaceChildren());

const connection = (typename: string, totalCount: number, nodes: object[]) => ({
  __typename: `${typename}Connection`,
  totalCount,
  edges: nodes.map((node) => ({ __typename: `${typename}Edge`, node: { __typename: typename, ...node } })),
});

const results = {
  municipalities: connection('Municipality', 2, [
    {
      id: 'GM0344',
      code: 'GM0344',
      name: 'Utrecht',
      validTo: null,
      province: { __typename: 'Province', id: 'PV26', name: 'Utrecht' },
    },
    {
      id: 'GM0353',
      code: 'GM0353',
      name: 'IJsselstein',
      validTo: '2019-01-01',
      province: { __typename: 'Province', id: 'PV26', name: 'Utrecht' },
    },
  ]),
  solutions: connection('Solution', 0, []),
  initiatives: connection('Initiative', 12, [
    { id: 'utrechtse-aanpak', slug: 'utrechtse-aanpak', title: 'Utrechtse aanpak', stage: 'SCALING' },
  ]),
  standards: connection('Standard', 1, [
    { id: 'zgw-apis', slug: 'zgw-apis', name: 'ZGW API’s', status: 'APPLY_OR_EXPLAIN' },
  ]),
};

async function view(path: string, handlers: Handlers = { Search: () => ({ data: results }) }) {
  const server = fakeServer(handlers);
  const mounted = await mountRoute(path, server.link);
  await settle();
  return { ...mounted, requests: server.requests };
}

describe('search', () => {
  it('searches every kind at once and links each hit to its page', async () => {
    const { wrapper, requests } = await view('/zoeken?q=utrecht');
    expect(requests).toEqual([{ operationName: 'Search', variables: { query: 'utrecht', first: 10 } }]);
    expect(wrapper.get('[data-testid="search-status"]').text()).toBe('15 resultaten voor "utrecht"');

    const hits = (group: string) =>
      wrapper.findAll(`[data-testid="search-${group}"] [data-testid="search-hit"]`).map((li) => ({
        text: li.text(),
        href: li.get('a').attributes('href'),
      }));
    expect(hits('municipalities')).toEqual([
      { text: 'Utrecht – GM0344 · Utrecht', href: '/gemeenten/GM0344' },
      { text: 'IJsselstein – GM0353 · Utrecht · opgeheven', href: '/gemeenten/GM0353' },
    ]);
    expect(hits('initiatives')).toEqual([
      { text: 'Utrechtse aanpak – Opschaling', href: '/initiatieven/utrechtse-aanpak' },
    ]);
    expect(hits('standards')).toEqual([{ text: 'ZGW API’s – Pas toe of leg uit', href: '/standaarden/zgw-apis' }]);
    expect(wrapper.get('[data-testid="search-solutions"]').text()).toContain('Geen oplossingen gevonden.');
    // More initiatives than shown: a link to the pipeline filtered on the same term.
    const more = wrapper.get('[data-testid="search-initiatives"] [data-testid="search-more"]');
    expect(more.text()).toBe('Nog 11 meer: bekijk alle initiatieven');
    expect(more.attributes('href')).toBe('/initiatieven?zoek=utrecht');
  });

  it('asks for a longer term instead of searching for one letter', async () => {
    const { wrapper, requests } = await view('/zoeken?q=u');
    expect(wrapper.get('[data-testid="search-prompt"]').text()).toBe('Typ een zoekterm van minstens twee tekens.');
    expect(requests).toHaveLength(0);
  });

  it('shows loading and errors', async () => {
    const pending = await view('/zoeken?q=utrecht', { Search: () => 'pending' });
    expect(pending.wrapper.get('[data-testid="search-status"]').text()).toBe('Zoeken…');
    document.body.replaceChildren();
    const failed = await view('/zoeken?q=utrecht', { Search: () => new Error('offline') });
    expect(failed.wrapper.get('[role="alert"]').text()).toContain('Er kon niet worden gezocht.');
  });

  it('the results page form searches again through the URL', async () => {
    const { wrapper, router } = await view('/zoeken?q=utrecht');
    expect((wrapper.get('#search-query').element as HTMLInputElement).value).toBe('utrecht');
    await wrapper.get('#search-query').setValue('  zaak ');
    await wrapper.get('form[role="search"]').trigger('submit');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/zoeken?q=zaak');
  });
});

/** The header also holds the account menu, which asks who is signed in. */
function mountHeader(router: ReturnType<typeof createRouter>) {
  const { link } = fakeServer({ CurrentUser: () => ({ data: { me: null } }) });
  return mount(AppHeader, {
    global: {
      plugins: [createAppI18n('nl'), router],
      provide: { [apolloClientKey as symbol]: createApolloClient(link) },
    },
  });
}

describe('header search', () => {
  it('is a labelled search form that opens the results page', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
    });
    await router.push('/initiatieven');
    const wrapper = mountHeader(router);
    const form = wrapper.get('form[role="search"]');
    const input = wrapper.get('[data-testid="header-search"]');
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe(
      'Zoek in gemeenten, oplossingen, initiatieven en standaarden',
    );
    await input.setValue('open zaak');
    await form.trigger('submit');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/zoeken?q=open+zaak');
  });

  it('offers every main section in the navigation and marks the current one', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
    });
    await router.push('/initiatieven/common-ground');
    const wrapper = mountHeader(router);
    await settle();
    const links = wrapper.findAll('nav.atlas-nav a');
    expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Home', '/'],
      ['Gemeenten', '/gemeenten'],
      ['Oplossingen', '/oplossingen'],
      ['Initiatieven', '/initiatieven'],
      ['Standaarden', '/standaarden'],
      ['Vergelijken', '/vergelijken'],
      ['API', '/api'],
    ]);
    expect(links[3]!.classes()).toContain('atlas-nav__link--section');
  });
});
