import { DataModel1764547200000 } from './1764547200000-data-model.js';
import { WritesIdentityTrust1764633600000 } from './1764633600000-writes-identity-trust.js';
import { DataVersion1764892800000 } from './1764892800000-data-version.js';
import { AdoptionReadIndexes1764979200000 } from './1764979200000-adoption-read-indexes.js';
import { AdoptionStatusCounts1765152000000 } from './1765152000000-adoption-status-counts.js';
import { DataVersionLeases1765238400000 } from './1765238400000-data-version-leases.js';
import { AdoptionProvinceCounts1765324800000 } from './1765324800000-adoption-province-counts.js';
import { AdoptionRegionCounts1765411200000 } from './1765411200000-adoption-region-counts.js';

/** Every migration, in order. TypeORM runs the ones it has not recorded yet. */
export const migrations = [
  DataModel1764547200000,
  WritesIdentityTrust1764633600000,
  DataVersion1764892800000,
  AdoptionReadIndexes1764979200000,
  AdoptionStatusCounts1765152000000,
  DataVersionLeases1765238400000,
  AdoptionProvinceCounts1765324800000,
  AdoptionRegionCounts1765411200000,
];
