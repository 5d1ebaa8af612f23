import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../server/src/data-source.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { startApp, type TestApp } from './hardening-helpers.js';

type AuditResult = { id: string; name: string; status: 'ok' | 'notice' | 'warn' | 'error'; reason?: string };
// graphql-http is a dev dependency of the server package.
const { auditServer } = createRequire(new URL('../../server/package.json', import.meta.url))('graphql-http') as {
  auditServer(opts: { url: string }): Promise<AuditResult[]>;
};

describe('hardening: graphql-http auditServer (GraphQL over HTTP conformance)', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase('schema');
    t = await startApp(poolOf(await db.dataSource()), { RATE_LIMIT_MAX: '0' });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('has no failures; the expected warnings are pinned', async () => {
    const results = await auditServer({ url: `${t.base}/graphql` });
    const notOk = results.filter((r) => r.status !== 'ok');
    expect(notOk.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${r.reason}`)).toEqual([]);
    expect(notOk.map((r) => `${r.status} ${r.id}`).sort()).toEqual([
      // GETs without a CSRF-safe header: Apollo's CSRF prevention answers 400 by design.
      'notice 5A70',
      'notice 6A70',
      'notice D6D5',
      // application/json answers to parse, validation and variable-coercion errors are 400
      // (Apollo's choice, and ours: a bad request is never a 200 and never a 500).
      'warn 572B',
      'warn 7B9B',
      'warn FDE2',
    ]);
  });
});
