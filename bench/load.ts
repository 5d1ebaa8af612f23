import autocannon from 'autocannon';
import pg from 'pg';
import type { RunningServer } from './processes.js';
import { oursRequest, postgraphileRequest, sqlPath, type Params, type QueryId } from './queries.js';
import { sampleRss } from './processes.js';

/** One HTTP request that asks a server one of the reads. */
export interface Target {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export function target(server: RunningServer, id: QueryId, params: Params, cursor: string | null): Target {
  if (server.name === 'sql') {
    return {
      url: `http://127.0.0.1:${server.port}${sqlPath(id, params, cursor)}`,
      method: 'GET',
      headers: { accept: 'application/json' },
    };
  }
  const request =
    server.name === 'postgraphile' ? postgraphileRequest(id, params, cursor) : oursRequest(id, params, cursor);
  return {
    url: server.graphqlUrl,
    method: 'POST',
    // The same headers from fetch and autocannon (fetch adds `accept: */*` otherwise), so the
    // answers checked at setup are the ones the load asks for, also in our response cache.
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  };
}

/** Sends the request once; throws unless the answer is a 200 with data and without errors. */
export async function fetchOnce(t: Target): Promise<{ data: Record<string, unknown>; bytes: number }> {
  const res = await fetch(t.url, { method: t.method, headers: t.headers, body: t.body });
  const text = await res.text();
  let parsed: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`${t.url}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (res.status !== 200 || parsed.errors || !parsed.data) {
    throw new Error(`${t.url}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  }
  return { data: parsed.data, bytes: Buffer.byteLength(text) };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  rssMB: number;
  requests: number;
  failures: number;
}

/** autocannon on loopback for `seconds` with `connections`, sampling the server's RSS meanwhile. */
export async function load(
  server: RunningServer,
  t: Target,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const stopSampling = sampleRss(server.pid);
  const result = await autocannon({
    url: t.url,
    method: t.method,
    headers: t.headers,
    body: t.body,
    connections,
    duration: seconds,
    timeout: 60,
  });
  const rssMB = stopSampling();
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rssMB,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Ends the statements still running in the database once a load stops: they belong to requests
 * autocannon gave up on, and would slow the next server down (on the 10x data an aggregate can
 * run for seconds). Then waits until the database is idle.
 */
export async function quiesce(databaseUrl: string, maxSeconds = 60): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const others = `FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`;
  try {
    await c.query(`SELECT pg_cancel_backend(pid) ${others}`);
    const deadline = Date.now() + maxSeconds * 1000;
    while (Date.now() < deadline) {
      const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n ${others}`);
      if (rows[0]!.n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await c.end();
  }
}
