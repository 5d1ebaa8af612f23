/**
 * The `adoption` projection: the current state of a (municipality, solution) pair, derived
 * from its events. One definition, used by the merger inheritance, the demo loader and writes.
 *
 * - status, mode, notes, provenance and status_since come from the latest event by
 *   (effective_date, id);
 * - first_event_date is the earliest event's date; live_since is the start of the current
 *   unbroken LIVE run (null unless LIVE);
 * - last_confirmed_at is when the fact was last declared — for an inherited status, when the
 *   predecessor declared it, so an old fact still looks old;
 * - is_demo is true only when every event of the pair is demo data.
 */

/** The projection's columns, in the order `projectionQuery` selects them. */
export const PROJECTION_COLUMNS = `municipality_id, solution_id, status, mode, status_since, first_event_date,
  live_since, provenance, notes, last_event_id, last_confirmed_at, inherited_from_municipality_id, needs_review, is_demo`;

/**
 * CTEs and a SELECT giving the projection of the pairs in a CTE named `pairs`
 * (municipality_id, solution_id), which the caller's WITH defines before this text.
 * `needsReview` is an SQL expression over `l` (the latest event) and `a` (the aggregates).
 */
export const projectionQuery = (needsReview: string) => `
  ev AS (
    SELECT e.* FROM adoption_event e JOIN pairs USING (municipality_id, solution_id)
  ),
  latest AS (
    SELECT DISTINCT ON (municipality_id, solution_id) *
    FROM ev ORDER BY municipality_id, solution_id, effective_date DESC, id DESC
  ),
  agg AS (
    SELECT municipality_id, solution_id, min(effective_date) AS first_event_date, bool_and(is_demo) AS is_demo,
           bool_or(provenance = 'INHERITED') AS inherited
    FROM ev GROUP BY municipality_id, solution_id
  ),
  last_not_live AS (
    SELECT DISTINCT ON (municipality_id, solution_id) municipality_id, solution_id, effective_date, id
    FROM ev WHERE status <> 'LIVE' ORDER BY municipality_id, solution_id, effective_date DESC, id DESC
  ),
  live AS (
    SELECT ev.municipality_id, ev.solution_id, min(ev.effective_date) AS live_since
    FROM ev LEFT JOIN last_not_live n USING (municipality_id, solution_id)
    WHERE ev.status = 'LIVE' AND (n.id IS NULL OR (ev.effective_date, ev.id) > (n.effective_date, n.id))
    GROUP BY ev.municipality_id, ev.solution_id
  )
  SELECT l.municipality_id, l.solution_id, l.status, l.mode, l.effective_date AS status_since, a.first_event_date,
         CASE WHEN l.status = 'LIVE' THEN live.live_since END AS live_since, l.provenance, l.notes,
         l.id AS last_event_id, coalesce(src.recorded_at, l.recorded_at) AS last_confirmed_at,
         l.inherited_from_municipality_id, (${needsReview}) AS needs_review, a.is_demo
  FROM latest l
  JOIN agg a USING (municipality_id, solution_id)
  LEFT JOIN live USING (municipality_id, solution_id)
  LEFT JOIN LATERAL (
    SELECT s.recorded_at FROM adoption_event s
    WHERE l.provenance = 'INHERITED' AND s.municipality_id = l.inherited_from_municipality_id
      AND s.solution_id = l.solution_id AND s.effective_date < l.effective_date
    ORDER BY s.effective_date DESC, s.id DESC LIMIT 1
  ) src ON true`;

/** `SET` list of an upsert that takes every projected column from `excluded`. */
export const PROJECTION_UPDATE_SET = `status = excluded.status, mode = excluded.mode, status_since = excluded.status_since,
  first_event_date = excluded.first_event_date, live_since = excluded.live_since, provenance = excluded.provenance,
  notes = excluded.notes, last_event_id = excluded.last_event_id, last_confirmed_at = excluded.last_confirmed_at,
  inherited_from_municipality_id = excluded.inherited_from_municipality_id, needs_review = excluded.needs_review,
  is_demo = excluded.is_demo`;
