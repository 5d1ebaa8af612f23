import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two read indexes on the adoption projection:
 * - (municipality_id, status, solution_id) INCLUDE (status_since): adoptions of a set of municipalities in given statuses
 *   (a region's LIVE adoptions, the list's `region` filter, peers' LIVE counts on a date) read
 *   the index only: the probe per municipality lands on its rows of that status, and
 *   `status_since`, included, tells whether that status already held on the date;
 * - (status_since): the figures on a date look up in the event log only the pairs whose latest
 *   event took effect after that date (server/src/uptake/uptake.sql.ts); for today, almost none.
 */
export class AdoptionReadIndexes1764979200000 implements MigrationInterface {
  name = 'AdoptionReadIndexes1764979200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_adoption_municipality_status ON adoption (municipality_id, status, solution_id) INCLUDE (status_since)`,
    );
    await q.query(`CREATE INDEX ix_adoption_status_since ON adoption (status_since)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_adoption_status_since`);
    await q.query(`DROP INDEX ix_adoption_municipality_status`);
  }
}
