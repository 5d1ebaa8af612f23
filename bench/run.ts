import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { todayInNL } from '../server/src/scalars.js';
import { createLogger } from '../server/src/logger.js';
import { endCursor, fingerprint } from './answers.js';
import { DATASETS, prepareDatabases, type Dataset } from './database.js';
import { fetchOnce, load, quiesce, target } from './load.js';
import { SERVER_NAMES, startServer, type RunningServer, type ServerName } from './processes.js';
import { oursRequest, QUERY_IDS, type Params, type QueryId } from './queries.js';
import { markdown, medians, type Extras, type Measurement } from './report.js';
import { queryDepth, statementsPerRequest } from './statements.js';
import { homeMapTime, initialJavaScript } from './web.js';

/**
 * `pnpm bench [--quick] [--json PATH] [--rounds N] [--seconds S] [--connections C]
 *             [--datasets demo,10x] [--queries a,b,…] [--servers ours,…] [--fresh] [--no-build]`
 *
 * Builds our server (tsc) and the web app, prepares the demo and 10x databases (kept in
 * .data/bench between runs, rebuilt when their inputs change), starts our server without and
 * with its response cache, PostGraphile 5 and the hand-written SQL server on each dataset,
 * checks they give the same answers, warms them up and loads them in rounds, alternating the
 * servers, with autocannon; then prints one Markdown table.
 */
const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '10' },
    datasets: { type: 'string', default: DATASETS.join(',') },
    queries: { type: 'string', default: QUERY_IDS.join(',') },
    servers: { type: 'string', default: SERVER_NAMES.join(',') },
    fresh: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const rounds = Number(opts.rounds ?? (opts.quick ? 1 : 3));
const seconds = Number(opts.seconds ?? (opts.quick ? 2 : 5));
const warmupSeconds = opts.quick ? 1 : 2;
const roundWarmupSeconds = opts.quick ? 0 : 1;
const connections = Number(opts.connections);
const datasets = opts.datasets.split(',') as Dataset[];
const queries = opts.queries.split(',') as QueryId[];
const serverNames = opts.servers.split(',') as ServerName[];

const started = Date.now();
const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn', false);
const say = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);

if (!opts['no-build']) {
  say('building the server (tsc) and the web app (vite)');
  execFileSync('pnpm', ['--filter', '@atlas/server', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('pnpm', ['--filter', '@atlas/client', 'exec', 'vite', 'build', '--logLevel', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

say('preparing the databases');
const dbs = await prepareDatabases(log, opts.fresh);

/** The solutions and places the reads are about; the same on both datasets (copies have other slugs). */
async function parameters(url: string): Promise<Params> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ slug: string }>(`SELECT slug FROM solution ORDER BY name, slug LIMIT 20`);
    return {
      asOf: todayInNL(),
      solutionSlug: 'open-formulieren',
      comparisonSlugs: rows.map((r) => r.slug),
      provinceCode: 'PV27',
      municipalityCode: 'GM0363',
    };
  } finally {
    await c.end();
  }
}
const params = await parameters(dbs.urls.demo);

const measurements: Measurement[] = [];
const extras: Extras = {
  statements: {},
  checks: [],
  initialJs: await initialJavaScript(),
  map: null,
  settings: `${rounds} round(s) × ${seconds} s at ${connections} connections after a ${warmupSeconds} s warm-up, servers alternating${roundWarmupSeconds ? `, each load after ${roundWarmupSeconds} s unmeasured` : ''}`,
  seconds: 0,
};

try {
  for (const dataset of datasets) {
    const url = dbs.urls[dataset];
    say(`${dataset}: starting ${serverNames.join(', ')}`);
    const servers: RunningServer[] = [];
    try {
      for (const name of serverNames) servers.push(await startServer(name, url));

      // Page 2 of (d) starts after each server's own page-1 cursor.
      const cursors = new Map<ServerName, string | null>();
      for (const s of servers)
        cursors.set(s.name, endCursor(s.name, (await fetchOnce(target(s, 'd', params, null))).data));

      for (const q of queries) {
        const answers = new Map<string, ServerName[]>();
        for (const s of servers) {
          const { data } = await fetchOnce(target(s, q, params, cursors.get(s.name)!));
          const key = fingerprint(s.name, q, data);
          answers.set(key, [...(answers.get(key) ?? []), s.name]);
        }
        if (answers.size > 1) {
          extras.checks.push(
            `${dataset} (${q}) answers differ: ${[...answers].map(([k, v]) => `${v.join('+')}: ${k}`).join(' | ')}`,
          );
        }
        const ours = servers.find((s) => s.name === 'ours');
        if (ours) {
          extras.statements[`${dataset}:${q}`] = {
            statements: await statementsPerRequest(url, target(ours, q, params, cursors.get('ours')!)),
            depth: queryDepth(oursRequest(q, params).query),
          };
        }
      }

      say(`${dataset}: warming up`);
      for (const q of queries) {
        for (const s of servers) {
          await load(s, target(s, q, params, cursors.get(s.name)!), warmupSeconds, connections);
          await quiesce(url);
        }
      }

      if (dataset === 'demo') {
        const web = servers.find((s) => s.name === 'ours-cached') ?? servers.find((s) => s.name === 'ours');
        extras.map = web
          ? await homeMapTime(`http://127.0.0.1:${web.port}/`)
          : { ms: null, note: 'our server was not run' };
      }

      for (let round = 1; round <= rounds; round++) {
        for (const q of queries) {
          // Rotate the order each round so no server always runs first.
          const order = servers.map((_, i) => servers[(i + round + QUERY_IDS.indexOf(q)) % servers.length]!);
          for (const s of order) {
            const t = target(s, q, params, cursors.get(s.name)!);
            // A second of unmeasured load first: the server before it may have left PostgreSQL's
            // buffers full of its own pages (sql and PostGraphile (e) on 10× read for seconds), and
            // the order only rotates, so each server always follows the same one (ours follows sql).
            if (roundWarmupSeconds > 0) {
              await load(s, t, roundWarmupSeconds, connections);
              await quiesce(url);
            }
            const r = await load(s, t, seconds, connections);
            await quiesce(url);
            measurements.push({ query: q, server: s.name, dataset, round, ...r });
            if (r.failures)
              extras.checks.push(`${dataset} (${q}) ${s.name} round ${round}: ${r.failures} failed requests`);
            say(
              `${dataset} round ${round} (${q}) ${s.name}: ${r.requests} requests, ${r.rps.toFixed(1)} req/s, p99 ${r.p99} ms`,
            );
          }
        }
      }
    } finally {
      for (const s of servers) await s.stop();
    }
  }
} finally {
  await dbs.server.stop();
}

extras.seconds = (Date.now() - started) / 1000;
const rows = medians(measurements);
process.stdout.write(`${markdown(rows, extras)}\n`);
if (opts.json) {
  const num = (n: number) => (Number.isFinite(n) ? n : null);
  const json = rows.map((r) => ({
    query: r.query,
    server: r.server,
    dataset: r.dataset,
    rps: r.rps,
    p50: num(r.p50),
    p99: num(r.p99),
    rssMB: r.rssMB,
  }));
  await writeFile(opts.json, `${JSON.stringify({ rows: json }, null, 2)}\n`);
  say(`wrote ${opts.json}`);
}
