import type { Pool } from 'pg';
import type { AdoptionStatus } from '../adoption/adoption.types.js';
import { todayInNL } from '../scalars.js';
import type { SolutionSelection } from './selection.js';
import type { ComparisonRowData, UptakeRowData } from './uptake.rows.js';
import {
  anyChangedSince,
  changedLaterSelect,
  existedOn,
  groupCtes,
  latestCte,
  validCte,
  withKind,
  type GroupingKind,
} from './uptake.sql.js';

/** Municipality `v`'s pairs in one of the statuses $3 unchanged since $1, counted in the projection's index. */
const INDEX_COUNT = `(SELECT count(*) FROM adoption a
      WHERE a.municipality_id = v.id AND a.status = ANY($3::text[]) AND a.status_since <= $1::date
        AND ($2::int[] IS NULL OR a.solution_id = ANY($2::int[])))`;

/** Per municipality, its pairs in one of the statuses $3 whose status took effect after $1 (when all solutions count). */
const SINCE_THEN_CTE = `since_then AS (
    SELECT a.municipality_id, count(*) AS n FROM adoption a
    WHERE a.status_since > $1::date AND a.status = ANY($3::text[]) AND $2::int[] IS NULL AND ${anyChangedSince('$1::date')}
    GROUP BY a.municipality_id
  ),`;

/**
 * Per municipality, its pairs in one of the statuses $3 by the status counts kept on write (when
 * all solutions count). Summed in one pass over the counts and hash-joined: a lookup per
 * municipality took 1.4 of the demo statement's 4.1 ms.
 */
const KEPT_CTE = `kept AS (
    SELECT k.municipality_id, sum(k.n) AS n FROM atlas_meta.adoption_status_count k
    WHERE k.status = ANY($3::text[]) AND $2::int[] IS NULL
    GROUP BY k.municipality_id
  ),`;

/** INDEX_COUNT, or for all solutions the kept status counts (`kc`) less `since_then` (`st`). */
const KEPT_OR_INDEX_COUNT = `CASE WHEN $2::int[] IS NULL
      THEN coalesce(kc.n, 0) - coalesce(st.n, 0)
      ELSE ${INDEX_COUNT} END`;

/**
 * Uptake per group as of a date, plus a national total, in one statement. Parameters:
 * $1 asOf, $2 solution ids (NULL: all), $3 statuses, $4 region kind (region groupings only).
 *
 * Per municipality: `pairs` = selected solutions whose status on asOf is one of the statuses;
 * `declared`/`compliant` = its standard_compliance declarations (current ones: declarations are
 * not versioned) for the standards the selected solutions implement (all standards when no
 * solutions are selected). Groups then sum these.
 */
