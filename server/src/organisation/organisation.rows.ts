/** Rows as the organisation SQL returns them. */
export interface OrganisationRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  website: string | null;
  region_id: number | null;
  municipality_id: number | null;
  version: number;
}

export const ORGANISATION_COLUMNS = `o.id, o.slug, o.name, o.kind, o.website, o.region_id, o.municipality_id, o.version`;
