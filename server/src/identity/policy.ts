import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { Provenance } from '../adoption/adoption.types.js';
import type { Context } from '../context.js';
import { AppError, ErrorCode } from '../errors.js';
import { isAdmin, type Actor } from './actor.js';
import type { ApiScope } from './api-token.entity.js';
import type { Role } from './user-role.entity.js';

/**
 * The one place that says who may do what.
 *
 * 1. A coarse gate per mutation (and per non-public query or field), applied by `applyPolicy` to
 *    the built schema, before argument validation and before the resolver runs. A mutation
 *    without a rule is refused (fail closed), and a test fails when one exists.
 * 2. Record-level checks (which municipality, which solution) that the services call with the
 *    record in hand: `adoptionAuthority`, `complianceAuthority`, `municipalityAuthority`,
 *    `solutionAuthority`.
 */
export interface Rule {
  /** PUBLIC: anyone; SIGNED_IN: any user with a session; otherwise one of these roles. */
  who: 'PUBLIC' | 'SIGNED_IN' | readonly Role[];
  /** Tokens may call this only with this scope; without `token`, tokens are refused. */
  token?: ApiScope;
  /** What the service checks on top, for the README and the matrix. */
  scoped?: string;
}

const OFFICIALS: readonly Role[] = ['ADMIN', 'EDITOR', 'COOPERATION_EDITOR'];
const ADOPTION_WRITERS: readonly Role[] = ['ADMIN', 'EDITOR', 'COOPERATION_EDITOR', 'SUPPLIER'];
const CATALOGUE: readonly Role[] = ['ADMIN', 'SUPPLIER'];
const ADMIN: readonly Role[] = ['ADMIN'];

export const mutationRules: Readonly<Record<string, Rule>> = {
  // identity
  login: { who: 'PUBLIC' },
  logout: { who: 'PUBLIC' },
  createApiToken: { who: 'SIGNED_IN', scoped: 'grants only within the holder’s own roles' },
  revokeApiToken: { who: 'SIGNED_IN', scoped: 'own tokens; admins any' },
  createUser: { who: ADMIN },
  grantRole: { who: ADMIN },
  revokeRole: { who: ADMIN },
  deactivateUser: { who: ADMIN },
  // adoptions and compliance
  recordAdoptionStatus: {
    who: ADOPTION_WRITERS,
    token: 'WRITE_ADOPTIONS',
    scoped: 'own municipality / cooperation members / maintained solutions',
  },
  confirmAdoption: { who: ADOPTION_WRITERS, token: 'WRITE_ADOPTIONS', scoped: 'as recordAdoptionStatus' },
  importAdoptionsCsv: { who: ADOPTION_WRITERS, token: 'WRITE_ADOPTIONS', scoped: 'every row as recordAdoptionStatus' },
  resolveMergerReview: { who: ['ADMIN', 'EDITOR'], scoped: 'EDITOR: own municipality' },
  declareCompliance: { who: OFFICIALS, token: 'WRITE_COMPLIANCE', scoped: 'own municipality / cooperation members' },
  confirmCompliance: { who: OFFICIALS, token: 'WRITE_COMPLIANCE', scoped: 'as declareCompliance' },
  // initiatives
  submitInitiative: { who: OFFICIALS, scoped: 'submitted by own municipality or cooperation' },
  recordDecision: { who: ADMIN },
  addInitiativeParticipant: { who: ['ADMIN', 'EDITOR'], scoped: 'EDITOR: own municipality' },
  addFundingLine: { who: ADMIN },
  // catalogue
  createSolution: { who: CATALOGUE, scoped: 'SUPPLIER: maintained by own organisation' },
  updateSolution: { who: CATALOGUE, scoped: 'SUPPLIER: solutions its organisation maintains' },
  setSolutionStandards: { who: CATALOGUE, scoped: 'as updateSolution' },
  addSolutionRelation: { who: CATALOGUE, scoped: 'SUPPLIER: the `from` solution is its own' },
  removeSolutionRelation: { who: CATALOGUE, scoped: 'as addSolutionRelation' },
  createStandard: { who: ADMIN },
  updateStandard: { who: ADMIN },
  // change feed
  createWebhookSubscription: { who: 'SIGNED_IN' },
  deleteWebhookSubscription: { who: 'SIGNED_IN', scoped: 'own subscriptions; admins any' },
};

