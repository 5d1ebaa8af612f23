import { afterEach, describe, expect, it } from 'vitest';
import { mountRoute } from '../initiative/testing';
import { fakeServer, settle, type Handlers } from '../test/app';
import { admin, editor } from './fixtures';

afterEach(() => document.body.replaceChildren());

async function view(path: string, handlers: Handlers) {
  const server = fakeServer(handlers);
  const mounted = await mountRoute(path, server.link);
  await settle();
  return { ...mounted, requests: server.requests };
}

describe('AdminView', () => {
  it('asks for sign-in first', async () => {
    const { wrapper } = await view('/beheer', { CurrentUser: () => ({ data: { me: null } }) });
    expect(wrapper.get('[data-testid="admin-sign-in"]').text()).toContain('alleen voor beheerders');
    expect(wrapper.find('form.atlas-sign-in').exists()).toBe(true);
    expect(wrapper.find('nav').exists()).toBe(false);
  });

  it('turns away a signed-in user without the admin role', async () => {
    const { wrapper } = await view('/beheer/gebruikers', { CurrentUser: () => ({ data: { me: editor } }) });
    expect(wrapper.get('[data-testid="admin-forbidden"]').text()).toContain('geen beheerdersrol');
    expect(wrapper.find('[data-testid="users-table"]').exists()).toBe(false);
  });

  it('shows the sections to an administrator', async () => {
    const { wrapper } = await view('/beheer', { CurrentUser: () => ({ data: { me: admin } }) });
    expect(wrapper.findAll('nav a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Overzicht', '/beheer'],
      ['Catalogus', '/beheer/catalogus'],
      ['Besluiten', '/beheer/besluiten'],
      ['Herindelingen', '/beheer/herindelingen'],
      ['Gebruikers en rollen', '/beheer/gebruikers'],
      ['CSV-import', '/beheer/import'],
    ]);
    expect(wrapper.findAll('.atlas-admin-overview li')).toHaveLength(5);
  });
});
