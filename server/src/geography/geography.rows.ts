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
  /** The province row, when the statement joined it (see `Joined` in adoption/adoption.paging.ts). */
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
