import { MUNICIPALITY_WITH_PROVINCE_JSON, jsonRow, type MunicipalityRow } from '../geography/geography.rows.js';
import { SOLUTION_COLUMNS, type SolutionRow } from '../solution/solution.rows.js';

/** Rows as the adoption SQL returns them (dates as YYYY-MM-DD strings, timestamptz as Date). */
export interface AdoptionRow {
  id: number;
  municipality_id: number;
  solution_id: number;
  municipality_code: string;
  solution_slug: string;
  status: string;
  mode: string | null;
  status_since: string;
  first_event_date: string;
  live_since: string | null;
  provenance: string;
  notes: string | null;
  last_confirmed_at: Date;
  inherited_from_municipality_id: number | null;
  needs_review: boolean;
  is_demo: boolean;
  version: number;
  updated_at: Date;
  /** The municipality (with its province), when the statement joined it: withMunicipality. */
  municipality?: MunicipalityRow;
  /** The solution, when the statement joined it: withSolution. */
  solution?: SolutionRow;
}

/** Needs `adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id`. */
export const ADOPTION_COLUMNS = `a.id, a.municipality_id, a.solution_id, m.code AS municipality_code, s.slug AS solution_slug,
  a.status, a.mode, a.status_since, a.first_event_date, a.live_since, a.provenance, a.notes, a.last_confirmed_at,
  a.inherited_from_municipality_id, a.needs_review, a.is_demo, a.version, a.updated_at`;

export const ADOPTION_FROM = `adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id`;

/**
 * Select-list additions for a page row `r` (with `municipality_id` and `solution_id`): the rows
 * the `municipality` (and its `province`) and `solution` fields resolve to, so a page of
 * adoptions with them is one statement instead of three. Evaluated for the page's rows only.
 */
export const withMunicipality = (r: string) =>
  `(SELECT ${MUNICIPALITY_WITH_PROVINCE_JSON} FROM municipality m JOIN province p ON p.id = m.province_id
     WHERE m.id = ${r}.municipality_id) AS municipality`;
export const withSolution = (r: string) =>
  `(SELECT ${jsonRow(SOLUTION_COLUMNS)} FROM solution s WHERE s.id = ${r}.solution_id) AS solution`;

/** An adoption event. The actor user is deliberately not selected: personal data is never public. */
export interface AdoptionEventRow {
  id: string;
  municipality_id: number;
  solution_id: number;
  status: string;
  mode: string | null;
  effective_date: string;
  recorded_at: Date;
  actor_organisation_id: number | null;
  provenance: string;
  notes: string | null;
  corrects_event_id: string | null;
  inherited_from_municipality_id: number | null;
  is_demo: boolean;
}

export const ADOPTION_EVENT_COLUMNS = `e.id::text AS id, e.municipality_id, e.solution_id, e.status, e.mode, e.effective_date,
  e.recorded_at, e.actor_organisation_id, e.provenance, e.notes, e.corrects_event_id::text AS corrects_event_id,
  e.inherited_from_municipality_id, e.is_demo`;
