import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../initiative/testing';
import { fakeServer, settle } from '../test/app';
import { todayIso } from '../format';
import { asAdmin, failure } from './fixtures';

afterEach(() => document.body.replaceChildren());

const initiative = (slug: string, title: string, stage: string, version = 2) => ({
  __typename: 'Initiative',
  id: slug,
  slug,
  title,
  stage,
  version,
  decisions: [],
});

async function view(record = (v: Record<string, unknown>) => v as unknown) {
  const server = fakeServer(
    asAdmin({
      AdminInitiatives: () => ({
        data: {
          initiatives: {
            __typename: 'InitiativeConnection',
            totalCount: 2,
            edges: [
              { __typename: 'InitiativeEdge', node: initiative('woo', 'Woo-verzoeken', 'ASSESSED') },
              { __typename: 'InitiativeEdge', node: initiative('oud', 'Oud idee', 'REJECTED') },
            ],
          },
        },
      }),
      RecordDecision: (v) => record(v) as never,
    }),
  );
  const mounted = await mountRoute('/beheer/besluiten', server.link);
  await settle();
  return { ...mounted, requests: server.requests };
}

const options = (wrapper: Awaited<ReturnType<typeof view>>['wrapper'], testId: string) =>
  wrapper.findAll(`[data-testid="${testId}"] option`).map((o) => o.text());

describe('DecisionAdmin', () => {
  it('offers only the stages the pipeline allows and records the decision', async () => {
    const { wrapper, requests } = await view(({ input }) => ({
      data: {
        recordDecision: {
          __typename: 'DecisionResult',
          decision: {
            __typename: 'Decision',
            id: 'd9',
            body: 'CVD',
            decidedOn: '2025-03-01',
            outcome: 'ADVISED',
            fromStage: 'ASSESSED',
            toStage: 'ADVISED',
          },
          initiative: { ...initiative('woo', 'Woo-verzoeken', (input as { toStage: string }).toStage, 3) },
        },
      },
    }));
    await wrapper.get('[data-testid="decision-initiative"]').setValue('woo');
    expect(wrapper.get('[data-testid="decision-current"]').text()).toBe(
      'Huidige fase: Beoordeeld door Taskforce (versie 2)',
    );
    expect(options(wrapper, 'decision-stage')).toEqual(['Geadviseerd door CvD', 'Afgewezen']);
    await wrapper.get('[data-testid="decision-outcome"]').setValue('DEFERRED');
    expect(options(wrapper, 'decision-stage')).toEqual(['Beoordeeld door Taskforce']);

    await wrapper.get('[data-testid="decision-outcome"]').setValue('ADVISED');
    await wrapper.get('[data-testid="decision-body"]').setValue('CVD');
    await wrapper.get('[data-testid="decision-date"]').setValue('2025-03-01');
    await wrapper.get('[data-testid="decision-rationale"]').setValue('Breed gedragen.');
    await wrapper.get('form.atlas-admin-form').trigger('submit');
    await settle();

    expect(requests.find((r) => r.operationName === 'RecordDecision')?.variables).toEqual({
      input: {
        initiativeSlug: 'woo',
        expectedVersion: 2,
        body: 'CVD',
        outcome: 'ADVISED',
        toStage: 'ADVISED',
        decidedOn: '2025-03-01',
        rationale: 'Breed gedragen.',
        annualPlanYear: null,
      },
    });
    expect(wrapper.get('[data-testid="decision-done"]').text()).toBe(
      'Besluit vastgelegd: Woo-verzoeken is nu "Geadviseerd door CvD".',
    );
    // The cache took the new stage and version from the answer.
    expect(wrapper.get('[data-testid="decision-current"]').text()).toContain('(versie 3)');
  });

  it('says a final stage takes no decision and shows refusals', async () => {
    const { wrapper } = await view(() => failure('BAD_USER_INPUT', 'An initiative cannot move from ASSESSED to X'));
    await wrapper.get('[data-testid="decision-initiative"]').setValue('oud');
    expect(wrapper.text()).toContain('eindfase');
    expect(wrapper.find('form.atlas-admin-form').exists()).toBe(false);

    await wrapper.get('[data-testid="decision-initiative"]').setValue('woo');
    expect((wrapper.get('[data-testid="decision-date"]').element as HTMLInputElement).value).toBe(todayIso());
    await wrapper.get('form.atlas-admin-form').trigger('submit');
    await settle();
    const message = wrapper.get('[data-testid="failure"]');
    expect(message.text()).toContain('Niet alle gegevens zijn juist ingevuld.');
    expect(message.get('[lang="en"]').text()).toBe('(An initiative cannot move from ASSESSED to X)');
  });
});
