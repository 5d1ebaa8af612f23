import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { inheritAdoptions, type InheritanceResult } from '../adoption/inheritance.js';
import { createLogger, type Logger } from '../logger.js';
import { ReferenceDataError } from './errors.js';
import { READ_STEPS, readReferenceData } from './read.js';
import { SourceDir } from './source.js';
import { BATCH_STATEMENT_TIMEOUT } from '../data-source.js';
import {
  recordImport,
  writeBoundaries,
  writeMemberships,
  writeMunicipalities,
  writeProvinces,
  writeRegions,
  writeSuccessions,
  type TableCount,
} from './store.js';

export { ReferenceDataError };
export type { TableCount } from './store.js';

export interface ImportReport {
  /** rows inserted / updated / unchanged (and deleted) per table */
  tables: Record<string, TableCount>;
  /** whether this run changed anything; a second run over the same files reports false */
  changed: boolean;
  /** adoptions carried to successors of (new) reorganisations */
  inherited: InheritanceResult;
  /** the reference_import row written, or null when nothing changed */
  importId: number | null;
  sourceDir: string;
  durationMs: number;
}

export interface ImportOptions {
  log?: Logger;
  /** called after each step: reading a file, writing a table */
  onProgress?: (step: string, done: number, total: number) => void;
}

/** Every advisory lock of this app's import shares this key, so two starting servers import once. */
const IMPORT_LOCK = 'ggu-atlas:reference-import';

/**
 * Loads the CBS / PDOK / TOOI reference data from `dir` (see shared/data/README.md): provinces,
 * municipalities since 2017, regions with memberships, reorganisations, boundaries. Every file is
 * read and validated first (a ReferenceDataError names the file and line); then everything is
 * written in one transaction, so the database never holds half an import. Writes are upserts
 * that leave equal rows alone, so a second run changes nothing. Existing adoptions are then
 * carried to successors (inheritAdoptions), and a `reference_import` row records a run that
 * changed something.
 */
export async function importReferenceData(
  ds: DataSource,
  dir: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  const log = opts.log ?? createLogger('silent', false);
  const sourceDir = path.resolve(dir);
  const writeSteps = 8;
  const total = READ_STEPS + writeSteps;
  let done = 0;
  const progress = (step: string) => opts.onProgress?.(step, ++done, total);

  if (!(await stat(sourceDir).catch(() => null))?.isDirectory()) {
    throw new ReferenceDataError(sourceDir, undefined, 'is not a directory');
  }
  const source = new SourceDir(sourceDir);
  const data = await readReferenceData(source, log, progress);

  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction();
    await qr.query(BATCH_STATEMENT_TIMEOUT);
    await qr.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [IMPORT_LOCK]);
    const tables: Record<string, TableCount> = {};
    const write = async (table: string, run: () => Promise<TableCount>) => {
      tables[table] = await run();
      log.info({ table, ...tables[table] }, 'reference table written');
      progress(`write ${table}`);
    };
    await write('province', () => writeProvinces(qr, data.provinces));
    await write('municipality', () => writeMunicipalities(qr, data.municipalities));
    await write('region', () => writeRegions(qr, data.regions));
    await write('region_membership', () => writeMemberships(qr, data.regions));
    await write('municipality_succession', () => writeSuccessions(qr, data.successions));
    await write('boundary_set', () => writeBoundaries(qr, data.boundaries));

    const inherited = await inheritAdoptions(qr);
    log.info(inherited, 'adoptions carried to successors');
    progress('inherit adoptions');

    const changed =
      inherited.events > 0 ||
      inherited.adoptions > 0 ||
      Object.values(tables).some((t) => t.inserted + t.updated + t.deleted > 0);
    const importId = changed ? await recordImport(qr, sourceDir, source.checksums, { tables, inherited }) : null;
    progress('record import');
    await qr.commitTransaction();

    const report: ImportReport = { tables, changed, inherited, importId, sourceDir, durationMs: Date.now() - started };
    log.info(
      { changed, importId, durationMs: report.durationMs },
      changed ? 'reference data imported' : 'reference data already up to date',
    );
    return report;
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  } finally {
    await qr.release();
  }
}
