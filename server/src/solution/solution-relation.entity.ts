import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Solution } from './solution.entity.js';

/** BUILDS_ON: `from` uses `to`. DERIVED_FROM: `from` is a fork or variant of `to`. */
export const SOLUTION_RELATION_KINDS = ['BUILDS_ON', 'DERIVED_FROM'] as const;
export type SolutionRelationKind = (typeof SOLUTION_RELATION_KINDS)[number];

/** A directed relation between two solutions. */
@Entity({ name: 'solution_relation' })
@Check('ck_solution_relation_kind', `kind IN ('BUILDS_ON', 'DERIVED_FROM')`)
@Check('ck_solution_relation_distinct', `from_solution_id <> to_solution_id`)
@Index('ix_solution_relation_to_solution_id', ['toSolutionId'])
export class SolutionRelation {
  @PrimaryColumn({ type: 'integer', name: 'from_solution_id', primaryKeyConstraintName: 'pk_solution_relation' })
  fromSolutionId: number;

  @PrimaryColumn({ type: 'integer', name: 'to_solution_id', primaryKeyConstraintName: 'pk_solution_relation' })
  toSolutionId: number;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_solution_relation' })
  kind: SolutionRelationKind;

  @ManyToOne(() => Solution, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_solution_id', foreignKeyConstraintName: 'fk_solution_relation_from_solution_id' })
  fromSolution: Relation<Solution>;

  @ManyToOne(() => Solution, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_solution_id', foreignKeyConstraintName: 'fk_solution_relation_to_solution_id' })
  toSolution: Relation<Solution>;
}