/** Queries that are not public. Every other query returns public data only. */
export const queryRules: Readonly<Record<string, Rule>> = {
  myApiTokens: { who: 'SIGNED_IN', token: 'READ' },
  myWebhookSubscriptions: { who: 'SIGNED_IN' },
  users: { who: ADMIN },
};

/** Personal data: a user's own record, or an administrator. */
type FieldRule = (actor: Actor, root: unknown) => boolean;
// `signedInAs`: the answer of login, whose caller is still anonymous until the cookie comes back.
const selfOrAdmin: FieldRule = (actor, root) =>
  isAdmin(actor) ||
  (root as { signedInAs?: boolean }).signedInAs === true ||
  (actor.kind !== 'anonymous' && String(actor.userId) === String((root as { id?: unknown }).id));

export const fieldRules: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  User: {
    email: selfOrAdmin,
    displayName: selfOrAdmin,
    roles: selfOrAdmin,
    lastLoginAt: selfOrAdmin,
    createdAt: selfOrAdmin,
  },
};

export const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);

// `policy: 'gate'` tells a refusal of the coarse gate from a record-level one (the matrix test reads it).
const gateUnauthenticated = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in, or send an API token as `Authorization: Bearer …`.', {
    policy: 'gate',
  });
const gateForbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message, { policy: 'gate' });

/** The coarse gate of a rule; throws UNAUTHENTICATED or FORBIDDEN. */
export function checkRule(name: string, rule: Rule | undefined, actor: Actor): void {
  if (!rule) throw gateForbidden(`${name} has no authorization rule`);
  if (rule.who === 'PUBLIC') return;
  if (actor.kind === 'anonymous') throw gateUnauthenticated();
  if (actor.kind === 'token') {
    if (rule.token && actor.scopes.includes(rule.token)) return;
    throw gateForbidden(
      rule.token ? `${name} needs a token with scope ${rule.token}` : `${name} is not available to API tokens; sign in`,
    );
  }
  if (rule.who === 'SIGNED_IN') return;
  if (!actor.roles.some((r) => (rule.who as readonly Role[]).includes(r.role))) {
    throw gateForbidden(`${name} needs one of the roles ${rule.who.join(', ')}`);
  }
}

