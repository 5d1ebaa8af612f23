import type { Queryable } from '../adoption/inheritance.js';
import type { BoundaryRecord, MunicipalityRecord, ProvinceRecord, RegionRecord, SuccessionRecord } from './model.js';

/** What one write did to one table. */
export interface TableCount {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);

/**
 * Runs an `INSERT … ON CONFLICT DO UPDATE … WHERE (…) IS DISTINCT FROM (…) RETURNING (xmax = 0)
 * AS inserted` over `json_to_recordset($1)`: rows returned were inserted or changed, the rest
 * were already as in the source.
 */
async function upsert(q: Queryable, sql: string, rows: readonly object[]): Promise<TableCount> {
  const result = rowsOf(await q.query(sql, [JSON.stringify(rows)]));
  const inserted = result.filter((r) => r.inserted === true).length;
  return { inserted, updated: result.length - inserted, unchanged: rows.length - result.length, deleted: 0 };
}

export const writeProvinces = (q: Queryable, rows: ProvinceRecord[]) =>
  upsert(
    q,
    `
    INSERT INTO province (code, name, tooi_uri)
    SELECT code, name, tooi_uri FROM json_to_recordset($1::json) AS t(code text, name text, tooi_uri text)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, tooi_uri = excluded.tooi_uri
    WHERE (province.name, province.tooi_uri) IS DISTINCT FROM (excluded.name, excluded.tooi_uri)
    RETURNING (xmax = 0) AS inserted`,
    rows,
  );

const MUNICIPALITY_COLUMNS = [
  'name',
  'official_name',
  'province_id',
  'population',
  'population_date',
  'area_land_ha',
  'area_water_ha',
  'tooi_uri',
  'valid_from',
  'valid_to',
];

export const writeMunicipalities = (q: Queryable, rows: MunicipalityRecord[]) =>
  upsert(
    q,
    `
    INSERT INTO municipality (code, ${MUNICIPALITY_COLUMNS.join(', ')})
    SELECT t.code, t.name, t.official_name, p.id, t.population, t.population_date, t.area_land_ha, t.area_water_ha,
           t.tooi_uri, t.valid_from, t.valid_to
    FROM json_to_recordset($1::json) AS t(code text, name text, official_name text, province text, population integer,
         population_date date, area_land_ha integer, area_water_ha integer, tooi_uri text, valid_from date, valid_to date)
    JOIN province p ON p.code = t.province
    ON CONFLICT (code) DO UPDATE SET ${MUNICIPALITY_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
    WHERE (${MUNICIPALITY_COLUMNS.map((c) => `municipality.${c}`).join(', ')})
      IS DISTINCT FROM (${MUNICIPALITY_COLUMNS.map((c) => `excluded.${c}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`,
    rows,
  );

export const writeRegions = (q: Queryable, rows: RegionRecord[]) =>
  upsert(
    q,
    `
    INSERT INTO region (kind, code, name)
    SELECT kind, code, name FROM json_to_recordset($1::json) AS t(kind text, code text, name text)
    ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name
    WHERE region.name IS DISTINCT FROM excluded.name
    RETURNING (xmax = 0) AS inserted`,
    rows.map(({ kind, code, name }) => ({ kind, code, name })),
  );

/**
 * Makes the memberships of the imported region kinds exactly those of the source: a municipality
 * that moved to another region leaves the old one. Other kinds (cooperations, networks) are untouched.
 */
export async function writeMemberships(q: Queryable, regions: RegionRecord[]): Promise<TableCount> {
  const rows = regions.flatMap((r) => r.members.map((municipality) => ({ kind: r.kind, code: r.code, municipality })));
  const kinds = [...new Set(regions.map((r) => r.kind))];
  const [result] = rowsOf(
    await q.query(
      `WITH src AS (
         SELECT r.id AS region_id, m.id AS municipality_id
         FROM json_to_recordset($1::json) AS t(kind text, code text, municipality text)
         JOIN region r ON r.kind = t.kind AND r.code = t.code
         JOIN municipality m ON m.code = t.municipality
       ),
       removed AS (
         DELETE FROM region_membership rm USING region r
         WHERE r.id = rm.region_id AND r.kind = ANY($2::text[])
           AND NOT EXISTS (SELECT 1 FROM src WHERE src.region_id = rm.region_id AND src.municipality_id = rm.municipality_id)
         RETURNING 1
       ),
       added AS (
         INSERT INTO region_membership (region_id, municipality_id) SELECT region_id, municipality_id FROM src
         ON CONFLICT DO NOTHING RETURNING 1
       )
       SELECT (SELECT count(*) FROM added)::int AS inserted, (SELECT count(*) FROM removed)::int AS deleted`,
      [JSON.stringify(rows), kinds],
    ),
  );
  const inserted = Number(result!.inserted);
  return { inserted, updated: 0, unchanged: rows.length - inserted, deleted: Number(result!.deleted) };
}

const SUCCESSION_COLUMNS = ['effective_date', 'kind', 'successor_is_new', 'area_share', 'tooi_change_uri'];

export const writeSuccessions = (q: Queryable, rows: SuccessionRecord[]) =>
  upsert(
    q,
    `
    INSERT INTO municipality_succession (predecessor_id, successor_id, ${SUCCESSION_COLUMNS.join(', ')})
    SELECT p.id, s.id, t.effective_date, t.kind, t.successor_is_new, t.area_share, t.tooi_change_uri
    FROM json_to_recordset($1::json) AS t(predecessor text, successor text, effective_date date, kind text,
         successor_is_new boolean, area_share numeric, tooi_change_uri text)
    JOIN municipality p ON p.code = t.predecessor
    JOIN municipality s ON s.code = t.successor
    ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET ${SUCCESSION_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
    WHERE (${SUCCESSION_COLUMNS.map((c) => `municipality_succession.${c}`).join(', ')})
      IS DISTINCT FROM (${SUCCESSION_COLUMNS.map((c) => `excluded.${c}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`,
    rows,
  );

export const writeBoundaries = (q: Queryable, rows: BoundaryRecord[]) =>
  upsert(
    q,
    `
    INSERT INTO boundary_set (level, year, topojson, sha256, source_file)
    SELECT level, year, topojson, sha256, source_file
    FROM json_to_recordset($1::json) AS t(level text, year integer, topojson text, sha256 text, source_file text)
    ON CONFLICT (level, year) DO UPDATE SET topojson = excluded.topojson, sha256 = excluded.sha256, source_file = excluded.source_file
    WHERE (boundary_set.sha256, boundary_set.source_file) IS DISTINCT FROM (excluded.sha256, excluded.source_file)
    RETURNING (xmax = 0) AS inserted`,
    rows,
  );

/** Records a run that changed something: where the files came from, their checksums, the counts. */
export async function recordImport(
  q: Queryable,
  sourceDir: string,
  checksums: Record<string, string>,
  stats: object,
): Promise<number> {
  const [row] = rowsOf(
    await q.query(
      `INSERT INTO reference_import (source_dir, checksums, stats) VALUES ($1, $2::jsonb, $3::jsonb) RETURNING id`,
      [sourceDir, JSON.stringify(checksums), JSON.stringify(stats)],
    ),
  );
  return Number(row!.id);
}
