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
import { Initiative } from '../initiative/initiative.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

export const SOLUTION_KINDS = ['SOFTWARE', 'SHARED_SERVICE', 'PROCESS', 'CONTRACT', 'KNOWLEDGE'] as const;
export type SolutionKind = (typeof SOLUTION_KINDS)[number];

export const SOLUTION_LIFECYCLES = [
  'IN_DEVELOPMENT',
  'PILOT',
  'AVAILABLE',
  'IN_MANAGEMENT',
  'DEPRECATED',
  'RETIRED',
] as const;
export type SolutionLifecycle = (typeof SOLUTION_LIFECYCLES)[number];

/** A shared solution municipalities can adopt, usually the outcome of an initiative. */
@Entity({ name: 'solution' })
@Unique('uq_solution_slug', ['slug'])
@Check('ck_solution_kind', `kind IN ('SOFTWARE', 'SHARED_SERVICE', 'PROCESS', 'CONTRACT', 'KNOWLEDGE')`)
@Check(
  'ck_solution_lifecycle',
  `lifecycle IN ('IN_DEVELOPMENT', 'PILOT', 'AVAILABLE', 'IN_MANAGEMENT', 'DEPRECATED', 'RETIRED')`,
)
@Check(
  'ck_solution_costs',
  `(development_cost_eur IS NULL OR development_cost_eur >= 0) AND (implementation_cost_eur IS NULL OR implementation_cost_eur >= 0)`,
)
@Check('ck_solution_slug', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Index('ix_solution_initiative_id', ['initiativeId'])
export class Solution {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_solution',
  })
  id: number;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  kind: SolutionKind;

  @Column({ type: 'text' })
  lifecycle: SolutionLifecycle;

  @Column({ type: 'integer', name: 'initiative_id', nullable: true })
  initiativeId: number | null;

  @ManyToOne(() => Initiative, { nullable: true })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_solution_initiative_id' })
  initiative: Relation<Initiative> | null;

  @Column({ type: 'integer', name: 'origin_municipality_id', nullable: true })
  originMunicipalityId: number | null;

  @ManyToOne(() => Municipality, { nullable: true })
  @JoinColumn({ name: 'origin_municipality_id', foreignKeyConstraintName: 'fk_solution_origin_municipality_id' })
  originMunicipality: Relation<Municipality> | null;

  @Column({ type: 'integer', name: 'maintainer_organisation_id', nullable: true })
  maintainerOrganisationId: number | null;

  @ManyToOne(() => Organisation, { nullable: true })
  @JoinColumn({
    name: 'maintainer_organisation_id',
    foreignKeyConstraintName: 'fk_solution_maintainer_organisation_id',
  })
  maintainerOrganisation: Relation<Organisation> | null;

  @Column({ type: 'text', nullable: true })
  licence: string | null;

  @Column({ type: 'text', name: 'repository_url', nullable: true })
  repositoryUrl: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'date', name: 'launched_on', nullable: true })
  launchedOn: string | null;

  /** numeric(14,2), so a decimal string. */
  @Column({ type: 'numeric', name: 'development_cost_eur', precision: 14, scale: 2, nullable: true })
  developmentCostEur: string | null;

  /** numeric(14,2), so a decimal string. */
  @Column({ type: 'numeric', name: 'implementation_cost_eur', precision: 14, scale: 2, nullable: true })
  implementationCostEur: string | null;

  /** Optimistic concurrency, checked and incremented by the services. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
