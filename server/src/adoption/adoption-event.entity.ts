import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Municipality } from '../geography/municipality.entity.js';
import { AppUser } from '../identity/app-user.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Solution } from '../solution/solution.entity.js';

export const ADOPTION_STATUSES = ['CONSIDERING', 'PLANNED', 'IMPLEMENTING', 'LIVE', 'RETIRED', 'RETRACTED'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

export const ADOPTION_MODES = ['OWN_INSTALLATION', 'SAAS', 'VIA_COOPERATION', 'VARIANT'] as const;
export type AdoptionMode = (typeof ADOPTION_MODES)[number];

/** Who vouches for a fact; shared by adoption events, adoptions and standard compliance. */
export const PROVENANCES = [
  'SELF_DECLARED',
  'SUPPLIER_DECLARED',
  'COOPERATION_DECLARED',
  'VERIFIED',
  'IMPORTED',
  'INHERITED',
] as const;
export type Provenance = (typeof PROVENANCES)[number];

/**
 * One change of a municipality's adoption of a solution, as of `effective_date`. Append-only: a
 * trigger refuses UPDATE and DELETE; a mistake is fixed by a new event that `corrects` it.
 */
@Entity({ name: 'adoption_event' })
@Check(
  'ck_adoption_event_status',
  `status IN ('CONSIDERING', 'PLANNED', 'IMPLEMENTING', 'LIVE', 'RETIRED', 'RETRACTED')`,
)
@Check('ck_adoption_event_mode', `mode IS NULL OR mode IN ('OWN_INSTALLATION', 'SAAS', 'VIA_COOPERATION', 'VARIANT')`)
@Check(
  'ck_adoption_event_provenance',
  `provenance IN ('SELF_DECLARED', 'SUPPLIER_DECLARED', 'COOPERATION_DECLARED', 'VERIFIED', 'IMPORTED', 'INHERITED')`,
)
@Index('ix_adoption_event_solution_timeline', ['solutionId', 'municipalityId', 'effectiveDate', 'id'])
@Index('ix_adoption_event_municipality_id', ['municipalityId', 'solutionId'])
@Index('ix_adoption_event_recorded_at', ['recordedAt', 'id'])
export class AdoptionEvent {
  /** bigint: pg returns it as a string. */
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_adoption_event',
  })
  id: string;

  @Column({ type: 'integer', name: 'municipality_id' })
  municipalityId: number;

  @ManyToOne(() => Municipality, { nullable: false })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_adoption_event_municipality_id' })
  municipality: Relation<Municipality>;

  @Column({ type: 'integer', name: 'solution_id' })
  solutionId: number;

  @ManyToOne(() => Solution, { nullable: false })
  @JoinColumn({ name: 'solution_id', foreignKeyConstraintName: 'fk_adoption_event_solution_id' })
  solution: Relation<Solution>;

  @Column({ type: 'text' })
  status: AdoptionStatus;

  @Column({ type: 'text', nullable: true })
  mode: AdoptionMode | null;

  @Column({ type: 'date', name: 'effective_date' })
  effectiveDate: string;

  @Column({ type: 'timestamptz', name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;

  @Column({ type: 'integer', name: 'actor_user_id', nullable: true })
  actorUserId: number | null;

  @ManyToOne(() => AppUser, { nullable: true })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'fk_adoption_event_actor_user_id' })
  actorUser: Relation<AppUser> | null;

  @Column({ type: 'integer', name: 'actor_organisation_id', nullable: true })
  actorOrganisationId: number | null;

  @ManyToOne(() => Organisation, { nullable: true })
  @JoinColumn({ name: 'actor_organisation_id', foreignKeyConstraintName: 'fk_adoption_event_actor_organisation_id' })
  actorOrganisation: Relation<Organisation> | null;

  @Column({ type: 'text' })
  provenance: Provenance;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'bigint', name: 'corrects_event_id', nullable: true })
  correctsEventId: string | null;

  @ManyToOne(() => AdoptionEvent, { nullable: true })
  @JoinColumn({ name: 'corrects_event_id', foreignKeyConstraintName: 'fk_adoption_event_corrects_event_id' })
  correctsEvent: Relation<AdoptionEvent> | null;

  @Column({ type: 'integer', name: 'inherited_from_municipality_id', nullable: true })
  inheritedFromMunicipalityId: number | null;

  @ManyToOne(() => Municipality, { nullable: true })
  @JoinColumn({
    name: 'inherited_from_municipality_id',
    foreignKeyConstraintName: 'fk_adoption_event_inherited_from_municipality_id',
  })
  inheritedFromMunicipality: Relation<Municipality> | null;

  @Column({ type: 'boolean', name: 'is_demo', default: false })
  isDemo: boolean;
}
