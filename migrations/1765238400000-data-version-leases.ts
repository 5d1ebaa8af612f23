import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read leases on the data version (server/src/performance/response-cache.ts `DataVersionReader`).
 *
 * Before: every cache hit waited for a read of `atlas_meta.data_version` that started after it
 * arrived (shared by one event-loop turn's requests): one PostgreSQL round trip per handful of
 * hits, about half a hit's cost on two cores.
 *
 * Now an instance may take a lease: a shared session-level advisory lock (key 2 below), taken
 * with the version in one statement list. While it holds the lease it answers from the version it
 * read for at most `lease_ms` after sending that read, then gives the lock back. A committing
 * writer, in `data_version_bump()` (the deferred trigger that runs at commit):
 * 1. closes the gate (exclusive transaction lock, key 1): from then on no instance gets a new
 *    lease, and reads the version on every turn as before;
 * 2. waits for the lease lock exclusively, i.e. until every lease taken before the gate closed is
 *    given back, for at most 2 × `lease_ms` (a lease is never used longer than `lease_ms`, so after
 *    that every holder has stopped using its version even if it has not said so: a stalled process);
 * 3. bumps the version and commits.
 * So a write committed before a request arrived is still always seen, by every instance, also for
 * writes outside the API (the trigger runs for every writing transaction). A writer waits only
 * while leases are out (anonymous traffic in the last `lease_ms`), and writers that queue behind
 * each other do not wait again. The two-integer lock keys live apart from the app's one-key
 * advisory locks.
 */
export class DataVersionLeases1765238400000 implements MigrationInterface {
  name = 'DataVersionLeases1765238400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE atlas_meta.data_version
        ADD COLUMN lease_ms integer NOT NULL DEFAULT 25,
        ADD CONSTRAINT ck_data_version_lease CHECK (lease_ms BETWEEN 0 AND 1000)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION atlas_meta.data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        lease integer;
        previous text := current_setting('lock_timeout');
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('atlas:data_version'), 1);
        SELECT v.lease_ms INTO lease FROM atlas_meta.data_version v WHERE v.id = 1;
        IF lease > 0 THEN
          PERFORM set_config('lock_timeout', (2 * lease + 5) || 'ms', true);
          BEGIN
            PERFORM pg_advisory_xact_lock(hashtext('atlas:data_version'), 2);
          EXCEPTION WHEN lock_not_available THEN
            NULL; -- a holder that stalled: it stopped using its lease lease_ms after taking it
          END;
          PERFORM set_config('lock_timeout', previous, true);
        END IF;
        UPDATE atlas_meta.data_version SET version = version + 1, changed_at = now() WHERE id = 1;
        DELETE FROM atlas_meta.data_version_mark WHERE txid = NEW.txid;
        RETURN NULL;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION atlas_meta.data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE atlas_meta.data_version SET version = version + 1, changed_at = now() WHERE id = 1;
        DELETE FROM atlas_meta.data_version_mark WHERE txid = NEW.txid;
        RETURN NULL;
      END $$`);
    await q.query(`ALTER TABLE atlas_meta.data_version DROP CONSTRAINT ck_data_version_lease, DROP COLUMN lease_ms`);
  }
}
