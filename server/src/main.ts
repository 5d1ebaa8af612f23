import 'reflect-metadata';
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { createDataSource, poolOf } from './data-source.js';
import { startDatabase } from './database.js';
import { createLogger } from './logger.js';
import { createSchema } from './schema.js';
import { QUERY_LIMITS } from './security/limits.js';
import { removeForeignSignalHandlers } from './signals.js';
import { identityCredentials } from './identity/credentials.js';

async function main(): Promise<void> {
  const startedAt = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\nSee the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel, config.logPretty);
  removeForeignSignalHandlers();
  // A stray rejection (e.g. a pg client losing its server between queries) must not take the
  // whole API down; it is logged and the process serves on. Exceptions still end it.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));

  const db = await startDatabase(config, log);
  log.info(db.embedded ? 'Embedded PostgreSQL started' : 'Using the PostgreSQL server of DATABASE_URL');
  const ds = createDataSource(db.url, config.db, log);
  await ds.initialize();
  await prepareDatabase(ds, config, log);

  const schema = await createSchema();
  const app = await buildApp({ config, schema, pool: poolOf(ds), log, credentials: identityCredentials });
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log.info(
    { ms: Date.now() - startedAt, limits: QUERY_LIMITS, rateLimit: config.rateLimit },
    `GGU Atlas is running at http://${shown}:${config.port} (GraphQL API: http://${shown}:${config.port}/graphql)`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      log.error('Shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 5_000);
    force.unref();
    try {
      await app.close();
      await ds.destroy();
      await db.stop();
      log.info('Stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'Error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`GGU Atlas could not start: ${message}\n`);
  process.exit(1);
});
