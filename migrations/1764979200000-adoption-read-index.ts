import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adoptions of a set of municipalities in given statuses (a region's LIVE adoptions, the list's
 * `region` filter) read this index only: the probe per municipality lands on its rows of that
 * status, and with `solution_id` included the count under the filter needs no table access.
 */
export class AdoptionReadIndex1764979200000 implements MigrationInterface {
  name = 'AdoptionReadIndex1764979200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_adoption_municipality_status ON adoption (municipality_id, status, solution_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_adoption_municipality_status`);
  }
}
