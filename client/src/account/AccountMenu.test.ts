import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../map/testing';
import { fakeServer, settle } from '../test/app';
import AccountMenu from './AccountMenu.vue';
import { editor } from './fixtures';

afterEach(() => document.body.replaceChildren());

describe('AccountMenu', () => {
  it('offers signing in, returning to the current page afterwards', async () => {
    const server = fakeServer({ CurrentUser: () => ({ data: { me: null } }) });
    const { wrapper } = await mountRoute(AccountMenu, server.link, {
      route: '/gemeenten/:code',
      path: '/gemeenten/GM1966',
    });
    await settle();
    const link = wrapper.get('[data-testid="sign-in-link"]');
    expect(link.text()).toBe('Inloggen');
    expect(link.attributes('href')).toBe('/inloggen?terug=/gemeenten/GM1966');
  });

  it('shows the signed-in user and signs out, saying so and keeping focus on the menu', async () => {
    let me: unknown = editor();
    const server = fakeServer({
      CurrentUser: () => ({ data: { me } }),
      SignOut: () => {
        me = null;
        return { data: { logout: true } };
      },
    });
    const { wrapper } = await mountRoute(AccountMenu, server.link, { route: '/', path: '/' });
    await settle();
    expect(wrapper.get('[data-testid="account-name"]').text()).toBe('Eva Redacteur');

    await wrapper.get('[data-testid="sign-out"]').trigger('click');
    await settle();
    expect(server.requests.map((r) => r.operationName)).toContain('SignOut');
    expect(wrapper.find('[data-testid="account-name"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="account-status"]').text()).toBe('U bent uitgelogd.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="sign-in-link"]').element);
  });
});
