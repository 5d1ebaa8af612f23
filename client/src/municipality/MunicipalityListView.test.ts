import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../map/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import { todayIso } from '../format';
import { connection, municipality, noordHolland, provinces } from './fixtures';
import MunicipalityListView from './MunicipalityListView.vue';

const amsterdam = municipality({ code: 'GM0363', name: 'Amsterdam', population: 931298, province: noordHolland });
const utrecht = municipality({ code: 'GM0344', name: 'Utrecht', population: 374238 });
const weesp = municipality({ code: 'GM0457', name: 'Weesp', validTo: '2022-03-23', province: noordHolland });

async function view(municipalities: Handlers['Municipalities'], extra: Handlers = {}) {
  const server = fakeServer({ Provinces: () => ({ data: provinces }), Municipalities: municipalities, ...extra });
  const { wrapper } = await mountRoute(MunicipalityListView, server.link, { route: '/gemeenten', path: '/gemeenten' });
  const listRequests = () => server.requests.filter((r) => r.operationName === 'Municipalities');
  return { wrapper, listRequests };
}

const rows = (wrapper: Awaited<ReturnType<typeof view>>['wrapper']) =>
  wrapper.findAll('[data-testid="municipality-row"]').map((row) => row.findAll('th, td').map((cell) => cell.text()));

afterEach(() => document.body.replaceChildren());

