import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { groupBy } from '../geography/geography.loaders.js';
import { todayInNL } from '../scalars.js';
import type { ComplianceEntryData, PeerRowData, ReuseRowData, SummaryRowData } from './profile.rows.js';
import { peerCountsOf } from './peer-counts.js';
import { ProfileService } from './profile.service.js';
import { ReuseService } from './reuse.service.js';

/** A loader key: a record id and the date its figures are asked for. */
export interface AsOfKey {
  id: number;
  asOf: string;
}

/**
 * A DataLoader over (id, asOf) keys: one statement per distinct date in a batch, so a list of
 * municipalities asking the same `asOf` costs one query however long it is.
 */
function asOfLoader<R>(fetch: (asOf: string, ids: number[]) => Promise<R[]>, idOf: (row: R) => number) {
  return new DataLoader<AsOfKey, R | null, string>(
    async (keys) => {
      const dates = [...new Set(keys.map((k) => k.asOf))];
      const results = await Promise.all(
        dates.map(async (asOf) => {
          const ids = [...new Set(keys.filter((k) => k.asOf === asOf).map((k) => k.id))];
          const rows = await fetch(asOf, ids);
          return new Map(rows.map((r) => [`${idOf(r)}|${asOf}`, r]));
        }),
      );
      const found = new Map(results.flatMap((m) => [...m]));
      return keys.map((k) => found.get(`${k.id}|${k.asOf}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.id}|${k.asOf}` },
  );
}

/**
 * `lookups` (generic plans, see createLookupPool) serves the compliance profile: one
 * municipality's rows, whose plan does not depend on the values. The peer, summary and reuse
 * figures scan many municipalities and stay on `pool`, where PostgreSQL plans for the values
 * (a generic plan made the 10× peers 3× slower).
 */
export function uptakeLoaders(pool: Pool, lookups: Pool = pool) {
  const profile = new ProfileService(pool);
  const profileLookups = new ProfileService(lookups);
  const reuse = new ReuseService(pool);
  return {
    /** Peer comparison of a municipality; null when it did not exist on asOf. */
    peerComparison: asOfLoader<PeerRowData>(
      (asOf, ids) => profile.peers(asOf, ids),
      (r) => r.municipality_id,
    ),
    /** The same without the per-solution lines (`solutions` is empty): for queries that do not ask for them. */
    peerComparisonStats: asOfLoader<PeerRowData>(
      // From today on: the country's counts held per data version (PeerCounts); earlier dates
      // with a plan for the date (a generic one reads every pair changed since).
      (asOf, ids) => (asOf >= todayInNL() ? peerCountsOf(lookups).peers(asOf, ids) : profile.peers(asOf, ids, false)),
      (r) => r.municipality_id,
    ),
    /** Status counts of a municipality on asOf. */
    uptakeSummary: asOfLoader<SummaryRowData>(
      (asOf, ids) => profile.summaries(asOf, ids),
      (r) => r.municipality_id,
    ),
    /** Reuse figures of a solution on asOf. */
    solutionReuse: asOfLoader<ReuseRowData>(
      (asOf, ids) => reuse.reuse(asOf, ids),
      (r) => r.solution_id,
    ),
    /** Declared and (as of today) derived compliance of a municipality, per standard. */
    complianceProfileOf: new DataLoader<number, ComplianceEntryData[]>(async (ids) =>
      groupBy(ids, await profileLookups.compliance(ids, todayInNL()), (r) => r.municipality_id),
    ),
  };
}
