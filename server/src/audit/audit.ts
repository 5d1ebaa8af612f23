import type { PoolClient } from 'pg';
import type { AuditAction } from './audit-log.entity.js';

/** Who did it, for the audit record: a user, a token (with its holder), or the system (null). */
export interface AuditActor {
  userId: number | null;
  tokenId: number | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  /** The table, e.g. `adoption`. */
  entityType: string;
  /** The row's key as text (composite keys joined with `:`). */
  entityId: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

// Secrets never go into the audit trail, not even hashed.
const SECRET_COLUMNS = new Set(['password_hash', 'token_hash', 'secret']);
const scrub = (row: Record<string, unknown> | null | undefined) =>
  row ? Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMNS.has(k))) : null;

/** Appends exactly one audit record: call it once per changed row, in the write's transaction. */
export async function writeAudit(
  client: Pick<PoolClient, 'query'>,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await client.query(
    `INSERT INTO audit_log (actor_user_id, actor_token_id, request_id, action, entity_type, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.userId,
      actor.tokenId,
      actor.requestId,
      entry.action,
      entry.entityType,
      String(entry.entityId),
      entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
    ],
  );
}