const uptakeSql = (grouping: GroupingKind, fromKeptCounts: boolean) => `
  WITH RECURSIVE
  ${validCte('$1::date')},
  sel AS (SELECT s.id FROM solution s WHERE $2::int[] IS NULL OR s.id = ANY($2::int[])),
  ${
    // Every held pair, for the distinct solutions per region; a municipality's count is its pairs.
    grouping === 'MUNICIPALITY'
      ? ''
      : `${latestCte('$1::date', { statuses: '$3::text[]' })},
  held AS (SELECT municipality_id, solution_id FROM latest WHERE status = ANY($3::text[])),`
  }
  -- The pairs held on $1 that changed after it (from their events; for today's figures almost none).
  later AS (SELECT x.municipality_id, x.solution_id FROM ${changedLaterSelect('$1::date')} x WHERE x.status = ANY($3::text[])),
  scope AS (
    SELECT st.id FROM standard st
    WHERE $2::int[] IS NULL
       OR st.id IN (SELECT ss.standard_id FROM solution_standard ss JOIN sel ON sel.id = ss.solution_id)
  ),
  declared AS (
    SELECT sc.municipality_id, count(*)::int AS declared,
           count(*) FILTER (WHERE sc.status = 'COMPLIANT')::int AS compliant
    FROM standard_compliance sc JOIN scope ON scope.id = sc.standard_id
    GROUP BY sc.municipality_id
  ),
  -- Each municipality's pairs: those unchanged since $1, plus the later-changed ones. (Counting
  -- "held" would first store every pair: the 10× total took 480 ms.) Unchanged since $1: counted
  -- in the projection's index, or, from today on for all solutions, its status counts kept on
  -- write less those that took effect after $1 (the 10× statement for today: ~210 → ~75 ms).
  ${fromKeptCounts ? SINCE_THEN_CTE + KEPT_CTE : ''}
  per_m AS (
    SELECT v.id, (${fromKeptCounts ? KEPT_OR_INDEX_COUNT : INDEX_COUNT} + coalesce(lm.n, 0))::int AS pairs,
           coalesce(d.declared, 0) AS declared, coalesce(d.compliant, 0) AS compliant
    FROM valid v
    LEFT JOIN (SELECT municipality_id, count(*) AS n FROM later GROUP BY 1) lm ON lm.municipality_id = v.id
    ${fromKeptCounts ? 'LEFT JOIN since_then st ON st.municipality_id = v.id LEFT JOIN kept kc ON kc.municipality_id = v.id' : ''}
    LEFT JOIN declared d ON d.municipality_id = v.id
  ),
  ${groupCtes(grouping, '$4::text')},
  group_solutions AS (${
    // A municipality is a group of one, holding each solution at most once: its count is its pairs.
    grouping === 'MUNICIPALITY'
      ? `SELECT NULL::text AS group_key, 0 AS n WHERE false`
      : `SELECT g.group_key, count(DISTINCT h.solution_id)::int AS n
    FROM grp g JOIN held h ON h.municipality_id = g.municipality_id
    GROUP BY g.group_key`
  }),
  groups AS (
    SELECT false AS is_total, g.group_key, g.group_name, min(g.sort_rank) AS sort_rank,
           CASE WHEN count(*) = 1 THEN min(g.municipality_id) END AS municipality_id,
           count(*)::int AS municipality_count,
           count(*) FILTER (WHERE p.pairs > 0)::int AS adopting_count,
           sum(p.pairs)::int AS adoption_count,
           ${grouping === 'MUNICIPALITY' ? 'sum(p.pairs)::int' : 'coalesce(min(gs.n), 0)'} AS solution_count,
           sum(p.declared)::int AS declared_count,
           sum(p.compliant)::int AS compliant_count
    FROM grp g
    JOIN per_m p ON p.id = g.municipality_id
    LEFT JOIN group_solutions gs ON gs.group_key = g.group_key
    GROUP BY g.group_key, g.group_name
  )
  SELECT is_total, sort_rank, group_key, group_name, municipality_id, municipality_count, adopting_count, adoption_count,
         solution_count, declared_count, compliant_count, (SELECT count(*)::int FROM sel) AS selected_count
  FROM groups
  UNION ALL
  SELECT true, 0, 'ALL', 'Nederland', NULL, count(*)::int, count(*) FILTER (WHERE pairs > 0)::int,
         coalesce(sum(pairs), 0)::int, (SELECT count(*)::int FROM sel
          WHERE EXISTS (SELECT 1 FROM adoption a JOIN valid v ON v.id = a.municipality_id
                         WHERE a.solution_id = sel.id AND a.status = ANY($3::text[]) AND a.status_since <= $1::date)
             OR sel.id IN (SELECT solution_id FROM later)),
         coalesce(sum(declared), 0)::int, coalesce(sum(compliant), 0)::int, (SELECT count(*)::int FROM sel)
  FROM per_m
  ORDER BY is_total, sort_rank, group_key`;

/** The matrix's rows from CTEs `denominators`, `sel` and `counts(group_id, solution_id, n)`. */
const MATRIX_SELECT = `SELECT d.group_key AS code, d.group_name AS name, d.municipality_count,
         json_agg(json_build_object('solution_id', sel.id, 'slug', sel.slug, 'name', sel.name,
                                    'adopting_count', coalesce(c.n, 0)) ORDER BY sel.ord) AS cells
  FROM denominators d
  CROSS JOIN sel
  LEFT JOIN counts c ON c.group_id = d.group_id AND c.solution_id = sel.id
  GROUP BY d.group_id, d.group_key, d.group_name, d.municipality_count
  ORDER BY d.group_key`;

