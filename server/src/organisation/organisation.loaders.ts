import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { byKey } from '../geography/geography.loaders.js';
import { ORGANISATION_COLUMNS, type OrganisationRow } from './organisation.rows.js';

export function organisationLoaders(pool: Pool) {
  return {
    organisationById: new DataLoader<number, OrganisationRow | null>(async (ids) => {
      const { rows } = await pool.query<OrganisationRow>(
        `SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id);
    }),
  };
}
