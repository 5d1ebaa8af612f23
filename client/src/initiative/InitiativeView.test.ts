import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, settle, type Answer } from '../test/app';
import { detail } from './fixtures';
import { fundingTable } from './funding';
import { mountRoute } from './testing';

afterEach(() => document.body.replaceChildren());

async function view(answer: (variables: Record<string, unknown>) => Answer) {
  const server = fakeServer({ Initiative: answer });
  const mounted = await mountRoute('/initiatieven/digitale-verhuisservice', server.link);
  await settle();
  return { ...mounted, requests: server.requests };
}

const cells = (table: ReturnType<Awaited<ReturnType<typeof view>>['wrapper']['get']>) =>
  table.findAll('tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));

describe('InitiativeView', () => {
  it('asks for the initiative of the URL and shows loading until it answers', async () => {
    const { wrapper, requests } = await view(() => 'pending');
    expect(requests[0]).toEqual({ operationName: 'Initiative', variables: { slug: 'digitale-verhuisservice' } });
    expect(wrapper.get('[data-testid="initiative-status"]').text()).toBe('Initiatief laden…');
  });

  it('shows stages, decisions as a timeline, participants, funding and solutions', async () => {
    const { wrapper } = await view(() => ({ data: detail() }));

    expect(wrapper.get('h1').text()).toBe('Digitale Verhuisservice');
    expect(document.title).toBe('Digitale Verhuisservice – GGU Atlas');
    expect(wrapper.get('[data-testid="initiative-stage"]').text()).toBe('Opschaling');

    const steps = wrapper.findAll('[data-testid="progress-step"]');
    expect(
      steps.map(
        (s) =>
          s
            .classes()
            .find((c) => c.startsWith('atlas-stepper__step--'))
            ?.split('--')[1],
      ),
    ).toEqual(['done', 'done', 'done', 'done', 'done', 'current', 'todo']);
    expect(steps[5]!.attributes('aria-current')).toBe('step');
    expect(steps[5]!.text()).toContain('(huidige fase)');

    const decisions = wrapper.findAll('[data-testid="decisions"] li').map((li) => li.text());
    expect(decisions[0]).toContain('Taskforce Samen Organiseren: Goedgekeurd');
    expect(decisions[0]).toContain('Van Ingediend naar Beoordeeld door Taskforce');
    expect(decisions[0]).toContain('Breed gedragen probleem.');
    expect(decisions[1]).toContain('Algemene Ledenvergadering (ALV): Goedgekeurd');
    expect(decisions[1]).toContain('In Jaarplan GGU 2022');

    expect(cells(wrapper.get('[data-testid="participants"]')).slice(1)).toEqual([
      ['Amsterdam', 'Koploper', '1 mrt 2021'],
      ['Utrecht', 'Financier', 'onbekend'],
    ]);
    expect(wrapper.get('[data-testid="participants"] a').attributes('href')).toBe('/gemeenten/GM0363');

    // Non-breaking spaces in the currency format are normalised for comparison.
    const funding = cells(wrapper.get('[data-testid="funding"]')).map((row) => row.map((c) => c.replace(/\s/g, ' ')));
    expect(funding).toEqual([
      ['Jaar', 'Fonds GGU', 'Gemeenten', 'Totaal'],
      ['2022', '€ 250.000', '€ 50.000', '€ 300.000'],
      ['2023', '€ 400.000', '€ 0', '€ 400.000'],
      ['Totaal', '€ 650.000', '€ 50.000', '€ 700.000'],
    ]);

    expect(wrapper.get('[data-testid="solutions"] a').attributes('href')).toBe('/oplossingen/verhuisservice');
  });

  it('marks where a stopped initiative ended', async () => {
    const base = detail().initiative;
    const { wrapper } = await view(() => ({
      data: detail({
        stage: 'STOPPED',
        decisions: [
          ...base.decisions,
          { ...base.decisions[1]!, id: '3', fromStage: 'IN_DEVELOPMENT', toStage: 'STOPPED', body: 'VNG_REALISATIE' },
        ],
      }),
    }));
    expect(wrapper.get('[data-testid="initiative-ended"]').text()).toBe('Dit initiatief is gestopt.');
    const states = wrapper.findAll('[data-testid="progress-step"]').map(
      (s) =>
        s
          .classes()
          .find((c) => c.startsWith('atlas-stepper__step--'))
          ?.split('--')[1],
    );
    expect(states).toEqual(['done', 'done', 'done', 'done', 'done', 'todo', 'todo']);
    expect(wrapper.find('[aria-current="step"]').exists()).toBe(false);
  });

  it('shows empty sections when nothing is recorded', async () => {
    const { wrapper } = await view(() => ({
      data: detail({ decisions: [], participants: [], fundingLines: [], solutions: [] }),
    }));
    expect(wrapper.text()).toContain('Er zijn nog geen besluiten genomen.');
    expect(wrapper.text()).toContain('Er zijn geen deelnemende gemeenten geregistreerd.');
    expect(wrapper.text()).toContain('Er is geen financiering geregistreerd.');
    expect(wrapper.text()).toContain('Dit initiatief heeft nog geen oplossingen opgeleverd.');
    expect(wrapper.find('table').exists()).toBe(false);
  });

  it('says so when the slug is unknown', async () => {
    const { wrapper } = await view(() => ({ data: { initiative: null } }));
    expect(wrapper.get('[data-testid="initiative-not-found"]').text()).toBe('Er is geen initiatief met deze naam.');
  });

  it('shows an error with a retry', async () => {
    const { wrapper } = await view(() => new Error('offline'));
    expect(wrapper.get('[role="alert"]').text()).toContain('Het initiatief kon niet worden geladen.');
  });
});

describe('fundingTable', () => {
  it('adds up lines of the same year and source and keeps the source order', () => {
    const table = fundingTable([
      { year: 2024, source: 'OTHER', amountEur: 5 },
      { year: 2023, source: 'FONDS_GGU', amountEur: 10 },
      { year: 2023, source: 'FONDS_GGU', amountEur: 15 },
    ]);
    expect(table.years).toEqual([2023, 2024]);
    expect(table.sources).toEqual(['FONDS_GGU', 'OTHER']);
    expect(table.amount(2023, 'FONDS_GGU')).toBe(25);
    expect(table.yearTotal(2024)).toBe(5);
    expect(table.total).toBe(30);
  });
});
