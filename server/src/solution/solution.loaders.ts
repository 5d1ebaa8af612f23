import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { byKey, groupBy } from '../geography/geography.loaders.js';
import { SOLUTION_COLUMNS, type LinkedSolutionRow, type SolutionRow } from './solution.rows.js';

type Direction = 'from' | 'to';

/**
 * Solutions on the other end of a `solution_relation` of one kind. `from` loads, for each
 * given solution id, the solutions it points to (builds on / derived from); `to` loads the
 * solutions pointing at it (built on by / derivatives).
 */
function relationLoader(pool: Pool, kind: 'BUILDS_ON' | 'DERIVED_FROM', side: Direction) {
  const [own, other] =
    side === 'from' ? ['from_solution_id', 'to_solution_id'] : ['to_solution_id', 'from_solution_id'];
  return new DataLoader<number, LinkedSolutionRow[]>(async (ids) => {
    const { rows } = await pool.query<LinkedSolutionRow>(
      `SELECT r.${own} AS link_id, ${SOLUTION_COLUMNS}
         FROM solution_relation r JOIN solution s ON s.id = r.${other}
        WHERE r.kind = $2 AND r.${own} = ANY($1::int[])
        ORDER BY s.name, s.slug`,
      [ids, kind],
    );
    return groupBy(ids, rows, (r) => r.link_id);
  });
}

export function solutionLoaders(pool: Pool) {
  return {
    solutionById: new DataLoader<number, SolutionRow | null>(async (ids) => {
      const { rows } = await pool.query<SolutionRow>(
        `SELECT ${SOLUTION_COLUMNS} FROM solution s WHERE s.id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
    /** Keys are slugs as stored (lowercase); unknown slugs give null. */
    solutionBySlug: new DataLoader<string, SolutionRow | null>(async (slugs) => {
      const { rows } = await pool.query<SolutionRow>(
        `SELECT ${SOLUTION_COLUMNS} FROM solution s WHERE s.slug = ANY($1::text[])`,
        [slugs],
      );
      return byKey(slugs, rows, (r) => r.slug);
    }),
    /** Solutions an initiative produced, by initiative id, ordered by name. */
    solutionsOfInitiative: new DataLoader<number, SolutionRow[]>(async (ids) => {
      const { rows } = await pool.query<SolutionRow>(
        `SELECT ${SOLUTION_COLUMNS} FROM solution s WHERE s.initiative_id = ANY($1::int[]) ORDER BY s.name, s.slug`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.initiative_id!);
    }),
    /** Solutions an organisation maintains, by organisation id, ordered by name. */
    solutionsMaintainedBy: new DataLoader<number, SolutionRow[]>(async (ids) => {
      const { rows } = await pool.query<SolutionRow>(
        `SELECT ${SOLUTION_COLUMNS} FROM solution s WHERE s.maintainer_organisation_id = ANY($1::int[]) ORDER BY s.name, s.slug`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.maintainer_organisation_id!);
    }),
    /** Solutions a municipality originally developed, by municipality id, ordered by name. */
    solutionsOriginatedBy: new DataLoader<number, SolutionRow[]>(async (ids) => {
      const { rows } = await pool.query<SolutionRow>(
        `SELECT ${SOLUTION_COLUMNS} FROM solution s WHERE s.origin_municipality_id = ANY($1::int[]) ORDER BY s.name, s.slug`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.origin_municipality_id!);
    }),
    buildsOn: relationLoader(pool, 'BUILDS_ON', 'from'),
    builtOnBy: relationLoader(pool, 'BUILDS_ON', 'to'),
    derivedFrom: relationLoader(pool, 'DERIVED_FROM', 'from'),
    derivatives: relationLoader(pool, 'DERIVED_FROM', 'to'),
  };
}
