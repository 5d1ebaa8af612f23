import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { MUNICIPALITY_COLUMNS, PROVINCE_COLUMNS, type MunicipalityRow, type ProvinceRow } from './geography.rows.js';

/** Groups rows by a key, in the order of `keys` (DataLoader's contract). */
export function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): (R | null)[] {
  const map = new Map<K, R>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export interface SuccessionRow extends MunicipalityRow {
  link_id: number;
  effective_date: string;
  kind: string;
}

export function geographyLoaders(pool: Pool) {
  return {
    provinceById: new DataLoader<number, ProvinceRow | null>(async (ids) => {
      const { rows } = await pool.query<ProvinceRow>(
        `SELECT ${PROVINCE_COLUMNS} FROM province p WHERE p.id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
    municipalityById: new DataLoader<number, MunicipalityRow | null>(async (ids) => {
      const { rows } = await pool.query<MunicipalityRow>(
        `SELECT ${MUNICIPALITY_COLUMNS} FROM municipality m WHERE m.id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
    /** The municipalities a municipality came from (a merger has several). */
    predecessorsOf: new DataLoader<number, SuccessionRow[]>(async (ids) => {
      const { rows } = await pool.query<SuccessionRow>(
        `SELECT s.successor_id AS link_id, s.effective_date, s.kind, ${MUNICIPALITY_COLUMNS}
           FROM municipality_succession s JOIN municipality m ON m.id = s.predecessor_id
          WHERE s.successor_id = ANY($1::int[]) ORDER BY s.effective_date, m.code`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.link_id);
    }),
    /** The municipalities a municipality went into (a split has several). */
    successorsOf: new DataLoader<number, SuccessionRow[]>(async (ids) => {
      const { rows } = await pool.query<SuccessionRow>(
        `SELECT s.predecessor_id AS link_id, s.effective_date, s.kind, ${MUNICIPALITY_COLUMNS}
           FROM municipality_succession s JOIN municipality m ON m.id = s.successor_id
          WHERE s.predecessor_id = ANY($1::int[]) ORDER BY s.effective_date, m.code`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.link_id);
    }),
  };
}
