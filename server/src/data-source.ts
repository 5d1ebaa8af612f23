import 'reflect-metadata';
import { DataSource } from 'typeorm';
import pg, { type Pool } from 'pg';
import { migrations } from '../../migrations/index.js';
import type { Config } from './config.js';
import { entities } from './entities.js';
import type { Logger } from './logger.js';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates would shift them by the
// process's time zone. (1082 = date.)
pg.types.setTypeParser(1082, (value) => value);

export type PoolSettings = Config['db'];

/**
 * The one TypeORM DataSource of a process. The pg pool under it has deliberate limits: a
 * bounded size, a connect timeout (callers fail fast rather than queue forever), and
 * per-session `statement_timeout` and `idle_in_transaction_session_timeout`.
 */
export function createDataSource(
  url: string,
  pool: PoolSettings,
  log?: Logger,
  applicationName = 'ggu-atlas',
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    poolSize: pool.poolMax,
    applicationName,
    extra: {
      max: pool.poolMax,
      connectionTimeoutMillis: pool.connectTimeoutMs,
      idleTimeoutMillis: pool.idleTimeoutMs,
      statement_timeout: pool.statementTimeoutMs,
      idle_in_transaction_session_timeout: pool.idleInTransactionTimeoutMs,
    },
    poolErrorHandler: (err: unknown) => {
      // An idle client lost its server (restart, network): pg drops it from the pool; never crash.
      log?.warn({ err }, 'database pool error');
    },
  });
}

/** The pg pool under a DataSource, for hot read paths that build their answer in SQL. */
export function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

/**
 * Batch jobs (reference import, demo load) run in one long transaction; the request-sized
 * `statement_timeout` of the pool would cut them off on a busy machine. Call right after
 * starting the transaction.
 */
export const BATCH_STATEMENT_TIMEOUT = `SET LOCAL statement_timeout = '10min'`;
