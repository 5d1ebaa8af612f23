import type { ApiScope } from './api-token.entity.js';
import type { Role } from './user-role.entity.js';

/** One role of a user: EDITOR of a municipality, COOPERATION_EDITOR or SUPPLIER of an organisation. */
export interface RoleGrant {
  role: Role;
  municipalityId: number | null;
  organisationId: number | null;
}

/**
 * Who is asking. A token acts with the roles its grants name (a municipality grant acts as that
 * municipality's EDITOR, an organisation grant as its COOPERATION_EDITOR or SUPPLIER), and only
 * where its holder still holds a matching role; a token never has ADMIN power.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; sessionId: number; roles: RoleGrant[] }
  | { kind: 'token'; userId: number; tokenId: number; scopes: ApiScope[]; roles: RoleGrant[] };

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

export const isAdmin = (a: Actor): boolean => a.kind === 'user' && a.roles.some((r) => r.role === 'ADMIN');

export const userIdOf = (a: Actor): number | null => (a.kind === 'anonymous' ? null : a.userId);

export const tokenIdOf = (a: Actor): number | null => (a.kind === 'token' ? a.tokenId : null);

/** The key idempotency records are scoped to. */
export const actorKey = (a: Actor): string =>
  a.kind === 'token' ? `token:${a.tokenId}` : a.kind === 'user' ? `user:${a.userId}` : 'anonymous';

export const hasRole = (a: Actor, role: Role): boolean =>
  a.kind !== 'anonymous' && a.roles.some((r) => r.role === role);
