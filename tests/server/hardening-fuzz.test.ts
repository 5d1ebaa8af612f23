import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { poolOf } from '../../server/src/data-source.js';
import { createLogger } from '../../server/src/logger.js';
import { createSchema } from '../../server/src/schema.js';
import { fuzzCase } from '../fuzz/generate.js';
import { heapBoundMb, runFuzz } from '../fuzz/fuzz.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** The 1,000-case version of `pnpm test:fuzz` (which runs 10,000). */
describe('hardening: fuzzing the GraphQL endpoint', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase('reference');
    schema = await createSchema();
    const config = loadConfig({
      NODE_ENV: 'test',
      CLIENT_DIST_DIR: '/nonexistent',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_TOKEN_MAX: '0',
    });
    app = await buildApp({ config, schema, pool: poolOf(await db.dataSource()), log: createLogger('silent', false) });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('generates the same cases from the same seed, and varied ones', () => {
    expect(fuzzCase(schema, 7, 3)).toEqual(fuzzCase(schema, 7, 3));
    const shapes = new Set(Array.from({ length: 200 }, (_, i) => JSON.stringify(fuzzCase(schema, 7, i))));
    expect(shapes.size).toBeGreaterThan(150);
  });

  it('1,000 malformed and random requests: no 5xx, no broken JSON, no leaks, a stable heap', async () => {
    const report = await runFuzz(app, schema, {
      cases: 1_000,
      seed: Number(process.env.FUZZ_SEED ?? 1),
      replay: { cases: 300, warm: 2, measured: 1 },
    });
    expect(report.failures).toEqual([]);
    expect(Object.keys(report.statuses).every((s) => Number(s) < 500)).toBe(true);
    // Both accepted and refused requests were exercised.
    expect(report.statuses['200']).toBeGreaterThan(50);
    expect(report.statuses['400']).toBeGreaterThan(50);
    expect(report.heap.replayGrowthMb).toBeLessThan(heapBoundMb(report));
  }, 55_000);
});
