import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';

/** A health check must answer quickly even when the database hangs. */
const CHECK_TIMEOUT_MS = 2_000;

async function databaseUp(pool: Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('health check timed out')), CHECK_TIMEOUT_MS);
    });
    await Promise.race([pool.query('SELECT 1'), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: FastifyInstance, pool: Pool): void {
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
}
