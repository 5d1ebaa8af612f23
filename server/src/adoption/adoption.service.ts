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
    // The same conditions on atlas_meta.adoption_status_count, while every one is on the
    // municipality or the status: the total is then a sum of counts.
    const countWhere: string[] = [];
    let countable = true;
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const onRows = (condition: string) => {
      where.push(condition);
      countable = false;
    };
    const onCounts = (condition: string, counted: string) => {
      where.push(condition);
      countWhere.push(counted);
    };
    if (filter?.municipalityCode != null) {
      const code = param(municipalityCodeArg(filter.municipalityCode, 'municipalityCode'));
      onCounts(`m.code = ${code}`, `c.municipality_id IN (SELECT id FROM municipality WHERE code = ${code})`);
    }
    if (filter?.solutionSlug != null) onRows(`s.slug = ${param(slugArg(filter.solutionSlug, 'solutionSlug'))}`);
    if (filter?.status?.length) {
      const statuses = param(filter.status);
      onCounts(`a.status = ANY(${statuses}::text[])`, `c.status = ANY(${statuses}::text[])`);
    }
    if (filter?.mode?.length) onRows(`a.mode = ANY(${param(filter.mode)}::text[])`);
    if (filter?.provenance?.length) onRows(`a.provenance = ANY(${param(filter.provenance)}::text[])`);
    if (filter?.region) {
      const members = `SELECT rm.municipality_id FROM region_membership rm JOIN region r ON r.id = rm.region_id
                        WHERE r.kind = ${param(filter.region.kind)}
                          AND upper(r.code) = upper(${param(regionCodeArg(filter.region.code, 'region.code'))})`;
      onCounts(`a.municipality_id IN (${members})`, `c.municipality_id IN (${members})`);
    }
    if (filter?.changedSince) {
      onRows(`(a.municipality_id, a.solution_id) IN (SELECT e.municipality_id, e.solution_id FROM adoption_event e
                                                      WHERE e.recorded_at >= ${param(filter.changedSince)}::timestamptz)`);
    }
    if (filter?.isDemo != null) onRows(`a.is_demo = ${param(filter.isDemo)}`);
    return listPage<AdoptionRow, Adoption>(this.pool, {
      from: ADOPTION_FROM,
      ...select,
      where,
      params,
      countSql: countable
        ? `SELECT coalesce(sum(c.n), 0)::int AS total_count FROM atlas_meta.adoption_status_count c
            ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''}`
        : undefined,
      order: [{ column: 'municipality_code' }, { column: 'solution_slug' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Adoption.from,
    });
  }
}
