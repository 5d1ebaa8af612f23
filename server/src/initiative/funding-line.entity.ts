import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AnnualPlan } from './annual-plan.entity.js';
import { Initiative } from './initiative.entity.js';

export const FUNDING_SOURCES = ['FONDS_GGU', 'VNG', 'MUNICIPALITIES', 'NATIONAL_GOVERNMENT', 'OTHER'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Money for an initiative from one source in one year. */
@Entity({ name: 'funding_line' })
@Unique('uq_funding_line', ['initiativeId', 'year', 'source'])
@Check('ck_funding_line_source', `source IN ('FONDS_GGU', 'VNG', 'MUNICIPALITIES', 'NATIONAL_GOVERNMENT', 'OTHER')`)
@Check('ck_funding_line_amount', `amount_eur >= 0`)
@Check('ck_funding_line_year', `year BETWEEN 2000 AND 2100`)
export class FundingLine {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_funding_line',
  })
  id: number;

  @Column({ type: 'integer', name: 'initiative_id' })
  initiativeId: number;

  @ManyToOne(() => Initiative, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_funding_line_initiative_id' })
  initiative: Relation<Initiative>;

  @Column({ type: 'integer', name: 'annual_plan_id', nullable: true })
  annualPlanId: number | null;

  @ManyToOne(() => AnnualPlan, { nullable: true })
  @JoinColumn({ name: 'annual_plan_id', foreignKeyConstraintName: 'fk_funding_line_annual_plan_id' })
  annualPlan: Relation<AnnualPlan> | null;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  source: FundingSource;

  /** numeric(14,2), so a decimal string. */
  @Column({ type: 'numeric', name: 'amount_eur', precision: 14, scale: 2 })
  amountEur: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
