/**
 * SQL fragments shared by the uptake figures. Every figure follows the same two rules:
 * - a municipality counts on date X when it existed on X (`valid_from`/`valid_to` inclusive,
 *   NULL open), so a merged municipality is counted once, as its successor from the merger on;
 * - its status for a solution on X is that of its latest adoption event with
 *   `effective_date <= X` (ties broken by event id). RETRACTED means "no status". Inherited
 *   events (server/src/adoption/inheritance.ts) carry a predecessor's status to the successor.
 */

/** The condition "municipality `m` existed on `date`" (a SQL date expression). */
export const existedOn = (m: string, date: string) =>
  `(${m}.valid_from IS NULL OR ${m}.valid_from <= ${date}) AND (${m}.valid_to IS NULL OR ${m}.valid_to >= ${date})`;

/** CTE `valid`: the municipalities that existed on `date`, with what the groupings need. */
export const validCte = (date: string) => `valid AS (
    SELECT m.id, m.code, m.name, m.province_id, municipality_size_class(m.population) AS size_class
    FROM municipality m WHERE ${existedOn('m', date)}
  )`;

/** Which pairs `latestCte` covers, and (optionally) the statuses it keeps. */
export interface LatestScope {
  /** Joins on `a` (the projection); by default valid municipalities × the solutions in CTE `sel`. */
  joins?: string;
  /** Conditions on `a`. */
  where?: string[];
  /** SQL text[] expression: keep only pairs in one of these statuses on the date (all when absent). */
  statuses?: string;
}

const VALID_AND_SELECTED = 'JOIN valid v ON v.id = a.municipality_id JOIN sel ON sel.id = a.solution_id';

/**
 * CTE `latest(municipality_id, solution_id, status)`: the status on `date` of every pair in scope
 * that has an event by then. By default the scope is every (valid municipality, solution in CTE
 * `sel`) pair, which needs CTEs `valid` and `sel(id)`.
 *
 * The `adoption` projection holds each pair's latest event; when that took effect on or before
 * `date` it is also the latest by `date`, so only pairs that changed after `date` are looked up
 * in their events (ix_adoption_status_since finds them). For today's figures that is almost no pair.
 */
export const latestCte = (date: string, scope: LatestScope = {}) => {
  const joins = scope.joins ?? VALID_AND_SELECTED;
  const where = (...own: string[]) => [...own, ...(scope.where ?? [])].join(' AND ');
  const kept = scope.statuses ? [`a.status = ANY(${scope.statuses})`] : [];
  const changedLater = changedLaterSelect(date, scope);
  return `latest AS (
    SELECT a.municipality_id, a.solution_id, a.status
    FROM adoption a ${joins}
    WHERE ${where(`a.status_since <= ${date}`, ...kept)}
    UNION ALL
    ${scope.statuses ? `SELECT * FROM ${changedLater} later WHERE later.status = ANY(${scope.statuses})` : changedLater}
  )`;
};

/**
 * A subquery: (municipality_id, solution_id, status) on `date` of the pairs in scope whose
 * projection changed after `date` (their status on `date` comes from their events). The other
 * half of `latestCte`, for statements that count the unchanged pairs in the projection directly.
 */
export const changedLaterSelect = (date: string, scope: Omit<LatestScope, 'statuses'> = {}) => {
  // The one-time filter skips the joins (and their hash tables) when no pair changed after `date`.
  const where = [
    `a.status_since > ${date}`,
    `e.effective_date <= ${date}`,
    anyChangedSince(date),
    ...(scope.where ?? []),
  ].join(' AND ');
  return `(SELECT DISTINCT ON (e.municipality_id, e.solution_id) e.municipality_id, e.solution_id, e.status
     FROM adoption a ${scope.joins ?? VALID_AND_SELECTED}
     JOIN adoption_event e ON e.municipality_id = a.municipality_id AND e.solution_id = a.solution_id
     WHERE ${where}
     ORDER BY e.municipality_id, e.solution_id, e.effective_date DESC, e.id DESC)`;
};

/**
 * Whether any adoption changed after `date` (the status_since index's last entry): a one-time filter,
 * so that on today's date the parts about later changes are skipped without being run. It is
 * what lets statements about today take a generic plan (lookups pool), which cannot know that few
 * pairs changed after the date and would otherwise read them all.
 */
export const anyChangedSince = (date: string) => `${date} < (SELECT max(g.status_since) FROM adoption g)`;

/**
 * How a municipality reaches the region memberships, which exist for current municipalities only
 * (the CBS regions of 2025). A municipality that ended follows its successor chain: after a merger
 * its one successor, after a split (Haaren 2021, Winsum 2019, Littenseradiel 2018) the successor
 * that received the largest share of its area (then the lowest CBS code). The first municipality on
 * the chain (itself included) with a membership of the region kind gives the regions. So on
 * 2022-03-23 Weesp counts in Amsterdam's COROP, safety and GGD region, and Haaren (2020) in Vught's.
 *
 * CTEs `step`, `chain` and `anchor(municipality_id, anchor_id)` for the municipalities of CTE
 * `valid`; the statement must start with WITH RECURSIVE.
 */
