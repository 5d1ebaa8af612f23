import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { clientIndex, repoRoot, serverEntry, startServer } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running server, e.g. `http://127.0.0.1:41234`. */
    baseURL: string;
  }
}

export const artefactsDir = path.join(repoRoot, 'test-results/e2e');

/** Newest modification time of any file below `dirs` (node_modules and dist skipped). */
function newest(dirs: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(path.join(p, name));
    } else if (s.mtimeMs > max) max = s.mtimeMs;
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return max;
}

const stale = (output: string, sources: string[]) =>
  !existsSync(output) || newest(sources.map((s) => path.join(repoRoot, s))) > statSync(output).mtimeMs;

/**
 * E2E_BUILD=auto (default) builds server or client when its output is missing or older than its
 * sources; `always` rebuilds both; `never` uses what is there (CI runs `pnpm build` first).
 */
function buildIfNeeded(): void {
  const mode = process.env.E2E_BUILD ?? 'auto';
  if (mode === 'never') return;
  const targets = [
    { pkg: '@atlas/server', output: serverEntry, sources: ['server/src', 'migrations', 'server/tsconfig.build.json'] },
    {
      pkg: '@atlas/client',
      output: clientIndex,
      sources: ['client/src', 'client/index.html', 'client/vite.config.ts'],
    },
  ];
  for (const t of targets) {
    if (mode !== 'always' && !stale(t.output, t.sources)) continue;
    process.stderr.write(`e2e: building ${t.pkg}\n`);
    execFileSync('pnpm', ['--filter', t.pkg, 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
}

/** One server for the whole run, on a fresh database; the journeys share it. */
export default async function setup(project: TestProject) {
  buildIfNeeded();
  await rm(artefactsDir, { recursive: true, force: true });
  await mkdir(artefactsDir, { recursive: true });
  const server = await startServer();
  project.provide('baseURL', server.url);
  return async () => {
    await server.stop();
  };
}
