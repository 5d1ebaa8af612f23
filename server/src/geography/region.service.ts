import type { Pool } from 'pg';
import { containsPattern, listPage } from '../adoption/adoption.paging.js';
import { regionCodeArg, searchArg } from '../adoption/adoption.inputs.js';
import type { Page } from '../pagination.js';
import { REGION_COLUMNS, type RegionRow } from './region.rows.js';
import { Region, type RegionFilter, type RegionKind } from './region.types.js';

/** Reads of regions: SQL in, typed rows out. */
export class RegionService {
  constructor(private readonly pool: Pool) {}

  /** Codes match case-insensitively (`vr13` finds `VR13`). */
  async byKindCode(kind: RegionKind, code: string): Promise<RegionRow | null> {
    const { rows } = await this.pool.query<RegionRow>(
      `SELECT ${REGION_COLUMNS} FROM region r WHERE r.kind = $1 AND upper(r.code) = upper($2)`,
      [kind, regionCodeArg(code, 'code')],
    );
    return rows[0] ?? null;
  }

  /** A page of regions by kind, then code. `first` is already validated. */
  async list(
    filter: RegionFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<Region>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.kind?.length) where.push(`r.kind = ANY(${param(filter.kind)}::text[])`);
    const search = searchArg(filter?.search);
    if (search) {
      const p = param(containsPattern(search));
      where.push(`(lower(r.name) LIKE ${p} OR lower(r.code) LIKE ${p})`);
    }
    return listPage<RegionRow, Region>(this.pool, {
      from: 'region r',
      columns: REGION_COLUMNS,
      where,
      params,
      order: [{ column: 'kind' }, { column: 'code' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Region.from,
    });
  }
}
