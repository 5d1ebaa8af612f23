/**
 * `pnpm db:backup [file]`: a logical backup of every table into one gzip'd file.
 *
 * Why not pg_dump: the embedded PostgreSQL (18) ships no client tools, and the pg_dump on these
 * machines (15) refuses to dump a newer server. So the backup is done here, with COPY, in one
 * REPEATABLE READ READ ONLY transaction (a consistent snapshot while the server keeps serving).
 *
 * File format (gzip of text):
 *   ATLAS-BACKUP 1
 *   {manifest: migrations applied, and per table in foreign-key order its columns, row count and
 *    md5 of its rows sorted by their text form}
 *   TABLE <name>
 *   <row count lines of COPY text format: one row per line, tabs and newlines escaped>
 *   ...
 *   END
 * `pnpm db:restore` (restore.ts) reads it back and checks every count and checksum.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { loadConfig, repoRoot } from '../config.js';
import { startDatabase } from '../database.js';
import { createLogger } from '../logger.js';

export const BACKUP_MAGIC = 'ATLAS-BACKUP 1';

export interface TableManifest {
  name: string;
  /** Stored columns in order (generated columns are recomputed on restore). */
  columns: string[];
  rows: number;
  md5: string;
}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: TableManifest[];
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Settings under which row text (dates, floats) is the same on every server and session. */
export async function deterministicSession(client: pg.ClientBase): Promise<void> {
  await client.query(`SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
    SET extra_float_digits = 3; SET bytea_output = 'hex'; SET statement_timeout = 0`);
}

/** The ordinary tables of `public`, each after every table it references. */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition ORDER BY c.relname`,
  );
  const { rows: fks } = await client.query<{ child: string; parent: string }>(
    `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
       JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cc.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid`,
  );
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of fks) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`Foreign keys form a cycle: ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p, [...trail, name]);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, []);
  return ordered;
}

export async function storedColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [ident(table)],
  );
  return rows.map((r) => r.name);
}

/** Row count and md5 of the table's rows sorted by their text form (the same on both ends). */
export async function tableChecksum(client: pg.ClientBase, table: string): Promise<{ rows: number; md5: string }> {
  const { rows } = await client.query<{ rows: string; md5: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
       FROM ${ident(table)} t`,
  );
  return { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 };
}

export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('public.typeorm_migration') IS NOT NULL AS exists`,
  );
  if (!rows[0]!.exists) return [];
  const res = await client.query<{ name: string }>(`SELECT name FROM typeorm_migration ORDER BY "timestamp", name`);
  return res.rows.map((r) => r.name);
}

/** Writes a backup of the database at `url` to `file`; returns its manifest. */
export async function backupDatabase(url: string, file: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url, application_name: 'ggu-atlas-backup' });
  await client.connect();
  try {
    await deterministicSession(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const order = await tablesInDependencyOrder(client);
    const tables: TableManifest[] = [];
    for (const name of order) {
      tables.push({ name, columns: await storedColumns(client, name), ...(await tableChecksum(client, name)) });
    }
    const { rows } = await client.query<{ v: string }>(`SHOW server_version`);
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      serverVersion: rows[0]!.v,
      migrations: await appliedMigrations(client),
      tables,
    };

    const out = new PassThrough();
    const written = pipeline(out, createGzip(), createWriteStream(file, { mode: 0o600 }));
    const write = async (chunk: string | Buffer) => {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    };
    await write(`${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`);
    for (const t of tables) {
      await write(`TABLE ${t.name}\n`);
      const cols = t.columns.map(ident).join(', ');
      const stream = client.query(copyTo(`COPY (SELECT ${cols} FROM ${ident(t.name)}) TO STDOUT`));
      for await (const chunk of stream) await write(chunk as Buffer);
    }
    await write('END\n');
    out.end();
    await written;
    await client.query('COMMIT');
    return manifest;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, config.logPretty);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(
    process.env.INIT_CWD ?? process.cwd(),
    process.argv[2] ?? path.join(repoRoot, '.data', 'backups', `atlas-${stamp}.backup.gz`),
  );
  const { mkdir } = await import('node:fs/promises');
  await mkdir(path.dirname(file), { recursive: true });
  const db = await startDatabase(config, log);
  try {
    const t0 = Date.now();
    const manifest = await backupDatabase(db.url, file);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    log.info({ file, tables: manifest.tables.length, rows, ms: Date.now() - t0 }, 'Backup written');
  } finally {
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
