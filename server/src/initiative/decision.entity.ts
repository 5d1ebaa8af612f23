import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AnnualPlan } from './annual-plan.entity.js';
import { Initiative, type InitiativeStage } from './initiative.entity.js';

export const DECISION_BODIES = ['TASKFORCE', 'CVD', 'VNG_BOARD', 'ALV', 'VNG_REALISATIE'] as const;
export type DecisionBody = (typeof DECISION_BODIES)[number];

export const DECISION_OUTCOMES = ['APPROVED', 'REJECTED', 'DEFERRED', 'ADVISED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

const STAGES_SQL = `('SUBMITTED', 'ASSESSED', 'ADVISED', 'ADOPTED', 'IN_DEVELOPMENT', 'SCALING', 'IN_MANAGEMENT', 'REJECTED', 'STOPPED')`;

/** A body's decision on an initiative: moves it from one stage to another, maybe into an annual plan. */
@Entity({ name: 'decision' })
@Check('ck_decision_body', `body IN ('TASKFORCE', 'CVD', 'VNG_BOARD', 'ALV', 'VNG_REALISATIE')`)
@Check('ck_decision_outcome', `outcome IN ('APPROVED', 'REJECTED', 'DEFERRED', 'ADVISED')`)
@Check('ck_decision_from_stage', `from_stage IS NULL OR from_stage IN ${STAGES_SQL}`)
@Check('ck_decision_to_stage', `to_stage IN ${STAGES_SQL}`)
@Index('ix_decision_initiative_id', ['initiativeId', 'decidedOn'])
export class Decision {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_decision',
  })
  id: number;

  @Column({ type: 'integer', name: 'initiative_id' })
  initiativeId: number;

  @ManyToOne(() => Initiative, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_decision_initiative_id' })
  initiative: Relation<Initiative>;

  @Column({ type: 'text' })
  body: DecisionBody;

  @Column({ type: 'date', name: 'decided_on' })
  decidedOn: string;

  @Column({ type: 'text' })
  outcome: DecisionOutcome;

  @Column({ type: 'text', name: 'from_stage', nullable: true })
  fromStage: InitiativeStage | null;

  @Column({ type: 'text', name: 'to_stage' })
  toStage: InitiativeStage;

  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Column({ type: 'integer', name: 'annual_plan_id', nullable: true })
  annualPlanId: number | null;

  @ManyToOne(() => AnnualPlan, { nullable: true })
  @JoinColumn({ name: 'annual_plan_id', foreignKeyConstraintName: 'fk_decision_annual_plan_id' })
  annualPlan: Relation<AnnualPlan> | null;

  @Column({ type: 'timestamptz', name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}
