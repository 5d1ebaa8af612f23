import { afterEach, describe, expect, it } from 'vitest';
import { admin, apiError, cooperationEditor, editor, viewer } from '../../account/fixtures';
import { mountRoute } from '../../map/testing';
import { fakeServer, settle, type Handlers } from '../../test/app';
import MunicipalityProfileView from '../MunicipalityProfileView.vue';
import { ibd, openZaak, peers, profile } from '../profile-fixtures';
import { editable, editing } from './fixtures';
import { todayInNL } from './validation';

async function view(me: unknown, handlers: Handlers = {}) {
  const server = fakeServer({
    CurrentUser: () => ({ data: { me } }),
    MunicipalityProfile: () => ({ data: profile() }),
    MunicipalityPeers: () => ({ data: peers }),
    MunicipalityEditing: () => ({ data: editing() }),
    ...handlers,
  });
  const { wrapper } = await mountRoute(MunicipalityProfileView, server.link, {
    route: '/gemeenten/:code',
    path: '/gemeenten/GM1966',
  });
  await settle();
  return { wrapper, requests: server.requests };
}
type Wrapper = Awaited<ReturnType<typeof view>>['wrapper'];

const item = (wrapper: Wrapper, testid: string, name: string) => {
  const found = wrapper.findAll(`[data-testid="${testid}"]`).find((i) => i.get('h4').text() === name);
  if (!found) throw new Error(`no ${testid} for ${name}`);
  return found;
};
const sent = (requests: { operationName: string; variables: Record<string, unknown> }[], name: string) =>
  requests.filter((r) => r.operationName === name).map((r) => r.variables);

async function openAdoption(wrapper: Wrapper, name: string) {
  await item(wrapper, 'edit-adoption', name).get('[data-testid="edit-adoption-toggle"]').trigger('click');
  return wrapper.get('[data-testid="adoption-form"]');
}

const saved = (version: number, fields: Record<string, unknown> = {}) => ({
  data: {
    recordAdoptionStatus: {
      __typename: 'AdoptionChange',
      adoption: editable(openZaak, { version, ...fields }),
      event: { __typename: 'AdoptionEvent', id: '99' },
    },
  },
});

afterEach(() => document.body.replaceChildren());

