import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { byKey, groupBy } from '../geography/geography.loaders.js';
import {
  DECISION_COLUMNS,
  INITIATIVE_COLUMNS,
  type AnnualPlanRow,
  type DecisionRow,
  type FundingLineRow,
  type InitiativeRow,
  type ParticipantRow,
} from './initiative.rows.js';

export type ParticipantLinkRow = ParticipantRow & { initiative_slug: string; municipality_code: string };
export type FundingLineLinkRow = FundingLineRow & { initiative_slug: string };

const PARTICIPANT_SQL = `SELECT p.initiative_id, p.municipality_id, p.role, p.joined_on, i.slug AS initiative_slug, m.code AS municipality_code
  FROM initiative_participant p JOIN initiative i ON i.id = p.initiative_id JOIN municipality m ON m.id = p.municipality_id`;

export function initiativeLoaders(pool: Pool) {
  return {
    initiativeById: new DataLoader<number, InitiativeRow | null>(async (ids) => {
      const { rows } = await pool.query<InitiativeRow>(
        `SELECT ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
    /** Decisions on an initiative, oldest first. */
    decisionsOfInitiative: new DataLoader<number, DecisionRow[]>(async (ids) => {
      const { rows } = await pool.query<DecisionRow>(
        `SELECT ${DECISION_COLUMNS} FROM decision d WHERE d.initiative_id = ANY($1::int[]) ORDER BY d.decided_on, d.id`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.initiative_id);
    }),
    /** Participating municipalities of an initiative: pioneers first, then by municipality code. */
    participantsOfInitiative: new DataLoader<number, ParticipantLinkRow[]>(async (ids) => {
      const { rows } = await pool.query<ParticipantLinkRow>(
        `${PARTICIPANT_SQL} WHERE p.initiative_id = ANY($1::int[])
          ORDER BY array_position(ARRAY['PIONEER', 'PARTICIPANT', 'FUNDER'], p.role), m.code`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.initiative_id);
    }),
    /** The initiatives a municipality takes part in, by municipality id, newest submission first. */
    participationsOfMunicipality: new DataLoader<number, ParticipantLinkRow[]>(async (ids) => {
      const { rows } = await pool.query<ParticipantLinkRow>(
        `${PARTICIPANT_SQL} WHERE p.municipality_id = ANY($1::int[]) ORDER BY i.submitted_on DESC, i.slug`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.municipality_id);
    }),
    /** Funding lines of an initiative by year, then source. */
    fundingLinesOfInitiative: new DataLoader<number, FundingLineLinkRow[]>(async (ids) => {
      const { rows } = await pool.query<FundingLineLinkRow>(
        `SELECT f.id, f.initiative_id, f.annual_plan_id, f.year, f.source, f.amount_eur, f.description, i.slug AS initiative_slug
           FROM funding_line f JOIN initiative i ON i.id = f.initiative_id
          WHERE f.initiative_id = ANY($1::int[]) ORDER BY f.year, f.source`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.initiative_id);
    }),
    annualPlanById: new DataLoader<number, AnnualPlanRow | null>(async (ids) => {
      const { rows } = await pool.query<AnnualPlanRow>(
        `SELECT id, year, title, adopted_on, budget_eur FROM annual_plan WHERE id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
  };
}
