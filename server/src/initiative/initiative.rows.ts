/** Rows as the initiative SQL returns them (dates as YYYY-MM-DD strings, numeric as decimal strings). */
export interface InitiativeRow {
  id: number;
  slug: string;
  title: string;
  problem: string;
  domain: string;
  stage: string;
  submitted_on: string;
  submitted_by_municipality_id: number | null;
  submitted_by_organisation_id: number | null;
  website: string | null;
  version: number;
}

export const INITIATIVE_COLUMNS = `i.id, i.slug, i.title, i.problem, i.domain, i.stage, i.submitted_on,
  i.submitted_by_municipality_id, i.submitted_by_organisation_id, i.website, i.version`;

export interface DecisionRow {
  id: number;
  initiative_id: number;
  body: string;
  decided_on: string;
  outcome: string;
  from_stage: string | null;
  to_stage: string;
  rationale: string | null;
  annual_plan_id: number | null;
  recorded_at: Date;
}

export const DECISION_COLUMNS = `d.id, d.initiative_id, d.body, d.decided_on, d.outcome, d.from_stage, d.to_stage,
  d.rationale, d.annual_plan_id, d.recorded_at`;

export interface ParticipantRow {
  initiative_id: number;
  municipality_id: number;
  role: string;
  joined_on: string | null;
}

export interface FundingLineRow {
  id: number;
  initiative_id: number;
  annual_plan_id: number | null;
  year: number;
  source: string;
  amount_eur: string;
  description: string | null;
}

export interface AnnualPlanRow {
  id: number;
  year: number;
  title: string;
  adopted_on: string | null;
  budget_eur: string | null;
}
