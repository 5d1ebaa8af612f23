import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import pg, { type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createDataSource, poolOf } from '../../server/src/data-source.js';
import { createLogger } from '../../server/src/logger.js';
import { DataVersionReader } from '../../server/src/performance/response-cache.js';
import { createSchema } from '../../server/src/schema.js';
import { A, makeUser, sessionFor, startWritesApp, type WritesEnv } from './writes-support.js';

/** Tables of `public` that never bump atlas_meta.data_version (migration 1764892800000); every other one must. */
const UNWATCHED = [
  'typeorm_migration',
  'user_session',
  'login_attempt',
  'oidc_login',
  'idempotency_key',
  'api_token',
  'webhook_delivery',
];

const READ = `query Read($slug: String!) { solution(slug: $slug) { name adoptions { totalCount edges { node { status } } } } }`;
const RECORD = `mutation($i: RecordAdoptionStatusInput!) { recordAdoptionStatus(input: $i) { adoption { id version } } }`;

interface Answer {
  status: number;
  cache: string | null;
  text: string;
  body: { data?: any; errors?: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function post(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, cache: res.headers.get('x-response-cache'), text, body: JSON.parse(text) };
}

const version = async (pool: Pool) =>
  (await pool.query<{ version: string }>(`SELECT version FROM atlas_meta.data_version WHERE id = 1`)).rows[0]!.version;

describe('performance: the response cache never serves a stale or foreign answer', () => {
  let env: WritesEnv;
  let second: { ds: DataSource; app: FastifyInstance; base: string };
  let editor: string;
  let admin: string;
  const previous = process.env.RESPONSE_CACHE;

  beforeAll(async () => {
    process.env.RESPONSE_CACHE = 'true';
    env = await startWritesApp({ RATE_LIMIT_MAX: '0', RATE_LIMIT_TOKEN_MAX: '0' });
    editor = await sessionFor(
      env.pool,
      await makeUser(env.pool, 'editor@cache.test', [{ role: 'EDITOR', municipality: A }]),
    );
    admin = await sessionFor(env.pool, await makeUser(env.pool, 'admin@cache.test', [{ role: 'ADMIN' }]));
    // A second instance of the server on the same database, with its own pool and cache.
    const config = loadConfig({ NODE_ENV: 'test', CLIENT_DIST_DIR: '/nonexistent', RATE_LIMIT_MAX: '0' });
    const ds = createDataSource(env.db.url, { ...config.db, poolMax: 3 });
    await ds.initialize();
    const app = await buildApp({
      config,
      schema: await createSchema(),
      pool: poolOf(ds),
      log: createLogger('silent', false),
    });
    second = { ds, app, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.ds.destroy();
    await env?.close();
    process.env.RESPONSE_CACHE = previous;
    vi.useRealTimers();
  });

  it('signed-in callers neither read nor fill the cache, so no answer crosses between callers', async () => {
    const mine = await post(env.base, `{ me { email } }`, {}, { cookie: editor });
    expect(mine.body.data.me.email).toBe('editor@cache.test');
    expect(mine.cache).toBeNull();
    const anonymous = await post(env.base, `{ me { email } }`);
    expect(anonymous.body.data).toEqual({ me: null });
    expect(anonymous.cache).toBe('miss');
    // Now cached for anonymous callers; the signed-in caller still gets its own answer.
    expect((await post(env.base, `{ me { email } }`)).cache).toBe('hit');
    const again = await post(env.base, `{ me { email } }`, {}, { cookie: editor });
    expect(again.body.data.me.email).toBe('editor@cache.test');
    expect(again.cache).toBeNull();
    // A cookie that is no valid session is not trusted to be anonymous either.
    expect((await post(env.base, `{ me { email } }`, {}, { cookie: 'atlas_session=nonsense' })).cache).toBeNull();
  });

  it('errors and mutations are never stored', async () => {
    const bad = await post(env.base, READ, { slug: 'Not A Slug' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await post(env.base, READ, { slug: 'Not A Slug' })).cache).toBe('miss');
    const write = await post(env.base, `mutation { logout }`);
    expect(write.cache).toBe('miss');
    expect((await post(env.base, `mutation { logout }`)).cache).toBe('miss');
  });

  it('a repeated anonymous read is a hit with the identical answer; other variables are another entry', async () => {
    const first = await post(env.base, READ, { slug: 'open-solution' });
    expect(first.cache).toBe('miss');
    const second_ = await post(env.base, READ, { slug: 'open-solution' });
    expect(second_.cache).toBe('hit');
    expect(second_.text).toBe(first.text);
    expect((await post(env.base, READ, { slug: 'supplied-solution' })).cache).toBe('miss');
  });

  it('a hit carries the headers and bytes of the answer it replays, with and without compression', async () => {
    // Larger than the compression threshold (1 kB).
    const body = JSON.stringify({ query: `{ municipalities(first: 100) { edges { node { code name } } } }` });
    // node:http sends no Accept-Encoding unless told (fetch always asks for gzip).
    const send = (headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
        const req = httpRequest(
          `${env.base}/graphql`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const perRequest = ['date', 'x-request-id', 'x-response-cache'];
    const lasting = (headers: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => !perRequest.includes(name)));

    const miss = await send({ 'x-request-id': 'cache-miss-0001' });
    expect(miss.headers['x-response-cache']).toBe('miss');
    const hit = await send({ 'x-request-id': 'cache-hit-00001' });
    expect(hit.status).toBe(200);
    expect(hit.headers['x-response-cache']).toBe('hit');
    expect(hit.headers['x-request-id']).toBe('cache-hit-00001');
    expect(miss.bytes.length).toBeGreaterThan(1024);
    expect(hit.bytes.equals(miss.bytes)).toBe(true);
    expect(lasting(hit.headers)).toEqual(lasting(miss.headers));
    expect(hit.headers).toMatchObject({
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(miss.bytes.length),
      'x-content-type-options': 'nosniff',
      'api-version': expect.any(String),
    });
    expect(hit.headers['content-security-policy']).toContain("frame-ancestors 'none'");

    // Asked for gzip: the same answer, compressed as a miss would be.
    const gzipped = await send({ 'accept-encoding': 'gzip' });
    expect(gzipped.headers['x-response-cache']).toBe('hit');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.bytes).equals(miss.bytes)).toBe(true);
    expect(lasting(gzipped.headers)).toMatchObject({ ...lasting(miss.headers), 'content-length': expect.any(String) });

    // Hits are counted and timed like every answer (the onResponse hooks still run).
    const answered = async () => {
      const text = await (await fetch(`${env.base}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) => /^atlas_http_request_duration_seconds_count\{.*route="\/graphql".*status="200"/.test(l));
      return Number(line?.split(' ').at(-1));
    };
    const before = await answered();
    expect((await send()).headers['x-response-cache']).toBe('hit');
    expect(await answered()).toBe(before + 1);
  });

  it('is keyed on the body as sent; a chunked or malformed body is answered as without the cache', async () => {
    const body = JSON.stringify({ query: READ, variables: { slug: 'open-solution' } });
    const send = async (text: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${env.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: text,
      });
      return { status: res.status, cache: res.headers.get('x-response-cache'), text: await res.text() };
    };
    const first = await send(body);
    expect((await send(body)).cache).toBe('hit');
    // The same request written differently: its own entry, the same answer.
    const spaced = await send(body.replace('{"query"', '{ "query"'));
    expect(spaced.cache).toBe('miss');
    expect(spaced.text).toBe(first.text);
    // A chunked body (no Content-Length) goes the uncached way.
    const chunked = await new Promise<{ status: number; cache: unknown; text: string }>((resolve, reject) => {
      const req = httpRequest(
        `${env.base}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, cache: res.headers['x-response-cache'], text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      req.end(body.slice(20));
    });
    expect(chunked).toMatchObject({ status: 200, cache: undefined, text: first.text });
    // Malformed JSON: refused as ever, twice (never stored).
    for (let i = 0; i < 2; i++) {
      const bad = await send('{"query": ');
      expect(bad.status).toBe(400);
      expect(bad.cache).toBeNull();
    }
  });

  it('a write through the API: the next read on this and on the other instance is fresh', async () => {
    for (const base of [env.base, second.base]) {
      await post(base, READ, { slug: 'open-solution' });
      expect((await post(base, READ, { slug: 'open-solution' })).cache).toBe('hit');
    }
    const before = (await post(env.base, READ, { slug: 'open-solution' })).body.data.solution.adoptions.totalCount;
    const write = await post(
      env.base,
      RECORD,
      {
        i: {
          municipalityCode: A,
          solutionSlug: 'open-solution',
          status: 'PLANNED',
          effectiveDate: '2024-06-01',
          expectedVersion: null,
        },
      },
      { cookie: editor },
    );
    expect(write.body.errors).toBeUndefined();
    for (const base of [env.base, second.base]) {
      const after = await post(base, READ, { slug: 'open-solution' });
      expect(after.cache).toBe('miss');
      expect(after.body.data.solution.adoptions.totalCount).toBe(before + 1);
    }
  });

  it('a write outside the API (plain SQL on the database) invalidates every instance too', async () => {
    for (const base of [env.base, second.base]) {
      await post(base, READ, { slug: 'open-solution' });
      expect((await post(base, READ, { slug: 'open-solution' })).cache).toBe('hit');
    }
    await env.pool.query(`UPDATE solution SET name = 'Renamed solution' WHERE slug = 'open-solution'`);
    for (const base of [second.base, env.base]) {
      const after = await post(base, READ, { slug: 'open-solution' });
      expect(after.body.data.solution.name).toBe('Renamed solution');
    }
  });

  it('data_version: +1 per committed writing transaction, nothing for a rolled-back one or a read', async () => {
    const v0 = BigInt(await version(env.pool));
    const client = await env.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE solution SET website = 'https://a.example' WHERE slug = 'open-solution'`);
      await client.query(`UPDATE standard SET url = 'https://b.example' WHERE slug = 'test-standard'`);
      await client.query('COMMIT');
      expect(BigInt(await version(env.pool))).toBe(v0 + 1n);
      await client.query('BEGIN');
      await client.query(`UPDATE solution SET website = 'https://c.example' WHERE slug = 'open-solution'`);
      await client.query('ROLLBACK');
      await client.query(`SELECT * FROM solution`);
      expect(BigInt(await version(env.pool))).toBe(v0 + 1n);
      expect((await client.query(`SELECT count(*)::int AS n FROM atlas_meta.data_version_mark`)).rows[0].n).toBe(0);
    } finally {
      client.release();
    }
  });

  it('every table bumps data_version except the sign-in and delivery bookkeeping listed here', async () => {
    const { rows } = await env.pool.query<{ tablename: string; watched: boolean }>(`
      SELECT t.tablename, EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                                  WHERE c.relname = t.tablename AND g.tgname = 'data_version_mark') AS watched
      FROM pg_tables t WHERE t.schemaname = current_schema()`);
    const unwatched = rows
      .filter((r) => !r.watched)
      .map((r) => r.tablename)
      .sort();
    expect(unwatched).toEqual([...UNWATCHED].sort());
  });

  it('a lease answers without a read, and no write commits while it is in use', async () => {
    const reader = new DataVersionReader(env.pool);
    try {
      const v0 = await reader.read();
      expect(reader.current()).toBe(v0); // leased: later callers need no round trip
      const committed = env.pool
        .query(`UPDATE solution SET website = 'https://lease.example' WHERE slug = 'open-solution'`)
        .then(() => reader.current());
      // The write waits until the lease is given back: by then this reader no longer uses v0.
      expect(await committed).toBeNull();
      const v1 = await reader.read();
      expect(BigInt(v1)).toBe(BigInt(v0) + 1n);
    } finally {
      await reader.close();
    }
  });

  it('callers that arrive while a lease is being taken use it: one round trip per lease under steady reads', async () => {
    let roundTrips = 0;
    const openCounting = async (onLost: () => void) => {
      const client = new pg.Client({ connectionString: env.db.url });
      client.on('error', onLost);
      await client.connect();
      return {
        query: (text: string) => {
          roundTrips++;
          return client.query(text) as never;
        },
        end: () => client.end(),
      };
    };
    const reader = new DataVersionReader(env.pool, openCounting);
    try {
      const { rows } = await env.pool.query<{ lease_ms: number }>(`SELECT lease_ms FROM atlas_meta.data_version`);
      const leaseMs = rows[0]!.lease_ms;
      // A new caller on every turn of the event loop for ten leases' time, whether or not the
      // earlier ones have their answer (as requests arrive), so callers also arrive during reads.
      const until = performance.now() + 10 * leaseMs;
      const reads: Promise<string>[] = [];
      while (performance.now() < until) {
        reads.push(reader.read());
        await new Promise((r) => setImmediate(r));
      }
      const answers = (await Promise.all(reads)).length;
      expect(answers).toBeGreaterThan(100);
      // A lease per lease_ms (each round trip gives the last one back and takes the next), with
      // slack for a slow machine; back-to-back reads would be one per event-loop turn of reads.
      expect(roundTrips).toBeLessThanOrEqual(10 + 3);
    } finally {
      await reader.close();
    }
  });

  it('an idle reader gives its lease back, so a later write does not wait for it', async () => {
    const holders = async () =>
      (
        await env.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks
           WHERE locktype = 'advisory' AND classid::int = hashtext('atlas:data_version') AND objid = 2 AND objsubid = 2`,
        )
      ).rows[0]!.n;
    const reader = new DataVersionReader(env.pool);
    try {
      await reader.read();
      expect(await holders()).toBe(1);
      const until = Date.now() + 2_000;
      while ((await holders()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      expect(await holders()).toBe(0);
      expect(reader.current()).toBeNull();
    } finally {
      await reader.close();
    }
  });

  it('a stalled lease holder delays a write by at most twice the lease, and no lease is granted meanwhile', async () => {
    const stalled = await env.pool.connect();
    const reader = new DataVersionReader(env.pool);
    try {
      // An instance that took a lease and stopped (never gives it back).
      await stalled.query(`SELECT pg_advisory_lock_shared(hashtext('atlas:data_version'), 2)`);
      const leaseMs = (await env.pool.query(`SELECT lease_ms FROM atlas_meta.data_version`)).rows[0].lease_ms;
      const started = performance.now();
      const write = env.pool.query(
        `UPDATE solution SET website = 'https://stalled.example' WHERE slug = 'open-solution'`,
      );
      await new Promise((r) => setTimeout(r, 10));
      // The writer has closed the gate: this read gets the version but no lease.
      await reader.read();
      expect(reader.current()).toBeNull();
      await write;
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(2 * leaseMs);
      expect(waited).toBeLessThan(2_000);
    } finally {
      await stalled.query(`SELECT pg_advisory_unlock_all()`);
      stalled.release();
      await reader.close();
    }
  });

  it('under steady anonymous reads on both instances, every committed write is in the next answer', async () => {
    let reading = true;
    const background = [env.base, second.base].map(async (base) => {
      while (reading) await post(base, READ, { slug: 'open-solution' });
    });
    try {
      for (let i = 0; i < 12; i++) {
        const name = `Under load ${i}`;
        if (i % 2 === 0) await env.pool.query(`UPDATE solution SET name = $1 WHERE slug = 'open-solution'`, [name]);
        else {
          const { rows } = await env.pool.query(`SELECT version FROM solution WHERE slug = 'open-solution'`);
          const write = await post(
            env.base,
            `mutation($v: Int!, $name: String!) {
               updateSolution(slug: "open-solution", input: { name: $name }, expectedVersion: $v) { name } }`,
            { v: rows[0].version, name },
            { cookie: admin },
          );
          expect(write.body.errors).toBeUndefined();
        }
        for (const base of [second.base, env.base]) {
          expect((await post(base, READ, { slug: 'open-solution' })).body.data.solution.name).toBe(name);
        }
      }
    } finally {
      reading = false;
      await Promise.all(background);
    }
  });

  it('answers are per day in the Netherlands (for defaults such as asOf: today)', async () => {
    await post(env.base, READ, { slug: 'supplied-solution' });
    expect((await post(env.base, READ, { slug: 'supplied-solution' })).cache).toBe('hit');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 24 * 3600 * 1000 });
    expect((await post(env.base, READ, { slug: 'supplied-solution' })).cache).toBe('miss');
    vi.useRealTimers();
  });
});

describe('performance: DataVersionReader', () => {
  it('a read that starts after a caller arrived answers it; callers share reads that have not started', async () => {
    const pending: ((v: string) => void)[] = [];
    const pool = {
      query: () => new Promise((resolve) => pending.push((v) => resolve({ rows: [{ version: v }] }))),
    } as unknown as Pool;
    const reader = new DataVersionReader(pool, null);
    const turn = () => new Promise((r) => setImmediate(r));
    const a = reader.read();
    await Promise.resolve();
    const b = reader.read(); // before a's query started: shares it
    // The query waits for the next turn of the event loop, so this turn's callers share it.
    expect(pending).toHaveLength(0);
    await turn();
    await turn();
    expect(pending).toHaveLength(1);
    const c = reader.read(); // a's query is running: c must wait for a new one
    const d = reader.read();
    pending[0]!('1');
    expect(await a).toBe('1');
    expect(await b).toBe('1');
    await turn();
    await turn();
    expect(pending).toHaveLength(2);
    pending[1]!('2');
    expect(await c).toBe('2');
    expect(await d).toBe('2');
  });
});
