import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { fuzzCase, type FuzzCase } from './generate.js';

/** What must never appear in an answer: stack frames, SQL, pg's wording, internal paths. */
const LEAK =
  /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|syntax error at or near|duplicate key|violates|relation "|SELECT .* FROM/i;

export interface FuzzFailure {
  index: number;
  reason: string;
  request: FuzzCase;
  status: number;
  body: string;
}

export interface FuzzReport {
  cases: number;
  seed: number;
  ms: number;
  statuses: Record<string, number>;
  failures: FuzzFailure[];
  /**
   * Heap after GC, in MB. Apollo keeps parsed documents in bounded caches, so a run of distinct
   * queries grows the heap until they are full (and V8 settles its own code caches). The leak
   * check is therefore a replay: the first `replayed` cases are sent again a few times to reach
   * the steady state, then the heap must not grow over further replays.
   */
  heap: {
    gc: boolean;
    startMb: number;
    beforeReplayMb: number;
    afterReplayMb: number;
    replayed: number;
    replayGrowthMb: number;
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  gc?.();
  return round(process.memoryUsage().heapUsed / 1024 / 1024);
};

/**
 * Sends `cases` generated requests through `app.inject` (no sockets: fast) and checks each answer:
 * no 5xx, a JSON body where JSON is announced, nothing internal leaked. Then replays the first
 * cases to measure the heap (after GC when node runs with --expose-gc).
 */
export async function runFuzz(
  app: FastifyInstance,
  schema: GraphQLSchema,
  {
    cases,
    seed,
    onProgress,
    replay = { cases: Math.min(Math.floor(cases / 2), 2_000), warm: 3, measured: 2 },
  }: {
    cases: number;
    seed: number;
    onProgress?: (done: number) => void;
    replay?: { cases: number; warm: number; measured: number };
  },
): Promise<FuzzReport> {
  const statuses: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  const t0 = Date.now();
  const send = async (i: number, record: boolean) => {
    const request = fuzzCase(schema, seed, i);
    const res = await app.inject(request);
    if (!record) return;
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    const fail = (reason: string) => {
      if (failures.length < 50)
        failures.push({ index: i, reason, request, status: res.statusCode, body: res.body.slice(0, 500) });
    };
    if (res.statusCode >= 500) fail('5xx');
    if (/json/.test(String(res.headers['content-type'] ?? ''))) {
      try {
        JSON.parse(res.body);
      } catch {
        fail('announced JSON but sent something else');
      }
    }
    if (LEAK.test(res.body)) fail('leaks internals');
  };
  const startMb = heapMb();
  for (let i = 0; i < cases; i++) {
    await send(i, true);
    if ((i + 1) % 1000 === 0) onProgress?.(i + 1);
  }
  const ms = Date.now() - t0;
  const replayed = replay.cases;
  const pass = async () => {
    for (let i = 0; i < replayed; i++) await send(i, false);
  };
  // Warm up until the heap stops moving (at least `warm` passes, at most twice that).
  let previous = heapMb();
  for (let p = 0; p < replay.warm * 2; p++) {
    await pass();
    const now = heapMb();
    const settled = Math.abs(now - previous) < 5;
    previous = now;
    if (p + 1 >= replay.warm && settled) break;
  }
  const beforeReplayMb = heapMb();
  for (let p = 0; p < replay.measured; p++) await pass();
  const afterReplayMb = heapMb();
  return {
    cases,
    seed,
    ms,
    statuses,
    failures,
    heap: {
      gc: Boolean(gc),
      startMb,
      beforeReplayMb,
      afterReplayMb,
      replayed,
      replayGrowthMb: round(afterReplayMb - beforeReplayMb),
    },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Heap growth allowed over the replay: tight with a real GC, generous without one. */
export const heapBoundMb = (report: FuzzReport) => (report.heap.gc ? 15 : 60);
