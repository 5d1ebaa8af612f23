import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { loadDemoData } from './demo/demo.js';
import type { Logger } from './logger.js';
import { importReferenceData } from './reference/import.js';

/**
 * Brings a database up to date before the server serves it: pending migrations, then — on first
 * run only — the CBS/TOOI reference data and (unless LOAD_DEMO_DATA=false) the demo dataset.
 */
export async function prepareDatabase(ds: DataSource, config: Config, log: Logger): Promise<void> {
  const t0 = Date.now();
  const ran = await ds.runMigrations({ transaction: 'each' });
  if (ran.length) log.info({ migrations: ran.map((m) => m.name) }, `Applied ${ran.length} migration(s)`);

  const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM municipality`)) as [{ n: number }];
  if (n === 0) {
    log.info({ dir: config.referenceDataDir }, 'First run: importing CBS / PDOK / TOOI reference data');
    await importReferenceData(ds, config.referenceDataDir, { log });
    if (config.loadDemoData) {
      log.info('First run: loading the demo dataset (marked as demo data everywhere it is shown)');
      await loadDemoData(ds, { log });
    }
  }
  log.info({ ms: Date.now() - t0 }, 'Database ready');
}
