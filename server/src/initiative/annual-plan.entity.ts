import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The GGU annual plan of one year: which initiatives it funds. */
@Entity({ name: 'annual_plan' })
@Unique('uq_annual_plan_year', ['year'])
@Check('ck_annual_plan_year', `year BETWEEN 2000 AND 2100`)
@Check('ck_annual_plan_budget', `budget_eur IS NULL OR budget_eur >= 0`)
export class AnnualPlan {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_annual_plan',
  })
  id: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'date', name: 'adopted_on', nullable: true })
  adoptedOn: string | null;

  /** numeric(14,2), so a decimal string. */
  @Column({ type: 'numeric', name: 'budget_eur', precision: 14, scale: 2, nullable: true })
  budgetEur: string | null;
}
