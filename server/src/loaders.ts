import type { Pool } from 'pg';
import { adoptionLoaders } from './adoption/adoption.loaders.js';
import { geographyLoaders } from './geography/geography.loaders.js';
import { regionLoaders } from './geography/region.loaders.js';
import { initiativeLoaders } from './initiative/initiative.loaders.js';
import { organisationLoaders } from './organisation/organisation.loaders.js';
import { solutionLoaders } from './solution/solution.loaders.js';
import { standardLoaders } from './standard/standard.loaders.js';
import { uptakeLoaders } from './uptake/uptake.loaders.js';

/** Each family of loaders, made from the two pools. */
const familiesOf = (pool: Pool, lookups: Pool) => [
  () => geographyLoaders(lookups),
  () => regionLoaders(lookups),
  () => solutionLoaders(lookups),
  () => standardLoaders(lookups),
  () => initiativeLoaders(lookups),
  () => organisationLoaders(lookups),
  () => adoptionLoaders(lookups),
  () => uptakeLoaders(pool, lookups),
];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type Loaders = UnionToIntersection<ReturnType<ReturnType<typeof familiesOf>[number]>>;

/** A request's loaders before any is used: the families made so far. */
interface LazyLoaders {
  families: (Record<string, unknown> | undefined)[];
}

/**
 * The prototype of every request's loaders for one pair of pools: a getter per loader that
 * makes the loader's family on first use (a request uses a few of the ~40 loaders).
 */
const prototypes = new WeakMap<Pool, WeakMap<Pool, object>>();
function prototypeFor(pool: Pool, lookups: Pool): object {
  let byLookups = prototypes.get(pool);
  if (!byLookups) prototypes.set(pool, (byLookups = new WeakMap()));
  let proto = byLookups.get(lookups);
  if (proto) return proto;
  proto = {};
  const makers = familiesOf(pool, lookups);
  makers.forEach((make, i) => {
    // The loaders' names: from one family made here (DataLoaders do nothing until used).
    for (const name of Object.keys(make())) {
      Object.defineProperty(proto, name, {
        get(this: LazyLoaders) {
          const family = (this.families[i] ??= make() as Record<string, unknown>);
          return family[name];
        },
      });
    }
  });
  byLookups.set(lookups, proto);
  return proto;
}

/**
 * Per-request DataLoaders for every relation; created fresh for each request (no shared cache),
 * each family when one of its loaders is first used.
 * The keyed reads go to `lookups` (generic plans, see createLookupPool); aggregates over many rows to `pool`.
 */
export function createLoaders(pool: Pool, lookups: Pool = pool): Loaders {
  const loaders: LazyLoaders = Object.create(prototypeFor(pool, lookups));
  loaders.families = [];
  return loaders as unknown as Loaders;
}
