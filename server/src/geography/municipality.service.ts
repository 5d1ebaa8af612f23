import type { Pool } from 'pg';
import { badInput } from '../errors.js';
import { decodeCursor, toPage, type Page } from '../pagination.js';
import { Municipality, type MunicipalityFilter, type SizeClass } from './geography.types.js';
import { joinedColumns, nest } from '../columns.js';
import { MUNICIPALITY_COLUMNS, PROVINCE_COLUMNS, type MunicipalityRow, type ProvinceRow } from './geography.rows.js';

const PROVINCE_CODE = /^PV\d{2}$/;

/** One municipality with its province, by code: an index lookup whatever the code (fit for the lookups pool). */
const BY_CODE = `SELECT ${MUNICIPALITY_COLUMNS}, ${joinedColumns(PROVINCE_COLUMNS, 'p', 'p', 'province')}
   FROM municipality m JOIN province p ON p.id = m.province_id WHERE m.code = upper($1)`;

/** Reads of municipalities and provinces: SQL in, typed rows out. */
export class MunicipalityService {
  constructor(private readonly pool: Pool) {}

  async byCode(code: string): Promise<MunicipalityRow | null> {
    const { rows } = await this.pool.query<Record<string, unknown>>(BY_CODE, [code.trim()]);
    return rows[0] ? nest<MunicipalityRow>(rows[0]) : null;
  }

  async provinces(): Promise<ProvinceRow[]> {
    const { rows } = await this.pool.query<ProvinceRow>(`SELECT id, code, name, tooi_uri FROM province ORDER BY code`);
    return rows;
  }

  /** A page of municipalities by CBS code. `first` is already validated. */
  async list(
    filter: MunicipalityFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<Municipality>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.validOn) {
      const d = param(filter.validOn);
      where.push(
        `(m.valid_from IS NULL OR m.valid_from <= ${d}::date) AND (m.valid_to IS NULL OR m.valid_to >= ${d}::date)`,
      );
    }
    if (filter?.provinceCode) {
      const code = filter.provinceCode.trim().toUpperCase();
      if (!PROVINCE_CODE.test(code))
        throw badInput(`provinceCode must look like PV27, got "${filter.provinceCode}"`, 'provinceCode');
      where.push(`m.province_id = (SELECT id FROM province WHERE code = ${param(code)})`);
    }
    if (filter?.region) {
      const code = filter.region.code.trim().toUpperCase();
      if (!/^[A-Z0-9-]{1,20}$/.test(code))
        throw badInput(`region.code "${filter.region.code}" is not a region code`, 'region');
      where.push(
        `m.id IN (SELECT rm.municipality_id FROM region_membership rm JOIN region r ON r.id = rm.region_id
                   WHERE r.kind = ${param(filter.region.kind)} AND r.code = ${param(code)})`,
      );
    }
    if (filter?.sizeClass)
      where.push(`municipality_size_class(m.population) = ${param(filter.sizeClass satisfies SizeClass)}`);
    if (filter?.search?.trim()) {
      const pattern = `%${filter.search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const p = param(pattern);
      where.push(
        `(lower(m.name) LIKE ${p} OR lower(coalesce(m.official_name, '')) LIKE ${p} OR lower(m.code) LIKE ${p})`,
      );
    }
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const cursor = decodeCursor(after, ['string']);
    const afterCond = cursor ? `WHERE f.code > ${param(cursor[0])}` : '';
    // One statement gives the page and the total under the same filter, even past the last page.
    const { rows } = await this.pool.query<{ total_count: number; page: MunicipalityRow[] }>(
      `WITH filtered AS (SELECT ${MUNICIPALITY_COLUMNS} FROM municipality m ${filtered}),
            page AS (SELECT * FROM filtered f ${afterCond} ORDER BY f.code LIMIT ${param(first + 1)})
       SELECT (SELECT count(*)::int FROM filtered) AS total_count,
              (SELECT coalesce(json_agg(page ORDER BY page.code), '[]'::json) FROM page) AS page`,
      params,
    );
    const { total_count: total, page } = rows[0]!;
    return toPage(page, first, total, cursor !== null, (r) => [r.code], Municipality.from);
  }
}