/**
 * Region × solution: per group, how many municipalities hold each selected solution in one of the
 * statuses on asOf. $1 asOf, $2 solution ids (in the caller's order), $3 statuses, $4 region kind (region groupings only).
 *
 * Each group member's pairs unchanged since $1 come from the projection's index on (municipality,
 * status, solution), the later-changed ones from their events; the pairs are counted per integer
 * group id. (Joining every pair to `valid` and `sel` first and grouping by the text key cost 5.1
 * instead of 3.9 ms on the demo data, 23 instead of 15 ms on 10×.)
 */
const comparisonSql = (grouping: GroupingKind) => `
  WITH RECURSIVE
  ${validCte('$1::date')},
  sel AS (SELECT s.id, s.slug, s.name, o.ord FROM unnest($2::int[]) WITH ORDINALITY AS o(id, ord) JOIN solution s ON s.id = o.id),
  ${groupCtes(grouping, '$4::text')},
  later AS (
    SELECT x.municipality_id, x.solution_id
    FROM ${changedLaterSelect('$1::date', { joins: '', where: ['a.solution_id = ANY($2::int[])'] })} x
    WHERE x.status = ANY($3::text[])
  ),
  counts AS (
    SELECT x.group_id, x.solution_id, count(*)::int AS n
    FROM (
      SELECT g.group_id, a.solution_id FROM grp g
      JOIN adoption a ON a.municipality_id = g.municipality_id AND a.status = ANY($3::text[])
                     AND a.solution_id = ANY($2::int[]) AND a.status_since <= $1::date
      UNION ALL
      SELECT g.group_id, l.solution_id FROM grp g JOIN later l ON l.municipality_id = g.municipality_id
    ) x
    GROUP BY x.group_id, x.solution_id
  ),
  denominators AS (
    SELECT group_id, group_key, group_name, count(*)::int AS municipality_count
    FROM grp GROUP BY group_id, group_key, group_name
  )
  ${MATRIX_SELECT}`;

/**
 * The province comparison from the kept counts (atlas_meta.adoption_province_count, migration
 * 1765324800000): the same rows as `comparisonSql('PROVINCE')`, same parameters ($4 unused).
 *
 * The kept counts hold, per solution, status and province, the adoptions of current municipalities
 * (no end date) by their status now. On asOf that is right except for the pairs corrected here:
 * less those of current municipalities that do not exist yet on asOf, less those whose status took
 * effect after asOf; plus those of municipalities that exist on asOf and end later (by their status
 * now, if it took effect by asOf), plus the pairs changed after asOf, by their status on it. From
 * today on these are a handful, so the statement reads one count per province and solution instead
 * of every adopting pair. The parts about later changes are gated by one-time filters (is there
 * a later status, start or end date at all?), so it runs on the lookups pool's generic plans
 * without planning. 20 solutions (bench query c): PostgreSQL per request demo 5.3–6.0 → 2.2–2.4 ms,
 * 10× ~22 → ~5 ms. For a past date the corrections are most pairs, so `comparison` then uses
 * `comparisonSql` on the main pool.
 */
