import type { Pool } from 'pg';
import { containsPattern, listPage } from '../adoption/adoption.paging.js';
import { searchArg } from '../adoption/adoption.inputs.js';
import type { Page } from '../pagination.js';
import { STANDARD_COLUMNS, type StandardRow } from './standard.rows.js';
import { Standard, type StandardFilter } from './standard.types.js';

/** Reads of standards: SQL in, typed rows out. */
export class StandardService {
  constructor(private readonly pool: Pool) {}

  /** A page of standards by name, then slug. `first` is already validated. */
  async list(
    filter: StandardFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<Standard>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.status?.length) where.push(`st.status = ANY(${param(filter.status)}::text[])`);
    if (filter?.domain?.trim()) where.push(`lower(st.domain) = lower(${param(filter.domain.trim())})`);
    const search = searchArg(filter?.search);
    if (search) {
      const p = param(containsPattern(search));
      where.push(`(lower(st.name) LIKE ${p} OR st.slug LIKE ${p} OR lower(coalesce(st.description, '')) LIKE ${p})`);
    }
    return listPage<StandardRow, Standard>(this.pool, {
      from: 'standard st',
      columns: STANDARD_COLUMNS,
      where,
      params,
      order: [{ column: 'name' }, { column: 'slug' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Standard.from,
    });
  }
}
