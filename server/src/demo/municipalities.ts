import type { QueryRunner } from 'typeorm';
import { toDay } from './random.js';

/** A municipality as the generator sees it; validity in days since the epoch, inclusive, null = open. */
export interface MunicipalityRow {
  id: number;
  code: string;
  provinceCode: string;
  population: number | null;
  validFrom: number | null;
  validTo: number | null;
}

export interface SuccessionRow {
  predecessorId: number;
  successorId: number;
  day: number;
}

export async function readMunicipalities(q: QueryRunner): Promise<MunicipalityRow[]> {
  const rows: {
    id: number;
    code: string;
    province: string;
    population: number | null;
    valid_from: string | null;
    valid_to: string | null;
  }[] = await q.query(
    `SELECT m.id, m.code, p.code AS province, m.population, m.valid_from::text, m.valid_to::text
       FROM municipality m JOIN province p ON p.id = m.province_id ORDER BY m.code`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    provinceCode: r.province,
    population: r.population,
    validFrom: r.valid_from === null ? null : toDay(r.valid_from),
    validTo: r.valid_to === null ? null : toDay(r.valid_to),
  }));
}

export async function readSuccessions(q: QueryRunner): Promise<SuccessionRow[]> {
  const rows: { predecessor_id: number; successor_id: number; effective_date: string }[] = await q.query(
    `SELECT predecessor_id, successor_id, effective_date::text FROM municipality_succession ORDER BY effective_date, predecessor_id, successor_id`,
  );
  return rows.map((r) => ({
    predecessorId: r.predecessor_id,
    successorId: r.successor_id,
    day: toDay(r.effective_date),
  }));
}
