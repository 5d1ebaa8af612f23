import type { Pool } from 'pg';
import type { ReuseRowData } from './profile.rows.js';
import { anchorCtes, latestCte, validCte } from './uptake.sql.js';

/**
 * Reuse per solution in $2 as of $1. LIVE adopters are municipalities that existed on $1 with the
 * solution LIVE then; COROP areas reach municipalities that ended through their successor chain
 * (see anchorCtes). First and latest adoption are the earliest and latest own (not inherited)
 * LIVE events up to $1. The saving compares n adopters each building the solution (n·dev) with
 * building it once and implementing it n times (dev + n·impl): (n − 1)·dev − n·impl, with an
 * unknown implementation cost taken as 0; null when the development cost is unknown.
 */
const REUSE_SQL = `
  WITH RECURSIVE
  ${validCte('$1::date')},
  sel AS (SELECT id FROM solution WHERE id = ANY($2::int[])),
  ${latestCte('$1::date', { statuses: `'{LIVE}'::text[]` })},
  live AS (SELECT municipality_id, solution_id FROM latest WHERE status = 'LIVE'),
  ${anchorCtes(`'COROP'`)},
  corop AS (
    SELECT a.municipality_id, r.id AS region_id
    FROM anchor a JOIN region_membership rm ON rm.municipality_id = a.anchor_id
    JOIN region r ON r.id = rm.region_id AND r.kind = 'COROP'
  ),
  firsts AS (
    SELECT e.solution_id, min(e.effective_date) AS first_adoption, max(e.effective_date) AS latest_adoption
    FROM adoption_event e
    WHERE e.solution_id = ANY($2::int[]) AND e.status = 'LIVE' AND e.provenance <> 'INHERITED' AND e.effective_date <= $1::date
    GROUP BY e.solution_id
  ),
  counts AS (
    SELECT sel.id AS solution_id,
           count(DISTINCT l.municipality_id)::int AS live_adopters,
           count(DISTINCT v.province_id)::int AS provinces_covered,
           count(DISTINCT c.region_id)::int AS corop_regions_covered
    FROM sel
    LEFT JOIN live l ON l.solution_id = sel.id
    LEFT JOIN valid v ON v.id = l.municipality_id
    LEFT JOIN corop c ON c.municipality_id = l.municipality_id
    GROUP BY sel.id
  )
  SELECT k.solution_id, k.live_adopters, k.provinces_covered, k.corop_regions_covered, f.first_adoption, f.latest_adoption,
         ((k.live_adopters - 1) * s.development_cost_eur - k.live_adopters * coalesce(s.implementation_cost_eur, 0))::float8
           AS estimated_saving
  FROM counts k
  JOIN solution s ON s.id = k.solution_id
  LEFT JOIN firsts f ON f.solution_id = k.solution_id`;

export class ReuseService {
  constructor(private readonly pool: Pool) {}

  async reuse(asOf: string, solutionIds: readonly number[]): Promise<ReuseRowData[]> {
    return (await this.pool.query<ReuseRowData>(REUSE_SQL, [asOf, solutionIds])).rows;
  }
}
