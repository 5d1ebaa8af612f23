import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { Municipality } from '../geography/municipality.entity.js';
import { Solution } from '../solution/solution.entity.js';
import { AdoptionEvent, type AdoptionMode, type AdoptionStatus, type Provenance } from './adoption-event.entity.js';

/**
 * The current state of one municipality × solution: a projection of its adoption events, kept
 * in step by the service that appends them.
 */
@Entity({ name: 'adoption' })
@Unique('uq_adoption_municipality_solution', ['municipalityId', 'solutionId'])
@Check('ck_adoption_status', `status IN ('CONSIDERING', 'PLANNED', 'IMPLEMENTING', 'LIVE', 'RETIRED', 'RETRACTED')`)
@Check('ck_adoption_mode', `mode IS NULL OR mode IN ('OWN_INSTALLATION', 'SAAS', 'VIA_COOPERATION', 'VARIANT')`)
@Check(
  'ck_adoption_provenance',
  `provenance IN ('SELF_DECLARED', 'SUPPLIER_DECLARED', 'COOPERATION_DECLARED', 'VERIFIED', 'IMPORTED', 'INHERITED')`,
)
@Check('ck_adoption_version', `version >= 1`)
@Check('ck_adoption_dates', `first_event_date <= status_since`)
@Index('ix_adoption_solution_status', ['solutionId', 'status'])
// (municipality_id, status, solution_id) INCLUDE (status_since) is beyond TypeORM's index options:
// the migration owns this index's definition, and schema comparison leaves it alone.
@Index('ix_adoption_municipality_status', { synchronize: false })
@Index('ix_adoption_status_since', ['statusSince'])
@Index('ix_adoption_updated_at', ['updatedAt'])
export class Adoption {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_adoption',
  })
  id: number;

  @Column({ type: 'integer', name: 'municipality_id' })
  municipalityId: number;

  @ManyToOne(() => Municipality, { nullable: false })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_adoption_municipality_id' })
  municipality: Relation<Municipality>;

  @Column({ type: 'integer', name: 'solution_id' })
  solutionId: number;

  @ManyToOne(() => Solution, { nullable: false })
  @JoinColumn({ name: 'solution_id', foreignKeyConstraintName: 'fk_adoption_solution_id' })
  solution: Relation<Solution>;

  @Column({ type: 'text' })
  status: AdoptionStatus;

  @Column({ type: 'text', nullable: true })
  mode: AdoptionMode | null;

  @Column({ type: 'date', name: 'status_since' })
  statusSince: string;

  @Column({ type: 'date', name: 'first_event_date' })
  firstEventDate: string;

  @Column({ type: 'date', name: 'live_since', nullable: true })
  liveSince: string | null;

  @Column({ type: 'text' })
  provenance: Provenance;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** bigint: pg returns it as a string. */
  @Column({ type: 'bigint', name: 'last_event_id' })
  lastEventId: string;

  @ManyToOne(() => AdoptionEvent, { nullable: false })
  @JoinColumn({ name: 'last_event_id', foreignKeyConstraintName: 'fk_adoption_last_event_id' })
  lastEvent: Relation<AdoptionEvent>;

  @Column({ type: 'timestamptz', name: 'last_confirmed_at' })
  lastConfirmedAt: Date;

  @Column({ type: 'integer', name: 'inherited_from_municipality_id', nullable: true })
  inheritedFromMunicipalityId: number | null;

  @ManyToOne(() => Municipality, { nullable: true })
  @JoinColumn({
    name: 'inherited_from_municipality_id',
    foreignKeyConstraintName: 'fk_adoption_inherited_from_municipality_id',
  })
  inheritedFromMunicipality: Relation<Municipality> | null;

  @Column({ type: 'boolean', name: 'needs_review', default: false })
  needsReview: boolean;

  @Column({ type: 'boolean', name: 'is_demo', default: false })
  isDemo: boolean;

  /** Optimistic concurrency, checked and incremented by the services. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
