import { getIntrospectionQuery, GraphQLError } from 'graphql';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../server/src/data-source.js';
import { createFormatError, formatError } from '../../server/src/graphql-errors.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { createProbeTable, gql, startApp, type TestApp } from './hardening-helpers.js';

const verifier = { bearer: (t: string) => t === 'good-token', session: (s: string) => s === 'good-session' };
/** What a leaked pg error would show: SQL, table, column, constraint, pg's own wording. */
const LEAK = /hardening_probe|note_key|duplicate key|unique constraint|INSERT|SELECT|app_user|secret|stack|\.ts:\d+/i;

describe('hardening: production mode (NODE_ENV=production)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let prod: TestApp;
  let dev: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase('schema');
    pool = poolOf(await db.dataSource());
    await createProbeTable(pool);
    prod = await startApp(pool, { NODE_ENV: 'production', RATE_LIMIT_MAX: '0' }, { credentials: verifier });
    dev = await startApp(pool, { NODE_ENV: 'development', RATE_LIMIT_MAX: '0' }, { credentials: verifier });
  });
  afterAll(async () => {
    await prod?.close();
    await dev?.close();
    await db?.drop();
  });

  describe('introspection only for signed-in users and tokens', () => {
    it('refuses anonymous __schema and __type (also inside fragments); __typename works', async () => {
      for (const query of [
        getIntrospectionQuery(),
        '{ __type(name: "Query") { name } }',
        'query { ...F } fragment F on Query { __schema { queryType { name } } }',
      ]) {
        const res = await gql(prod.base, query);
        expect(res.status).toBe(400);
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors?.[0]?.message).toMatch(
          /Introspection is available to signed-in users and API tokens only/,
        );
      }
      expect((await gql(prod.base, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    });

    it('allows it with a valid session cookie (a valid bearer token passes the same check)', async () => {
      const session = await gql(prod.base, '{ __schema { queryType { name } } }', undefined, {
        cookie: 'x=1; atlas_session=good-session',
      });
      expect(session.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    });

    it('a credential the verifier rejects does not count, and a cached document is re-checked per request', async () => {
      const q = '{ __schema { queryType { name } } }';
      expect((await gql(prod.base, q, undefined, { cookie: 'atlas_session=forged' })).status).toBe(400);
      expect((await gql(prod.base, q, undefined, { cookie: 'atlas_session=good-session' })).status).toBe(200);
      expect((await gql(prod.base, q)).status).toBe(400);
    });

    it('stays on in development', async () => {
      const res = await gql(dev.base, getIntrospectionQuery());
      expect(res.body.data?.__schema.queryType.name).toBe('Query');
    });
  });

  it('serves no landing page (development does, under its own CSP)', async () => {
    const prodPage = await fetch(`${prod.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(prodPage.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await prodPage.text()).not.toMatch(/<html|apollographql/i);
    const devPage = await fetch(`${dev.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(devPage.headers.get('content-type')).toMatch(/text\/html/);
    expect(devPage.headers.get('content-security-policy')).toMatch(/embeddable-sandbox\.cdn\.apollographql\.com/);
  });

  it('gives no "Did you mean" suggestions (development does)', async () => {
    const query = '{ provinces { nme } municipalitie(code: "GM0363") { code } }';
    const prodRes = await gql(prod.base, query);
    expect(prodRes.status).toBe(400);
    expect(prodRes.body.errors?.length).toBeGreaterThan(0);
    expect(prodRes.text).not.toMatch(/Did you mean/);
    expect((await gql(dev.base, query)).text).toMatch(/Did you mean/);
    const enumRes = await gql(prod.base, 'query($k: RegionKind!) { regions(filter: { kind: $k }) { totalCount } }', {
      k: 'PROVINCES',
    });
    expect(enumRes.status).toBeLessThan(500);
    expect(enumRes.text).not.toMatch(/Did you mean/);
  });

  it('masks resolver errors as INTERNAL_SERVER_ERROR with the request id', async () => {
    const res = await gql(prod.base, '{ probeThrow }', undefined, { 'x-request-id': 'prod-mask-00000001' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ probeThrow: null });
    expect(res.body.errors?.[0]).toMatchObject({
      path: ['probeThrow'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'prod-mask-00000001' },
    });
    expect(res.text).not.toMatch(LEAK);
  });

  it('a real unique violation leaks no SQL, table, column or constraint name', async () => {
    const res = await gql(prod.base, '{ probeUniqueViolation }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.text).not.toMatch(LEAK);
    // The formatter itself, given the pg error object.
    const pgError = await pool.query(`INSERT INTO hardening_probe (note) VALUES ('duplicate')`).then(
      () => null,
      (err: unknown) => err,
    );
    expect((pgError as { code: string }).code).toBe('23505');
    for (const format of [formatError, createFormatError({ hideSuggestions: true })]) {
      const wrapped = new GraphQLError((pgError as Error).message, { originalError: pgError as Error, path: ['x'] });
      const out = format(
        { message: wrapped.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', detail: 'x' } },
        wrapped,
      );
      expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(out)).not.toMatch(LEAK);
    }
  });

  it('has no tracing extensions, whatever the client asks (graphql-cop: trace mode)', async () => {
    for (const base of [prod.base, dev.base]) {
      const res = await gql(base, '{ __typename }', undefined, { 'apollo-federation-include-trace': 'ftv1' });
      expect(res.body).toEqual({ data: { __typename: 'Query' } });
      expect(res.text).not.toMatch(/tracing|ftv1/);
    }
  });

  it('parse and validation errors carry no stack trace', async () => {
    const res = await gql(prod.base, '{ nope }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      requestId: expect.any(String),
    });
  });
});
