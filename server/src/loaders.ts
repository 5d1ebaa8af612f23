import type { Pool } from 'pg';
import { adoptionLoaders } from './adoption/adoption.loaders.js';
import { geographyLoaders } from './geography/geography.loaders.js';
import { regionLoaders } from './geography/region.loaders.js';
import { initiativeLoaders } from './initiative/initiative.loaders.js';
import { organisationLoaders } from './organisation/organisation.loaders.js';
import { solutionLoaders } from './solution/solution.loaders.js';
import { standardLoaders } from './standard/standard.loaders.js';
import { uptakeLoaders } from './uptake/uptake.loaders.js';

/**
 * Per-request DataLoaders for every relation; created fresh for each request (no shared cache).
 * The keyed reads go to `lookups` (generic plans, see createLookupPool); aggregates over many rows to `pool`.
 */
export function createLoaders(pool: Pool, lookups: Pool = pool) {
  return {
    ...geographyLoaders(lookups),
    ...regionLoaders(lookups),
    ...solutionLoaders(lookups),
    ...standardLoaders(lookups),
    ...initiativeLoaders(lookups),
    ...organisationLoaders(lookups),
    ...adoptionLoaders(lookups),
    ...uptakeLoaders(pool, lookups),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
