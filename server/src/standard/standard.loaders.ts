import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { childPageLoader } from '../adoption/adoption.paging.js';
import { byKey, groupBy } from '../geography/geography.loaders.js';
import {
  COMPLIANCE_COLUMNS,
  COMPLIANCE_FROM,
  STANDARD_COLUMNS,
  STANDARD_VERSION_COLUMNS,
  type ComplianceRow,
  type ImplementationRow,
  type StandardRow,
  type StandardVersionRow,
} from './standard.rows.js';
import { StandardCompliance, type ComplianceStatus } from './standard.types.js';

export interface ComplianceChildFilter {
  status: ComplianceStatus[] | null;
}

/** `solution_standard` links with all three ends as JSON objects (column names clash otherwise). */
function implementationLoader(pool: Pool, keyColumn: 'solution_id' | 'standard_id', orderBy: string) {
  return new DataLoader<number, ImplementationRow[]>(async (ids) => {
    const { rows } = await pool.query<ImplementationRow>(
      `SELECT ss.${keyColumn} AS link_id, to_jsonb(st) AS standard, to_jsonb(s) AS solution,
              CASE WHEN v.id IS NULL THEN NULL ELSE to_jsonb(v) || jsonb_build_object('standard_slug', st.slug) END AS standard_version
         FROM solution_standard ss
         JOIN solution s ON s.id = ss.solution_id
         JOIN standard st ON st.id = ss.standard_id
         LEFT JOIN standard_version v ON v.id = ss.standard_version_id
        WHERE ss.${keyColumn} = ANY($1::int[])
        ORDER BY ${orderBy}`,
      [ids],
    );
    return groupBy(ids, rows, (r) => r.link_id);
  });
}

export function standardLoaders(pool: Pool) {
  return {
    standardById: new DataLoader<number, StandardRow | null>(async (ids) => {
      const { rows } = await pool.query<StandardRow>(
        `SELECT ${STANDARD_COLUMNS} FROM standard st WHERE st.id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
    /** Keys are slugs as stored (lowercase); unknown slugs give null. */
    standardBySlug: new DataLoader<string, StandardRow | null>(async (slugs) => {
      const { rows } = await pool.query<StandardRow>(
        `SELECT ${STANDARD_COLUMNS} FROM standard st WHERE st.slug = ANY($1::text[])`,
        [slugs],
      );
      return byKey(slugs, rows, (r) => r.slug);
    }),
    /** Versions of a standard, newest release first (unknown release dates last), then by label. */
    versionsOfStandard: new DataLoader<number, StandardVersionRow[]>(async (ids) => {
      const { rows } = await pool.query<StandardVersionRow>(
        `SELECT ${STANDARD_VERSION_COLUMNS} FROM standard_version v JOIN standard st ON st.id = v.standard_id
          WHERE v.standard_id = ANY($1::int[]) ORDER BY v.released_on DESC NULLS LAST, v.version_label DESC`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.standard_id);
    }),
    /** The standards a solution implements, by solution id, ordered by standard name. */
    implementationsOfSolution: implementationLoader(pool, 'solution_id', 'st.name, st.slug'),
    /** The solutions implementing a standard, by standard id, ordered by solution name. */
    implementationsOfStandard: implementationLoader(pool, 'standard_id', 's.name, s.slug'),
    /** Standards an organisation owns, by organisation id. */
    standardsOwnedBy: new DataLoader<number, StandardRow[]>(async (ids) => {
      const { rows } = await pool.query<StandardRow>(
        `SELECT ${STANDARD_COLUMNS} FROM standard st WHERE st.owner_organisation_id = ANY($1::int[]) ORDER BY st.name, st.slug`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.owner_organisation_id!);
    }),
    /** Compliance declarations on a standard, paged, ordered by municipality code. Key: standard id + arguments. */
    complianceOfStandard: childPageLoader<ComplianceRow, ComplianceChildFilter, StandardCompliance>(pool, {
      from: COMPLIANCE_FROM,
      countFrom: 'standard_compliance c',
      columns: COMPLIANCE_COLUMNS,
      parentColumn: 'c.standard_id',
      order: ['municipality_code'],
      where: (f, param) => (f.status && f.status.length ? [`c.status = ANY(${param(f.status)}::text[])`] : []),
      node: StandardCompliance.from,
    }),
    /** A municipality's compliance declarations (at most one per standard), by municipality id, ordered by standard slug. */
    complianceOfMunicipality: new DataLoader<number, ComplianceRow[]>(async (ids) => {
      const { rows } = await pool.query<ComplianceRow>(
        `SELECT ${COMPLIANCE_COLUMNS} FROM ${COMPLIANCE_FROM} WHERE c.municipality_id = ANY($1::int[]) ORDER BY st.slug`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.municipality_id);
    }),
  };
}
