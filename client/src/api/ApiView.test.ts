import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountRoute } from '../initiative/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import { examples, parseExamples } from './examples';

// GraphiQL (React + Monaco) does not run in happy-dom; the page's side of the island is tested.
const explorer = vi.hoisted(() => ({ mounted: [] as unknown[], opened: [] as string[] }));
vi.mock('./explorer', () => ({
  mountExplorer: (_element: HTMLElement, tabs: unknown) => {
    explorer.mounted.push(tabs);
    return { open: (query: string) => explorer.opened.push(query), unmount: () => undefined };
  },
}));

const user = {
  __typename: 'User',
  id: 'u1',
  email: 'ambtenaar@utrecht.nl',
  displayName: 'An Ambtenaar',
  roles: [
    { __typename: 'UserRoleGrant', id: 'r1', role: 'EDITOR', municipalityCode: 'GM0344', organisationSlug: null },
  ],
};

const token = (id: string, name: string, extra: object = {}) => ({
  __typename: 'ApiToken',
  id,
  name,
  prefix: `p${id}`,
  scopes: ['READ'],
  grants: [],
  createdAt: '2025-01-02T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ...extra,
});

const SECRET = 'atlas_p9_s3cr3t-value-that-must-not-stay';

beforeEach(() => {
  explorer.mounted.length = 0;
  explorer.opened.length = 0;
  Element.prototype.scrollIntoView = () => undefined;
});
afterEach(() => document.body.replaceChildren());

async function view(handlers: Handlers) {
  const server = fakeServer(handlers);
  const mounted = await mountRoute('/api', server.link);
  await settle();
  return { ...mounted, requests: server.requests };
}

describe('README examples', () => {
  it('reads the numbered examples of the API guide', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples[0]!.query).toContain('municipality(code: "GM0363")');
    expect(examples[0]!.query.startsWith('{')).toBe(true);
  });

  it('takes the description and unindents the query', () => {
    const markdown = [
      '## API guide',
      '### Example queries',
      '',
      '1. First one:',
      '',
      '   ```graphql',
      '   {',
      '     a',
      '   }',
      '   ```',
      '',
      '2. Second:',
      '   ```graphql',
      '   { b }',
      '   ```',
      '### Pagination',
      '1. Not an example:',
      '   ```graphql',
      '   { c }',
      '   ```',
    ].join('\n');
    expect(parseExamples(markdown)).toEqual([
      { title: 'First one', query: '{\n  a\n}' },
      { title: 'Second', query: '{ b }' },
    ]);
    expect(parseExamples('# nothing here')).toEqual([]);
  });
});

