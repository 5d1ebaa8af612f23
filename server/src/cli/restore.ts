/**
 * `pnpm db:restore <file> [--replace]`: loads a backup of `pnpm db:backup` (see backup.ts).
 *
 * An empty database is first migrated by this build. The backup must have been taken at the
 * same migrations as the database has (restore with the build that made the backup, then
 * migrate). Everything happens in ONE transaction: the tables are emptied, filled with COPY in
 * foreign-key order, identity sequences are moved past the restored ids, and every table's row
 * count and checksum is compared with the manifest; any difference rolls the whole restore back.
 * A database that holds data is only replaced with `--replace`.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../config.js';
import { createDataSource } from '../data-source.js';
import { startDatabase } from '../database.js';
import { createLogger } from '../logger.js';
import {
  appliedMigrations,
  BACKUP_MAGIC,
  deterministicSession,
  ident,
  storedColumns,
  tableChecksum,
  type BackupManifest,
} from './backup.js';

export class RestoreError extends Error {}

/** Moves every identity / serial sequence of `table` past the largest restored value. */
async function resetSequences(client: pg.ClientBase, table: string): Promise<void> {
  const { rows } = await client.query<{ col: string; seq: string }>(
    `SELECT a.attname AS col, pg_get_serial_sequence($1, a.attname) AS seq FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence($1, a.attname) IS NOT NULL`,
    [ident(table)],
  );
  for (const { col, seq } of rows) {
    await client.query(`SELECT setval($1, coalesce((SELECT max(${ident(col)}) FROM ${ident(table)}), 0) + 1, false)`, [
      seq,
    ]);
  }
}

/** Restores `file` into the (migrated) database at `url`. Returns the manifest it verified. */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { replace?: boolean } = {},
): Promise<BackupManifest> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[
    Symbol.asyncIterator
  ]();
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new RestoreError('The backup file ends early: it is truncated.');
    return value;
  };
  if ((await next()) !== BACKUP_MAGIC) throw new RestoreError(`${file} is not a GGU Atlas backup (pnpm db:backup).`);
  const manifest = JSON.parse(await next()) as BackupManifest;

  const client = new pg.Client({ connectionString: url, application_name: 'ggu-atlas-restore' });
  await client.connect();
  try {
    await deterministicSession(client);
    const have = await appliedMigrations(client);
    if (have.join() !== manifest.migrations.join()) {
      throw new RestoreError(
        `The backup was taken at migrations [${manifest.migrations.join(', ')}] but the database has ` +
          `[${have.join(', ')}]. Restore with the build that made the backup, then run pnpm db:migrate.`,
      );
    }
    await client.query('BEGIN');
    const names = manifest.tables.map((t) => t.name);
    for (const t of manifest.tables) {
      const cols = new Set(await storedColumns(client, t.name).catch(() => []));
      const missing = t.columns.filter((c) => !cols.has(c));
      if (!cols.size || missing.length)
        throw new RestoreError(
          `Table ${t.name} does not match the backup (missing: ${missing.join(', ') || 'the table'}).`,
        );
    }
    if (!options.replace) {
      for (const name of names) {
        if (name === 'typeorm_migration') continue;
        const { rowCount } = await client.query(`SELECT 1 FROM ${ident(name)} LIMIT 1`);
        if (rowCount)
          throw new RestoreError(`The database holds data (table ${name}); pass --replace to overwrite it.`);
      }
    }
    await client.query(`TRUNCATE ${names.map(ident).join(', ')}`);

    for (const t of manifest.tables) {
      const header = await next();
      if (header !== `TABLE ${t.name}`)
        throw new RestoreError(`Expected data of ${t.name}, found "${header.slice(0, 60)}".`);
      const copy = client.query(copyFrom(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      for (let i = 0; i < t.rows; i++) {
        if (!copy.write(`${await next()}\n`)) await new Promise((resolve) => copy.once('drain', resolve));
      }
      copy.end();
      await done;
      await resetSequences(client, t.name);
    }
    if ((await next()) !== 'END') throw new RestoreError('The backup file has data after its last table.');

    for (const t of manifest.tables) {
      const got = await tableChecksum(client, t.name);
      if (got.rows !== t.rows || got.md5 !== t.md5) {
        throw new RestoreError(
          `Table ${t.name} differs after restore: ${got.rows} rows (md5 ${got.md5}), backup has ${t.rows} (md5 ${t.md5}).`,
        );
      }
    }
    await client.query('COMMIT');
    return manifest;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
    await lines.return?.();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fileArg = args.find((a) => !a.startsWith('--'));
  if (!fileArg) throw new RestoreError('Usage: pnpm db:restore <file> [--replace]');
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
  const config = loadConfig();
  const log = createLogger(config.logLevel, config.logPretty);
  const db = await startDatabase(config, log);
  try {
    // An empty database gets this build's schema first.
    const ds = createDataSource(db.url, { ...config.db, poolMax: 1 }, log, 'ggu-atlas-restore');
    await ds.initialize();
    try {
      const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)) as [
        { n: number },
      ];
      if (n === 0) await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
    const t0 = Date.now();
    const manifest = await restoreDatabase(db.url, file, { replace: args.includes('--replace') });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    log.info(
      { file, tables: manifest.tables.length, rows, ms: Date.now() - t0 },
      'Restored; every row count and checksum matches the backup',
    );
  } finally {
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`Restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
