import type { Pool } from 'pg';
import { decodeCursor, type Page } from '../pagination.js';
import { municipalityCodeArg, regionCodeArg, slugArg } from './adoption.inputs.js';
import { limitOf, listPage, pageOfRows } from './adoption.paging.js';
import {
  ADOPTION_COLUMNS,
  ADOPTION_FROM,
  adoptionPageSelect,
  type AdoptionJoins,
  type AdoptionRow,
} from './adoption.rows.js';
import type { PageColumns } from '../columns.js';
import { Adoption, type AdoptionFilter } from './adoption.types.js';

/** What a list page reads, for the joins a statement shape allows (adoptionPageSelectFor). */
export type ListSelect = (join: AdoptionJoins) => PageColumns;
const FULL_LIST_SELECT: ListSelect = (join) => adoptionPageSelect(undefined, join);
const LIST_JOINS = { municipality: true, solution: true } as const;

/**
 * The list's total from the counts kept on write, on the list's parameters. Under a region filter
 * alone, the region's counts, unless the code matches more than one region (codes differing only
 * in case), whose members may overlap: then the members' counts, as otherwise.
 */
function countSql(countWhere: string[], regionMatch: string | null, statuses: string | null): string {
  const byMembers = `SELECT coalesce(sum(c.n), 0) FROM atlas_meta.adoption_status_count c
                      ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''}`;
  if (regionMatch === null) return `SELECT (${byMembers})::int AS total_count`;
  const byRegion = `SELECT coalesce(sum(c.n), 0) FROM atlas_meta.adoption_region_count c JOIN region r ON r.id = c.region_id
                     WHERE ${regionMatch}${statuses ? ` AND c.status = ANY(${statuses}::text[])` : ''}`;
  return `SELECT (CASE WHEN (SELECT count(*) FROM region r WHERE ${regionMatch}) > 1 THEN (${byMembers})
                       ELSE (${byRegion}) END)::int AS total_count`;
}

