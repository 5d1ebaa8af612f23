import type { Pool } from 'pg';
import { geographyLoaders } from './geography/geography.loaders.js';

/** Per-request DataLoaders for every relation; created fresh for each request (no shared cache). */
export function createLoaders(pool: Pool) {
  return {
    ...geographyLoaders(pool),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
