import type { SolutionRow } from '../solution/solution.rows.js';

/** Rows as the standard SQL returns them (dates as YYYY-MM-DD strings, timestamptz as Date). */
export interface StandardRow {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  domain: string;
  status: string;
  owner_organisation_id: number | null;
  url: string | null;
  adopted_on: string | null;
  version: number;
}

export const STANDARD_COLUMNS = `st.id, st.slug, st.name, st.description, st.domain, st.status, st.owner_organisation_id,
  st.url, st.adopted_on, st.version`;

export interface StandardVersionRow {
  id: number;
  standard_id: number;
  standard_slug: string;
  version_label: string;
  status: string;
  released_on: string | null;
}

/** Needs `standard_version v JOIN standard st ON st.id = v.standard_id`. */
export const STANDARD_VERSION_COLUMNS = `v.id, v.standard_id, st.slug AS standard_slug, v.version_label, v.status, v.released_on`;

/** A `solution_standard` link with the standard, the solution and (optionally) the version, flattened. */
export interface ImplementationRow {
  link_id: number;
  standard: StandardRow;
  solution: SolutionRow;
  standard_version: StandardVersionRow | null;
}

export interface ComplianceRow {
  id: number;
  municipality_id: number;
  standard_id: number;
  municipality_code: string;
  standard_slug: string;
  status: string;
  explanation: string | null;
  deadline: string | null;
  declared_at: Date;
  provenance: string;
  last_confirmed_at: Date;
  is_demo: boolean;
  version: number;
}

/** Needs `standard_compliance c JOIN municipality m ON m.id = c.municipality_id JOIN standard st ON st.id = c.standard_id`. */
export const COMPLIANCE_COLUMNS = `c.id, c.municipality_id, c.standard_id, m.code AS municipality_code, st.slug AS standard_slug,
  c.status, c.explanation, c.deadline, c.declared_at, c.provenance, c.last_confirmed_at, c.is_demo, c.version`;

export const COMPLIANCE_FROM = `standard_compliance c JOIN municipality m ON m.id = c.municipality_id JOIN standard st ON st.id = c.standard_id`;
