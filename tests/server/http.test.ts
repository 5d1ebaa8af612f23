import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { poolOf } from '../../server/src/data-source.js';
import { createLogger } from '../../server/src/logger.js';
import { createSchema } from '../../server/src/schema.js';
import { createTestDatabase, type TestDatabase } from './db.js';

describe('HTTP: the first query end to end', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase('reference');
    const config = loadConfig({ NODE_ENV: 'test', CLIENT_DIST_DIR: '/nonexistent' });
    app = await buildApp({
      config,
      schema: await createSchema(),
      pool: poolOf(await db.dataSource()),
      log: createLogger('silent', false),
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  // Answers are checked field by field; a loose JSON type keeps the assertions readable.
  type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: Json; errors?: Json[] } };
  };

  it('/healthz reports the database up', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('lists the 342 municipalities of 2025 with their province over HTTP', async () => {
    const { status, body } = await gql(
      `query($f: MunicipalityFilter) { municipalities(first: 100, filter: $f) { totalCount edges { node { code name province { code name } } } pageInfo { hasNextPage endCursor } } }`,
      { f: { validOn: '2025-01-01' } },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.municipalities.totalCount).toBe(342);
    expect(body.data.municipalities.edges).toHaveLength(100);
    expect(body.data.municipalities.pageInfo.hasNextPage).toBe(true);
    const groningen = body.data.municipalities.edges.find((e: Json) => e.node.code === 'GM0014');
    expect(groningen.node).toEqual({
      code: 'GM0014',
      name: 'Groningen',
      province: { code: 'PV20', name: 'Groningen' },
    });
  });

  it('pages through all municipalities valid on 2018-01-01 without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const { body } = await gql(
        `query($after: String) { municipalities(first: 100, after: $after, filter: { validOn: "2018-01-01" }) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const conn = body.data.municipalities;
      expect(conn.totalCount).toBe(380);
      seen.push(...conn.edges.map((e: Json) => e.node.code));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(380);
    expect(new Set(seen).size).toBe(380);
    expect([...seen].sort()).toEqual(seen);
  });

  it('filters municipalities by region, size class and name', async () => {
    const { body } = await gql(
      `{ vr: municipalities(first: 100, filter: { region: { kind: SAFETY_REGION, code: "VR13" } }) { totalCount edges { node { code } } }
         big: municipalities(first: 100, filter: { sizeClass: OVER_250K, validOn: "2025-01-01" }) { edges { node { code } } }
         named: municipalities(filter: { search: "haaren" }) { edges { node { code validTo } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const regio = await (
      await db.dataSource()
    ).query(
      `SELECT m.code FROM municipality m WHERE EXISTS (SELECT 1 FROM region_membership rm JOIN region r ON r.id = rm.region_id
         WHERE rm.municipality_id = m.id AND r.kind = 'SAFETY_REGION' AND r.code = 'VR13') ORDER BY m.code`,
    );
    expect(body.data.vr.totalCount).toBe(regio.length);
    expect(body.data.vr.edges.map((e: Json) => e.node.code)).toEqual(regio.map((r: { code: string }) => r.code));
    expect(regio.length).toBeGreaterThan(0);
    expect(body.data.big.edges.map((e: Json) => e.node.code)).toEqual(
      expect.arrayContaining(['GM0344', 'GM0363', 'GM0518', 'GM0599']),
    );
    expect(body.data.named.edges).toEqual([{ node: { code: 'GM0788', validTo: '2020-12-31' } }]);
  });

  it('answers one municipality with predecessors and successors', async () => {
    const { body } = await gql(
      `{ amsterdam: municipality(code: "GM0363") { code name tooiUri validFrom validTo province { code } predecessors { code } }
         haaren: municipality(code: "GM0788") { validTo successors { code } }
         none: municipality(code: "GM9999") { code } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.amsterdam).toMatchObject({
      code: 'GM0363',
      name: 'Amsterdam',
      tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0363',
      validTo: null,
      province: { code: 'PV27' },
    });
    expect(body.data.amsterdam.predecessors.map((p: Json) => p.code)).toContain('GM0457');
    expect(body.data.haaren.validTo).toBe('2020-12-31');
    expect(body.data.haaren.successors.map((s: Json) => s.code).sort()).toEqual([
      'GM0757',
      'GM0824',
      'GM0855',
      'GM0865',
    ]);
    expect(body.data.none).toBeNull();
  });

  it('rejects bad arguments with BAD_USER_INPUT and a readable message, never a 500', async () => {
    const tooMany = await gql(`{ municipalities(first: 101) { totalCount } }`);
    expect(tooMany.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(tooMany.body.errors?.[0].message).toMatch(/first must be between 0 and 100/);
    const badCursor = await gql(`{ municipalities(after: "nonsense") { totalCount } }`);
    expect(badCursor.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badDate = await gql(`query($f: MunicipalityFilter) { municipalities(filter: $f) { totalCount } }`, {
      f: { validOn: '2023-02-30' },
    });
    expect(badDate.status).toBeLessThan(500);
    expect(badDate.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badDate.body)).not.toMatch(/stack|select|municipality_/i);
  });
});
