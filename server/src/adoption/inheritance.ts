/**
 * Merger inheritance: a successor municipality takes over its predecessors' adoption status.
 *
 * Contract (DESIGN §3 "Mergers and splits"):
 * - For every `municipality_succession` P → S effective on D, and every solution for which P has
 *   adoption events dated before D, P's status is its status as of D − 1: the latest event by
 *   (effective_date, id) with effective_date < D. A latest event RETRACTED means "no status".
 * - Statuses rank RETIRED < CONSIDERING < PLANNED < IMPLEMENTING < LIVE (no status lowest of all).
 *   When P's status ranks higher than S's own status as of D − 1, ONE adoption event is appended
 *   for S: effective_date D, P's status and mode, provenance INHERITED,
 *   inherited_from_municipality_id P, is_demo copied from P's event, and a note naming P and D.
 *   With several qualifying predecessors (a merger) the highest-ranked one wins (then the most
 *   recent event, then the lowest municipality id). A split (Haaren 2021) gives every successor
 *   its own inherited event; which successor really keeps what is for a reviewer to decide.
 * - Nothing is copied or rewritten: the predecessors' own history stays theirs, reachable via the
 *   succession links. An inherited event that already exists for (S, solution, P, D) is never
 *   inserted again, so running this twice changes nothing.
 * - Successions are processed in date order, so a municipality that inherited in 2019 and merged
 *   again in 2022 passes the inherited status on.
 * - The `adoption` projection of S is refreshed for every (S, solution) that got an event, with
 *   needs_review = true; missing projection rows of predecessors (and of successors holding
 *   inherited events) are created, existing ones are left alone (a reviewer's needs_review = false
 *   survives a rerun).
 *
 * The caller owns the transaction. All work is set-based SQL: one statement per succession date.
 */
import { PROJECTION_COLUMNS, PROJECTION_UPDATE_SET, projectionQuery } from './projection.js';

/** Anything with a `query` method: a TypeORM DataSource / QueryRunner or a pg client. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface InheritanceResult {
  /** inherited adoption events inserted */
  events: number;
  /** adoption projection rows inserted or updated */
  adoptions: number;
}

/** SQL rank of a status column; NULL (no status) and RETRACTED rank 0. */
const rank = (col: string) => `(CASE ${col}
  WHEN 'RETIRED' THEN 1 WHEN 'CONSIDERING' THEN 2 WHEN 'PLANNED' THEN 3
  WHEN 'IMPLEMENTING' THEN 4 WHEN 'LIVE' THEN 5 ELSE 0 END)`;

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);

const INHERIT_ON_DATE = `
  WITH succ AS (
    SELECT predecessor_id, successor_id, effective_date
    FROM municipality_succession WHERE effective_date = $1::date
  ),
  pred_latest AS (
    SELECT DISTINCT ON (s.successor_id, e.solution_id, s.predecessor_id)
      s.successor_id, s.predecessor_id, s.effective_date, e.solution_id,
      e.status, e.mode, e.is_demo, e.effective_date AS event_date
    FROM succ s
    JOIN adoption_event e ON e.municipality_id = s.predecessor_id AND e.effective_date < s.effective_date
    ORDER BY s.successor_id, e.solution_id, s.predecessor_id, e.effective_date DESC, e.id DESC
  ),
  best AS (
    SELECT DISTINCT ON (successor_id, solution_id) *, ${rank('status')} AS pred_rank
    FROM pred_latest
    WHERE status <> 'RETRACTED'
    ORDER BY successor_id, solution_id, ${rank('status')} DESC, event_date DESC, predecessor_id
  ),
  candidate AS (
    SELECT b.*, ${rank('own.status')} AS own_rank
    FROM best b
    LEFT JOIN LATERAL (
      SELECT e.status FROM adoption_event e
      WHERE e.municipality_id = b.successor_id AND e.solution_id = b.solution_id
        AND e.effective_date < b.effective_date
      ORDER BY e.effective_date DESC, e.id DESC LIMIT 1
    ) own ON true
  )
  INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, provenance,
                              notes, inherited_from_municipality_id, is_demo)
  SELECT c.successor_id, c.solution_id, c.status, c.mode, c.effective_date, 'INHERITED',
         'Overgenomen van ' || p.name || ' bij herindeling per ' || to_char(c.effective_date, 'YYYY-MM-DD'),
         c.predecessor_id, c.is_demo
  FROM candidate c
  JOIN municipality p ON p.id = c.predecessor_id
  WHERE c.pred_rank > c.own_rank
    AND NOT EXISTS (
      SELECT 1 FROM adoption_event x
      WHERE x.municipality_id = c.successor_id AND x.solution_id = c.solution_id
        AND x.inherited_from_municipality_id = c.predecessor_id AND x.effective_date = c.effective_date
        AND x.provenance = 'INHERITED')
  ORDER BY c.effective_date, c.successor_id, c.solution_id
  RETURNING municipality_id, solution_id`;

