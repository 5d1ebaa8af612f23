import type { Pool } from 'pg';
import type { Page } from '../pagination.js';
import { municipalityCodeArg, regionCodeArg, slugArg } from './adoption.inputs.js';
import { listPage } from './adoption.paging.js';
import { ADOPTION_COLUMNS, ADOPTION_FROM, adoptionPageSelect, type AdoptionRow } from './adoption.rows.js';
import type { PageColumns } from '../columns.js';
import { Adoption, type AdoptionFilter } from './adoption.types.js';

const FULL_LIST_SELECT = adoptionPageSelect(undefined, { municipality: true, solution: true });

/** Reads of adoptions: SQL in, typed rows out. */
export class AdoptionService {
  constructor(private readonly pool: Pool) {}

  async byNaturalKey(municipalityCode: string, solutionSlug: string): Promise<AdoptionRow | null> {
    const { rows } = await this.pool.query<AdoptionRow>(
      `SELECT ${ADOPTION_COLUMNS} FROM ${ADOPTION_FROM} WHERE m.code = $1 AND s.slug = $2`,
      [municipalityCodeArg(municipalityCode, 'municipalityCode'), slugArg(solutionSlug, 'solutionSlug')],
    );
    return rows[0] ?? null;
  }

  /** A page of adoptions by municipality code, then solution slug. `first` is already validated. */
  async list(
    filter: AdoptionFilter | null | undefined,
    first: number,
    after: string | null | undefined,
    /** What to read (adoptionPageSelectFor); default every column, with municipality and solution. */
    select: PageColumns = FULL_LIST_SELECT,
  ): Promise<Page<Adoption>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.municipalityCode != null)
      where.push(`m.code = ${param(municipalityCodeArg(filter.municipalityCode, 'municipalityCode'))}`);
    if (filter?.solutionSlug != null) where.push(`s.slug = ${param(slugArg(filter.solutionSlug, 'solutionSlug'))}`);
    if (filter?.status?.length) where.push(`a.status = ANY(${param(filter.status)}::text[])`);
    if (filter?.mode?.length) where.push(`a.mode = ANY(${param(filter.mode)}::text[])`);
    if (filter?.provenance?.length) where.push(`a.provenance = ANY(${param(filter.provenance)}::text[])`);
    if (filter?.region) {
      where.push(`a.municipality_id IN (SELECT rm.municipality_id FROM region_membership rm JOIN region r ON r.id = rm.region_id
                                          WHERE r.kind = ${param(filter.region.kind)}
                                            AND upper(r.code) = upper(${param(regionCodeArg(filter.region.code, 'region.code'))}))`);
    }
    if (filter?.changedSince) {
      where.push(`(a.municipality_id, a.solution_id) IN (SELECT e.municipality_id, e.solution_id FROM adoption_event e
                                                           WHERE e.recorded_at >= ${param(filter.changedSince)}::timestamptz)`);
    }
    if (filter?.isDemo != null) where.push(`a.is_demo = ${param(filter.isDemo)}`);
    return listPage<AdoptionRow, Adoption>(this.pool, {
      from: ADOPTION_FROM,
      ...select,
      where,
      params,
      order: [{ column: 'municipality_code' }, { column: 'solution_slug' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Adoption.from,
    });
  }
}
