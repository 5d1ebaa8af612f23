import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';

/** A health check must answer quickly even when the database hangs. */
const CHECK_TIMEOUT_MS = 2_000;

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('health check timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function databaseUp(pool: Pool): Promise<boolean> {
  try {
    await withTimeout(pool.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** The expected migrations that the database has not recorded; null when it cannot be asked. */
async function pendingMigrations(pool: Pool, expected: readonly string[]): Promise<string[] | null> {
  try {
    const { rows } = await withTimeout(
      pool.query<{ name: string }>(`SELECT name FROM typeorm_migration`).catch((err: { code?: string }) => {
        if (err.code === '42P01') return { rows: [] }; // no migration has ever run
        throw err;
      }),
    );
    const done = new Set(rows.map((r) => r.name));
    return expected.filter((name) => !done.has(name));
  } catch {
    return null;
  }
}

/**
 * `/healthz`: the process is alive and reaches its database (restart the process if not).
 * `/readyz`: it may be sent traffic: database reachable AND every migration of this build
 * applied (a new build waits here until `pnpm db:migrate` or its own start-up has run them).
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  pool: Pool,
  expectedMigrations: readonly string[] = [],
): void {
  app.get('/healthz', async (_req, reply) => {
    const up = await databaseUp(pool);
    reply.header('cache-control', 'no-store');
    if (up) return { status: 'ok', database: 'up' };
    return reply.code(503).send({
      status: 'unavailable',
      database: 'down',
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is not reachable.',
    });
  });

  app.get('/readyz', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    const pending = await pendingMigrations(pool, expectedMigrations);
    if (pending === null) {
      return reply.code(503).send({
        status: 'unavailable',
        database: 'down',
        code: 'SERVICE_UNAVAILABLE',
        message: 'The database is not reachable.',
      });
    }
    if (pending.length) {
      return reply.code(503).send({
        status: 'unavailable',
        database: 'up',
        pendingMigrations: pending,
        code: 'MIGRATIONS_PENDING',
        message: `${pending.length} migration(s) not applied yet.`,
      });
    }
    return { status: 'ok', database: 'up', pendingMigrations: [] };
  });
}
