/**
 * `pnpm test:fuzz [--cases 10000] [--seed N]`: throws generated malformed and random GraphQL
 * requests at the app (in process, through `inject`) on a real PostgreSQL with the reference
 * data, and fails on any 5xx, a broken JSON answer, a leak of internals, or heap growth.
 *
 * Uses TEST_DATABASE_URL (a role that may CREATE DATABASE) or an embedded PostgreSQL in a
 * temporary directory. Run by .ci/run; the test suite runs a 1,000-case version of it.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createDataSource, poolOf } from '../../server/src/data-source.js';
import { startEmbeddedPostgres, type DatabaseServer } from '../../server/src/database.js';
import { createLogger } from '../../server/src/logger.js';
import { importReferenceData } from '../../server/src/reference/import.js';
import { createSchema } from '../../server/src/schema.js';
import { heapBoundMb, runFuzz } from './fuzz.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<number> {
  const cases = arg('cases', 10_000);
  const seed = arg('seed', Number(process.env.FUZZ_SEED ?? 20_261_201));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    CLIENT_DIST_DIR: '/nonexistent',
    RATE_LIMIT_MAX: '0',
    RATE_LIMIT_TOKEN_MAX: '0',
  });
  const log = createLogger(process.env.FUZZ_LOG_LEVEL ?? 'silent', false);
  let server: DatabaseServer | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-fuzz-'));
    server = await startEmbeddedPostgres(dir, log, 'atlas_admin');
    adminUrl = server.url;
  }
  const name = `atlas_fuzz_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ds = createDataSource(url.toString(), { ...config.db, statementTimeoutMs: 120_000 }, log);
  try {
    await ds.initialize();
    await ds.runMigrations();
    await importReferenceData(ds, config.referenceDataDir, { log });
    const schema = await createSchema();
    const app = await buildApp({ config, schema, pool: poolOf(ds), log });
    await app.ready();
    process.stdout.write(
      `fuzz: ${cases} cases, seed ${seed}${(globalThis as { gc?: unknown }).gc ? ', with GC' : ''}\n`,
    );
    const report = await runFuzz(app, schema, {
      cases,
      seed,
      onProgress: (n) => process.stdout.write(`  ${n} cases\n`),
    });
    await app.close();
    process.stdout.write(
      `fuzz: ${report.cases} cases in ${(report.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(report.statuses)}; ` +
        `heap ${report.heap.startMb} MB at start, ${report.heap.beforeReplayMb} MB once the caches settled; replaying ${report.heap.replayed} cases again: ` +
        `${report.heap.replayGrowthMb >= 0 ? '+' : ''}${report.heap.replayGrowthMb} MB (bound ${heapBoundMb(report)} MB)\n`,
    );
    for (const f of report.failures) {
      process.stderr.write(
        `FAIL #${f.index} (${f.reason}): ${f.status} ${f.body}\n  request: ${JSON.stringify(f.request).slice(0, 400)}\n`,
      );
    }
    const heapOk = report.heap.replayGrowthMb < heapBoundMb(report);
    if (!heapOk) process.stderr.write('FAIL: the heap grew beyond its bound\n');
    const ok = report.failures.length === 0 && heapOk;
    process.stdout.write(ok ? '1 passed, 0 failed\n' : '0 passed, 1 failed\n');
    return ok ? 0 : 1;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `fuzz run could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
