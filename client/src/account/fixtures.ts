import type { Role } from '../gql/graphql';

/** Users as `me` answers them, for tests of signing in and of edit rights. */
type Grant = { role: Role; municipalityCode?: string; organisationSlug?: string };

export function user(name: string, grants: Grant[]) {
  return {
    __typename: 'User',
    id: `user-${name.toLowerCase().replace(/\W+/g, '-')}`,
    displayName: name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.nl`,
    roles: grants.map((g, i) => ({
      __typename: 'UserRoleGrant',
      id: `grant-${i}`,
      role: g.role,
      municipalityCode: g.municipalityCode ?? null,
      organisationSlug: g.organisationSlug ?? null,
    })),
  };
}

export const admin = user('Ada Beheer', [{ role: 'ADMIN' }]);
export const editor = (code = 'GM1966') => user('Eva Redacteur', [{ role: 'EDITOR', municipalityCode: code }]);
export const viewer = user('Vic Lezer', [{ role: 'VIEWER' }]);
export const cooperationEditor = (slug: string) =>
  user('Cor Samenwerking', [{ role: 'COOPERATION_EDITOR', organisationSlug: slug }]);

/** A GraphQL error as the API sends it; the test server's type names only `message`. */
export const apiError = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  ({ message, extensions: { code, ...extensions } }) as { message: string };
