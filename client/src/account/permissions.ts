import type { Me } from './useMe';

/** What the profile may offer a user for one municipality. The server decides; this only hides controls. */
export interface EditRights {
  /** recordAdoptionStatus, confirmAdoption, declareCompliance, confirmCompliance. */
  edit: boolean;
  /** resolveMergerReview: administrators and the municipality's own EDITOR only. */
  mergerReview: boolean;
}

const NONE: EditRights = { edit: false, mergerReview: false };

/** Slugs of the cooperations the user is COOPERATION_EDITOR of. */
export const cooperationSlugs = (me: Me | null): string[] =>
  me?.roles.filter((r) => r.role === 'COOPERATION_EDITOR' && r.organisationSlug).map((r) => r.organisationSlug!) ?? [];

/** True when the user might edit the municipality: decided in full by `editRights` once the regions are known. */
export function mayEdit(me: Me | null, municipalityCode: string): boolean {
  if (!me) return false;
  const code = municipalityCode.toUpperCase();
  return (
    me.roles.some((r) => r.role === 'ADMIN' || (r.role === 'EDITOR' && r.municipalityCode === code)) ||
    cooperationSlugs(me).length > 0
  );
}

/**
 * ADMIN: everything. EDITOR of the municipality: everything. COOPERATION_EDITOR of a cooperation
 * whose region contains the municipality: adoptions and compliance, no merger review (as
 * server/src/identity/policy.ts). `coveredBy` is the slugs of the cooperations whose region contains it.
 */
export function editRights(me: Me | null, municipalityCode: string, coveredBy: readonly string[]): EditRights {
  if (!me) return NONE;
  const code = municipalityCode.toUpperCase();
  if (me.roles.some((r) => r.role === 'ADMIN' || (r.role === 'EDITOR' && r.municipalityCode === code))) {
    return { edit: true, mergerReview: true };
  }
  if (cooperationSlugs(me).some((slug) => coveredBy.includes(slug))) return { edit: true, mergerReview: false };
  return NONE;
}
