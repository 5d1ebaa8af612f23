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
import { Organisation } from '../organisation/organisation.entity.js';

export const INITIATIVE_STAGES = [
  'SUBMITTED',
  'ASSESSED',
  'ADVISED',
  'ADOPTED',
  'IN_DEVELOPMENT',
  'SCALING',
  'IN_MANAGEMENT',
  'REJECTED',
  'STOPPED',
] as const;
export type InitiativeStage = (typeof INITIATIVE_STAGES)[number];

/** A proposal for a shared solution, from submission through decisions to management. */
@Entity({ name: 'initiative' })
@Unique('uq_initiative_slug', ['slug'])
@Check(
  'ck_initiative_stage',
  `stage IN ('SUBMITTED', 'ASSESSED', 'ADVISED', 'ADOPTED', 'IN_DEVELOPMENT', 'SCALING', 'IN_MANAGEMENT', 'REJECTED', 'STOPPED')`,
)
@Check(
  'ck_initiative_submitter',
  `submitted_by_municipality_id IS NOT NULL OR submitted_by_organisation_id IS NOT NULL`,
)
@Check('ck_initiative_slug', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Index('ix_initiative_stage', ['stage'])
export class Initiative {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_initiative',
  })
  id: number;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  problem: string;

  @Column({ type: 'text' })
  domain: string;

  @Column({ type: 'text' })
  stage: InitiativeStage;

  @Column({ type: 'date', name: 'submitted_on' })
  submittedOn: string;

  @Column({ type: 'integer', name: 'submitted_by_municipality_id', nullable: true })
  submittedByMunicipalityId: number | null;

  @ManyToOne(() => Municipality, { nullable: true })
  @JoinColumn({
    name: 'submitted_by_municipality_id',
    foreignKeyConstraintName: 'fk_initiative_submitted_by_municipality_id',
  })
  submittedByMunicipality: Relation<Municipality> | null;

  @Column({ type: 'integer', name: 'submitted_by_organisation_id', nullable: true })
  submittedByOrganisationId: number | null;

  @ManyToOne(() => Organisation, { nullable: true })
  @JoinColumn({
    name: 'submitted_by_organisation_id',
    foreignKeyConstraintName: 'fk_initiative_submitted_by_organisation_id',
  })
  submittedByOrganisation: Relation<Organisation> | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  /** Optimistic concurrency, checked and incremented by the services. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