describe('editing on the municipality profile', () => {
  it('shows no edit controls to a viewer and does not even ask for the edit data', async () => {
    const { wrapper, requests } = await view(viewer);
    expect(wrapper.get('h1').text()).toBe('Het Hogeland');
    expect(wrapper.find('[data-testid="adoption-editor"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="compliance-editor"]').exists()).toBe(false);
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Wijzigen: Open Zaak');
    expect(requests.some((r) => r.operationName === 'MunicipalityEditing')).toBe(false);
  });

  it('records a status with the version that was shown, then refreshes the profile and says so', async () => {
    const { wrapper, requests } = await view(editor(), { RecordAdoptionStatus: () => saved(4, { status: 'RETIRED' }) });
    const form = await openAdoption(wrapper, 'Open Zaak');
    await form.get('select[name="status"]').setValue('RETIRED');
    await form.get('input[name="effectiveDate"]').setValue('2025-05-01');
    await form.get('select[name="mode"]').setValue('OWN_INSTALLATION');
    await form.get('textarea[name="notes"]').setValue('  Overgestapt op eigen installatie  ');
    const profileLoads = sent(requests, 'MunicipalityProfile').length;
    await form.trigger('submit');
    await settle();

    expect(sent(requests, 'RecordAdoptionStatus')).toEqual([
      {
        input: {
          municipalityCode: 'GM1966',
          solutionSlug: 'open-zaak',
          status: 'RETIRED',
          effectiveDate: '2025-05-01',
          mode: 'OWN_INSTALLATION',
          notes: 'Overgestapt op eigen installatie',
          expectedVersion: 3,
        },
      },
    ]);
    // The profile (adoptions, history, summary) was asked again, so the change shows everywhere.
    expect(sent(requests, 'MunicipalityProfile').length).toBe(profileLoads + 1);
    expect(wrapper.find('[data-testid="adoption-form"]').exists()).toBe(false);
    const status = wrapper.get('[data-testid="adoption-editor"] [data-testid="edit-status"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe('De status van Open Zaak is opgeslagen.');
    expect(document.activeElement).toBe(
      item(wrapper, 'edit-adoption', 'Open Zaak').get('[data-testid="edit-adoption-toggle"]').element,
    );
  });

  it('adds a solution not adopted yet, expecting no adoption (version null)', async () => {
    const { wrapper, requests } = await view(admin, { RecordAdoptionStatus: () => saved(1) });
    await wrapper.get('[data-testid="add-adoption"]').trigger('click');
    const form = wrapper.get('[data-testid="adoption-form"]');
    // Only solutions without an adoption here are offered.
    expect(form.findAll('select[name="solution"] option').map((o) => o.text())).toEqual([
      'Kies een oplossing',
      'Open Formulieren',
    ]);
    await form.get('select[name="solution"]').setValue('open-formulieren');
    await form.get('select[name="status"]').setValue('PLANNED');
    await form.trigger('submit');
    await settle();
    expect(sent(requests, 'RecordAdoptionStatus')[0]).toEqual({
      input: {
        municipalityCode: 'GM1966',
        solutionSlug: 'open-formulieren',
        status: 'PLANNED',
        effectiveDate: todayInNL(),
        mode: null,
        notes: null,
        expectedVersion: null,
      },
    });
  });

  it('on CONFLICT shows the saved value beside the unsaved input and re-applies it on the new version', async () => {
    let state = editing();
    let calls = 0;
    const { wrapper, requests } = await view(editor(), {
      MunicipalityEditing: () => ({ data: state }),
      RecordAdoptionStatus: () => {
        if (++calls === 1) {
          // A colleague saved IMPLEMENTING in the meantime: the adoption is at version 4 now.
          state = editing({
            adoptions: [
              editable(ibd, { version: 1 }),
              editable(openZaak, { version: 4, status: 'IMPLEMENTING', statusSince: '2025-04-01', notes: 'Migratie' }),
            ],
          });
          return { errors: [apiError('CONFLICT', 'changed by someone else', { currentVersion: 4 })] };
        }
        return saved(5, { status: 'RETIRED' });
      },
    });
    const form = await openAdoption(wrapper, 'Open Zaak');
    await form.get('select[name="status"]').setValue('RETIRED');
    await form.get('input[name="effectiveDate"]').setValue('2025-05-01');
    await form.get('textarea[name="notes"]').setValue('Gestopt');
    await form.trigger('submit');
    await settle();

    const conflict = wrapper.get('[data-testid="conflict"]');
    expect(conflict.text()).toContain('Iemand anders heeft dit intussen gewijzigd');
    expect(document.activeElement).toBe(conflict.element);
    const rows = conflict.findAll('[data-testid="conflict-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows).toEqual([
      ['Status', 'In implementatie', 'Gestopt'],
      ['Ingangsdatum', '1 apr 2025', '1 mei 2025'],
      ['Wijze van gebruik (optioneel)', 'Als dienst (SaaS)', 'Als dienst (SaaS)'],
      ['Toelichting (optioneel)', 'Migratie', 'Gestopt'],
    ]);
    // Nothing of the input is lost.
    expect((form.get('textarea[name="notes"]').element as HTMLTextAreaElement).value).toBe('Gestopt');

    await conflict.get('[data-testid="conflict-reapply"]').trigger('click');
    await settle();
    const writes = sent(requests, 'RecordAdoptionStatus') as { input: Record<string, unknown> }[];
    expect(writes.map((w) => w.input.expectedVersion)).toEqual([3, 4]);
    expect(writes[1]!.input).toMatchObject({ status: 'RETIRED', effectiveDate: '2025-05-01', notes: 'Gestopt' });
    expect(wrapper.find('[data-testid="conflict"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="adoption-editor"] [data-testid="edit-status"]').text()).toBe(
      'De status van Open Zaak is opgeslagen.',
    );
  });

  it('on CONFLICT, "Annuleren" drops the change and sends nothing more', async () => {
    const { wrapper, requests } = await view(editor(), {
      RecordAdoptionStatus: () => ({ errors: [apiError('CONFLICT', 'changed', { currentVersion: 4 })] }),
    });
    const form = await openAdoption(wrapper, 'Open Zaak');
    await form.get('select[name="status"]').setValue('RETIRED');
    await form.trigger('submit');
    await settle();
    await wrapper.get('[data-testid="conflict-cancel"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="adoption-form"]').exists()).toBe(false);
    expect(sent(requests, 'RecordAdoptionStatus')).toHaveLength(1);
  });

  it('shows a clear message on FORBIDDEN and keeps the input', async () => {
    const { wrapper } = await view(editor(), {
      RecordAdoptionStatus: () => ({ errors: [apiError('FORBIDDEN', 'You may record adoptions only for …')] }),
    });
    const form = await openAdoption(wrapper, 'Open Zaak');
    await form.get('select[name="status"]').setValue('RETIRED');
    await form.trigger('submit');
    await settle();
    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(summary.text()).toContain('Opslaan is niet gelukt');
    expect(summary.text()).toContain('U mag de gegevens van deze gemeente niet wijzigen.');
    expect(document.activeElement).toBe(summary.element);
    expect((form.get('select[name="status"]').element as HTMLSelectElement).value).toBe('RETIRED');
  });

  it('puts a refusal of the server next to the field it names', async () => {
    const { wrapper } = await view(editor(), {
      RecordAdoptionStatus: () => ({
        errors: [apiError('BAD_USER_INPUT', 'GM1966 did not exist yet on 2018-01-01', { field: 'effectiveDate' })],
      }),
    });
    const form = await openAdoption(wrapper, 'Open Zaak');
    await form.trigger('submit');
    await settle();
    const date = form.get('input[name="effectiveDate"]');
    const error = form.get(`#${date.attributes('id')}-error`);
    expect(error.text()).toBe('De server weigerde dit: GM1966 did not exist yet on 2018-01-01');
    expect(date.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="error-summary"] a').attributes('href')).toBe(`#${date.attributes('id')}`);
  });

  it('confirms a status with the shown version', async () => {
    const { wrapper, requests } = await view(editor(), {
      ConfirmAdoption: () => ({ data: { confirmAdoption: editable(openZaak, { version: 4 }) } }),
    });
    await item(wrapper, 'edit-adoption', 'Open Zaak').get('[data-testid="confirm-adoption"]').trigger('click');
    await settle();
    expect(sent(requests, 'ConfirmAdoption')).toEqual([
      { input: { municipalityCode: 'GM1966', solutionSlug: 'open-zaak', expectedVersion: 3 } },
    ]);
    expect(wrapper.get('[data-testid="adoption-editor"] [data-testid="edit-status"]').text()).toBe(
      'De status van Open Zaak is bevestigd.',
    );
  });

  it('lets the municipality review an inherited status: keep it or retract it', async () => {
    const { wrapper, requests } = await view(editor(), {
      ReviewInheritedAdoption: (v) => ({
        data: {
          resolveMergerReview: editable(ibd, {
            version: 2,
            needsReview: false,
            status: v.decision === 'RETRACT' ? 'RETRACTED' : 'IMPLEMENTING',
          }),
        },
      }),
    });
    const inherited = item(wrapper, 'edit-adoption', 'IBD-dienstverlening');
    expect(inherited.get('[data-testid="edit-review"]').text()).toContain('Overgenomen van Haren bij de herindeling');
    await inherited.get('[data-testid="review-retract"]').trigger('click');
    await settle();
    expect(sent(requests, 'ReviewInheritedAdoption')).toEqual([
      { input: { municipalityCode: 'GM1966', solutionSlug: 'ibd', expectedVersion: 1 }, decision: 'RETRACT' },
    ]);
    expect(wrapper.get('[data-testid="adoption-editor"] [data-testid="edit-status"]').text()).toBe(
      'De overgenomen status van IBD-dienstverlening is ingetrokken.',
    );
  });

  it('lets a cooperation editor edit a member, but leaves the merger review to the municipality', async () => {
    const { wrapper } = await view(cooperationEditor('ssc-noord'));
    const inherited = item(wrapper, 'edit-adoption', 'IBD-dienstverlening');
    expect(inherited.get('[data-testid="edit-review"]').text()).toContain('wacht op controle door de gemeente zelf');
    expect(inherited.find('[data-testid="review-keep"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="compliance-editor"]').exists()).toBe(true);
  });

  it('shows nothing to a cooperation editor whose cooperation does not cover the municipality', async () => {
    const { wrapper } = await view(cooperationEditor('ssc-zuid'), {
      MunicipalityEditing: () => ({
        data: editing({ cooperations: [{ slug: 'ssc-zuid', region: 'COOPERATION:SSC-ZUID' }] }),
      }),
    });
    expect(wrapper.find('[data-testid="adoption-editor"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="compliance-editor"]').exists()).toBe(false);
  });
});

