import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, repoRoot } from '../server/src/config.js';
import { createDataSource } from '../server/src/data-source.js';
import { startEmbeddedPostgres, type DatabaseServer } from '../server/src/database.js';
import { loadDemoData } from '../server/src/demo/demo.js';
import type { Logger } from '../server/src/logger.js';
import { importReferenceData } from '../server/src/reference/import.js';
import { multiplyTenfold } from './dataset.js';
import { installPostGraphileFunctions } from './postgraphile/functions.js';

export type Dataset = 'demo' | '10x';
export const DATASETS: readonly Dataset[] = ['demo', '10x'];

export interface BenchDatabases {
  server: DatabaseServer;
  urls: Record<Dataset, string>;
}

const dbName = (d: Dataset) => (d === 'demo' ? 'bench_demo' : 'bench_10x');

/**
 * What the prepared databases depend on: the migrations, the reference data, the demo generator,
 * the projection and this folder's dataset code. A cluster whose databases carry another
 * fingerprint (a COMMENT ON DATABASE) is rebuilt, so a run never measures stale data.
 */
async function fingerprint(referenceDir: string): Promise<string> {
  const hash = createHash('sha256');
  const roots = [
    'migrations',
    'server/src/demo',
    'server/src/reference',
    'server/src/adoption/projection.ts',
    'server/src/adoption/inheritance.ts',
    'bench/dataset.ts',
  ];
  const files: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const entries = await readdir(p, { withFileTypes: true }).catch(() => null);
    if (!entries) return void files.push(p);
    for (const e of entries) await walk(path.join(p, e.name));
  };
  for (const r of roots) await walk(path.join(repoRoot, r));
  for (const f of (await readdir(referenceDir)).sort()) files.push(path.join(referenceDir, f));
  for (const f of files.sort()) hash.update(f).update(await readFile(f));
  return hash.digest('hex').slice(0, 16);
}

const urlFor = (base: string, db: string) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};

/**
 * Starts the bench cluster (embedded PostgreSQL under .data/bench, kept between runs) and makes
 * sure it holds `bench_demo` (migrated, reference data, demo data) and `bench_10x` (a clone made
 * ten times larger in set-based SQL). Both are rebuilt when their inputs changed or on `fresh`.
 */
export async function prepareDatabases(log: Logger, fresh: boolean): Promise<BenchDatabases> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production' });
  const server = await startCluster(log);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const want = await fingerprint(config.referenceDataDir);
    const { rows } = await admin.query<{ datname: string; comment: string | null }>(
      `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = ANY($1)`,
      [DATASETS.map(dbName)],
    );
    const current = rows.length === DATASETS.length && rows.every((r) => r.comment === want);
    if (fresh || !current) {
      for (const d of [...DATASETS].reverse()) await admin.query(`DROP DATABASE IF EXISTS ${dbName(d)} WITH (FORCE)`);
      let t = Date.now();
      await admin.query(`CREATE DATABASE bench_demo`);
      const ds = createDataSource(
        urlFor(server.url, 'bench_demo'),
        { ...config.db, poolMax: 2, statementTimeoutMs: 3_600_000 },
        log,
      );
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
        await importReferenceData(ds, config.referenceDataDir, { log });
        await loadDemoData(ds, { log });
      } finally {
        await ds.destroy();
      }
      await analyse(urlFor(server.url, 'bench_demo'));
      log.info({ ms: Date.now() - t }, 'bench: demo database built');

      t = Date.now();
      await admin.query(`CREATE DATABASE bench_10x TEMPLATE bench_demo`);
      const stats = await multiplyTenfold(urlFor(server.url, 'bench_10x'));
      await analyse(urlFor(server.url, 'bench_10x'));
      log.info({ ms: Date.now() - t, ...stats }, 'bench: 10x database built');
      for (const d of DATASETS) await admin.query(`COMMENT ON DATABASE ${dbName(d)} IS '${want}'`);
    }
    for (const d of DATASETS) {
      await installPostGraphileFunctions(urlFor(server.url, dbName(d)));
      await withClient(urlFor(server.url, dbName(d)), (c) =>
        c.query(
          'CREATE SCHEMA IF NOT EXISTS bench_stats; CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA bench_stats',
        ),
      );
    }
  } finally {
    await admin.end();
  }
  return { server, urls: { demo: urlFor(server.url, 'bench_demo'), '10x': urlFor(server.url, 'bench_10x') } };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const analyse = (url: string) => withClient(url, (c) => c.query('VACUUM (ANALYZE)'));

/**
 * The bench cluster, with pg_stat_statements loaded (to count statements per request) and room
 * for the bulk load of the 10x data (max_wal_size). Both are set once with ALTER SYSTEM, which
 * takes a restart the first time.
 */
async function startCluster(log: Logger): Promise<DatabaseServer> {
  const dir = path.join(repoRoot, '.data', 'bench');
  let server = await startEmbeddedPostgres(dir, log, 'bench_admin');
  const ready = await withClient(server.url, async (c) => {
    const { rows } = await c.query<{ setting: string }>(
      `SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries'`,
    );
    if (rows[0]?.setting.includes('pg_stat_statements')) return true;
    await c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
    await c.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
    return false;
  });
  if (!ready) {
    await server.stop();
    server = await startEmbeddedPostgres(dir, log, 'bench_admin');
  }
  return server;
}
