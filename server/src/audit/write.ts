import type { PoolClient } from 'pg';
import type { Context } from '../context.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { actorKey, tokenIdOf, userIdOf, type Actor } from '../identity/actor.js';
import { canonicalJson, sha256 } from '../identity/crypto.js';
import { writeAudit, type AuditEntry } from './audit.js';

/** A row as pg returns it; its columns are read by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DbRow = Record<string, any>;

/** The transaction a write runs in: its SQL, its audit trail and who is writing. */
export interface WriteTx {
  readonly actor: Actor;
  readonly requestId: string;
  query<R = DbRow>(sql: string, params?: unknown[]): Promise<R[]>;
  /** One audit record for one changed row. */
  audit(entry: AuditEntry): Promise<void>;
  /** The raw client, for helpers that take a Queryable. */
  readonly client: PoolClient;
}

export interface WriteOptions<R> {
  /** The mutation name; with the canonical input it forms the idempotency request hash. */
  operation: string;
  input: unknown;
  /** Rebuilds the stored (JSON) result on an idempotent replay. */
  revive?: (json: unknown) => R;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** `UPDATE … WHERE version = $expected` touched nothing: someone else changed it first. */
export function conflict(what: string, currentVersion: number | null): AppError {
  return new AppError(
    ErrorCode.CONFLICT,
    currentVersion === null
      ? `${what} was changed by someone else in the meantime (it no longer exists); reload and try again`
      : `${what} was changed by someone else in the meantime (now at version ${currentVersion}); reload and try again`,
    { currentVersion },
  );
}

/** pg errors a write can cause through bad input; anything else stays an internal error. */
function translate(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === '23505') return new AppError(ErrorCode.CONFLICT, 'That already exists', { constraint: e.constraint });
  if (e?.code === '23503') return badInput('A referenced record does not exist');
  if (e?.code === '23514') return badInput(`The values break a rule of the data model (${e.constraint ?? 'check'})`);
  if (e?.code === '22001') return badInput('A value is too long');
  return err;
}

/**
 * Runs one mutation: one transaction, its audit records, and — when the request carried an
 * `Idempotency-Key` — idempotent replay. The key is claimed first in the same transaction
 * (concurrent duplicates wait on the row lock); the same key with the same input returns the
 * stored result without running anything; the same key with other input is BAD_USER_INPUT.
 * Any error rolls everything back, the key claim included.
 */
export async function runWrite<R>(ctx: Context, opts: WriteOptions<R>, work: (tx: WriteTx) => Promise<R>): Promise<R> {
  const client = await ctx.pool.connect();
  const auditActor = { userId: userIdOf(ctx.actor), tokenId: tokenIdOf(ctx.actor), requestId: ctx.requestId };
  const tx: WriteTx = {
    actor: ctx.actor,
    requestId: ctx.requestId,
    client,
    query: async (sql, params) => (await client.query(sql, params)).rows,
    audit: (entry) => writeAudit(client, auditActor, entry),
  };
  let done = false;
  try {
    await client.query('BEGIN');
    const key = ctx.idempotencyKey;
    let hash: string | null = null;
    if (key !== null) {
      if (!IDEMPOTENCY_KEY.test(key))
        throw badInput('Idempotency-Key must be 8–200 characters of letters, digits and . _ : -', 'Idempotency-Key');
      hash = sha256(canonicalJson({ operation: opts.operation, input: opts.input }));
      const claimed = await client.query(
        `INSERT INTO idempotency_key (actor, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [actorKey(ctx.actor), key, hash],
      );
      if (claimed.rowCount === 0) {
        const { rows } = await client.query(
          `SELECT request_hash, response FROM idempotency_key WHERE actor = $1 AND key = $2`,
          [actorKey(ctx.actor), key],
        );
        await client.query('ROLLBACK');
        done = true;
        if (rows[0].request_hash !== hash) {
          throw badInput(
            'This Idempotency-Key was already used for a different request; use a new key',
            'Idempotency-Key',
          );
        }
        const stored = (rows[0].response as { result: unknown }).result;
        return opts.revive ? opts.revive(stored) : (stored as R);
      }
    }
    const result = await work(tx);
    if (key !== null) {
      await client.query(`UPDATE idempotency_key SET response = $3 WHERE actor = $1 AND key = $2`, [
        actorKey(ctx.actor),
        key,
        JSON.stringify({ result: result === undefined ? null : result }),
      ]);
    }
    await client.query('COMMIT');
    done = true;
    return result;
  } catch (err) {
    if (!done) await client.query('ROLLBACK').catch(() => undefined);
    throw translate(err);
  } finally {
    client.release();
  }
}

/** Revives a stored result into instances of a GraphQL class (its field resolvers need the class). */
export const reviveAs =
  <T extends object>(cls: new () => T) =>
  (json: unknown): T =>
    Object.assign(new cls(), json);

/**
 * The optimistic update of one versioned row: `UPDATE … SET <changes>, version = version + 1
 * WHERE id = $1 AND version = $expected`; no row → CONFLICT with the current version; one audit
 * record with the row before and after. `table` and the column names come from code, never input.
 */
export async function updateVersioned(
  tx: WriteTx,
  table: string,
  id: number,
  expectedVersion: number,
  changes: Record<string, unknown>,
  what: string,
): Promise<DbRow> {
  const [before] = await tx.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  if (!before) throw conflict(what, null);
  const columns = Object.keys(changes);
  const set = columns.map((c, i) => `${c} = $${i + 3}`).join(', ');
  const [after] = await tx.query(
    `UPDATE ${table} SET ${set ? `${set}, ` : ''}version = version + 1 WHERE id = $1 AND version = $2 RETURNING *`,
    [id, expectedVersion, ...columns.map((c) => changes[c])],
  );
  if (!after) {
    const [now] = await tx.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    throw conflict(what, now?.version ?? null);
  }
  await tx.audit({ action: 'UPDATE', entityType: table, entityId: id, before, after });
  return after;
}

/** Inserts one row and audits it; returns the row. */
export async function insertAudited(
  tx: WriteTx,
  table: string,
  values: Record<string, unknown>,
  entityId?: (row: DbRow) => string,
): Promise<DbRow> {
  const columns = Object.keys(values);
  const [row] = await tx.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    columns.map((c) => values[c]),
  );
  await tx.audit({
    action: 'CREATE',
    entityType: table,
    entityId: entityId ? entityId(row!) : String(row!.id),
    after: row,
  });
  return row!;
}
