/** The reference data as read and validated from the files, before it touches the database. */

export type RegionKind = 'PROVINCE' | 'COROP' | 'SAFETY_REGION' | 'GGD_REGION' | 'LABOUR_MARKET_REGION';
export type SuccessionKind = 'MERGER' | 'ABSORPTION' | 'REARRANGEMENT' | 'SPLIT';
export type BoundaryLevel = 'MUNICIPALITY' | 'PROVINCE' | 'SAFETY_REGION' | 'GGD_REGION' | 'LABOUR_MARKET_REGION';

export interface ProvinceRecord {
  code: string;
  name: string;
  tooi_uri: string;
}

export interface MunicipalityRecord {
  code: string;
  name: string;
  official_name: string;
  province: string;
  population: number | null;
  population_date: string | null;
  area_land_ha: number | null;
  area_water_ha: number | null;
  tooi_uri: string;
  valid_from: string | null;
  /** inclusive last day, as TOOI `einddatum` */
  valid_to: string | null;
}

export interface RegionRecord {
  kind: RegionKind;
  code: string;
  name: string;
  /** municipality codes */
  members: string[];
}

export interface SuccessionRecord {
  predecessor: string;
  successor: string;
  effective_date: string;
  kind: SuccessionKind;
  successor_is_new: boolean;
  area_share: number | null;
  tooi_change_uri: string | null;
}

export interface BoundaryRecord {
  level: BoundaryLevel;
  year: number;
  topojson: string;
  sha256: string;
  source_file: string;
}

export interface ReferenceData {
  provinces: ProvinceRecord[];
  municipalities: MunicipalityRecord[];
  regions: RegionRecord[];
  successions: SuccessionRecord[];
  boundaries: BoundaryRecord[];
}

/** Is the municipality valid on `date` (YYYY-MM-DD)? Both ends inclusive, NULL open. */
export const validOn = (m: MunicipalityRecord, date: string): boolean =>
  (m.valid_from === null || m.valid_from <= date) && (m.valid_to === null || m.valid_to >= date);
