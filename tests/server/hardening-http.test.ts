import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError, repoRoot } from '../../server/src/config.js';
import { poolOf } from '../../server/src/data-source.js';
import { buildApp } from '../../server/src/app.js';
import { createSchema } from '../../server/src/schema.js';
import { API_VERSION } from '../../server/src/security/headers.js';
import { createLogger } from '../../server/src/logger.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { createProbeTable, gql, probeRows, startApp, type TestApp } from './hardening-helpers.js';

// pino is a dependency of the server package.
const pino = createRequire(new URL('../../server/package.json', import.meta.url))(
  'pino',
) as typeof import('../../server/node_modules/pino/pino.js');

const CSP =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;" +
  "connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";
const verifier = { bearer: (t: string) => t === 'good-token', session: (s: string) => s === 'good-session' };

describe('hardening: HTTP edge', () => {
  let db: TestDatabase;
  let pool: Pool;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase('reference');
    pool = poolOf(await db.dataSource());
    await createProbeTable(pool);
    t = await startApp(pool, { CORS_ORIGINS: 'https://allowed.example', RATE_LIMIT_MAX: '0' });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  describe('CSRF: only a non-simple request may run an operation; GET never runs a mutation', () => {
    const mutation = 'mutation { probeInsert(note: "csrf") }';

    it('a JSON POST runs the mutation (the control: the probe can change the database)', async () => {
      const before = await probeRows(pool);
      const res = await gql(t.base, `mutation { probeInsert(note: "control") }`);
      expect(res.body.data?.probeInsert).toBe(before + 1);
      expect(await probeRows(pool)).toBe(before + 1);
    });

    it('refuses a form POST and a text/plain POST, leaving the database unchanged', async () => {
      const before = await probeRows(pool);
      const form = await fetch(`${t.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: mutation }).toString(),
      });
      expect(form.status).toBeGreaterThanOrEqual(400);
      expect(form.status).toBeLessThan(500);
      const text = await fetch(`${t.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: mutation }),
      });
      expect(text.status).toBe(400);
      expect(await text.text()).toMatch(/Cross-Site Request Forgery/);
      expect(await probeRows(pool)).toBe(before);
    });

    it('refuses a mutation over GET (405), even with the CSRF header; a plain GET is refused as CSRF', async () => {
      const before = await probeRows(pool);
      const url = `${t.base}/graphql?query=${encodeURIComponent(mutation)}`;
      const withHeader = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(withHeader.status).toBe(405);
      expect(withHeader.headers.get('allow')).toBe('POST');
      const plain = await fetch(url);
      expect(plain.status).toBe(400);
      expect(await probeRows(pool)).toBe(before);
      // A GET query with the header works.
      const query = await fetch(`${t.base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('CORS from the allowlist', () => {
    const preflight = (origin: string) =>
      fetch(`${t.base}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });

    it('allows a listed origin, with credentials', async () => {
      const res = await preflight('https://allowed.example');
      expect(res.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('does not allow any other origin', async () => {
      const res = await preflight('https://evil.example');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses `*` at start-up', async () => {
      const config = loadConfig({ NODE_ENV: 'test', CLIENT_DIST_DIR: '/nonexistent', CORS_ORIGINS: '*' });
      await expect(
        buildApp({ config, schema: await createSchema(), pool, log: createLogger('silent', false) }),
      ).rejects.toBeInstanceOf(ConfigError);
    });
  });

  describe('security headers', () => {
    it("are on every answer: the API set on GraphQL, health and metrics, helmet's on everything else", async () => {
      const api = [
        await fetch(`${t.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{__typename}"}',
        }),
        await fetch(`${t.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
        await fetch(`${t.base}/healthz`),
        await fetch(`${t.base}/boundaries/nope`),
      ];
      for (const res of api) {
        expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
        expect(res.headers.get('api-version')).toBe(API_VERSION);
        expect(res.headers.get('strict-transport-security')).toBeNull();
        // What only a page would act on is not sent with data.
        expect(res.headers.get('referrer-policy')).toBeNull();
        expect(res.headers.get('x-dns-prefetch-control')).toBeNull();
      }
      // Not an API path: a page of the web app (here, without a built web app, its 404).
      for (const res of [await fetch(`${t.base}/nope`), await fetch(`${t.base}/api`)]) {
        expect(res.headers.get('content-security-policy')).toBe(CSP);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('api-version')).toBe(API_VERSION);
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('GraphQL answers are not cached (Cache-Control: no-store), also errors and GETs', async () => {
      const ok = await gql(t.base, '{ provinces { code } }');
      expect(ok.headers.get('cache-control')).toBe('no-store');
      const bad = await gql(t.base, '{');
      expect(bad.headers.get('cache-control')).toBe('no-store');
      const get = await fetch(`${t.base}/graphql?query=%7B__typename%7D`, {
        headers: { 'apollo-require-preflight': '1' },
      });
      expect(get.headers.get('cache-control')).toBe('no-store');
    });

    it('API-Version is the server package version', () => {
      const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'server/package.json'), 'utf8')) as { version: string };
      expect(API_VERSION).toBe(pkg.version);
    });

    it('HSTS only over TLS: a trusted proxy saying https, or HSTS=always', async () => {
      const proxied = await startApp(pool, { TRUST_PROXY: 'true' });
      const untrusted = await startApp(pool, { TRUST_PROXY: 'false' });
      const always = await startApp(pool, { HSTS: 'always' });
      try {
        const get = (base: string, proto?: string) =>
          fetch(`${base}/healthz`, { headers: proto ? { 'x-forwarded-proto': proto } : {} }).then((r) =>
            r.headers.get('strict-transport-security'),
          );
        expect(await get(proxied.base, 'https')).toBe('max-age=31536000; includeSubDomains');
        expect(await get(proxied.base, 'http')).toBeNull();
        expect(await get(untrusted.base, 'https')).toBeNull();
        expect(await get(always.base)).toBe('max-age=31536000; includeSubDomains');
      } finally {
        await Promise.all([proxied.close(), untrusted.close(), always.close()]);
      }
    });

    const dist = path.join(repoRoot, 'client/dist');
    it.skipIf(!existsSync(path.join(dist, 'index.html')))(
      'the built web app needs nothing the CSP forbids',
      async () => {
        const web = await startApp(pool, { CLIENT_DIST_DIR: dist });
        try {
          for (const page of ['/', '/gemeenten/GM0363']) {
            const res = await fetch(`${web.base}${page}`);
            expect(res.status).toBe(200);
            expect(res.headers.get('content-security-policy')).toBe(CSP);
            const html = await res.text();
            // script-src 'self' without 'unsafe-inline': every script is a same-origin file.
            for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).toMatch(/\bsrc="\/[^/]/);
            expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
            for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
              expect(ref!.startsWith('/') && !ref!.startsWith('//')).toBe(true);
              const asset = await fetch(`${web.base}${ref}`);
              expect(asset.status).toBe(200);
              await asset.arrayBuffer();
            }
          }
        } finally {
          await web.close();
        }
      },
    );
  });

  describe('rate limits per IP and per token', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startApp(
        pool,
        { RATE_LIMIT_MAX: '5', RATE_LIMIT_TOKEN_MAX: '8', RATE_LIMIT_WINDOW_MS: '60000' },
        { credentials: verifier },
      );
    });
    afterAll(async () => limited?.close());

    const post = (headers: Record<string, string> = {}) =>
      fetch(`${limited.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"query":"{ __typename }"}',
      });

    it('answers with RateLimit headers, then 429 with a JSON error past the IP limit; /healthz stays exempt', async () => {
      const first = await post();
      expect(first.status).toBe(200);
      expect(first.headers.get('ratelimit-limit')).toBe('5');
      expect(first.headers.get('ratelimit-remaining')).toBe('4');
      expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      for (let i = 0; i < 4; i++) expect((await post()).status).toBe(200);
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await refused.json()) as { code: string; message: string };
      expect(body).toMatchObject({ code: 'RATE_LIMITED' });
      expect(body.message).toMatch(/Too many requests/);
      // An invented token does not buy a fresh bucket (and is refused before identity looks it up).
      expect((await post({ authorization: 'Bearer made-up' })).status).toBe(429);
      for (let i = 0; i < 10; i++) expect((await fetch(`${limited.base}/healthz`)).status).toBe(200);
    });

    it('a valid token has its own, larger bucket', async () => {
      // The verifier accepts `good-token`; identity (which runs after the limiter) may still answer
      // 401 for a token it does not know, so only the limiter's verdict is checked here.
      const auth = { authorization: 'Bearer good-token' };
      const first = await post(auth);
      expect(first.status).not.toBe(429);
      expect(first.headers.get('ratelimit-limit')).toBe('8');
      expect(first.headers.get('ratelimit-remaining')).toBe('7');
      for (let i = 0; i < 7; i++) expect((await post(auth)).status).not.toBe(429);
      expect((await post(auth)).status).toBe(429);
    });
  });

  describe('operations: request ids in logs, /readyz, /metrics', () => {
    it('every log line of a request carries its request id, resolver lines included', async () => {
      const lines: Record<string, unknown>[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const l of chunk.toString().split('\n').filter(Boolean))
            lines.push(JSON.parse(l) as Record<string, unknown>);
          done();
        },
      });
      const logged = await startApp(pool, {}, { log: pino({ level: 'info', base: undefined }, sink) });
      try {
        const id = 'req-log-test-0001';
        lines.length = 0; // start-up lines (e.g. "web app not built") belong to no request
        const res = await gql(logged.base, '{ probeLog probeThrow }', undefined, { 'x-request-id': id });
        expect(res.headers.get('x-request-id')).toBe(id);
        expect(res.body.data.probeLog).toBe(id);
        await new Promise((r) => setTimeout(r, 50));
        const mine = lines.filter((l) => l.requestId === id);
        expect(mine.map((l) => l.msg)).toEqual(
          expect.arrayContaining(['probe resolver log line', 'unexpected error in resolver', 'request']),
        );
        // Nothing was logged during the request without its id.
        expect(lines.filter((l) => l.requestId !== id)).toEqual([]);
      } finally {
        await logged.close();
      }
    });

    it('/readyz is 200 when every migration is applied and 503 MIGRATIONS_PENDING otherwise', async () => {
      const ready = await fetch(`${t.base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'up', pendingMigrations: [] });
      const behind = await startApp(
        pool,
        {},
        { expectedMigrations: ['DataModel1764547200000', 'Future9999999999999'] },
      );
      try {
        const res = await fetch(`${behind.base}/readyz`);
        expect(res.status).toBe(503);
        expect(await res.json()).toMatchObject({
          code: 'MIGRATIONS_PENDING',
          pendingMigrations: ['Future9999999999999'],
        });
      } finally {
        await behind.close();
      }
    });

    it('/metrics has requests and latency per operation, errors by code, pool gauges and process metrics', async () => {
      const scrape = async () => {
        const res = await fetch(`${t.base}/metrics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
        const text = await res.text();
        return {
          text,
          value: (series: string) =>
            Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0),
        };
      };
      const before = await scrape();
      await gql(t.base, 'query MetricsProbe { provinces { code } }');
      await gql(t.base, 'query MetricsProbe { provinces { code } }');
      await gql(t.base, 'query Broken { nope }');
      const after = await scrape();
      const delta = (series: string) => after.value(series) - before.value(series);
      expect(delta('atlas_graphql_requests_total{operation="MetricsProbe",type="query"}')).toBe(2);
      expect(delta('atlas_graphql_request_duration_seconds_count{operation="MetricsProbe",type="query"}')).toBe(2);
      expect(delta('atlas_graphql_requests_total{operation="invalid",type="none"}')).toBe(1);
      expect(delta('atlas_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
      expect(
        after.value('atlas_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}'),
      ).toBeGreaterThan(0);
      for (const state of ['total', 'idle', 'waiting'])
        expect(after.text).toMatch(new RegExp(`atlas_db_pool_clients\\{state="${state}"\\} \\d+`));
      expect(after.text).toMatch(/process_cpu_user_seconds_total/);
      expect(after.text).toMatch(/nodejs_heap_size_used_bytes/);
    });
  });
});
