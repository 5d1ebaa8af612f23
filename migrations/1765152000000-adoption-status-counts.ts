import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many adoptions each municipality has in each status, kept on write:
 * `atlas_meta.adoption_status_count (municipality_id, status, n)`.
 *
 * Why: the adoption list's `totalCount` under a region and status filter counted every matching
 * row (69,543 LIVE adoptions in one province of the 10× bench data: 26 ms of a 35 ms statement);
 * summed from these rows it reads one per member municipality and status.
 *
 * How: statement-level triggers on `adoption` with transition tables add what a statement
 * inserted and subtract what it deleted (an UPDATE does both), grouped per key, so a bulk write
 * costs one upsert per key it touched. TRUNCATE empties the counts. A count that falls to zero
 * stays as a row with n = 0. `atlas_meta.adoption_status_count_rebuild()` recomputes them all,
 * for writers that bypass triggers (`session_replication_role = replica`, as the bench's data
 * generator does).
 *
 * In `atlas_meta`, like the data version: derived data, so backups (`pnpm db:backup` copies
 * `public`) leave it out, and a restore rebuilds it through the triggers as it fills `adoption`.
 */
export class AdoptionStatusCounts1765152000000 implements MigrationInterface {
  name = 'AdoptionStatusCounts1765152000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE atlas_meta.adoption_status_count (
        municipality_id  integer NOT NULL,
        status           text NOT NULL,
        n                integer NOT NULL,
        CONSTRAINT pk_adoption_status_count PRIMARY KEY (municipality_id, status)
      )`);
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_status_count_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM atlas_meta.adoption_status_count;
        INSERT INTO atlas_meta.adoption_status_count (municipality_id, status, n)
        SELECT municipality_id, status, count(*) FROM public.adoption GROUP BY 1, 2;
      $$`);
    // Keys in order, so concurrent writers take the counters' row locks in the same order.
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_status_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO atlas_meta.adoption_status_count AS c (municipality_id, status, n)
          SELECT municipality_id, status, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (municipality_id, status) DO UPDATE SET n = c.n + excluded.n;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE atlas_meta.adoption_status_count c SET n = c.n - d.n
            FROM (SELECT municipality_id, status, count(*)::int AS n FROM old_rows GROUP BY 1, 2) d
           WHERE c.municipality_id = d.municipality_id AND c.status = d.status;
        ELSE
          INSERT INTO atlas_meta.adoption_status_count AS c (municipality_id, status, n)
          SELECT municipality_id, status, sum(delta)::int
            FROM (SELECT municipality_id, status, 1 AS delta FROM new_rows
                  UNION ALL
                  SELECT municipality_id, status, -1 FROM old_rows) d
           GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
          ON CONFLICT (municipality_id, status) DO UPDATE SET n = c.n + excluded.n;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_status_count_clear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM atlas_meta.adoption_status_count;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER adoption_status_count_insert AFTER INSERT ON adoption REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_status_count_apply()`);
    await q.query(`
      CREATE TRIGGER adoption_status_count_update AFTER UPDATE ON adoption
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_status_count_apply()`);
    await q.query(`
      CREATE TRIGGER adoption_status_count_delete AFTER DELETE ON adoption REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_status_count_apply()`);
    await q.query(`
      CREATE TRIGGER adoption_status_count_truncate AFTER TRUNCATE ON adoption
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_status_count_clear()`);
    await q.query(`SELECT atlas_meta.adoption_status_count_rebuild()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['truncate', 'delete', 'update', 'insert'])
      await q.query(`DROP TRIGGER adoption_status_count_${t} ON adoption`);
    await q.query(`DROP FUNCTION atlas_meta.adoption_status_count_clear()`);
    await q.query(`DROP FUNCTION atlas_meta.adoption_status_count_apply()`);
    await q.query(`DROP FUNCTION atlas_meta.adoption_status_count_rebuild()`);
    await q.query(`DROP TABLE atlas_meta.adoption_status_count`);
  }
}
