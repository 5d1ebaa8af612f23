import type { Pool } from 'pg';
import { containsPattern, listPage } from '../adoption/adoption.paging.js';
import { searchArg } from '../adoption/adoption.inputs.js';
import { badInput } from '../errors.js';
import type { Page } from '../pagination.js';
import { INITIATIVE_COLUMNS, type InitiativeRow } from './initiative.rows.js';
import { Initiative, type InitiativeFilter } from './initiative.types.js';

/** Reads of initiatives: SQL in, typed rows out. */
export class InitiativeService {
  constructor(private readonly pool: Pool) {}

  async bySlug(slug: string): Promise<InitiativeRow | null> {
    const { rows } = await this.pool.query<InitiativeRow>(
      `SELECT ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.slug = $1`,
      [slug],
    );
    return rows[0] ?? null;
  }

  /** A page of initiatives, newest submission first, then by slug. `first` is already validated. */
  async list(
    filter: InitiativeFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<Initiative>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.stage?.length) where.push(`i.stage = ANY(${param(filter.stage)}::text[])`);
    if (filter?.domain?.trim()) where.push(`lower(i.domain) = lower(${param(filter.domain.trim())})`);
    if (filter?.year != null) {
      if (!Number.isInteger(filter.year) || filter.year < 2000 || filter.year > 2100) {
        throw badInput(`year must be between 2000 and 2100, got ${filter.year}`, 'year');
      }
      const y = param(filter.year);
      where.push(`(extract(year FROM i.submitted_on) = ${y}
                   OR EXISTS (SELECT 1 FROM funding_line f WHERE f.initiative_id = i.id AND f.year = ${y}))`);
    }
    const search = searchArg(filter?.search);
    if (search) {
      const p = param(containsPattern(search));
      where.push(`(lower(i.title) LIKE ${p} OR i.slug LIKE ${p} OR lower(i.problem) LIKE ${p})`);
    }
    return listPage<InitiativeRow, Initiative>(this.pool, {
      from: 'initiative i',
      columns: INITIATIVE_COLUMNS,
      where,
      params,
      order: [{ column: 'submitted_on', desc: true }, { column: 'slug' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Initiative.from,
    });
  }
}
