import { MUNICIPALITY_COLUMNS, PROVINCE_COLUMNS, type MunicipalityRow } from '../geography/geography.rows.js';
import { joinedColumns, type Joined } from './adoption.paging.js';
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
  /** The municipality (with its province), when the statement joined it: WITH_MUNICIPALITY. */
  municipality?: MunicipalityRow;
  /** The solution, when the statement joined it: WITH_SOLUTION. */
  solution?: SolutionRow;
}

/** Needs `adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id`. */
export const ADOPTION_COLUMNS = `a.id, a.municipality_id, a.solution_id, m.code AS municipality_code, s.slug AS solution_slug,
  a.status, a.mode, a.status_since, a.first_event_date, a.live_since, a.provenance, a.notes, a.last_confirmed_at,
  a.inherited_from_municipality_id, a.needs_review, a.is_demo, a.version, a.updated_at`;

export const ADOPTION_FROM = `adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id`;

/**
 * The rows the `municipality` (with its `province`) and `solution` fields of a page of adoptions
 * resolve to, joined to the page's rows (see `Joined`), so the page with them is one statement.
 */
const MUNICIPALITY_JOIN = (r: string) =>
  `LEFT JOIN municipality jm ON jm.id = ${r}.municipality_id LEFT JOIN province jp ON jp.id = jm.province_id`;
const MUNICIPALITY_JOINED = `${joinedColumns(MUNICIPALITY_COLUMNS, 'm', 'jm', 'municipality')},
  ${joinedColumns(PROVINCE_COLUMNS, 'p', 'jp', 'municipality.province')}`;
const SOLUTION_JOIN = (r: string) => `LEFT JOIN solution js ON js.id = ${r}.solution_id`;
const SOLUTION_JOINED = joinedColumns(SOLUTION_COLUMNS, 's', 'js', 'solution');

export const WITH_MUNICIPALITY: Joined = { joins: MUNICIPALITY_JOIN, columns: MUNICIPALITY_JOINED };
export const WITH_SOLUTION: Joined = { joins: SOLUTION_JOIN, columns: SOLUTION_JOINED };
export const WITH_BOTH: Joined = {
  joins: (r) => `${MUNICIPALITY_JOIN(r)} ${SOLUTION_JOIN(r)}`,
  columns: `${MUNICIPALITY_JOINED}, ${SOLUTION_JOINED}`,
};

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
