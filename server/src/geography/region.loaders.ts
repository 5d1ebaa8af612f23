import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { byKey, groupBy } from './geography.loaders.js';
import { MUNICIPALITY_COLUMNS, type MunicipalityRow } from './geography.rows.js';
import { REGION_COLUMNS, type MemberRegionRow, type RegionRow } from './region.rows.js';

export interface RegionMembersKey {
  regionId: number;
  /** Only members that existed on this date (YYYY-MM-DD); null: every member ever recorded. */
  validOn: string | null;
}

type MemberRow = MunicipalityRow & { link_id: number };

export function regionLoaders(pool: Pool) {
  return {
    regionById: new DataLoader<number, RegionRow | null>(async (ids) => {
      const { rows } = await pool.query<RegionRow>(
        `SELECT ${REGION_COLUMNS} FROM region r WHERE r.id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
    /** Every region a municipality is a member of, by municipality id, ordered by kind and code. */
    regionsOfMunicipality: new DataLoader<number, MemberRegionRow[]>(async (ids) => {
      const { rows } = await pool.query<MemberRegionRow>(
        `SELECT rm.municipality_id AS link_id, ${REGION_COLUMNS}
           FROM region_membership rm JOIN region r ON r.id = rm.region_id
          WHERE rm.municipality_id = ANY($1::int[]) ORDER BY r.kind, r.code`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.link_id);
    }),
    /** Members of a region, ordered by CBS code, optionally only those existing on a date. */
    membersOfRegion: new DataLoader<RegionMembersKey, MunicipalityRow[], string>(
      async (keys) => {
        const { rows } = await pool.query<MemberRow & { valid_on: string | null }>(
          `SELECT k.region_id AS link_id, k.valid_on, ${MUNICIPALITY_COLUMNS}
             FROM unnest($1::int[], $2::date[]) AS k(region_id, valid_on)
             JOIN region_membership rm ON rm.region_id = k.region_id
             JOIN municipality m ON m.id = rm.municipality_id
            WHERE k.valid_on IS NULL
               OR ((m.valid_from IS NULL OR m.valid_from <= k.valid_on) AND (m.valid_to IS NULL OR m.valid_to >= k.valid_on))
            ORDER BY m.code`,
          [keys.map((k) => k.regionId), keys.map((k) => k.validOn)],
        );
        return groupBy(
          keys.map((k) => `${k.regionId}|${k.validOn ?? ''}`),
          rows,
          (r) => `${r.link_id}|${r.valid_on ?? ''}`,
        );
      },
      { cacheKeyFn: (k) => `${k.regionId}|${k.validOn ?? ''}` },
    ),
  };
}
