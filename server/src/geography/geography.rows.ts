import type { FieldColumns } from '../columns.js';

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
  /** The province row, when the statement joined it (see `Joined` in columns.ts). */
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

/** MUNICIPALITY_COLUMNS by field of the GraphQL type Municipality. */
export const MUNICIPALITY_FIELDS: FieldColumns = {
  always: ['m.id', 'm.code', 'm.province_id'],
  byField: {
    name: ['m.name'],
    officialName: ['m.official_name'],
    population: ['m.population'],
    sizeClass: ['municipality_size_class(m.population) AS size_class'],
    areaLandHa: ['m.area_land_ha'],
    areaWaterHa: ['m.area_water_ha'],
    tooiUri: ['m.tooi_uri'],
    validFrom: ['m.valid_from'],
    validTo: ['m.valid_to'],
  },
};

/** PROVINCE_COLUMNS by field of the GraphQL type Province. */
export const PROVINCE_FIELDS: FieldColumns = {
  always: ['p.id', 'p.code'],
  byField: { name: ['p.name'], tooiUri: ['p.tooi_uri'] },
};
