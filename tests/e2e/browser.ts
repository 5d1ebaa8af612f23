import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';

/**
 * Shared by the browser journeys and the benchmarks: start the built server on a fresh
 * database, and launch Debian's Chromium through playwright-core (Playwright's own browser
 * downloads are not reachable here).
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = path.join(repoRoot, 'server/dist/server/src/main.js');
export const clientIndex = path.join(repoRoot, 'client/dist/index.html');

/** The first administrator every started server gets (FIRST_ADMIN_EMAIL / FIRST_ADMIN_PASSWORD). */
export const FIRST_ADMIN = { email: 'e2e-admin@atlas.test', password: 'e2e-admin-password-1' } as const;

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  readonly url: string;
  /** The server's output so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Extra environment for the server process (wins over the defaults below). */
  env?: Record<string, string>;
  /** How long to wait for /healthz; the first run imports reference and demo data. */
  timeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A database of its own on TEST_DATABASE_URL's server (a role that may CREATE DATABASE), dropped on stop. */
async function createScratchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `atlas_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Starts `server/dist` (build it first) in production mode on a free port, with a fresh temporary
 * DATA_DIR (embedded PostgreSQL) or a scratch database on TEST_DATABASE_URL, and resolves once
 * /healthz answers 200. Rate limits are off: a browser run sends many requests from one address.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: run \`pnpm build\` first`);
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-e2e-'));
  // As root the embedded PostgreSQL runs as user `postgres`, which must reach the cluster below.
  await chmod(dataDir, 0o755);
  const scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL) : null;

  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    CLIENT_DIST_DIR: process.env.CLIENT_DIST_DIR ?? path.join(repoRoot, 'client/dist'),
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    FIRST_ADMIN_EMAIL: FIRST_ADMIN.email,
    FIRST_ADMIN_PASSWORD: FIRST_ADMIN.password,
    COOKIE_SECURE: 'false',
    HSTS: 'off',
    RATE_LIMIT_MAX: '0',
    RATE_LIMIT_TOKEN_MAX: '0',
    WEBHOOK_POLL_MS: '0',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...options.env,
  };
  if (!scratch && !options.env?.DATABASE_URL) delete env.DATABASE_URL;

  const child = spawn(process.execPath, [serverEntry], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    await stopChild(child, exited);
    await scratch?.drop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  };
  try {
    await waitForHealth(url, child, options.timeoutMs ?? 180_000, () => log);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { url, output: () => log, stop: cleanup };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${log()}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. Playwright gives every launch a fresh temporary profile
 * (user-data dir) and removes it on close.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
