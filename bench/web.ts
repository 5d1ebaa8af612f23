import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../server/src/config.js';

const DIST = path.join(repoRoot, 'client/dist');
const CHROMIUM = '/usr/bin/chromium';
/** What the home page's map draws: one path per municipality (client/src/map/MapCanvas.vue). */
export const MAP_SELECTOR = 'svg path[data-code]';

export interface InitialJs {
  files: string[];
  rawKB: number;
  gzipKB: number;
}

/** Static `import … from "./x.js"` / `import "./x.js"` / `export … from` of a built chunk (not `import()`). */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/**
 * The JavaScript the browser must load before the app starts: the entry chunk of
 * client/dist/index.html and, transitively, its static imports (lazy routes and `import()` are
 * left out). Sizes are each file gzipped alone with zlib's default level, as a server would send them.
 */
export async function initialJavaScript(): Promise<InitialJs | null> {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8').catch(() => null);
  if (!html) return null;
  const entry = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!entry) return null;
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = [entry, ...preloads].map((u) => path.join(DIST, u.replace(/^\//, '')));
  let raw = 0;
  let gzip = 0;
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = await readFile(file);
    raw += code.length;
    gzip += gzipSync(code).length;
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      queue.push(path.resolve(path.dirname(file), m[1]!));
    }
  }
  return { files: [...seen].map((f) => path.relative(DIST, f)), rawKB: raw / 1024, gzipKB: gzip / 1024 };
}

export interface MapTiming {
  /** Median over the loads of the ms from navigation start until the map's first path exists. */
  ms: number | null;
  note?: string;
}

/**
 * Time until the home page has drawn its map, in headless Chromium with a cold cache (a new
 * context per load), median of `loads`.
 */
export async function homeMapTime(baseUrl: string, loads = 3): Promise<MapTiming> {
  if (!existsSync(CHROMIUM)) return { ms: null, note: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  if (!existsSync(path.join(DIST, 'index.html'))) return { ms: null, note: 'client/dist is not built' };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(baseUrl, { waitUntil: 'commit' });
      try {
        await page.waitForSelector(MAP_SELECTOR, { timeout: 30_000, state: 'attached' });
      } catch {
        await context.close();
        return { ms: null, note: `the home page drew no \`${MAP_SELECTOR}\` within 30 s` };
      }
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)]! };
  } finally {
    await browser.close();
  }
}
