import type { QueryRunner } from 'typeorm';
import type { DemoEvent } from './adoptions.js';
import { PROJECTION_COLUMNS, PROJECTION_UPDATE_SET, projectionQuery } from '../adoption/projection.js';
import { fromDay } from './random.js';

/** Appends the generated events in one statement, in the generator's order (ids follow it). */
export async function insertEvents(q: QueryRunner, events: DemoEvent[]): Promise<void> {
  if (events.length === 0) return;
  await q.query(
    `INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, recorded_at,
       actor_organisation_id, provenance, notes, is_demo)
     SELECT m, s, st, mo, d, ra, ao, pr, no, true
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::date[], $6::timestamptz[], $7::int[], $8::text[], $9::text[])
       WITH ORDINALITY AS t(m, s, st, mo, d, ra, ao, pr, no, ord)
     ORDER BY ord`,
    [
      events.map((e) => e.municipalityId),
      events.map((e) => e.solutionId),
      events.map((e) => e.status),
      events.map((e) => e.mode),
      events.map((e) => fromDay(e.day)),
      events.map((e) => e.recordedAt),
      events.map((e) => e.actorOrganisationId),
      events.map((e) => e.provenance),
      events.map((e) => e.notes),
    ],
  );
}

/**
 * Builds the `adoption` projection (adoption/projection.ts) of every pair with demo events;
 * pairs holding an inherited event are marked for review. Rows the inheritance already wrote are overwritten with version 1 and a
 * deterministic updated_at, so the demo data is the same on every load.
 */
export async function buildProjection(q: QueryRunner): Promise<number> {
  const rows: unknown[] = await q.query(`
    WITH pairs AS (
      SELECT DISTINCT municipality_id, solution_id FROM adoption_event WHERE is_demo
    ),
    projected AS (WITH ${projectionQuery('a.inherited')})
    INSERT INTO adoption (${PROJECTION_COLUMNS}, version, updated_at)
    SELECT p.*, 1, p.last_confirmed_at FROM projected p
    ORDER BY p.solution_id, p.municipality_id
    ON CONFLICT (municipality_id, solution_id) DO UPDATE SET
      ${PROJECTION_UPDATE_SET}, version = 1, updated_at = excluded.updated_at
    RETURNING 1`);
  return rows.length;
}
