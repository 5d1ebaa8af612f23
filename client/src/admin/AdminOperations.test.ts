import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../initiative/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import { asAdmin, failure } from './fixtures';

afterEach(() => document.body.replaceChildren());

async function view(path: string, handlers: Handlers) {
  const server = fakeServer(asAdmin(handlers));
  const mounted = await mountRoute(path, server.link);
  await settle();
  await settle();
  return { ...mounted, requests: server.requests };
}

const inherited = (code: string, name: string, solution: string, needsReview: boolean) => ({
  __typename: 'Adoption',
  id: `${code}:${solution}`,
  status: 'LIVE',
  statusSince: '2023-01-01',
  needsReview,
  version: 5,
  municipality: { __typename: 'Municipality', id: code, code, name },
  solution: { __typename: 'Solution', id: solution, slug: solution, name: solution.toUpperCase() },
  inheritedFrom: { __typename: 'Municipality', id: 'GM0457', code: 'GM0457', name: 'Weesp' },
});
const page = (nodes: object[], endCursor: string | null) => ({
  data: {
    adoptions: {
      __typename: 'AdoptionConnection',
      totalCount: 3,
      pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      edges: nodes.map((node) => ({ __typename: 'AdoptionEdge', node })),
    },
  },
});

describe('MergerReviewAdmin', () => {
  it('lists every inherited status awaiting review and settles one', async () => {
    const { wrapper, requests } = await view('/beheer/herindelingen', {
      MergerReview: ({ after }) =>
        after === null
          ? page([inherited('GM0363', 'Amsterdam', 'ibd', true), inherited('GM0363', 'Amsterdam', 'bag', false)], 'c1')
          : page([inherited('GM1979', 'Eemsdelta', 'ibd', true)], null),
      ResolveMergerReview: () => ({
        data: {
          resolveMergerReview: {
            __typename: 'Adoption',
            id: 'GM0363:ibd',
            status: 'LIVE',
            statusSince: '2023-01-01',
            needsReview: false,
            version: 6,
          },
        },
      }),
    });
    const rows = () =>
      wrapper.findAll('[data-testid="merger-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows().map((r) => r.slice(0, 5))).toEqual([
      ['Amsterdam', 'IBD', 'In gebruik', '1 jan 2023', 'Weesp'],
      ['Eemsdelta', 'IBD', 'In gebruik', '1 jan 2023', 'Weesp'],
    ]);
    expect(wrapper.get('[data-testid="mergers-status"]').text()).toBe('2 statussen wachten op controle');

    await wrapper.findAll('[data-testid="merger-confirm"]')[0]!.trigger('click');
    await settle();
    expect(requests.find((r) => r.operationName === 'ResolveMergerReview')?.variables).toEqual({
      decision: 'CONFIRM',
      input: { municipalityCode: 'GM0363', solutionSlug: 'ibd', expectedVersion: 5 },
    });
    expect(rows().map((r) => r[0])).toEqual(['Eemsdelta']);
    expect(wrapper.get('[data-testid="mergers-status"]').text()).toContain('IBD bij Amsterdam: bevestigd.');
  });

  it('says when nothing waits for review', async () => {
    const { wrapper } = await view('/beheer/herindelingen', { MergerReview: () => page([], null) });
    expect(wrapper.get('[data-testid="mergers-empty"]').text()).toBe(
      'Er wachten geen overgenomen statussen op controle.',
    );
  });
});

const user = (id: string, displayName: string, roles: object[] = [], isActive = true) => ({
  __typename: 'User',
  id,
  email: `${id}@gemeente.nl`,
  displayName,
  isActive,
  lastLoginAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  version: 1,
  roles,
});

const userPage = (nodes: object[], endCursor: string | null = null, totalCount = nodes.length) => ({
  data: {
    users: {
      __typename: 'UserConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      edges: nodes.map((node) => ({ __typename: 'UserEdge', node })),
    },
  },
});

