import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RegionRef } from '../geography/region.types.js';
import { connectionTypes } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import type { MunicipalityRow } from '../geography/geography.rows.js';
import type { SolutionRow } from '../solution/solution.rows.js';
import type { AdoptionEventRow, AdoptionRow } from './adoption.rows.js';
import { DateTimeScalar } from './adoption.scalars.js';

export enum AdoptionStatus {
  CONSIDERING = 'CONSIDERING',
  PLANNED = 'PLANNED',
  IMPLEMENTING = 'IMPLEMENTING',
  LIVE = 'LIVE',
  RETIRED = 'RETIRED',
  RETRACTED = 'RETRACTED',
}
registerEnumType(AdoptionStatus, {
  name: 'AdoptionStatus',
  description: 'How far a municipality is with a solution: CONSIDERING → PLANNED → IMPLEMENTING → LIVE → RETIRED.',
  valuesConfig: {
    CONSIDERING: { description: 'Orienting: the municipality is looking into the solution.' },
    PLANNED: { description: 'Decided to adopt; implementation is planned.' },
    IMPLEMENTING: { description: 'Implementation is under way.' },
    LIVE: { description: 'In production use.' },
    RETIRED: { description: 'Was used, no longer is.' },
    RETRACTED: {
      description: 'An earlier declaration was withdrawn as mistaken: the municipality has no status for the solution.',
    },
  },
});

export enum AdoptionMode {
  OWN_INSTALLATION = 'OWN_INSTALLATION',
  SAAS = 'SAAS',
  VIA_COOPERATION = 'VIA_COOPERATION',
  VARIANT = 'VARIANT',
}
registerEnumType(AdoptionMode, {
  name: 'AdoptionMode',
  description: 'How a municipality uses a solution.',
  valuesConfig: {
    OWN_INSTALLATION: { description: 'Installed and run by the municipality itself.' },
    SAAS: { description: 'Used as a service hosted by a supplier.' },
    VIA_COOPERATION: { description: 'Used through a samenwerkingsverband that runs it for its members.' },
    VARIANT: { description: 'The municipality uses its own variant (fork) of the solution.' },
  },
});

export enum Provenance {
  SELF_DECLARED = 'SELF_DECLARED',
  SUPPLIER_DECLARED = 'SUPPLIER_DECLARED',
  COOPERATION_DECLARED = 'COOPERATION_DECLARED',
  VERIFIED = 'VERIFIED',
  IMPORTED = 'IMPORTED',
  INHERITED = 'INHERITED',
}
registerEnumType(Provenance, {
  name: 'Provenance',
  description: 'Who vouches for a fact.',
  valuesConfig: {
    SELF_DECLARED: { description: 'Declared by the municipality itself.' },
    SUPPLIER_DECLARED: { description: 'Declared by the supplier or maintainer of the solution.' },
    COOPERATION_DECLARED: { description: 'Declared by a cooperation on behalf of its member.' },
    VERIFIED: { description: 'Checked by VNG / the GGU programme.' },
    IMPORTED: { description: 'Imported from an earlier register or an external source.' },
    INHERITED: { description: 'Taken over from a predecessor municipality after a merger or split; to be reviewed.' },
  },
});

@ObjectType({
  description:
    'The current state of one municipality’s use of one solution (gebruik / implementatie): a projection of its adoption events, which are never overwritten.',
})
export class Adoption {
  @Field(() => ID, {
    description: 'Stable identifier: `MUNICIPALITY_CODE:SOLUTION_SLUG`, e.g. `GM0363:open-formulieren`.',
  })
  id: string;

  @Field(() => AdoptionStatus, { description: 'Current status (that of the latest event by effective date).' })
  status: AdoptionStatus;

  @Field(() => AdoptionMode, { nullable: true, description: 'How the solution is used; null when not declared.' })
  mode: AdoptionMode | null;

  @Field(() => DateScalar, { description: 'Date the current status took effect.' })
  statusSince: string;

