/** Rows as the geography SQL returns them (dates as YYYY-MM-DD strings). */
export interface MunicipalityRow {
  id: number;
  code: string;
  name: string;
  official_name: string | null;
  province_id: number;
  population: number | null;
  size_class: string | null;
  area_land_ha: number | null;
  area_water_ha: number | null;
  tooi_uri: string;
  valid_from: string | null;
  valid_to: string | null;
  /** The province row, when the statement joined it (MunicipalityService.byCode, adoption pages). */
  province?: ProvinceRow;
}

export interface ProvinceRow {
  id: number;
  code: string;
  name: string;
  tooi_uri: string | null;
}

export const MUNICIPALITY_COLUMNS = `m.id, m.code, m.name, m.official_name, m.province_id, m.population,
  municipality_size_class(m.population) AS size_class, m.area_land_ha, m.area_water_ha, m.tooi_uri,
  m.valid_from, m.valid_to`;

/** Needs `province p`. */
export const PROVINCE_COLUMNS = `p.id, p.code, p.name, p.tooi_uri`;

/**
 * A joined row as one JSON value with the keys of a column list, so a statement can carry the
 * rows a resolver would otherwise fetch with a second statement. The value parses to the same
 * shape as a plain row for text, integer, boolean and date columns (dates stay YYYY-MM-DD text);
 * cast numeric to text and leave timestamptz out, as JSON would change their types.
 */
export const jsonRow = (columns: string) => `(SELECT to_json(j) FROM (SELECT ${columns}) j)`;