/** Wraps the resolvers of every mutation and of the guarded queries and fields with their rule. */
export function applyPolicy(schema: GraphQLSchema): GraphQLSchema {
  const wrap = (
    fields: Record<string, { resolve?: GraphQLFieldResolver<unknown, Context> }>,
    check: (name: string, ctx: Context, root: unknown) => void,
    only?: readonly string[],
  ) => {
    for (const [name, field] of Object.entries(fields)) {
      if (only && !only.includes(name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, ctx, info) => {
        check(name, ctx, root);
        return resolve(root, args, ctx, info);
      };
    }
  };
  const mutation = schema.getMutationType();
  if (mutation) wrap(mutation.getFields(), (name, ctx) => checkRule(name, mutationRules[name], ctx.actor));
  const query = schema.getQueryType();
  if (query)
    wrap(query.getFields(), (name, ctx) => checkRule(name, queryRules[name], ctx.actor), Object.keys(queryRules));
  for (const [typeName, rules] of Object.entries(fieldRules)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    wrap(
      type.getFields(),
      (name, ctx, root) => {
        if (!rules[name]!(ctx.actor, root))
          throw forbidden(`${typeName}.${name} is personal data: only the user and administrators see it`);
      },
      Object.keys(rules),
    );
  }
  return schema;
}

// ---- record-level checks ------------------------------------------------------------------

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Authority {
  provenance: Provenance;
  /** The organisation on whose behalf the actor writes (cooperation or supplier), if any. */
  organisationId: number | null;
}

const orgsWith = (actor: Actor, role: Role) =>
  actor.kind === 'anonymous' ? [] : actor.roles.filter((r) => r.role === role).map((r) => r.organisationId as number);
const editsMunicipality = (actor: Actor, municipalityId: number) =>
  actor.kind !== 'anonymous' && actor.roles.some((r) => r.role === 'EDITOR' && r.municipalityId === municipalityId);

/** Cooperation organisations of the actor whose region contains the municipality. */
async function cooperationsFor(q: Queryable, actor: Actor, municipalityId: number): Promise<number[]> {
  const orgs = orgsWith(actor, 'COOPERATION_EDITOR');
  if (!orgs.length) return [];
  const { rows } = await q.query(
    `SELECT o.id FROM organisation o JOIN region_membership rm ON rm.region_id = o.region_id
     WHERE o.id = ANY($1::int[]) AND rm.municipality_id = $2 ORDER BY o.id`,
    [orgs, municipalityId],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Who may record an adoption of `solution` by `municipality`, and with which provenance: an admin
 * (VERIFIED), the municipality's EDITOR (SELF_DECLARED), a COOPERATION_EDITOR of a cooperation
 * whose region contains it (COOPERATION_DECLARED), a SUPPLIER of the solution's maintainer
 * (SUPPLIER_DECLARED). Strongest first.
 */
export async function adoptionAuthority(
  q: Queryable,
  actor: Actor,
  municipalityId: number,
  maintainerOrganisationId: number | null,
): Promise<Authority> {
  if (isAdmin(actor)) return { provenance: 'VERIFIED' as Provenance, organisationId: null };
  if (editsMunicipality(actor, municipalityId))
    return { provenance: 'SELF_DECLARED' as Provenance, organisationId: null };
  const [coop] = await cooperationsFor(q, actor, municipalityId);
  if (coop !== undefined) return { provenance: 'COOPERATION_DECLARED' as Provenance, organisationId: coop };
  if (maintainerOrganisationId !== null && orgsWith(actor, 'SUPPLIER').includes(maintainerOrganisationId)) {
    return { provenance: 'SUPPLIER_DECLARED' as Provenance, organisationId: maintainerOrganisationId };
  }
  throw forbidden(
    'You may record adoptions only for your own municipality, your cooperation’s members or the solutions you maintain',
  );
}

/** Compliance is the municipality’s own declaration (or its cooperation’s, or verified by an admin). */
export async function complianceAuthority(q: Queryable, actor: Actor, municipalityId: number): Promise<Authority> {
  if (isAdmin(actor)) return { provenance: 'VERIFIED' as Provenance, organisationId: null };
  if (editsMunicipality(actor, municipalityId))
    return { provenance: 'SELF_DECLARED' as Provenance, organisationId: null };
  const [coop] = await cooperationsFor(q, actor, municipalityId);
  if (coop !== undefined) return { provenance: 'COOPERATION_DECLARED' as Provenance, organisationId: coop };
  throw forbidden('You may declare compliance only for your own municipality or your cooperation’s members');
}

/** An admin, or the municipality's own EDITOR. */
export function municipalityAuthority(actor: Actor, municipalityId: number): void {
  if (isAdmin(actor) || editsMunicipality(actor, municipalityId)) return;
  throw forbidden('You may do this only for your own municipality');
}

/** An admin, or a SUPPLIER of the organisation that maintains the solution. */
export function solutionAuthority(actor: Actor, maintainerOrganisationId: number | null): void {
  if (isAdmin(actor)) return;
  if (maintainerOrganisationId !== null && orgsWith(actor, 'SUPPLIER').includes(maintainerOrganisationId)) return;
  throw forbidden('You may change only the solutions your organisation maintains');
}

export { orgsWith, editsMunicipality };
