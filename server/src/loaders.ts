import type { Pool } from 'pg';
import { adoptionLoaders } from './adoption/adoption.loaders.js';
import { geographyLoaders } from './geography/geography.loaders.js';
import { regionLoaders } from './geography/region.loaders.js';
import { initiativeLoaders } from './initiative/initiative.loaders.js';
import { organisationLoaders } from './organisation/organisation.loaders.js';
import { solutionLoaders } from './solution/solution.loaders.js';
import { standardLoaders } from './standard/standard.loaders.js';
import { uptakeLoaders } from './uptake/uptake.loaders.js';

/** Per-request DataLoaders for every relation; created fresh for each request (no shared cache). */
export function createLoaders(pool: Pool) {
  return {
    ...geographyLoaders(pool),
    ...regionLoaders(pool),
    ...solutionLoaders(pool),
    ...standardLoaders(pool),
    ...initiativeLoaders(pool),
    ...organisationLoaders(pool),
    ...adoptionLoaders(pool),
    ...uptakeLoaders(pool),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
