import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createDataSource, poolOf } from '../../server/src/data-source.js';
import { startEmbeddedPostgres, type DatabaseServer } from '../../server/src/database.js';
import { createLogger } from '../../server/src/logger.js';
import { createSchema } from '../../server/src/schema.js';

/** Runs against a PostgreSQL of its own, which the test stops underneath the server. */
describe('/healthz with the database going away', () => {
  let dir: string;
  let pg: DatabaseServer;
  let app: FastifyInstance;
  let base: string;
  const log = createLogger('silent', false);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-health-'));
    pg = await startEmbeddedPostgres(dir, log);
    const config = loadConfig({ NODE_ENV: 'test', CLIENT_DIST_DIR: '/nonexistent', DB_CONNECT_TIMEOUT_MS: '1000' });
    const ds = createDataSource(pg.url, config.db, log);
    await ds.initialize();
    await ds.runMigrations();
    app = await buildApp({ config, schema: await createSchema(), pool: poolOf(ds), log });
    app.addHook('onClose', async () => ds.destroy());
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await pg?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('is 200 while the database is up', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('is 503 with a clear code, quickly, once the database is stopped — and the process lives on', async () => {
    await pg.stop();
    const t0 = Date.now();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', database: 'down', code: 'SERVICE_UNAVAILABLE' });
    expect(Date.now() - t0).toBeLessThan(5_000);

    const gql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ municipality(code: "GM0363") { name } }' }),
    });
    const body = (await gql.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
  });
});
