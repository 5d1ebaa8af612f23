import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../map/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import MunicipalityProfileView from './MunicipalityProfileView.vue';
import { peers, profile } from './profile-fixtures';

async function view(handlers: Handlers = {}, code = 'GM1966') {
  const server = fakeServer({
    CurrentUser: () => ({ data: { me: null } }),
    MunicipalityProfile: () => ({ data: profile() }),
    MunicipalityPeers: () => ({ data: peers }),
    ...handlers,
  });
  const { wrapper } = await mountRoute(MunicipalityProfileView, server.link, {
    route: '/gemeenten/:code',
    path: `/gemeenten/${code}`,
  });
  await settle();
  return { wrapper, requests: server.requests };
}

const text = (wrapper: Awaited<ReturnType<typeof view>>['wrapper'], id: string) =>
  wrapper.get(`[data-testid="${id}"]`).text();

afterEach(() => document.body.replaceChildren());

describe('MunicipalityProfileView', () => {
  it('shows a loading state until the profile arrives', async () => {
    const { wrapper } = await view({ MunicipalityProfile: () => 'pending' });
    expect(text(wrapper, 'profile-status')).toBe('Gemeente laden…');
  });

  it('asks for the municipality of the route and shows who it is', async () => {
    const { wrapper, requests } = await view({}, 'gm1966');
    expect(requests.find((r) => r.operationName === 'MunicipalityProfile')?.variables).toEqual({ code: 'GM1966' });
    expect(wrapper.get('h1').text()).toBe('Het Hogeland');
    expect(text(wrapper, 'profile-facts')).toBe(
      'GM1966 · provincie Groningen · 48.000 inwoners · 20.000 tot 50.000 inwoners',
    );
    expect(text(wrapper, 'profile-summary')).toContain('1 van de 40 gezamenlijke oplossingen live');
    expect(text(wrapper, 'demo-notice')).toContain('Demo-gegevens.');
  });

  it('lists the adoptions with a status badge and their history, marking inherited events', async () => {
    const { wrapper } = await view();
    const adoptions = wrapper.findAll('[data-testid="adoption"]');
    expect(adoptions.map((a) => a.get('h3 a').text())).toEqual(['IBD-dienstverlening', 'Open Zaak']);
    expect(adoptions.map((a) => a.get('h3 [data-testid="status-badge"]').text())).toEqual(['In implementatie', 'Live']);
    expect(adoptions[1]!.get('h3 a').attributes('href')).toBe('/oplossingen/open-zaak');

    const inherited = adoptions[0]!;
    expect(inherited.get('[data-testid="inherited-adoption"]').text()).toContain(
      'Overgenomen bij herindeling van Haren.',
    );
    expect(inherited.get('[data-testid="inherited-event"]').text()).toBe('Overgenomen bij herindeling (van Haren)');
    // Not confirmed for more than a year: stale, and said so.
    expect(inherited.find('[data-testid="stale"]').exists()).toBe(true);
    expect(adoptions[1]!.find('[data-testid="stale"]').exists()).toBe(false);

    const events = adoptions[1]!.findAll('[data-testid="adoption-event"]').map((e) => e.text());
    expect(events).toHaveLength(2);
    expect(events[0]).toContain('15 jan 2020');
    expect(events[0]).toContain('Gepland');
    expect(events[1]).toContain('vastgelegd door Maykin');
    expect(adoptions[1]!.find('[data-testid="inherited-event"]').exists()).toBe(false);
  });

  it('links its adoptions as CSV and JSON, narrowed to its CBS code', async () => {
    const { wrapper } = await view();
    expect(wrapper.get('[data-testid="profile-adoptions-export-csv"]').attributes('href')).toBe(
      '/api/export/adoptions.csv?municipality=GM1966',
    );
    expect(wrapper.get('[data-testid="profile-adoptions-export-json"]').attributes('href')).toBe(
      '/api/export/adoptions.json?municipality=GM1966',
    );
    expect(wrapper.get('[data-testid="profile-adoptions-export"]').text().replace(/\s+/g, ' ')).toBe(
      'Download de oplossingen van Het Hogeland met status en datum als open data: ' +
        'CSV (oplossingen van Het Hogeland) JSON (oplossingen van Het Hogeland)',
    );
  });

  it('shows declared and derived compliance with the "leg uit" reason, and flags disagreement', async () => {
    const { wrapper } = await view();
    const rows = wrapper.findAll('[data-testid="compliance-row"]');
    const cells = (row: (typeof rows)[number]) => row.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' '));
    expect(cells(rows[0]!)).toEqual([
      'ZGW API’s',
      'Legt uit',
      'Past toe (via Open Zaak)',
      'Verklaring en afleiding verschillen. Leg uit: Wij vervangen ons zaaksysteem pas in 2026.',
    ]);
    expect(rows[0]!.classes()).toContain('atlas-compliance--disagrees');
    expect(rows[1]!.findAll('td').map((c) => c.text())).toEqual([
      'Gepland (uiterlijk 1 jan 2026)',
      'niet af te leiden',
      '',
    ]);
    expect(rows[1]!.classes()).not.toContain('atlas-compliance--disagrees');
  });

  it('lists its initiatives and links its predecessors', async () => {
    const { wrapper } = await view();
    expect(text(wrapper, 'initiatives')).toBe('Common Ground — koploper; in opschaling; sinds 1 mei 2019');
    expect(wrapper.get('[data-testid="initiatives"] a').attributes('href')).toBe('/initiatieven/common-ground');
    const predecessors = wrapper.findAll('[data-testid="predecessors"] li');
    expect(predecessors.map((p) => p.text())).toEqual([
      'Bedum — samenvoeging, 1 jan 2019',
      'De Marne — samenvoeging, 1 jan 2019',
    ]);
    expect(predecessors[0]!.get('a').attributes('href')).toBe('/gemeenten/GM0005');
    expect(wrapper.find('[data-testid="successors"]').exists()).toBe(false);
  });

  it('compares with its province and size-class peers', async () => {
    const { wrapper } = await view();
    expect(text(wrapper, 'peers-summary')).toBe('Het Hogeland heeft op 1 jun 2025 1 oplossingen live.');
    expect(text(wrapper, 'peers')).toContain(
      'Groningen: 9 andere gemeenten, gemiddeld 3,3 en mediaan 3 oplossingen live.',
    );
    const rows = wrapper.findAll('[data-testid="peer-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows).toEqual([
      ['Open Zaak', 'ja', '50%', '25%'],
      ['IBD-dienstverlening', 'nee', '75%', 'geen vergelijking'],
    ]);
  });

  it('says so when the municipality has no adoptions, compliance, initiatives or reorganisations', async () => {
    const empty = profile({
      adoptions: {
        __typename: 'AdoptionConnection',
        totalCount: 0,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [],
      },
      compliance: [],
      initiatives: [],
      predecessorLinks: [],
    });
    const { wrapper } = await view({ MunicipalityProfile: () => ({ data: empty }) });
    expect(text(wrapper, 'adoptions-empty')).toBe('Deze gemeente heeft nog geen gezamenlijke oplossing geregistreerd.');
    expect(text(wrapper, 'compliance-empty')).toBe('Er is voor deze gemeente niets bekend over standaarden.');
    expect(text(wrapper, 'initiatives-empty')).toBe('Deze gemeente neemt niet deel aan een initiatief.');
    expect(text(wrapper, 'reorganisations-empty')).toBe('Geen herindelingen sinds 2017.');
    expect(wrapper.find('[data-testid="demo-notice"]').exists()).toBe(false);
  });

  it('shows an ended municipality with its successors', async () => {
    const haaren = profile({
      name: 'Haaren',
      validTo: '2020-12-31',
      predecessorLinks: [],
      successorLinks: ['Boxtel', 'Oisterwijk', 'Tilburg', 'Vught'].map((name, i) => ({
        __typename: 'Succession',
        effectiveDate: '2021-01-01',
        kind: 'SPLIT',
        municipality: { __typename: 'Municipality', id: `GM00${i}`, code: `GM00${i}`, name },
      })),
    });
    const { wrapper } = await view({
      MunicipalityProfile: () => ({ data: haaren }),
      MunicipalityPeers: () => ({ data: { municipality: { ...peers.municipality, peerComparison: null } } }),
    });
    expect(text(wrapper, 'profile-ended')).toContain('bestaat sinds 31 dec 2020 niet meer');
    expect(wrapper.findAll('[data-testid="successors"] li')).toHaveLength(4);
    expect(text(wrapper, 'peers-none')).toContain('bestaat vandaag niet meer');
  });

  it('says so when no municipality has the code', async () => {
    const { wrapper } = await view({ MunicipalityProfile: () => ({ data: { municipality: null } }) }, 'GM9999');
    expect(text(wrapper, 'profile-not-found')).toBe('Er is geen gemeente met code "GM9999".');
  });

  it('shows an error with a retry when the profile cannot be loaded', async () => {
    let calls = 0;
    const { wrapper } = await view({
      MunicipalityProfile: () => (++calls === 1 ? new Error('offline') : { data: profile() }),
    });
    expect(text(wrapper, 'profile-error')).toContain('Het profiel kon niet worden geladen.');
    await wrapper.get('[data-testid="profile-error"] button').trigger('click');
    await settle();
    expect(wrapper.get('h1').text()).toBe('Het Hogeland');
  });

  it('keeps the profile when only the peer comparison fails', async () => {
    const { wrapper } = await view({ MunicipalityPeers: () => new Error('timeout') });
    expect(wrapper.get('h1').text()).toBe('Het Hogeland');
    expect(text(wrapper, 'peers')).toContain('De vergelijking met andere gemeenten kon niet worden geladen.');
  });
});
