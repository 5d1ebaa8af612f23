import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';

export interface ImportReport {
  /** rows inserted / updated / unchanged per table */
  tables: Record<string, { inserted: number; updated: number; unchanged: number }>;
  changed: boolean;
}

export interface ImportOptions {
  log?: Logger;
}

/** Loads the CBS / PDOK / TOOI reference data from `dir` (placeholder: implemented by the import work). */
export async function importReferenceData(_ds: DataSource, _dir: string, _opts: ImportOptions = {}): Promise<ImportReport> {
  return { tables: {}, changed: false };
}