  @Field(() => DateScalar, {
    description: 'Effective date of the first event: when the municipality first showed up with this solution.',
  })
  firstEventDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the solution first went LIVE here; null when it never did.',
  })
  liveSince: string | null;

  @Field(() => Provenance, { description: 'Who vouches for the current status.' })
  provenance: Provenance;

  @Field(() => String, { nullable: true, description: 'Free-text notes on the current status.' })
  notes: string | null;

  @Field(() => DateTimeScalar, {
    description: 'When the current status was last declared or confirmed; old values mean a stale fact.',
  })
  lastConfirmedAt: Date;

  @Field(() => Boolean, {
    description: 'True when the status was inherited after a merger or split and awaits review.',
  })
  needsReview: boolean;

  @Field(() => Boolean, { description: 'True for generated demonstration data, never for real declarations.' })
  isDemo: boolean;

  @Field(() => Int, { description: 'Record version, incremented by every change (optimistic concurrency).' })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When this projection last changed.' })
  updatedAt: Date;

  dbId: number;
  municipalityDbId: number;
  solutionDbId: number;
  inheritedFromDbId: number | null;
  /** Rows the statement joined, so the field resolvers need no statement of their own. */
  municipalityRow?: MunicipalityRow;
  solutionRow?: SolutionRow;

  static from(row: AdoptionRow): Adoption {
    return Object.assign(new Adoption(), {
      id: `${row.municipality_code}:${row.solution_slug}`,
      status: row.status as AdoptionStatus,
      mode: row.mode as AdoptionMode | null,
      statusSince: row.status_since,
      firstEventDate: row.first_event_date,
      liveSince: row.live_since,
      provenance: row.provenance as Provenance,
      notes: row.notes,
      lastConfirmedAt: row.last_confirmed_at,
      needsReview: row.needs_review,
      isDemo: row.is_demo,
      version: row.version,
      updatedAt: row.updated_at,
      dbId: row.id,
      municipalityDbId: row.municipality_id,
      solutionDbId: row.solution_id,
      inheritedFromDbId: row.inherited_from_municipality_id,
      municipalityRow: row.municipality,
      solutionRow: row.solution,
    });
  }
}

@ObjectType({
  description: 'One recorded change of an adoption. Events are append-only: a mistake is fixed by a later event.',
})
export class AdoptionEvent {
  @Field(() => ID, { description: 'Stable identifier: the event number, as a string.' })
  id: string;

  @Field(() => AdoptionStatus, { description: 'Status from `effectiveDate` on.' })
  status: AdoptionStatus;

  @Field(() => AdoptionMode, { nullable: true, description: 'How the solution is used; null when not declared.' })
  mode: AdoptionMode | null;

  @Field(() => DateScalar, { description: 'Date the change took effect (may lie before `recordedAt`).' })
  effectiveDate: string;

  @Field(() => DateTimeScalar, { description: 'When the change was recorded in the atlas.' })
  recordedAt: Date;

  @Field(() => Provenance, { description: 'Who vouches for the change.' })
  provenance: Provenance;

  @Field(() => String, { nullable: true, description: 'Free-text notes on the change.' })
  notes: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Id of the earlier event this one corrects; null for an ordinary change.',
  })
  correctsEventId: string | null;

  @Field(() => Boolean, { description: 'True for generated demonstration data.' })
  isDemo: boolean;

  municipalityDbId: number;
  solutionDbId: number;
  actorOrganisationDbId: number | null;
  inheritedFromDbId: number | null;

  static from(row: AdoptionEventRow): AdoptionEvent {
    return Object.assign(new AdoptionEvent(), {
      id: row.id,
      status: row.status as AdoptionStatus,
      mode: row.mode as AdoptionMode | null,
      effectiveDate: row.effective_date,
      recordedAt: row.recorded_at,
      provenance: row.provenance as Provenance,
      notes: row.notes,
      correctsEventId: row.corrects_event_id,
      isDemo: row.is_demo,
      municipalityDbId: row.municipality_id,
      solutionDbId: row.solution_id,
      actorOrganisationDbId: row.actor_organisation_id,
      inheritedFromDbId: row.inherited_from_municipality_id,
    });
  }
}

@InputType({ description: 'Narrows an adoption list. All given conditions must hold.' })
export class AdoptionFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only adoptions of this municipality, by CBS code (e.g. `GM0363`).',
  })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only adoptions of this solution, by slug.' })
  solutionSlug?: string | null;

  @Field(() => [AdoptionStatus], {
    nullable: true,
    description: 'Only adoptions whose current status is one of these.',
  })
  status?: AdoptionStatus[] | null;

  @Field(() => [AdoptionMode], { nullable: true, description: 'Only adoptions whose current mode is one of these.' })
  mode?: AdoptionMode[] | null;

  @Field(() => [Provenance], {
    nullable: true,
    description: 'Only adoptions whose current status has one of these provenances.',
  })
  provenance?: Provenance[] | null;

  @Field(() => RegionRef, {
    nullable: true,
    description: 'Only adoptions of municipalities that are members of this region.',
  })
  region?: RegionRef | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only adoptions with at least one event recorded on or after this instant: what changed since a previous sync.',
  })
  changedSince?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only demonstration data; false: only real declarations; omitted: both.',
  })
  isDemo?: boolean | null;
}

export const { Connection: AdoptionConnection, Edge: AdoptionEdge } = connectionTypes(
  Adoption,
  'Adoption',
  'A page of adoptions. Top-level lists are ordered by municipality code, then solution slug; a municipality’s adoptions by solution slug; a solution’s adoptions by municipality code.',
);
export type AdoptionConnection = InstanceType<typeof AdoptionConnection>;

@ArgsType()
export class AdoptionsOfArgs {
  @Field(() => [AdoptionStatus], {
    nullable: true,
    description: 'Only adoptions whose current status is one of these.',
  })
  status?: AdoptionStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the adoptions after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;
}