/** Upserts the projection of the given pairs, marking them for review. */
const REFRESH_PAIRS = `
  WITH pairs AS (
    SELECT DISTINCT * FROM unnest($1::int[], $2::int[]) AS t(municipality_id, solution_id)
  ),
  ${projectionQuery('true')}
  ON CONFLICT (municipality_id, solution_id) DO UPDATE SET
    ${PROJECTION_UPDATE_SET}, version = adoption.version + 1, updated_at = now()
  WHERE (adoption.status, adoption.mode, adoption.status_since, adoption.first_event_date, adoption.live_since,
         adoption.provenance, adoption.notes, adoption.last_event_id, adoption.last_confirmed_at,
         adoption.inherited_from_municipality_id, adoption.needs_review, adoption.is_demo)
    IS DISTINCT FROM
        (excluded.status, excluded.mode, excluded.status_since, excluded.first_event_date, excluded.live_since,
         excluded.provenance, excluded.notes, excluded.last_event_id, excluded.last_confirmed_at,
         excluded.inherited_from_municipality_id, true, excluded.is_demo)
  RETURNING 1`;

/** Creates missing projection rows of predecessors and of successors holding inherited events. */
const CREATE_MISSING = `
  WITH pairs AS (
    SELECT DISTINCT e.municipality_id, e.solution_id
    FROM adoption_event e
    WHERE (EXISTS (SELECT 1 FROM municipality_succession s WHERE s.predecessor_id = e.municipality_id)
           OR e.provenance = 'INHERITED')
      AND NOT EXISTS (SELECT 1 FROM adoption a
                      WHERE a.municipality_id = e.municipality_id AND a.solution_id = e.solution_id)
  ),
  ${projectionQuery("l.provenance = 'INHERITED'")}
  ON CONFLICT (municipality_id, solution_id) DO NOTHING
  RETURNING 1`;

/** Carries every predecessor's adoption status to its successors (see the contract above). */
export async function inheritAdoptions(q: Queryable): Promise<InheritanceResult> {
  const dates = rowsOf(
    await q.query(`SELECT DISTINCT to_char(effective_date, 'YYYY-MM-DD') AS d FROM municipality_succession ORDER BY d`),
  ).map((r) => String(r.d));

  const municipalities: number[] = [];
  const solutions: number[] = [];
  for (const date of dates) {
    for (const row of rowsOf(await q.query(INHERIT_ON_DATE, [date]))) {
      municipalities.push(Number(row.municipality_id));
      solutions.push(Number(row.solution_id));
    }
  }

  let adoptions = 0;
  if (municipalities.length > 0) {
    adoptions += rowsOf(
      await q.query(`INSERT INTO adoption (${PROJECTION_COLUMNS}) ${REFRESH_PAIRS}`, [municipalities, solutions]),
    ).length;
  }
  adoptions += rowsOf(await q.query(`INSERT INTO adoption (${PROJECTION_COLUMNS}) ${CREATE_MISSING}`)).length;
  return { events: municipalities.length, adoptions };
}