export const anchorCtes = (kind: string) => `step AS (
    SELECT DISTINCT ON (s.predecessor_id) s.predecessor_id, s.successor_id
    FROM municipality_succession s
    JOIN municipality p ON p.id = s.predecessor_id
    JOIN municipality n ON n.id = s.successor_id
    WHERE p.valid_to IS NOT NULL
    ORDER BY s.predecessor_id, s.area_share DESC NULLS LAST, n.code
  ),
  chain AS (
    SELECT v.id AS municipality_id, v.id AS anchor_id, 0 AS depth FROM valid v
    UNION ALL
    SELECT c.municipality_id, st.successor_id, c.depth + 1
    FROM chain c JOIN step st ON st.predecessor_id = c.anchor_id
    WHERE c.depth < 50
  ),
  anchor AS (
    SELECT DISTINCT ON (c.municipality_id) c.municipality_id, c.anchor_id
    FROM chain c
    WHERE EXISTS (SELECT 1 FROM region_membership rm JOIN region r ON r.id = rm.region_id
                  WHERE rm.municipality_id = c.anchor_id AND r.kind = ${kind})
    ORDER BY c.municipality_id, c.depth
  )`;

/** The ordered size classes; municipalities without a population figure fall in UNKNOWN. */
export const SIZE_CLASS_ORDER = [
  'UNDER_10K',
  'FROM_10K_TO_20K',
  'FROM_20K_TO_50K',
  'FROM_50K_TO_100K',
  'FROM_100K_TO_250K',
  'OVER_250K',
  'UNKNOWN',
] as const;

export type GroupingKind =
  | 'MUNICIPALITY'
  | 'PROVINCE'
  | 'SIZE_CLASS'
  | 'COROP'
  | 'SAFETY_REGION'
  | 'GGD_REGION'
  | 'LABOUR_MARKET_REGION'
  | 'COOPERATION'
  | 'NETWORK'
  | 'CUSTOM';

/**
 * CTEs ending in `grp(municipality_id, group_id, group_key, group_name, sort_rank)`: one row per
 * valid municipality and group it falls in; `group_id` is an integer as unique per group as
 * `group_key` (the row id of the municipality, province or region; the size class's rank). MUNICIPALITY, PROVINCE and SIZE_CLASS put every municipality
 * in exactly one group (province from its own record; size class from its population, UNKNOWN
 * when it has none, as for municipalities that ended). Region kinds go through `anchorCtes`; a
 * municipality may be in several regions of a kind (cooperations, networks) or in none.
 * `kindParam` is the SQL placeholder holding the region kind.
 */
export const isRegionGrouping = (g: GroupingKind) => !['MUNICIPALITY', 'PROVINCE', 'SIZE_CLASS'].includes(g);

/** Statement parameters: the region kind is appended only where the SQL refers to it. */
export const withKind = (grouping: GroupingKind, params: unknown[]) =>
  isRegionGrouping(grouping) ? [...params, grouping] : params;

export function groupCtes(grouping: GroupingKind, kindParam: string): string {
  switch (grouping) {
    case 'MUNICIPALITY':
      return `grp AS (SELECT v.id AS municipality_id, v.id AS group_id, v.code AS group_key, v.name AS group_name, 0 AS sort_rank FROM valid v)`;
    case 'PROVINCE':
      return `grp AS (
    SELECT v.id AS municipality_id, p.id AS group_id, p.code AS group_key, p.name AS group_name, 0 AS sort_rank
    FROM valid v JOIN province p ON p.id = v.province_id
  )`;
    case 'SIZE_CLASS':
      return `grp AS (
    SELECT v.municipality_id, v.sort_rank AS group_id, v.group_key, v.group_key AS group_name, v.sort_rank
    FROM (SELECT v.id AS municipality_id, coalesce(v.size_class, 'UNKNOWN') AS group_key,
                 array_position(ARRAY[${SIZE_CLASS_ORDER.map((c) => `'${c}'`).join(', ')}], coalesce(v.size_class, 'UNKNOWN')) AS sort_rank
          FROM valid v) v
  )`;
    default:
      return `${anchorCtes(kindParam)},
  grp AS (
    SELECT a.municipality_id, r.id AS group_id, r.code AS group_key, r.name AS group_name, 0 AS sort_rank
    FROM anchor a
    JOIN region_membership rm ON rm.municipality_id = a.anchor_id
    JOIN region r ON r.id = rm.region_id AND r.kind = ${kindParam}
  )`;
  }
}