describe('ApiView', () => {
  it('loads the explorer with the examples and opens an example on request', async () => {
    const { wrapper } = await view({ CurrentUser: () => ({ data: { me: null } }) });
    expect(explorer.mounted).toEqual([examples]);
    const buttons = wrapper.findAll('[data-testid="examples"] button');
    expect(buttons).toHaveLength(examples.length);
    expect(buttons[1]!.attributes('aria-label')).toBe(`Open in verkenner: ${examples[1]!.title}`);
    await buttons[1]!.trigger('click');
    expect(explorer.opened).toEqual([examples[1]!.query]);
  });

  it('explains that tokens need sign-in, and signs in', async () => {
    let signedIn = false;
    const { wrapper, requests } = await view({
      CurrentUser: () => ({ data: { me: signedIn ? user : null } }),
      SignIn: () => {
        signedIn = true;
        return { data: { login: user } };
      },
      MyApiTokens: () => ({ data: { myApiTokens: [] } }),
    });
    expect(wrapper.get('[data-testid="tokens-sign-in"]').text()).toContain('meld u aan');
    expect(requests.some((r) => r.operationName === 'MyApiTokens')).toBe(false);

    const form = wrapper.get('form.atlas-sign-in');
    await form.get('input[type="email"]').setValue(' ambtenaar@utrecht.nl ');
    await form.get('input[type="password"]').setValue('correct horse battery');
    await form.trigger('submit');
    await settle();
    await settle();

    expect(requests.find((r) => r.operationName === 'SignIn')?.variables).toEqual({
      email: 'ambtenaar@utrecht.nl',
      password: 'correct horse battery',
    });
    expect(wrapper.text()).toContain('Aangemeld als An Ambtenaar (ambtenaar@utrecht.nl).');
    expect(wrapper.get('[data-testid="tokens-empty"]').text()).toBe('U heeft nog geen tokens.');
  });

  it('says so when the password is wrong', async () => {
    const { wrapper } = await view({
      CurrentUser: () => ({ data: { me: null } }),
      SignIn: () => ({ errors: [{ message: 'Wrong e-mail or password', extensions: { code: 'UNAUTHENTICATED' } }] }),
    } as Handlers);
    await wrapper.get('form.atlas-sign-in input[type="email"]').setValue('x@y.nl');
    await wrapper.get('form.atlas-sign-in input[type="password"]').setValue('nope');
    await wrapper.get('form.atlas-sign-in').trigger('submit');
    await settle();
    expect(wrapper.get('[data-testid="failure"]').text()).toContain('Het e-mailadres of wachtwoord klopt niet');
    expect((wrapper.get('form.atlas-sign-in input[type="password"]').element as HTMLInputElement).value).toBe('');
  });

  it('creates a token, shows the secret once with a copy button, and keeps it out of the cache', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    let tokens = [token('1', 'Oud token')];
    const { wrapper, requests, client } = await view({
      CurrentUser: () => ({ data: { me: user } }),
      MyApiTokens: () => ({ data: { myApiTokens: tokens } }),
      CreateApiToken: () => {
        const created = token('9', 'Zaaksysteem', { scopes: ['READ', 'WRITE_ADOPTIONS'] });
        tokens = [...tokens, created];
        return { data: { createApiToken: { __typename: 'CreatedApiToken', secret: SECRET, token: created } } };
      },
    });

    // A write scope without a target is refused before anything is sent.
    await wrapper.get('#api-token-name').setValue('Zaaksysteem');
    await wrapper.get('#api-token-scope-WRITE_ADOPTIONS').setValue(true);
    await wrapper.get('form.atlas-token-form').trigger('submit');
    expect(wrapper.get('[data-testid="token-problem"]').text()).toBe(
      'Kies voor schrijfrechten ten minste één gemeente of organisatie.',
    );
    expect(requests.some((r) => r.operationName === 'CreateApiToken')).toBe(false);

    await wrapper.get('#api-token-grant-m\\:GM0344').setValue(true);
    await wrapper.get('#api-token-expires').setValue('2026-12-31');
    await wrapper.get('form.atlas-token-form').trigger('submit');
    await settle();

    expect(requests.find((r) => r.operationName === 'CreateApiToken')?.variables).toEqual({
      input: {
        name: 'Zaaksysteem',
        scopes: ['READ', 'WRITE_ADOPTIONS'],
        grants: [{ municipalityCode: 'GM0344', organisationSlug: undefined }],
        expiresAt: '2026-12-31T23:59:59.000Z',
      },
    });
    const secret = wrapper.get('[data-testid="token-secret"]');
    expect((secret.get('input').element as HTMLInputElement).value).toBe(SECRET);
    expect(secret.text()).toContain('Het wordt maar één keer getoond');
    expect(JSON.stringify(client.cache.extract())).not.toContain(SECRET);
    expect(wrapper.findAll('[data-testid="token-row"]').map((r) => r.get('th').text())).toEqual([
      'Oud token',
      'Zaaksysteem',
    ]);

    await secret
      .findAll('button')
      .find((b) => b.text() === 'Kopieer token')!
      .trigger('click');
    await settle();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(wrapper.get('[data-testid="copy-status"]').text()).toBe('Token gekopieerd naar het klembord.');

    await secret
      .findAll('button')
      .find((b) => b.text() === 'Ik heb het token bewaard')!
      .trigger('click');
    expect(wrapper.find('[data-testid="token-secret"]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(SECRET);
  });

  it('lists tokens without secrets and revokes one after confirmation', async () => {
    let revoked = false;
    const { wrapper, requests } = await view({
      CurrentUser: () => ({ data: { me: user } }),
      MyApiTokens: () => ({
        data: {
          myApiTokens: [
            token('1', 'Koppeling', {
              lastUsedAt: '2025-03-04T08:00:00.000Z',
              revokedAt: revoked ? '2025-04-01T00:00:00Z' : null,
            }),
            token('2', 'Oud', { expiresAt: '2020-01-01T00:00:00.000Z' }),
          ],
        },
      }),
      RevokeApiToken: ({ id }) => {
        revoked = true;
        return { data: { revokeApiToken: token(String(id), 'Koppeling', { revokedAt: '2025-04-01T00:00:00Z' }) } };
      },
    });
    const rows = () =>
      wrapper.findAll('[data-testid="token-row"]').map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows()[0]).toEqual([
      'Koppeling',
      'atlas_p1_…',
      'Lezen (eigen accountgegevens)',
      '–',
      '2 jan 2025',
      '4 mrt 2025',
      '–',
      'actief',
      'Intrekken',
    ]);
    expect(rows()[1]![7]).toBe('verlopen');

    await wrapper.get('[data-testid="revoke"]').trigger('click');
    expect(wrapper.text()).toContain('Token "Koppeling" echt intrekken?');
    expect(requests.some((r) => r.operationName === 'RevokeApiToken')).toBe(false);
    await wrapper.get('[data-testid="revoke-confirm"]').trigger('click');
    await settle();
    expect(requests.find((r) => r.operationName === 'RevokeApiToken')?.variables).toEqual({ id: '1' });
    expect(rows()[0]![7]).toBe('ingetrokken');
    expect(wrapper.get('[data-testid="tokens-status"]').text()).toBe('Token "Koppeling" is ingetrokken.');
  });
});
