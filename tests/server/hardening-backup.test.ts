import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, tableChecksum, tablesInDependencyOrder } from '../../server/src/cli/backup.js';
import { restoreDatabase } from '../../server/src/cli/restore.js';
import { createTestDatabase, type TestDatabase } from './db.js';

async function checksums(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3`);
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const t of await tablesInDependencyOrder(client)) out[t] = await tableChecksum(client, t);
    return out;
  } finally {
    await client.end();
  }
}

describe('data safety: pnpm db:backup / db:restore round trip', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase('demo'), createTestDatabase('schema')]);
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-backup-'));
    file = path.join(dir, 'atlas.backup.gz');
  });
  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('restores every table with the same row counts and checksums, and ids continue after the restored ones', async () => {
    const manifest = await backupDatabase(source.url, file);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    expect(rows).toBeGreaterThan(1_000);
    expect(manifest.tables.map((t) => t.name)).toContain('adoption_event');
    // Every table comes after the tables it references.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('province')).toBeLessThan(order.indexOf('municipality'));

    await restoreDatabase(target.url, file);
    const [before, after] = await Promise.all([checksums(source.url), checksums(target.url)]);
    expect(after).toEqual(before);
    for (const t of manifest.tables) expect(after[t.name]).toEqual({ rows: t.rows, md5: t.md5 });

    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows: max } = await client.query<{ id: number }>(`SELECT max(id) AS id FROM province`);
      const { rows: inserted } = await client.query<{ id: number }>(
        `INSERT INTO province (code, name) VALUES ('PV99', 'Test') RETURNING id`,
      );
      expect(inserted[0]!.id).toBeGreaterThan(max[0]!.id);
    } finally {
      await client.end();
    }
  });

  it('refuses to overwrite a database that holds data unless told to replace it', async () => {
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/holds data.*--replace/);
    await restoreDatabase(target.url, file, { replace: true });
    expect(await checksums(target.url)).toEqual(await checksums(source.url));
  });

  it('a damaged backup is refused and leaves the database as it was (one transaction)', async () => {
    const good = gunzipSync(await readFile(file)).toString('utf8');
    const before = await checksums(target.url);
    const lines = good.split('\n');
    // Drop one data row from the middle: counts no longer match what follows.
    const damaged = path.join(dir, 'damaged.backup.gz');
    const at = lines.findIndex((l) => l.startsWith('TABLE adoption_event'));
    await writeFile(damaged, gzipSync([...lines.slice(0, at + 2), ...lines.slice(at + 3)].join('\n')));
    await expect(restoreDatabase(target.url, damaged, { replace: true })).rejects.toBeInstanceOf(Error);
    // A changed value with the right counts is caught by the checksum.
    const altered = path.join(dir, 'altered.backup.gz');
    const row = lines.findIndex((l, i) => i > at && l.includes('\t'));
    lines[row] = lines[row]!.replace(/\t(LIVE|PLANNED|CONSIDERING|IMPLEMENTING|RETIRED)\t/, (m) =>
      m.includes('LIVE') ? '\tPLANNED\t' : '\tLIVE\t',
    );
    await writeFile(altered, gzipSync(lines.join('\n')));
    expect(lines[row]).not.toBe(good.split('\n')[row]);
    await expect(restoreDatabase(target.url, altered, { replace: true })).rejects.toThrow(
      /adoption_event differs after restore/,
    );
    expect(await checksums(target.url)).toEqual(before);
    await writeFile(path.join(dir, 'junk.gz'), gzipSync('hello'));
    await expect(restoreDatabase(target.url, path.join(dir, 'junk.gz'))).rejects.toThrow(/not a GGU Atlas backup/);
  });
});
