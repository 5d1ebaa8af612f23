import { conflict, type WriteTx } from '../audit/write.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { enqueueWebhooks } from '../feed/webhook.outbox.js';
import { adoptionAuthority, municipalityAuthority, type Authority, type Queryable } from '../identity/policy.js';
import { todayInNL } from '../scalars.js';
import { municipalityCodeArg, slugArg } from './adoption.inputs.js';
import {
  ADOPTION_COLUMNS,
  ADOPTION_EVENT_COLUMNS,
  ADOPTION_FROM,
  type AdoptionEventRow,
  type AdoptionRow,
} from './adoption.rows.js';
import { projectionQuery } from './projection.js';

/**
 * Adoption writes. An adoption is never edited: every change appends an adoption_event, and the
 * `adoption` projection of the pair is recomputed from all its events (adoption/projection.ts)
 * and saved with optimistic concurrency: UPDATE … WHERE version = expectedVersion, CONFLICT when
 * no row matched. The event, the projection and their audit records share one transaction.
 */

export interface Target {
  municipality: { id: number; code: string; valid_from: string | null; valid_to: string | null };
  solution: { id: number; slug: string; maintainer_organisation_id: number | null };
}

export const asQueryable = (tx: WriteTx): Queryable => ({
  query: async (sql, params) => ({ rows: await tx.query(sql, params) }),
});

export async function resolveTarget(tx: WriteTx, municipalityCode: string, solutionSlug: string): Promise<Target> {
  const code = municipalityCodeArg(municipalityCode, 'municipalityCode');
  const slug = slugArg(solutionSlug, 'solutionSlug');
  const [municipality] = await tx.query(`SELECT id, code, valid_from, valid_to FROM municipality WHERE code = $1`, [
    code,
  ]);
  if (!municipality) throw new AppError(ErrorCode.NOT_FOUND, `No municipality ${code}`);
  const [solution] = await tx.query(`SELECT id, slug, maintainer_organisation_id FROM solution WHERE slug = $1`, [
    slug,
  ]);
  if (!solution) throw new AppError(ErrorCode.NOT_FOUND, `No solution ${slug}`);
  return { municipality, solution } as Target;
}

