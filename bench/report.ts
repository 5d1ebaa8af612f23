import type { Dataset } from './database.js';
import type { ServerName } from './processes.js';
import { QUERY_IDS, QUERY_TITLES, type QueryId } from './queries.js';
import type { InitialJs, MapTiming } from './web.js';

export interface Row {
  query: QueryId;
  server: ServerName;
  dataset: Dataset;
  rps: number;
  p50: number;
  p99: number;
  rssMB: number;
}

export interface Measurement extends Row {
  round: number;
  failures: number;
  /** Requests that completed in the window; 0 means none finished (latencies unknown). */
  requests: number;
}

export interface Extras {
  statements: Partial<Record<`${Dataset}:${QueryId}`, { statements: number; depth: number }>>;
  checks: string[];
  initialJs: InitialJs | null;
  map: MapTiming | null;
  settings: string;
  seconds: number;
}

export const median = (xs: number[]) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Medians over the rounds, per dataset, query and server. */
export function medians(ms: Measurement[]): Row[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of ms) {
    const k = `${m.dataset}|${m.query}|${m.server}`;
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  return [...groups.values()].map((g) => ({
    query: g[0]!.query,
    server: g[0]!.server,
    dataset: g[0]!.dataset,
    rps: median(g.map((m) => m.rps)),
    // Latencies of windows in which nothing finished are unknown, not zero.
    p50: median(g.filter((m) => m.requests > 0).map((m) => m.p50)),
    p99: median(g.filter((m) => m.requests > 0).map((m) => m.p99)),
    rssMB: median(g.map((m) => m.rssMB)),
  }));
}

const f = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n) ? '–' : n > 0 && n < 10 && digits === 0 ? n.toFixed(1) : n.toFixed(digits);
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

/** One Markdown table: a line per dataset, query and server; ratios of req/s on our lines. */
export function markdown(rows: Row[], extras: Extras): string {
  const find = (d: Dataset, q: QueryId, s: ServerName) =>
    rows.find((r) => r.dataset === d && r.query === q && r.server === s);
  const lines = [
    '| data | query | server | req/s | p50 ms | p99 ms | peak RSS MB | ÷ PostGraphile | ÷ SQL | statements / depth |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  for (const d of datasets) {
    for (const q of QUERY_IDS) {
      const pgl = find(d, q, 'postgraphile');
      const sql = find(d, q, 'sql');
      for (const s of ['ours', 'ours-cached', 'postgraphile', 'sql'] as const) {
        const r = find(d, q, s);
        if (!r) continue;
        const mine = s === 'ours' || s === 'ours-cached';
        const st = s === 'ours' ? extras.statements[`${d}:${q}`] : undefined;
        lines.push(
          `| ${d} | ${q} | ${s} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.rssMB)} | ${mine ? ratio(r.rps, pgl?.rps) : ''} | ${mine ? ratio(r.rps, sql?.rps) : ''} | ${st ? `${st.statements} / ${st.depth}` : ''} |`,
        );
      }
    }
  }
  const out = [lines.join('\n'), '', 'Queries:', ...QUERY_IDS.map((q) => `- (${q}) ${QUERY_TITLES[q]}`)];
  if (extras.initialJs) {
    const js = extras.initialJs;
    out.push(
      '',
      `Web app initial JavaScript: ${f(js.gzipKB, 1)} kB gzip (${f(js.rawKB, 1)} kB raw) in ${js.files.length} files: ${js.files.join(', ')}`,
    );
  } else {
    out.push('', 'Web app initial JavaScript: client/dist is not built.');
  }
  out.push(
    extras.map?.ms != null
      ? `Home map drawn (Chromium, cold cache, median of 3): ${f(extras.map.ms)} ms after navigation start`
      : `Home map timing skipped: ${extras.map?.note ?? 'not measured'}`,
  );
  if (extras.checks.length) out.push('', 'Answer checks:', ...extras.checks.map((c) => `- ${c}`));
  out.push('', `${extras.settings}; took ${f(extras.seconds)} s.`);
  return out.join('\n');
}
