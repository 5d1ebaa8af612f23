import type { Pool } from 'pg';
import { containsPattern, listPage } from '../adoption/adoption.paging.js';
import { searchArg } from '../adoption/adoption.inputs.js';
import type { Page } from '../pagination.js';
import { ORGANISATION_COLUMNS, type OrganisationRow } from './organisation.rows.js';
import { Organisation, type OrganisationFilter } from './organisation.types.js';

/** Reads of organisations: SQL in, typed rows out. */
export class OrganisationService {
  constructor(private readonly pool: Pool) {}

  async bySlug(slug: string): Promise<OrganisationRow | null> {
    const { rows } = await this.pool.query<OrganisationRow>(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.slug = $1`,
      [slug],
    );
    return rows[0] ?? null;
  }

  /** A page of organisations by name, then slug. `first` is already validated. */
  async list(
    filter: OrganisationFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<Organisation>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.kind?.length) where.push(`o.kind = ANY(${param(filter.kind)}::text[])`);
    const search = searchArg(filter?.search);
    if (search) {
      const p = param(containsPattern(search));
      where.push(`(lower(o.name) LIKE ${p} OR o.slug LIKE ${p})`);
    }
    return listPage<OrganisationRow, Organisation>(this.pool, {
      from: 'organisation o',
      columns: ORGANISATION_COLUMNS,
      where,
      params,
      order: [{ column: 'name' }, { column: 'slug' }],
      first,
      after,
      cursorShape: ['string', 'string'],
      node: Organisation.from,
    });
  }
}
