import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';

export interface DemoOptions {
  seed?: number;
  log?: Logger;
}

export interface DemoReport {
  loaded: boolean;
  counts: Record<string, number>;
}

/** Loads the demo catalogue and adoption histories (placeholder: implemented by the demo work). */
export async function loadDemoData(_ds: DataSource, _opts: DemoOptions = {}): Promise<DemoReport> {
  return { loaded: false, counts: {} };
}
