import type { Handlers } from '../test/app';

export const admin = {
  __typename: 'User',
  id: 'u-admin',
  email: 'beheer@vng.nl',
  displayName: 'Beheerder',
  roles: [{ __typename: 'UserRoleGrant', id: 'r0', role: 'ADMIN', municipalityCode: null, organisationSlug: null }],
};

export const editor = {
  ...admin,
  id: 'u-editor',
  displayName: 'Redacteur',
  roles: [
    { __typename: 'UserRoleGrant', id: 'r1', role: 'EDITOR', municipalityCode: 'GM0344', organisationSlug: null },
  ],
};

/** Signed in as an administrator, plus the given handlers. */
export const asAdmin = (handlers: Handlers): Handlers => ({
  CurrentUser: () => ({ data: { me: admin } }),
  ...handlers,
});

/** A GraphQL error answer with a stable code, as the API sends it. */
export const failure = (code: string, message = code) =>
  ({ errors: [{ message, extensions: { code } }] }) as unknown as ReturnType<Handlers[string]>;