const provinceComparisonSql = `
  WITH
  valid AS (SELECT m.id, m.province_id FROM municipality m WHERE ${existedOn('m', '$1::date')}),
  sel AS (SELECT s.id, s.slug, s.name, o.ord FROM unnest($2::int[]) WITH ORDINALITY AS o(id, ord) JOIN solution s ON s.id = o.id),
  counts AS (
    SELECT x.province_id AS group_id, x.solution_id, sum(x.n)::int AS n
    FROM (
      SELECT k.province_id, k.solution_id, k.n FROM atlas_meta.adoption_province_count k
      WHERE k.solution_id = ANY($2::int[]) AND k.status = ANY($3::text[])
      UNION ALL
      SELECT m.province_id, a.solution_id, -1 FROM municipality m
      JOIN adoption a ON a.municipality_id = m.id AND a.status = ANY($3::text[]) AND a.solution_id = ANY($2::int[])
      WHERE m.valid_to IS NULL AND m.valid_from > $1::date AND $1::date < (SELECT max(g.valid_from) FROM municipality g)
      UNION ALL
      SELECT m.province_id, a.solution_id, -1 FROM adoption a
      JOIN municipality m ON m.id = a.municipality_id AND m.valid_to IS NULL AND (m.valid_from IS NULL OR m.valid_from <= $1::date)
      WHERE a.status_since > $1::date AND a.status = ANY($3::text[]) AND a.solution_id = ANY($2::int[])
        AND ${anyChangedSince('$1::date')}
      UNION ALL
      SELECT v.province_id, a.solution_id, 1 FROM municipality v
      JOIN adoption a ON a.municipality_id = v.id AND a.status = ANY($3::text[]) AND a.solution_id = ANY($2::int[])
                     AND a.status_since <= $1::date
      WHERE v.valid_to >= $1::date AND (v.valid_from IS NULL OR v.valid_from <= $1::date)
        AND $1::date <= (SELECT max(g.valid_to) FROM municipality g)
      UNION ALL
      SELECT v.province_id, x.solution_id, 1
      FROM ${changedLaterSelect('$1::date', { joins: '', where: ['a.solution_id = ANY($2::int[])'] })} x
      JOIN valid v ON v.id = x.municipality_id
      -- Also out here, though changedLaterSelect has it: without it the generic plan of this
      -- statement ran 10× (c) at ~45 instead of ~280 req/s.
      WHERE x.status = ANY($3::text[]) AND ${anyChangedSince('$1::date')}
    ) x
    GROUP BY x.province_id, x.solution_id
  ),
  denominators AS (
    SELECT p.id AS group_id, p.code AS group_key, p.name AS group_name, count(*)::int AS municipality_count
    FROM valid v JOIN province p ON p.id = v.province_id GROUP BY p.id, p.code, p.name
  )
  ${MATRIX_SELECT}`;

/** Aggregate uptake figures; all counting happens in SQL. */
export class UptakeService {
  /**
   * `lookups` (generic plans, see createLookupPool) runs the uptake of today and later: then
   * almost no pair changed after the date and the best plan does not depend on the values, while
   * planning the statement cost about as much as running it (demo, per municipality: 10.9 → 6.0 ms;
   * 10×: equal). For past dates PostgreSQL plans for the date (a generic plan took 5.4 s instead
   * of 2.2 s for 2019 on the 10× data).
   */
  constructor(
    private readonly pool: Pool,
    private readonly lookups: Pool = pool,
  ) {}

  async uptake(
    grouping: GroupingKind,
    asOf: string,
    selection: SolutionSelection,
    statuses: AdoptionStatus[],
  ): Promise<{ rows: UptakeRowData[]; totals: UptakeRowData; selectedSolutionCount: number }> {
    const fromToday = asOf >= todayInNL();
    const { rows } = await (fromToday ? this.lookups : this.pool).query<UptakeRowData>(
      uptakeSql(grouping, fromToday),
      withKind(grouping, [asOf, selection.ids, statuses]),
    );
    const totals = rows.find((r) => r.is_total)!;
    return { rows: rows.filter((r) => !r.is_total), totals, selectedSolutionCount: totals.selected_count };
  }

  async comparison(
    grouping: GroupingKind,
    asOf: string,
    solutionIds: number[],
    statuses: AdoptionStatus[],
  ): Promise<ComparisonRowData[]> {
    if (grouping === 'PROVINCE' && asOf >= todayInNL()) {
      return (await this.lookups.query<ComparisonRowData>(provinceComparisonSql, [asOf, solutionIds, statuses])).rows;
    }
    const { rows } = await this.pool.query<ComparisonRowData>(
      comparisonSql(grouping),
      withKind(grouping, [asOf, solutionIds, statuses]),
    );
    return rows;
  }
}
