/**
 * Shapes of the demo catalogue. The catalogue refers to municipalities by CBS code and to
 * everything else by slug; the loader resolves them to ids. Values of the enumerations are
 * exactly those of the check constraints in the data-model migration.
 */

export type OrganisationKind =
  | 'VNG'
  | 'VNG_REALISATIE'
  | 'TASKFORCE'
  | 'CVD'
  | 'IBD'
  | 'UMBRELLA_ASSOCIATION'
  | 'SUPPLIER'
  | 'CHAIN_PARTNER'
  | 'COOPERATION'
  | 'GOVERNMENT'
  | 'OTHER';

export interface OrganisationDef {
  slug: string;
  name: string;
  kind: OrganisationKind;
  website?: string;
  /** Code of a demo region (COOPERATION) this organisation runs. */
  region?: string;
  /** CBS code, for a municipality acting as an organisation (e.g. as maintainer). */
  municipality?: string;
}

export interface RegionDef {
  kind: 'NETWORK' | 'COOPERATION';
  code: string;
  name: string;
  /** CBS codes of current member municipalities. */
  members: string[];
}

export type StandardStatus = 'DRAFT' | 'ADOPTED' | 'APPLY_OR_EXPLAIN' | 'DEPRECATED';
export type StandardVersionStatus = 'DRAFT' | 'CURRENT' | 'SUPERSEDED' | 'WITHDRAWN';

export interface StandardDef {
  slug: string;
  name: string;
  description: string;
  domain: string;
  status: StandardStatus;
  owner?: string;
  url?: string;
  adoptedOn?: string;
  versions: { label: string; status: StandardVersionStatus; releasedOn?: string }[];
  /** Whether demo municipalities declare compliance with it. */
  declared?: boolean;
}

export type Stage =
  | 'SUBMITTED'
  | 'ASSESSED'
  | 'ADVISED'
  | 'ADOPTED'
  | 'IN_DEVELOPMENT'
  | 'SCALING'
  | 'IN_MANAGEMENT'
  | 'REJECTED'
  | 'STOPPED';

export type DecisionBody = 'TASKFORCE' | 'CVD' | 'VNG_BOARD' | 'ALV' | 'VNG_REALISATIE';
export type DecisionOutcome = 'APPROVED' | 'REJECTED' | 'DEFERRED' | 'ADVISED';

/** One decision: it moves the initiative to `to` (a DEFERRED outcome keeps the stage). */
export interface DecisionDef {
  to: Stage;
  on: string;
  body: DecisionBody;
  outcome: DecisionOutcome;
  /** Year of the annual plan the decision places the initiative in. */
  plan?: number;
  rationale: string;
}

export type FundingSource = 'FONDS_GGU' | 'VNG' | 'MUNICIPALITIES' | 'NATIONAL_GOVERNMENT' | 'OTHER';

export interface InitiativeDef {
  slug: string;
  title: string;
  problem: string;
  domain: string;
  submittedOn: string;
  submittedBy: { municipality: string } | { organisation: string };
  website?: string;
  decisions: DecisionDef[];
  /** CBS codes of pioneers and funders; `participants` more are drawn from the seed. */
  pioneers: string[];
  funders?: string[];
  participants: number;
  /** Demo amounts in millions of euros per source and year. */
  funding?: Partial<Record<FundingSource, Record<number, number>>>;
}

export type SolutionKind = 'SOFTWARE' | 'SHARED_SERVICE' | 'PROCESS' | 'CONTRACT' | 'KNOWLEDGE';
export type Lifecycle = 'IN_DEVELOPMENT' | 'PILOT' | 'AVAILABLE' | 'IN_MANAGEMENT' | 'DEPRECATED' | 'RETIRED';
export type AdoptionMode = 'OWN_INSTALLATION' | 'SAAS' | 'VIA_COOPERATION' | 'VARIANT';

/** How a solution spreads: a logistic curve from its launch. */
export interface UptakeDef {
  /** Share of municipalities that eventually go live (0–1). */
  reach: number;
  /** Years from launch until half of the eventual adopters are live. */
  half: number;
  /** Spread of the curve in years (larger is slower). */
  spread: number;
  /** Share of live adopters that later retire it. */
  retire?: number;
  /** Retirements happen only after this date (for solutions being replaced). */
  retireAfter?: string;
  /** Weights of the ways municipalities run it; omitted for contracts, processes and knowledge. */
  modes?: Partial<Record<AdoptionMode, number>>;
}

export interface SolutionDef {
  slug: string;
  name: string;
  description: string;
  kind: SolutionKind;
  lifecycle: Lifecycle;
  initiative?: string;
  origin?: string;
  maintainer?: string;
  licence?: string;
  repository?: string;
  website?: string;
  launchedOn: string;
  /** Demo figures in euros. */
  developmentCost?: number;
  implementationCost?: number;
  /** [standard slug, version label] */
  standards: [string, string?][];
  buildsOn?: string[];
  derivedFrom?: string[];
  uptake: UptakeDef;
}
