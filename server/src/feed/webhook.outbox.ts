import type { WriteTx } from '../audit/write.js';
import type { AdoptionEventRow } from '../adoption/adoption.rows.js';

/** The public JSON of an event, as webhooks deliver it. Never the actor user (personal data). */
export function eventPayload(e: AdoptionEventRow, municipalityCode: string, solutionSlug: string) {
  return {
    id: String(e.id),
    municipalityCode,
    solutionSlug,
    status: e.status,
    mode: e.mode,
    effectiveDate: e.effective_date,
    recordedAt: new Date(e.recorded_at).toISOString(),
    provenance: e.provenance,
    notes: e.notes,
    correctsEventId: e.corrects_event_id,
  };
}

/**
 * Queues the event for every active subscription, in the event's own transaction: a delivery
 * exists exactly when the event does. The outbox is delivery plumbing, not a record anyone
 * changes, so it has no audit records of its own.
 */
export async function enqueueWebhooks(
  tx: Pick<WriteTx, 'query'>,
  e: AdoptionEventRow,
  municipalityCode: string,
  solutionSlug: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_delivery (subscription_id, event_id, payload)
     SELECT id, $1, $2 FROM webhook_subscription WHERE is_active`,
    [e.id, JSON.stringify({ type: 'adoption.event', event: eventPayload(e, municipalityCode, solutionSlug) })],
  );
}
