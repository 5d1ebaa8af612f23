import { loadConfig } from '../config.js';
import { createDataSource } from '../data-source.js';
import { startDatabase } from '../database.js';
import { createLogger } from '../logger.js';

/**
 * `pnpm db:migrate` applies pending migrations; `pnpm db:migrate --revert` undoes the last one.
 */
const config = loadConfig();
const log = createLogger(config.logLevel, config.logPretty);
const db = await startDatabase(config, log);
const ds = createDataSource(db.url, config.db, log);
let code = 0;
try {
  await ds.initialize();
  if (process.argv.includes('--revert')) {
    await ds.undoLastMigration({ transaction: 'each' });
    log.info('Reverted the last migration');
  } else {
    const ran = await ds.runMigrations({ transaction: 'each' });
    log.info(ran.length ? `Applied: ${ran.map((m) => m.name).join(', ')}` : 'No pending migrations');
  }
} catch (err) {
  log.error(err instanceof Error ? err.message : String(err));
  code = 1;
} finally {
  if (ds.isInitialized) await ds.destroy();
  await db.stop();
}
process.exit(code);
