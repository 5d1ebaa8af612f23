import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { createDataSource, poolOf, type PoolSettings } from '../../server/src/data-source.js';
import { freePort, startEmbeddedPostgres, type DatabaseServer } from '../../server/src/database.js';
import { createLogger } from '../../server/src/logger.js';
import { createProbeTable, gql, startApp, type TestApp } from './hardening-helpers.js';

/**
 * Faults against a PostgreSQL of the test's own, which it stops and starts underneath the server:
 * a restart under load, a full pool, a slow query, and shutting down with a request in flight.
 */
describe('faults: the database misbehaves, the server does not', () => {
  const log = createLogger('silent', false);
  const base = loadConfig({ NODE_ENV: 'test' }).db;
  let dir: string;
  let port: number;
  let pg: DatabaseServer;
  const sources: DataSource[] = [];
  const apps: TestApp[] = [];

  const source = async (settings: Partial<PoolSettings>) => {
    const ds = createDataSource(pg.url, { ...base, ...settings }, log);
    await ds.initialize();
    sources.push(ds);
    return poolOf(ds);
  };
  const app = async (settings: Partial<PoolSettings>) => {
    const pool = await source(settings);
    const t = await startApp(pool, { RATE_LIMIT_MAX: '0' });
    apps.push(t);
    return { pool, t };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-faults-'));
    port = await freePort();
    pg = await startEmbeddedPostgres(dir, log, 'atlas', port);
    const ds = createDataSource(pg.url, base, log);
    await ds.initialize();
    await ds.runMigrations();
    await createProbeTable(poolOf(ds));
    await ds.destroy();
  });
  afterAll(async () => {
    for (const t of apps) await t.close().catch(() => {});
    for (const ds of sources) if (ds.isInitialized) await ds.destroy().catch(() => {});
    await pg?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('all pool connections busy: requests fail fast with SERVICE_UNAVAILABLE (503), then serve again', async () => {
    const { pool, t } = await app({ poolMax: 2, connectTimeoutMs: 500 });
    const held = [await pool.connect(), await pool.connect()];
    const t0 = Date.now();
    const busy = await gql(t.base, '{ provinces { code } }');
    expect(Date.now() - t0).toBeLessThan(2_500);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(busy.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(busy.text).not.toMatch(/timeout exceeded|127\.0\.0\.1|stack/);
    for (const c of held) c.release();
    expect((await gql(t.base, '{ provinces { code } }')).status).toBe(200);
  });

  it('a slow query is ended by statement_timeout, cleanly, and its connection goes back to the pool', async () => {
    const { pool, t } = await app({ poolMax: 1, statementTimeoutMs: 300 });
    const t0 = Date.now();
    const slow = await gql(t.base, '{ probeSleep(seconds: 5) }');
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(slow.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(slow.body.errors?.[0]?.message).toMatch(/took longer than the server allows/);
    expect(slow.text).not.toMatch(/pg_sleep|canceling statement/);
    // Nothing is left holding the pool (pg discards a client whose query failed and opens a fresh
    // one on demand): the one slot serves the next request at once, and no backend still sleeps.
    expect(pool.waitingCount).toBe(0);
    expect(pool.totalCount - pool.idleCount).toBe(0);
    expect((await gql(t.base, '{ probeSleep(seconds: 0.01) }')).body).toEqual({ data: { probeSleep: 0.01 } });
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND state = 'active'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('graceful shutdown: a request in flight completes after close() is called', async () => {
    const { t } = await app({});
    const inFlight = gql(t.base, '{ probeSleep(seconds: 1) }');
    await new Promise((r) => setTimeout(r, 300));
    const closing = t.close();
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { probeSleep: 1 } });
    await expect(fetch(`${t.base}/healthz`)).rejects.toThrow();
  });

  it('PostgreSQL restarted under load: 503 SERVICE_UNAVAILABLE while away, serving again within seconds', async () => {
    const { t } = await app({ connectTimeoutMs: 1_000 });
    const seen: { at: number; status: number; code?: string }[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const res = await gql(t.base, '{ provinces { code } }').catch(() => null);
        seen.push({ at: Date.now(), status: res?.status ?? 0, code: res?.body.errors?.[0]?.extensions?.code });
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const load = Promise.all([worker(), worker(), worker(), worker()]);
    await new Promise((r) => setTimeout(r, 500));

    await pg.stop();
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, 1_500));
    const health = await fetch(`${t.base}/healthz`);
    expect(health.status).toBe(503);

    pg = await startEmbeddedPostgres(dir, log, 'atlas', port);
    const restartedAt = Date.now();
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - restartedAt < 15_000) {
      await new Promise((r) => setTimeout(r, 50));
      recoveredAt = seen.find((s) => s.at > restartedAt && s.status === 200)?.at ?? 0;
    }
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await load;

    const recoveryMs = recoveredAt - restartedAt;
    process.stdout.write(
      `recovered ${recoveryMs} ms after PostgreSQL was back (${restartedAt - stoppedAt} ms away); ${seen.length} requests\n`,
    );
    expect(recoveredAt).toBeGreaterThan(0);
    expect(recoveryMs).toBeLessThan(5_000);
    const away = seen.filter((s) => s.at > stoppedAt + 200 && s.at < restartedAt);
    expect(away.length).toBeGreaterThan(0);
    // Never a 500 or a dropped connection: while away every answer is a 503 SERVICE_UNAVAILABLE.
    expect(seen.filter((s) => s.status === 0 || s.status === 500)).toEqual([]);
    expect(new Set(away.map((s) => `${s.status} ${s.code}`))).toEqual(new Set(['503 SERVICE_UNAVAILABLE']));
    expect(seen.filter((s) => s.at > recoveredAt + 100).every((s) => s.status === 200)).toBe(true);
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });
});
