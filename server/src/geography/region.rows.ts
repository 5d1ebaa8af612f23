/** Rows as the region SQL returns them. */
export interface RegionRow {
  id: number;
  kind: string;
  code: string;
  name: string;
}

export const REGION_COLUMNS = `r.id, r.kind, r.code, r.name`;

/** A region joined to a membership, with the municipality id the loader was asked about. */
export interface MemberRegionRow extends RegionRow {
  link_id: number;
}
