import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { groupBy } from '../geography/geography.loaders.js';
import {
  ADOPTION_EVENT_COLUMNS,
  ADOPTION_FROM,
  adoptionPageSelect,
  type AdoptionEventRow,
  type AdoptionRow,
} from './adoption.rows.js';
import { Adoption, type AdoptionStatus } from './adoption.types.js';
import { childPageLoader } from './adoption.paging.js';

/** Arguments of the `adoptions` field on a municipality or solution. */
export interface AdoptionChildFilter {
  status: AdoptionStatus[] | null;
}

const statusWhere = (f: AdoptionChildFilter, param: (v: unknown) => string) =>
  f.status && f.status.length ? [`a.status = ANY(${param(f.status)}::text[])`] : [];

/** Every column, with the solution or the municipality joined: unless a key's select narrows it. */
const OF_MUNICIPALITY = adoptionPageSelect(undefined, { solution: true, fromOwnJoins: true });
const OF_SOLUTION = adoptionPageSelect(undefined, { municipality: true, fromOwnJoins: true });

export function adoptionLoaders(pool: Pool) {
  return {
    /** A municipality's adoptions, paged, ordered by solution slug. Key: municipality id + arguments. */
    adoptionsOfMunicipality: childPageLoader<AdoptionRow, AdoptionChildFilter, Adoption>(pool, {
      from: ADOPTION_FROM,
      countFrom: 'adoption a',
      ...OF_MUNICIPALITY,
      parentColumn: 'a.municipality_id',
      order: ['solution_slug'],
      where: statusWhere,
      node: Adoption.from,
    }),
    /** A solution's adoptions (its adopters), paged, ordered by municipality code. Key: solution id + arguments. */
    adoptionsOfSolution: childPageLoader<AdoptionRow, AdoptionChildFilter, Adoption>(pool, {
      from: ADOPTION_FROM,
      countFrom: 'adoption a',
      ...OF_SOLUTION,
      parentColumn: 'a.solution_id',
      order: ['municipality_code'],
      where: statusWhere,
      node: Adoption.from,
    }),
    /** The events of an adoption, oldest first (effective date, then recording order). Key: `municipalityId:solutionId`. */
    eventsOfAdoption: new DataLoader<string, AdoptionEventRow[]>(async (keys) => {
      const pairs = keys.map((k) => k.split(':').map(Number) as [number, number]);
      const { rows } = await pool.query<AdoptionEventRow>(
        `SELECT ${ADOPTION_EVENT_COLUMNS}
           FROM adoption_event e
           JOIN unnest($1::int[], $2::int[]) AS k(municipality_id, solution_id)
             ON k.municipality_id = e.municipality_id AND k.solution_id = e.solution_id
          ORDER BY e.effective_date, e.id`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      return groupBy(keys, rows, (r) => `${r.municipality_id}:${r.solution_id}`);
    }),
  };
}
