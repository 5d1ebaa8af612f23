import type { FieldColumns } from '../columns.js';

/** Rows as the solution SQL returns them (dates as YYYY-MM-DD strings, numeric as decimal strings). */
export interface SolutionRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  kind: string;
  lifecycle: string;
  initiative_id: number | null;
  origin_municipality_id: number | null;
  maintainer_organisation_id: number | null;
  licence: string | null;
  repository_url: string | null;
  website: string | null;
  launched_on: string | null;
  development_cost_eur: string | null;
  implementation_cost_eur: string | null;
  version: number;
}

export const SOLUTION_COLUMNS = `s.id, s.slug, s.name, s.description, s.kind, s.lifecycle, s.initiative_id,
  s.origin_municipality_id, s.maintainer_organisation_id, s.licence, s.repository_url, s.website, s.launched_on,
  s.development_cost_eur, s.implementation_cost_eur, s.version`;

/** SOLUTION_COLUMNS by field of the GraphQL type Solution. */
export const SOLUTION_FIELDS: FieldColumns = {
  always: ['s.id', 's.slug', 's.initiative_id', 's.origin_municipality_id', 's.maintainer_organisation_id'],
  byField: {
    name: ['s.name'],
    description: ['s.description'],
    kind: ['s.kind'],
    lifecycle: ['s.lifecycle'],
    licence: ['s.licence'],
    repositoryUrl: ['s.repository_url'],
    website: ['s.website'],
    launchedOn: ['s.launched_on'],
    developmentCostEur: ['s.development_cost_eur'],
    implementationCostEur: ['s.implementation_cost_eur'],
    version: ['s.version'],
  },
};

/** A solution joined to a relation or link, with the id of the row the loader was asked about. */
export interface LinkedSolutionRow extends SolutionRow {
  link_id: number;
}

/** One `solution_standard` link: which standard (and optionally which version) a solution implements. */
export interface SolutionStandardRow {
  solution_id: number;
  standard_id: number;
  standard_version_id: number | null;
}