/** Reads of adoptions: SQL in, typed rows out. */
export class AdoptionService {
  constructor(
    private readonly pool: Pool,
    /** Generic plans (createLookupPool): the region page below, whose best plan does not depend on the values. */
    private readonly lookups: Pool = pool,
  ) {}

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
    select: ListSelect = FULL_LIST_SELECT,
  ): Promise<Page<Adoption>> {
    const where: string[] = [];
    // While every condition is on the municipality, its regions or the status, the total is a sum
    // of counts kept on write: per region and status (atlas_meta.adoption_region_count) under a
    // region filter alone, else per municipality and status (atlas_meta.adoption_status_count).
    const countWhere: string[] = [];
    let regionMatch: string | null = null;
    let members: string | null = null;
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
    const municipalityCode =
      filter?.municipalityCode != null ? municipalityCodeArg(filter.municipalityCode, 'municipalityCode') : null;
    let municipalityParam: string | null = null;
    if (municipalityCode !== null) {
      const code = (municipalityParam = param(municipalityCode));
      where.push(`m.code = ${code}`);
      countWhere.push(`c.municipality_id IN (SELECT id FROM municipality WHERE code = ${code})`);
    }
    if (filter?.solutionSlug != null) onRows(`s.slug = ${param(slugArg(filter.solutionSlug, 'solutionSlug'))}`);
    let statuses: string | null = null;
    if (filter?.status?.length) {
      statuses = param(filter.status);
      where.push(`a.status = ANY(${statuses}::text[])`);
      countWhere.push(`c.status = ANY(${statuses}::text[])`);
    }
    if (filter?.mode?.length) onRows(`a.mode = ANY(${param(filter.mode)}::text[])`);
    if (filter?.provenance?.length) onRows(`a.provenance = ANY(${param(filter.provenance)}::text[])`);
    if (filter?.region) {
      const kind = param(filter.region.kind);
      const code = param(regionCodeArg(filter.region.code, 'region.code'));
      const match = `r.kind = ${kind} AND upper(r.code) = upper(${code})`;
      members = `SELECT rm.municipality_id FROM region_membership rm JOIN region r ON r.id = rm.region_id WHERE ${match}`;
      where.push(`a.municipality_id IN (${members})`);
      countWhere.push(`c.municipality_id IN (${members})`);
      if (municipalityCode === null) regionMatch = match;
    }
    if (filter?.changedSince) {
      onRows(`(a.municipality_id, a.solution_id) IN (SELECT e.municipality_id, e.solution_id FROM adoption_event e
                                                      WHERE e.recorded_at >= ${param(filter.changedSince)}::timestamptz)`);
    }
    if (filter?.isDemo != null) onRows(`a.is_demo = ${param(filter.isDemo)}`);
    if (countable && members !== null) {
      return this.regionPage({
        members,
        municipalityCode: municipalityParam,
        statuses,
        countSql: countSql(countWhere, regionMatch, statuses),
        params,
        first,
        after,
        select: select({ ...LIST_JOINS, fromOwnJoins: true }),
      });
    }
    return listPage<AdoptionRow, Adoption>(this.pool, {
      from: ADOPTION_FROM,
      ...select(LIST_JOINS),
      where,
      params,
      countSql: countable ? countSql(countWhere, regionMatch, statuses) : undefined,
      order: [{ column: 'municipality_code' }, { column: 'solution_slug' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Adoption.from,
    });
  }
  /**
   * A page of the adoptions in a region (and at most a status and municipality filter), on the
   * lookups pool: planning the list's statement cost more than running it (10×, a province's LIVE
   * adoptions: ~2.5 ms planning, ~1.5 ms running), and this shape has one good plan for every
   * region and status. It walks the municipalities in code order from the cursor, tests
   * membership in a hash of the region's members (`IS TRUE` keeps the IN a hashed filter rather
   * than a join, whose generic plan probed the memberships of every municipality: 33 ms for an
   * empty page of a small region), and reads each municipality's adoptions through
   * (municipality_id, status) until the page is full. The total comes from the kept counts.
   */
  private async regionPage(q: {
    members: string;
    /** The parameter holding the municipality code, when the filter names one. */
    municipalityCode: string | null;
    statuses: string | null;
    countSql: string;
    params: unknown[];
    first: number;
    after: string | null | undefined;
    select: PageColumns;
  }): Promise<Page<Adoption>> {
    const params = [...q.params];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const cursor = decodeCursor(q.after, ['string', 'string']);
    const outer = [`(m.id IN (${q.members})) IS TRUE`];
    const inner = ['a.municipality_id = m.id'];
    if (q.municipalityCode) outer.push(`m.code = ${q.municipalityCode}`);
    if (q.statuses) inner.push(`a.status = ANY(${q.statuses}::text[])`);
    if (cursor) {
      const [code, slug] = cursor.map((v) => param(v));
      outer.push(`m.code >= ${code}`);
      inner.push(`(m.code > ${code} OR s.slug > ${slug})`);
    }
    const { columns, joined } = q.select;
    // ORDER BY inside the lateral keeps it a per-municipality subquery (not flattened into a join).
    const { rows } = await this.lookups.query<AdoptionRow & { total_count: number }>(
      `SELECT t.total_count, p.*
         FROM (${q.countSql}) t
         LEFT JOIN LATERAL (
           SELECT r.*${joined ? `, ${joined.columns}` : ''}
             FROM (SELECT x.* FROM municipality m
                   CROSS JOIN LATERAL (SELECT ${columns} FROM adoption a JOIN solution s ON s.id = a.solution_id
                                        WHERE ${inner.join(' AND ')} ORDER BY s.slug) x
                   WHERE ${outer.join(' AND ')}
                   ORDER BY m.code, x.solution_slug LIMIT ${limitOf(q.first)}) r
             ${joined ? joined.joins('r') : ''}) p ON true
        ORDER BY p.municipality_code, p.solution_slug`,
      params,
    );
    return pageOfRows(rows, q.select, {
      first: q.first,
      hasPrevious: cursor !== null,
      key: (r) => [r.municipality_code, r.solution_slug],
      node: Adoption.from,
    });
  }
}
