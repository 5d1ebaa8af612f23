import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountRoute } from '../map/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import SignInView from './SignInView.vue';
import { apiError, editor } from './fixtures';

async function view(handlers: Handlers, path = '/inloggen') {
  const server = fakeServer({ CurrentUser: () => ({ data: { me: null } }), ...handlers });
  const { wrapper, router } = await mountRoute(SignInView, server.link, { route: '/inloggen', path });
  await settle();
  return { wrapper, router, requests: server.requests };
}

async function signIn(wrapper: Awaited<ReturnType<typeof view>>['wrapper'], email: string, password: string) {
  await wrapper.get('[data-testid="sign-in-email"]').setValue(email);
  await wrapper.get('[data-testid="sign-in-password"]').setValue(password);
  await wrapper.get('[data-testid="sign-in-form"]').trigger('submit');
  await settle();
}

afterEach(() => {
  vi.unstubAllEnvs();
  document.body.replaceChildren();
});

describe('SignInView', () => {
  it('signs in, asks who is signed in again and returns to the page the user came from', async () => {
    let me: unknown = null;
    const { wrapper, router, requests } = await view(
      {
        CurrentUser: () => ({ data: { me } }),
        SignIn: () => {
          me = editor();
          return { data: { login: me } };
        },
      },
      '/inloggen?terug=/gemeenten/GM1966',
    );
    expect(wrapper.get('h1').text()).toBe('Inloggen');
    await signIn(wrapper, ' eva.redacteur@example.nl ', 'correct horse battery');

    expect(requests.find((r) => r.operationName === 'SignIn')?.variables).toEqual({
      email: 'eva.redacteur@example.nl',
      password: 'correct horse battery',
    });
    // The store was reset: `me` was asked again, now with the session cookie.
    expect(requests.filter((r) => r.operationName === 'CurrentUser')).toHaveLength(2);
    expect(router.currentRoute.value.fullPath).toBe('/gemeenten/GM1966');
  });

  it('says so when the e-mail address or password is wrong, in an alert that takes focus', async () => {
    const { wrapper, router } = await view({
      SignIn: () => ({ errors: [apiError('UNAUTHENTICATED', 'E-mail address or password is wrong')] }),
    });
    await signIn(wrapper, 'eva@example.nl', 'wrong');

    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(summary.attributes('role')).toBe('alert');
    expect(summary.text()).toContain('Het e-mailadres of het wachtwoord is onjuist.');
    expect(document.activeElement).toBe(summary.element);
    expect((wrapper.get('[data-testid="sign-in-password"]').element as HTMLInputElement).value).toBe('');
    expect(router.currentRoute.value.path).toBe('/inloggen');
  });

  it('tells a locked-out user how long to wait', async () => {
    const { wrapper } = await view({
      SignIn: () => ({
        errors: [apiError('UNAUTHENTICATED', 'Too many failed sign-in attempts', { retryAfterSeconds: 900 })],
      }),
    });
    await signIn(wrapper, 'eva@example.nl', 'wrong');
    expect(wrapper.get('[data-testid="error-summary"]').text()).toContain(
      'Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.',
    );
  });

  it('names missing fields before asking the server, linked to the fields', async () => {
    const { wrapper, requests } = await view({ SignIn: () => new Error('must not be called') });
    await signIn(wrapper, 'not-an-address', '');

    expect(requests.some((r) => r.operationName === 'SignIn')).toBe(false);
    const links = wrapper.findAll('[data-testid="error-summary"] a');
    expect(links.map((a) => a.text())).toEqual([
      'Vul een e-mailadres in zoals naam@gemeente.nl.',
      'Vul uw wachtwoord in.',
    ]);
    const email = wrapper.get('[data-testid="sign-in-email"]');
    expect(links[0]!.attributes('href')).toBe(`#${email.attributes('id')}`);
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(email.attributes('aria-describedby')).toBe(`${email.attributes('id')}-error`);
  });

  it('offers the organisation account only when the build says OIDC is configured', async () => {
    const plain = await view({});
    expect(plain.wrapper.find('[data-testid="oidc-sign-in"]').exists()).toBe(false);
    plain.wrapper.unmount();

    vi.stubEnv('VITE_OIDC_SIGN_IN', 'true');
    const { wrapper } = await view({});
    const link = wrapper.get('[data-testid="oidc-sign-in"]');
    expect(link.text()).toBe('Inloggen met uw organisatie-account');
    expect(link.attributes('href')).toBe('/auth/oidc/login');
  });

  it('shows who is signed in instead of the form', async () => {
    const { wrapper } = await view({ CurrentUser: () => ({ data: { me: editor() } }) });
    expect(wrapper.get('[data-testid="signed-in-as"]').text()).toBe('U bent ingelogd als Eva Redacteur.');
    expect(wrapper.find('[data-testid="sign-in-form"]').exists()).toBe(false);
  });
});