describe('declaring compliance on the profile', () => {
  async function openCompliance(wrapper: Wrapper, name: string) {
    await item(wrapper, 'edit-compliance', name).get('[data-testid="edit-compliance-toggle"]').trigger('click');
    return wrapper.get('[data-testid="compliance-form"]');
  }

  it('blocks EXPLAINED without an explanation before asking the server', async () => {
    const { wrapper, requests } = await view(editor(), { DeclareCompliance: () => new Error('must not be sent') });
    const form = await openCompliance(wrapper, 'Digikoppeling');
    await form.get('select[name="status"]').setValue('EXPLAINED');
    await form.trigger('submit');
    await settle();

    expect(sent(requests, 'DeclareCompliance')).toEqual([]);
    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(summary.text()).toContain('Leg uit waarom de gemeente deze standaard niet toepast.');
    expect(document.activeElement).toBe(summary.element);
    const explanation = form.get('textarea[name="explanation"]');
    expect(explanation.attributes('aria-invalid')).toBe('true');
    expect(summary.get('a').attributes('href')).toBe(`#${explanation.attributes('id')}`);
  });

  it('declares with the shown version, a deadline only for PLANNED', async () => {
    const { wrapper, requests } = await view(editor(), {
      DeclareCompliance: () => ({
        data: {
          declareCompliance: {
            __typename: 'StandardCompliance',
            id: 'GM1966:digikoppeling',
            version: 3,
            status: 'COMPLIANT',
            explanation: null,
            deadline: null,
            lastConfirmedAt: '2025-06-01T00:00:00.000Z',
            standard: { __typename: 'Standard', id: 'digikoppeling', slug: 'digikoppeling', name: 'Digikoppeling' },
          },
        },
      }),
    });
    const form = await openCompliance(wrapper, 'Digikoppeling');
    expect((form.get('input[name="deadline"]').element as HTMLInputElement).value).toBe('2026-01-01');
    await form.get('select[name="status"]').setValue('COMPLIANT');
    expect(form.find('input[name="deadline"]').exists()).toBe(false);
    await form.trigger('submit');
    await settle();
    expect(sent(requests, 'DeclareCompliance')).toEqual([
      {
        input: {
          municipalityCode: 'GM1966',
          standardSlug: 'digikoppeling',
          status: 'COMPLIANT',
          explanation: null,
          deadline: null,
          expectedVersion: 2,
        },
      },
    ]);
    expect(wrapper.get('[data-testid="compliance-editor"] [data-testid="edit-status"]').text()).toBe(
      'De verklaring over Digikoppeling is opgeslagen.',
    );
  });

  it('offers a first declaration for another standard, without a version', async () => {
    const { wrapper, requests } = await view(editor(), {
      DeclareCompliance: () => ({ errors: [apiError('FORBIDDEN', 'no')] }),
    });
    await wrapper.get('[data-testid="add-compliance"]').trigger('click');
    const form = wrapper.get('[data-testid="compliance-form"]');
    await form.get('select[name="standard"]').setValue('nl-gov-api');
    await form.get('select[name="status"]').setValue('EXPLAINED');
    await form.get('textarea[name="explanation"]').setValue('Wij bieden geen eigen API’s aan.');
    await form.trigger('submit');
    await settle();
    expect(sent(requests, 'DeclareCompliance')[0]).toMatchObject({
      input: {
        standardSlug: 'nl-gov-api',
        status: 'EXPLAINED',
        explanation: 'Wij bieden geen eigen API’s aan.',
        expectedVersion: null,
      },
    });
    expect(wrapper.get('[data-testid="error-summary"]').text()).toContain(
      'U mag de gegevens van deze gemeente niet wijzigen.',
    );
  });
});
