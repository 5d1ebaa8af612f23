import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StandardVersion } from '../standard/standard-version.entity.js';
import { Standard } from '../standard/standard.entity.js';
import { Solution } from './solution.entity.js';

/** A solution implements a standard, optionally a specific version of it. */
@Entity({ name: 'solution_standard' })
@Index('ix_solution_standard_standard_id', ['standardId'])
export class SolutionStandard {
  @PrimaryColumn({ type: 'integer', name: 'solution_id', primaryKeyConstraintName: 'pk_solution_standard' })
  solutionId: number;

  @PrimaryColumn({ type: 'integer', name: 'standard_id', primaryKeyConstraintName: 'pk_solution_standard' })
  standardId: number;

  @ManyToOne(() => Solution, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'solution_id', foreignKeyConstraintName: 'fk_solution_standard_solution_id' })
  solution: Relation<Solution>;

  @ManyToOne(() => Standard, { nullable: false })
  @JoinColumn({ name: 'standard_id', foreignKeyConstraintName: 'fk_solution_standard_standard_id' })
  standard: Relation<Standard>;

  @Column({ type: 'integer', name: 'standard_version_id', nullable: true })
  standardVersionId: number | null;

  @ManyToOne(() => StandardVersion, { nullable: true })
  @JoinColumn({ name: 'standard_version_id', foreignKeyConstraintName: 'fk_solution_standard_standard_version_id' })
  standardVersion: Relation<StandardVersion> | null;
}