describe('UserAdmin', () => {
  it('creates a user, grants a role with its target, revokes it and deactivates the account', async () => {
    let users = [user('an', 'An')];
    const { wrapper, requests } = await view('/beheer/gebruikers', {
      Users: () => userPage(users),
      CreateUser: ({ input }) => {
        const created = user('bo', (input as { displayName: string }).displayName);
        users = [...users, created];
        return { data: { createUser: created } };
      },
      GrantRole: () => ({
        data: {
          grantRole: user('bo', 'Bo', [
            {
              __typename: 'UserRoleGrant',
              id: 'g1',
              role: 'EDITOR',
              municipalityCode: 'GM0344',
              organisationSlug: null,
            },
          ]),
        },
      }),
      RevokeRole: () => ({ data: { revokeRole: user('bo', 'Bo') } }),
      DeactivateUser: () => ({ data: { deactivateUser: { ...user('bo', 'Bo', [], false), version: 2 } } }),
    });

    await wrapper.get('[data-testid="new-user-name"]').setValue('Bo');
    await wrapper.get('[data-testid="new-user-email"]').setValue(' bo@utrecht.nl ');
    await wrapper.get('section[aria-labelledby="users-create"] form').trigger('submit');
    await settle();
    expect(requests.find((r) => r.operationName === 'CreateUser')?.variables).toEqual({
      input: { email: 'bo@utrecht.nl', displayName: 'Bo', password: null },
    });
    expect(wrapper.findAll('[data-testid="user-row"] th').map((th) => th.text())).toEqual(['An', 'Bo']);
    expect(wrapper.get('#users-manage').text()).toBe('Rollen van Bo');

    await wrapper.get('[data-testid="grant-municipality"]').setValue('gm0344');
    await wrapper.get('form[aria-label="Rol toekennen"]').trigger('submit');
    await settle();
    expect(requests.find((r) => r.operationName === 'GrantRole')?.variables).toEqual({
      input: { userId: 'bo', role: 'EDITOR', municipalityCode: 'GM0344', organisationSlug: null },
    });
    expect(wrapper.get('[data-testid="user-roles"]').text()).toContain('Redacteur gemeente GM0344');

    await wrapper.get('[data-testid="role-revoke"]').trigger('click');
    await settle();
    expect(requests.find((r) => r.operationName === 'RevokeRole')?.variables).toEqual({
      input: { userId: 'bo', role: 'EDITOR', municipalityCode: 'GM0344', organisationSlug: null },
    });

    await wrapper.get('[data-testid="deactivate"]').trigger('click');
    expect(requests.some((r) => r.operationName === 'DeactivateUser')).toBe(false);
    await wrapper.get('[data-testid="deactivate-confirm"]').trigger('click');
    await settle();
    expect(requests.find((r) => r.operationName === 'DeactivateUser')?.variables).toEqual({
      userId: 'bo',
      expectedVersion: 1,
    });
    expect(wrapper.get('[data-testid="users-status"]').text()).toBe('Het account van Bo is gedeactiveerd.');
    expect(wrapper.findAll('[data-testid="user-row"]')[1]!.text()).toContain('gedeactiveerd');
  });

  it('pages through the users and searches by name, e-mail or role', async () => {
    const { wrapper, requests } = await view('/beheer/gebruikers', {
      Users: ({ after, filter }) => {
        const f = filter as { search: string | null; role: string[] | null };
        if (f.search || f.role) return userPage([user('cas', 'Cas')], null, 1);
        return after === null
          ? userPage([user('an', 'An'), user('bo', 'Bo')], 'c-bo', 3)
          : userPage([user('cas', 'Cas')], null, 3);
      },
    });
    const names = () => wrapper.findAll('[data-testid="user-row"] th').map((th) => th.text());
    const lastUsers = () => requests.filter((r) => r.operationName === 'Users').at(-1)?.variables;

    expect(names()).toEqual(['An', 'Bo']);
    expect(wrapper.get('[data-testid="users-total"]').text()).toBe('3 gebruikers');
    expect(lastUsers()).toEqual({ first: 50, after: null, filter: { search: null, role: null } });
    expect(wrapper.get('[data-testid="users-previous"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="users-next"]').trigger('click');
    await settle();
    expect(lastUsers()).toMatchObject({ after: 'c-bo' });
    expect(names()).toEqual(['Cas']);
    expect(wrapper.get('[data-testid="users-next"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('#users-caption').text()).toContain('pagina 2');

    await wrapper.get('[data-testid="users-previous"]').trigger('click');
    await settle();
    expect(names()).toEqual(['An', 'Bo']);

    // Searching starts again at the first page, with the filter the server applies.
    await wrapper.get('[data-testid="users-next"]').trigger('click');
    await settle();
    await wrapper.get('[data-testid="users-search"]').setValue('  cas@ ');
    await wrapper.get('[data-testid="users-role"]').setValue('EDITOR');
    await wrapper.get('[data-testid="users-filter-form"]').trigger('submit');
    await settle();
    expect(lastUsers()).toEqual({ first: 50, after: null, filter: { search: 'cas@', role: ['EDITOR'] } });
    expect(names()).toEqual(['Cas']);
    expect(wrapper.get('[data-testid="users-total"]').text()).toBe('1 gebruiker');
    expect(wrapper.find('[data-testid="users-next"]').exists()).toBe(false);
  });

  it('keeps managing a user chosen on another page', async () => {
    const { wrapper } = await view('/beheer/gebruikers', {
      Users: ({ after }) =>
        after === null ? userPage([user('an', 'An')], 'c-an', 2) : userPage([user('bo', 'Bo')], null, 2),
    });
    await wrapper.get('[data-testid="user-choose"]').setValue('an');
    expect(wrapper.get('#users-manage').text()).toBe('Rollen van An');
    await wrapper.get('[data-testid="users-next"]').trigger('click');
    await settle();
    expect(wrapper.get('#users-manage').text()).toBe('Rollen van An');
    expect(
      wrapper
        .get('[data-testid="user-choose"]')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['–', 'An (an@gemeente.nl)', 'Bo (bo@gemeente.nl)']);
  });

  it('shows why a grant was refused', async () => {
    const { wrapper } = await view('/beheer/gebruikers', {
      Users: () => userPage([user('an', 'An')]),
      GrantRole: () => failure('CONFLICT'),
    });
    await wrapper.get('[data-testid="user-choose"]').setValue('an');
    await wrapper.get('[data-testid="grant-municipality"]').setValue('GM0344');
    await wrapper.get('form[aria-label="Rol toekennen"]').trigger('submit');
    await settle();
    expect(wrapper.get('[data-testid="failure"]').text()).toContain('of het bestaat al');
  });
});

const report = (overrides: object) => ({
  data: {
    importAdoptionsCsv: {
      __typename: 'CsvImportReport',
      dryRun: true,
      applied: false,
      rows: 2,
      validRows: 2,
      eventsCreated: 2,
      adoptionsChanged: 2,
      errors: [],
      ...overrides,
    },
  },
});

describe('CsvImportAdmin', () => {
  const CSV = 'cbs_code,solution,status,date,mode,notes\nGM0344,ibd,LIVE,2024-01-01,SAAS,\n';

  it('applies only after a clean trial of exactly the same text', async () => {
    const { wrapper, requests } = await view('/beheer/import', {
      ImportAdoptionsCsv: ({ dryRun }) => (dryRun ? report({}) : report({ dryRun: false, applied: true })),
    });
    const apply = () => wrapper.get('[data-testid="import-apply"]');
    expect(apply().attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="import-text"]').setValue(CSV);
    await wrapper.get('form.atlas-admin-form').trigger('submit');
    await settle();
    expect(requests.at(-1)?.variables).toEqual({ csv: CSV, dryRun: true });
    expect(wrapper.get('[data-testid="import-report"]').text()).toContain('Proef: er is niets veranderd.');
    expect(apply().attributes('disabled')).toBeUndefined();

    // Edited after the trial: apply is off again until a new trial.
    await wrapper.get('[data-testid="import-text"]').setValue(CSV + 'GM0363,ibd,LIVE,2024-01-01,SAAS,\n');
    expect(apply().attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="import-text"]').setValue(CSV);

    await apply().trigger('click');
    await settle();
    expect(requests.at(-1)?.variables).toEqual({ csv: CSV, dryRun: false });
    expect(wrapper.get('[data-testid="import-report"]').text()).toContain('Ingelezen.');
  });

  it('reports the bad lines of a trial and keeps apply off', async () => {
    const { wrapper } = await view('/beheer/import', {
      ImportAdoptionsCsv: () =>
        report({
          validRows: 1,
          errors: [{ __typename: 'CsvLineError', line: 3, column: 'status', reason: 'unknown status LIVEE' }],
        }),
    });
    await wrapper.get('[data-testid="import-text"]').setValue(CSV);
    await wrapper.get('form.atlas-admin-form').trigger('submit');
    await settle();
    const rows = wrapper
      .findAll('[data-testid="import-errors"] tbody tr')
      .map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows).toEqual([['3', 'status', 'unknown status LIVEE']]);
    expect(wrapper.get('[data-testid="import-apply"]').attributes('disabled')).toBeDefined();
  });

  it('asks for CSV before sending anything', async () => {
    const { wrapper, requests } = await view('/beheer/import', {});
    await wrapper.get('form.atlas-admin-form').trigger('submit');
    expect(wrapper.get('[role="alert"]').text()).toBe('Kies een bestand of plak CSV-tekst.');
    expect(requests.some((r) => r.operationName === 'ImportAdoptionsCsv')).toBe(false);
  });
});