/** An effective date must fall in the municipality's lifetime and at most a year ahead. */
export function checkEffectiveDate(t: Target, date: string): string | null {
  if (t.municipality.valid_from && date < t.municipality.valid_from)
    return `${t.municipality.code} did not exist yet on ${date}`;
  if (t.municipality.valid_to && date > t.municipality.valid_to)
    return `${t.municipality.code} no longer existed on ${date}`;
  const limit = new Date(`${todayInNL()}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (date > limit.toISOString().slice(0, 10)) return 'effectiveDate may lie at most a year ahead';
  return null;
}

export interface NewEvent {
  status: string;
  mode: string | null;
  effectiveDate: string;
  notes: string | null;
  correctsEventId: string | null;
}

/** Appends one event (audited, queued for webhooks); returns it. */
export async function appendEvent(
  tx: WriteTx,
  t: Target,
  authority: Authority,
  e: NewEvent,
): Promise<AdoptionEventRow> {
  const userId = tx.actor.kind === 'anonymous' ? null : tx.actor.userId;
  // Event ids then commit in order, so a feed reader polling `since` an id never skips one
  // that a slower transaction commits later with a lower id. Held until commit; writes are short.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('atlas:adoption_event'))`);
  const [row] = await tx.query(
    `INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, actor_user_id, actor_organisation_id,
                                 provenance, notes, corrects_event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [
      t.municipality.id,
      t.solution.id,
      e.status,
      e.mode,
      e.effectiveDate,
      userId,
      authority.organisationId,
      authority.provenance,
      e.notes,
      e.correctsEventId,
    ],
  );
  await tx.audit({ action: 'CREATE', entityType: 'adoption_event', entityId: row!.id, after: row });
  const [event] = await tx.query<AdoptionEventRow>(
    `SELECT ${ADOPTION_EVENT_COLUMNS} FROM adoption_event e WHERE e.id = $1`,
    [row!.id],
  );
  await enqueueWebhooks(tx, event!, t.municipality.code, t.solution.slug);
  return event!;
}

async function currentVersion(tx: WriteTx, t: Target): Promise<number | null> {
  const [row] = await tx.query(`SELECT version FROM adoption WHERE municipality_id = $1 AND solution_id = $2`, [
    t.municipality.id,
    t.solution.id,
  ]);
  return row ? row.version : null;
}

/**
 * Recomputes the pair's projection from its events and saves it. `expectedVersion` null means
 * "I expect no adoption yet" (a first declaration); `'unchecked'` is for bulk imports that hold
 * the row lock themselves. needs_review stays only while the latest event is still inherited,
 * unless `needsReview` says otherwise. Audited as CREATE or UPDATE.
 */
export async function saveProjection(
  tx: WriteTx,
  t: Target,
  expectedVersion: number | null | 'unchecked',
  opts: { needsReview?: boolean; confirm?: boolean } = {},
): Promise<AdoptionRow> {
  const what = `The adoption of ${t.solution.slug} by ${t.municipality.code}`;
  const [before] = await tx.query(
    `SELECT * FROM adoption WHERE municipality_id = $1 AND solution_id = $2 ${expectedVersion === 'unchecked' ? 'FOR UPDATE' : ''}`,
    [t.municipality.id, t.solution.id],
  );
  const review = opts.needsReview === undefined ? `(l.provenance = 'INHERITED' AND $3::boolean)` : `$3::boolean`;
  const [p] = await tx.query(
    `WITH pairs AS (SELECT $1::int AS municipality_id, $2::int AS solution_id), ${projectionQuery(review)}`,
    [t.municipality.id, t.solution.id, opts.needsReview ?? Boolean(before?.needs_review)],
  );
  const values = [
    p!.status,
    p!.mode,
    p!.status_since,
    p!.first_event_date,
    p!.live_since,
    p!.provenance,
    p!.notes,
    p!.last_event_id,
    p!.inherited_from_municipality_id,
    p!.needs_review,
    p!.is_demo,
  ];
  let after: Record<string, unknown> | undefined;
  if (!before) {
    if (expectedVersion !== null && expectedVersion !== 'unchecked') throw conflict(what, null);
    [after] = await tx.query(
      `INSERT INTO adoption (municipality_id, solution_id, status, mode, status_since, first_event_date, live_since, provenance, notes,
                             last_event_id, inherited_from_municipality_id, needs_review, is_demo, last_confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       ON CONFLICT (municipality_id, solution_id) DO NOTHING RETURNING *`,
      [t.municipality.id, t.solution.id, ...values],
    );
    if (!after) throw conflict(what, await currentVersion(tx, t));
    await tx.audit({ action: 'CREATE', entityType: 'adoption', entityId: after.id as number, after });
  } else {
    if (expectedVersion === null) throw conflict(what, before.version);
    [after] = await tx.query(
      `UPDATE adoption SET status = $3, mode = $4, status_since = $5, first_event_date = $6, live_since = $7, provenance = $8,
              notes = $9, last_event_id = $10, inherited_from_municipality_id = $11, needs_review = $12, is_demo = $13,
              last_confirmed_at = now(), version = version + 1, updated_at = now()
       WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING *`,
      [before.id, expectedVersion === 'unchecked' ? null : expectedVersion, ...values],
    );
    if (!after) throw conflict(what, await currentVersion(tx, t));
    await tx.audit({ action: 'UPDATE', entityType: 'adoption', entityId: before.id, before, after });
  }
  return loadAdoption(tx, after.id as number);
}

export async function loadAdoption(tx: WriteTx, id: number): Promise<AdoptionRow> {
  const [row] = await tx.query<AdoptionRow>(`SELECT ${ADOPTION_COLUMNS} FROM ${ADOPTION_FROM} WHERE a.id = $1`, [id]);
  return row!;
}

export interface RecordInput extends NewEvent {
  municipalityCode: string;
  solutionSlug: string;
  expectedVersion: number | null;
}

export async function recordAdoptionStatus(
  tx: WriteTx,
  input: RecordInput,
): Promise<{ adoption: AdoptionRow; event: AdoptionEventRow }> {
  const t = await resolveTarget(tx, input.municipalityCode, input.solutionSlug);
  const authority = await adoptionAuthority(
    asQueryable(tx),
    tx.actor,
    t.municipality.id,
    t.solution.maintainer_organisation_id,
  );
  const dateProblem = checkEffectiveDate(t, input.effectiveDate);
  if (dateProblem) throw badInput(dateProblem, 'effectiveDate');
  if (input.correctsEventId !== null) {
    if (!/^\d{1,18}$/.test(input.correctsEventId))
      throw badInput('correctsEventId must be an event id', 'correctsEventId');
    const [corrected] = await tx.query(`SELECT municipality_id, solution_id FROM adoption_event WHERE id = $1`, [
      input.correctsEventId,
    ]);
    if (!corrected || corrected.municipality_id !== t.municipality.id || corrected.solution_id !== t.solution.id) {
      throw badInput('correctsEventId must be an event of the same municipality and solution', 'correctsEventId');
    }
  } else if (input.status === 'RETRACTED') {
    throw badInput('A retraction names the event it withdraws in correctsEventId', 'correctsEventId');
  }
  const event = await appendEvent(tx, t, authority, input);
  const adoption = await saveProjection(tx, t, input.expectedVersion);
  return { adoption, event };
}

/** Re-confirms the current status: bumps last_confirmed_at and the version; no event. */
export async function confirmAdoption(
  tx: WriteTx,
  input: { municipalityCode: string; solutionSlug: string; expectedVersion: number },
): Promise<AdoptionRow> {
  const t = await resolveTarget(tx, input.municipalityCode, input.solutionSlug);
  await adoptionAuthority(asQueryable(tx), tx.actor, t.municipality.id, t.solution.maintainer_organisation_id);
  const [before] = await tx.query(`SELECT * FROM adoption WHERE municipality_id = $1 AND solution_id = $2`, [
    t.municipality.id,
    t.solution.id,
  ]);
  if (!before)
    throw new AppError(ErrorCode.NOT_FOUND, `${t.municipality.code} has no adoption of ${t.solution.slug} to confirm`);
  const [after] = await tx.query(
    `UPDATE adoption SET last_confirmed_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING *`,
    [before.id, input.expectedVersion],
  );
  if (!after)
    throw conflict(`The adoption of ${t.solution.slug} by ${t.municipality.code}`, await currentVersion(tx, t));
  await tx.audit({ action: 'UPDATE', entityType: 'adoption', entityId: before.id, before, after });
  return loadAdoption(tx, before.id);
}

/**
 * After a merger, a reviewer keeps (CONFIRM) or withdraws (RETRACT) an inherited status. RETRACT
 * appends a RETRACTED event correcting the inherited one. Either way needs_review is cleared.
 */
export async function resolveMergerReview(
  tx: WriteTx,
  input: { municipalityCode: string; solutionSlug: string; decision: 'CONFIRM' | 'RETRACT'; expectedVersion: number },
): Promise<AdoptionRow> {
  const t = await resolveTarget(tx, input.municipalityCode, input.solutionSlug);
  municipalityAuthority(tx.actor, t.municipality.id);
  const [before] = await tx.query(`SELECT * FROM adoption WHERE municipality_id = $1 AND solution_id = $2`, [
    t.municipality.id,
    t.solution.id,
  ]);
  if (!before) throw new AppError(ErrorCode.NOT_FOUND, `${t.municipality.code} has no adoption of ${t.solution.slug}`);
  if (!before.needs_review) throw badInput('This adoption is not awaiting a merger review', 'municipalityCode');
  if (input.decision === 'CONFIRM') {
    const [after] = await tx.query(
      `UPDATE adoption SET needs_review = false, last_confirmed_at = now(), version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
      [before.id, input.expectedVersion],
    );
    if (!after)
      throw conflict(`The adoption of ${t.solution.slug} by ${t.municipality.code}`, await currentVersion(tx, t));
    await tx.audit({ action: 'UPDATE', entityType: 'adoption', entityId: before.id, before, after });
    return loadAdoption(tx, before.id);
  }
  const authority = await adoptionAuthority(
    asQueryable(tx),
    tx.actor,
    t.municipality.id,
    t.solution.maintainer_organisation_id,
  );
  const [latest] = await tx.query(`SELECT id, effective_date FROM adoption_event WHERE id = $1`, [
    before.last_event_id,
  ]);
  await appendEvent(tx, t, authority, {
    status: 'RETRACTED',
    mode: null,
    effectiveDate: latest!.effective_date,
    notes: 'Overgenomen status ingetrokken bij beoordeling van de herindeling',
    correctsEventId: String(latest!.id),
  });
  return saveProjection(tx, t, input.expectedVersion, { needsReview: false });
}
