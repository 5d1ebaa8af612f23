import type { Pool } from 'pg';
import { containsPattern, listPage } from '../adoption/adoption.paging.js';
import { searchArg, slugArg } from '../adoption/adoption.inputs.js';
import type { Page } from '../pagination.js';
import { SOLUTION_COLUMNS, type SolutionRow } from './solution.rows.js';
import { Solution, type SolutionFilter } from './solution.types.js';

/** Reads of solutions: SQL in, typed rows out. */
export class SolutionService {
  constructor(private readonly pool: Pool) {}

  /** A page of solutions by name, then slug. `first` is already validated. */
  async list(
    filter: SolutionFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<Solution>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.kind?.length) where.push(`s.kind = ANY(${param(filter.kind)}::text[])`);
    if (filter?.lifecycle?.length) where.push(`s.lifecycle = ANY(${param(filter.lifecycle)}::text[])`);
    if (filter?.standardSlug != null) {
      const slug = slugArg(filter.standardSlug, 'standardSlug');
      where.push(`EXISTS (SELECT 1 FROM solution_standard ss JOIN standard st ON st.id = ss.standard_id
                           WHERE ss.solution_id = s.id AND st.slug = ${param(slug)})`);
    }
    if (filter?.initiativeSlug != null) {
      const slug = slugArg(filter.initiativeSlug, 'initiativeSlug');
      where.push(`s.initiative_id IN (SELECT id FROM initiative WHERE slug = ${param(slug)})`);
    }
    const search = searchArg(filter?.search);
    if (search) {
      const p = param(containsPattern(search));
      where.push(`(lower(s.name) LIKE ${p} OR s.slug LIKE ${p} OR lower(s.description) LIKE ${p})`);
    }
    return listPage<SolutionRow, Solution>(this.pool, {
      from: 'solution s',
      columns: SOLUTION_COLUMNS,
      where,
      params,
      order: [{ column: 'name' }, { column: 'slug' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Solution.from,
    });
  }
}
