import { AdoptionEvent } from './adoption/adoption-event.entity.js';
import { Adoption } from './adoption/adoption.entity.js';
import { AuditLog } from './audit/audit-log.entity.js';
import { WebhookDelivery } from './feed/webhook-delivery.entity.js';
import { WebhookSubscription } from './feed/webhook-subscription.entity.js';
import { BoundarySet } from './geography/boundary-set.entity.js';
import { MunicipalitySuccession } from './geography/municipality-succession.entity.js';
import { Municipality } from './geography/municipality.entity.js';
import { Province } from './geography/province.entity.js';
import { RegionMembership } from './geography/region-membership.entity.js';
import { Region } from './geography/region.entity.js';
import { ApiTokenGrant } from './identity/api-token-grant.entity.js';
import { ApiToken } from './identity/api-token.entity.js';
import { AppUser } from './identity/app-user.entity.js';
import { IdempotencyKey } from './identity/idempotency-key.entity.js';
import { LoginAttempt } from './identity/login-attempt.entity.js';
import { OidcLogin } from './identity/oidc-login.entity.js';
import { UserRole } from './identity/user-role.entity.js';
import { UserSession } from './identity/user-session.entity.js';
import { AnnualPlan } from './initiative/annual-plan.entity.js';
import { Decision } from './initiative/decision.entity.js';
import { FundingLine } from './initiative/funding-line.entity.js';
import { InitiativeParticipant } from './initiative/initiative-participant.entity.js';
import { Initiative } from './initiative/initiative.entity.js';
import { Organisation } from './organisation/organisation.entity.js';
import { ReferenceImport } from './reference/reference-import.entity.js';
import { SolutionRelation } from './solution/solution-relation.entity.js';
import { SolutionStandard } from './solution/solution-standard.entity.js';
import { Solution } from './solution/solution.entity.js';
import { StandardCompliance } from './standard/standard-compliance.entity.js';
import { StandardVersion } from './standard/standard-version.entity.js';
import { Standard } from './standard/standard.entity.js';

/**
 * Every TypeORM entity, one per table. They mirror the hand-written migrations in /migrations
 * exactly: `pnpm migrations:check` migrates an empty database and asks TypeORM for a migration,
 * which must come back empty.
 */
export const entities: Function[] = [
  // geography and reference data
  Province,
  Municipality,
  MunicipalitySuccession,
  Region,
  RegionMembership,
  BoundarySet,
  ReferenceImport,
  // organisations and people
  Organisation,
  AppUser,
  UserRole,
  UserSession,
  ApiToken,
  ApiTokenGrant,
  // standards
  Standard,
  StandardVersion,
  StandardCompliance,
  // initiatives
  AnnualPlan,
  Initiative,
  Decision,
  InitiativeParticipant,
  FundingLine,
  // solutions and adoptions
  Solution,
  SolutionStandard,
  SolutionRelation,
  AdoptionEvent,
  Adoption,
  // audit
  AuditLog,
  // writes, identity and trust (migration 1764633600000)
  IdempotencyKey,
  LoginAttempt,
  OidcLogin,
  WebhookSubscription,
  WebhookDelivery,
];
