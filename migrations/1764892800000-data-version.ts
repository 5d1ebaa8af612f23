import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables whose changes never change an anonymous answer: sign-in bookkeeping and delivery
 * queues (some are written on every signed-in request). Every other table of the schema bumps
 * the data version; tests/server/perf-cache.test.ts fails when a table is in neither group.
 */
const UNWATCHED = [
  'typeorm_migration',
  'user_session',
  'login_attempt',
  'oidc_login',
  'idempotency_key',
  'api_token',
  'webhook_delivery',
];

/**
 * A change counter for the response cache (server/src/performance/response-cache.ts): one row in
 * `atlas_meta.data_version` whose `version` grows by one with every committed transaction that
 * wrote to a watched table, so every server instance can tell in one cheap read whether a cached
 * answer is still current. Entities: server/src/performance/data-version.entity.ts.
 *
 * Its own schema keeps it out of what describes the data (backups and restores of `public`,
 * PostGraphile-style introspection): a restore then bumps the counter like any other write.
 *
 * How: a statement-level trigger on each watched table records the writing transaction in
 * `atlas_meta.data_version_mark` (once per transaction); a deferred constraint trigger on that
 * table bumps the counter at commit and removes the mark. Bumping at commit, not per statement,
 * keeps the counter's row lock to the very end of a transaction, so writers queue there briefly
 * but can never deadlock on it; a rolled-back transaction bumps nothing.
 */
export class DataVersion1764892800000 implements MigrationInterface {
  name = 'DataVersion1764892800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA atlas_meta`);
    await q.query(`
      CREATE TABLE atlas_meta.data_version (
        id          smallint NOT NULL,
        version     bigint NOT NULL,
        changed_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_data_version PRIMARY KEY (id),
        CONSTRAINT ck_data_version_single CHECK (id = 1)
      )`);
    await q.query(`INSERT INTO atlas_meta.data_version (id, version) VALUES (1, 1)`);
    await q.query(`
      CREATE TABLE atlas_meta.data_version_mark (
        txid  bigint NOT NULL,
        CONSTRAINT pk_data_version_mark PRIMARY KEY (txid)
      )`);

    await q.query(`
      CREATE FUNCTION atlas_meta.data_version_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO atlas_meta.data_version_mark (txid) VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION atlas_meta.data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE atlas_meta.data_version SET version = version + 1, changed_at = now() WHERE id = 1;
        DELETE FROM atlas_meta.data_version_mark WHERE txid = NEW.txid;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER data_version_bump AFTER INSERT ON atlas_meta.data_version_mark
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION atlas_meta.data_version_bump()`);

    const tables = (await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY tablename`,
      [UNWATCHED],
    )) as { tablename: string }[];
    for (const { tablename } of tables) {
      await q.query(`
        CREATE TRIGGER data_version_mark AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${tablename}"
        FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.data_version_mark()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const tables = (await q.query(
      `SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE t.tgname = 'data_version_mark' AND n.nspname = current_schema()`,
    )) as { relname: string }[];
    for (const { relname } of tables) await q.query(`DROP TRIGGER data_version_mark ON "${relname}"`);
    await q.query(`DROP SCHEMA atlas_meta CASCADE`);
  }
}