describe('MunicipalityListView', () => {
  it('shows a loading state until the server answers', async () => {
    const { wrapper } = await view(() => 'pending');
    await settle();
    expect(wrapper.get('[data-testid="municipalities-status"]').text()).toBe('Gemeenten laden…');
    expect(wrapper.findAll('[data-testid="municipality-row"]')).toHaveLength(0);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('lists municipalities with province and the total count', async () => {
    const { wrapper, listRequests } = await view(() => ({ data: connection([amsterdam, utrecht, weesp], 342, true) }));
    await settle();

    expect(wrapper.get('[data-testid="municipalities-status"]').text()).toBe('342 gemeenten gevonden');
    expect(rows(wrapper)).toEqual([
      ['Amsterdam', 'GM0363', 'Noord-Holland', '931.298', '1 jan 1900', 'heden'],
      ['Utrecht', 'GM0344', 'Utrecht', '374.238', '1 jan 1900', 'heden'],
      ['Weesp', 'GM0457', 'Noord-Holland', 'onbekend', '1 jan 1900', '23 mrt 2022'],
    ]);
    // Each name leads to the municipality's profile.
    expect(wrapper.findAll('[data-testid="municipality-row"] a').map((a) => a.attributes('href'))).toEqual([
      '/gemeenten/GM0363',
      '/gemeenten/GM0344',
      '/gemeenten/GM0457',
    ]);
    // By default the list shows the municipalities as they exist today, first page.
    expect(listRequests()[0]?.variables).toEqual({
      first: 25,
      after: null,
      filter: { search: null, provinceCode: null, validOn: todayIso() },
    });
  });

  it('links the whole list of municipalities as CSV and JSON, in Dutch and in English', async () => {
    const { wrapper } = await view(() => ({ data: connection([amsterdam], 1) }));
    await settle();
    expect(wrapper.get('[data-testid="municipalities-export-csv"]').attributes('href')).toBe(
      '/api/export/municipalities.csv',
    );
    expect(wrapper.get('[data-testid="municipalities-export-json"]').attributes('href')).toBe(
      '/api/export/municipalities.json',
    );
    expect(wrapper.get('[data-testid="municipalities-export"]').text().replace(/\s+/g, ' ')).toMatch(
      /^Download alle gemeenten .* CSV \(gemeenten\) JSON \(gemeenten\)$/,
    );
    const server = fakeServer({ Provinces: () => ({ data: provinces }), Municipalities: () => 'pending' });
    const en = await mountRoute(MunicipalityListView, server.link, {
      route: '/gemeenten',
      path: '/gemeenten',
      locale: 'en',
    });
    expect(en.wrapper.get('[data-testid="municipalities-export"]').text().replace(/\s+/g, ' ')).toMatch(
      /^Download every municipality .* CSV \(municipalities\) JSON \(municipalities\)$/,
    );
  });

  it('says so when no municipality matches', async () => {
    const { wrapper } = await view(() => ({ data: connection([], 0) }));
    await settle();
    expect(wrapper.get('[data-testid="municipalities-status"]').text()).toBe('Geen gemeenten gevonden');
    expect(wrapper.get('[data-testid="municipalities-empty"]').text()).toBe(
      'Er zijn geen gemeenten die aan deze filters voldoen.',
    );
    expect(wrapper.find('table').exists()).toBe(false);
  });

  it('shows an error with a retry when the request fails', async () => {
    let calls = 0;
    const { wrapper } = await view(() =>
      ++calls === 1 ? new Error('connection refused') : { data: connection([utrecht]) },
    );
    await settle();
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('De gemeenten konden niet worden geladen.');
    expect(wrapper.find('table').exists()).toBe(false);

    await alert.get('button').trigger('click');
    await settle();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(rows(wrapper).map((row) => row[0])).toEqual(['Utrecht']);
  });

  it('shows an error when the server answers with GraphQL errors', async () => {
    const { wrapper } = await view(() => ({ errors: [{ message: 'first must be between 0 and 100' }] }));
    await settle();
    expect(wrapper.get('[role="alert"]').text()).toContain('De gemeenten konden niet worden geladen.');
  });

  it('pages forward with the end cursor and back again', async () => {
    const { wrapper, listRequests } = await view(({ after }) =>
      after === null ? { data: connection([amsterdam, utrecht], 3, true) } : { data: connection([weesp], 3, false) },
    );
    await settle();
    const button = (label: string) => wrapper.findAll('nav button').find((b) => b.text() === label)!;
    expect(button('Vorige').attributes('disabled')).toBeDefined();

    await button('Volgende').trigger('click');
    await settle();
    expect(listRequests().at(-1)?.variables.after).toBe('cursor:GM0344');
    expect(rows(wrapper).map((row) => row[0])).toEqual(['Weesp']);
    expect(wrapper.text()).toContain('Pagina 2');
    expect(button('Volgende').attributes('disabled')).toBeDefined();

    await button('Vorige').trigger('click');
    await settle();
    expect(rows(wrapper).map((row) => row[0])).toEqual(['Amsterdam', 'Utrecht']);
    expect(wrapper.text()).toContain('Pagina 1');
  });

  it('filters by province, name and date, starting again at the first page', async () => {
    const { wrapper, listRequests } = await view(({ filter }) =>
      (filter as { provinceCode: string | null }).provinceCode === 'PV27'
        ? { data: connection([amsterdam, weesp]) }
        : { data: connection([amsterdam, utrecht, weesp], 342, true) },
    );
    await settle();
    const options = wrapper.findAll('#municipality-province option').map((o) => o.text());
    expect(options).toEqual(['Alle provincies', 'Noord-Holland', 'Utrecht']);

    await wrapper.get('#municipality-province').setValue('PV27');
    await wrapper.get('#municipality-search').setValue('  wee ');
    await wrapper.get('#municipality-valid-on').setValue('2020-01-01');
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(listRequests().at(-1)?.variables).toEqual({
      first: 25,
      after: null,
      filter: { search: 'wee', provinceCode: 'PV27', validOn: '2020-01-01' },
    });
    expect(wrapper.get('[data-testid="municipalities-status"]').text()).toBe('2 gemeenten gevonden');
  });

  it('labels every filter field', async () => {
    const { wrapper } = await view(() => ({ data: connection([utrecht]) }));
    await settle();
    for (const field of wrapper.findAll('input, select')) {
      expect(wrapper.find(`label[for="${field.attributes('id')}"]`).exists()).toBe(true);
    }
  });
});
