import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many adoptions of current municipalities each solution has in each status per province,
 * kept on write: `atlas_meta.adoption_province_count (solution_id, status, province_id, n)`.
 * "Current" is a municipality without an end date (`valid_to IS NULL`); its province is its own.
 *
 * Why: the province comparison (a province × solution matrix) counted every held pair of the
 * selected solutions: 4,118 pairs for 20 solutions on the demo data, 22,616 on the 10× bench data
 * (4.5 and 18 ms). From these rows it reads one per province, solution and status, and corrects
 * for the few pairs the kept counts get wrong on the date (server/src/uptake/uptake.service.ts).
 *
 * How: like `adoption_status_count` (migration 1765152000000), statement-level triggers on
 * `adoption` with transition tables add what a statement inserted and subtract what it deleted,
 * one upsert per key touched, keys in order. They read each municipality's province and end date
 * under a share lock, so a concurrent change of either waits for the writer (and then sees its
 * rows) or the writer waits for it (and reads the new values). A statement-level trigger on
 * `municipality` moves a municipality's adoptions when its province changes, takes them out when
 * it gets an end date and back in when that is removed. TRUNCATE of `adoption` empties the counts.
 * `atlas_meta.adoption_province_count_rebuild()` recomputes them, for writers that bypass triggers.
 *
 * In `atlas_meta`: derived data, left out of backups and refilled by the triggers on a restore.
 */
export class AdoptionProvinceCounts1765324800000 implements MigrationInterface {
  name = 'AdoptionProvinceCounts1765324800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE atlas_meta.adoption_province_count (
        solution_id  integer NOT NULL,
        status       text NOT NULL,
        province_id  integer NOT NULL,
        n            integer NOT NULL,
        CONSTRAINT pk_adoption_province_count PRIMARY KEY (solution_id, status, province_id)
      )`);
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_province_count_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM atlas_meta.adoption_province_count;
        INSERT INTO atlas_meta.adoption_province_count (solution_id, status, province_id, n)
        SELECT a.solution_id, a.status, m.province_id, count(*)
          FROM public.adoption a JOIN public.municipality m ON m.id = a.municipality_id
         WHERE m.valid_to IS NULL
         GROUP BY 1, 2, 3;
      $$`);
    // `changes` holds (municipality_id, solution_id, status, delta) of the statement's rows.
    const apply = (changes: string) => `
          WITH d AS (${changes}),
          m AS (SELECT m.id, m.province_id, m.valid_to FROM public.municipality m
                 WHERE m.id IN (SELECT municipality_id FROM d) ORDER BY m.id FOR SHARE)
          INSERT INTO atlas_meta.adoption_province_count AS c (solution_id, status, province_id, n)
          SELECT d.solution_id, d.status, m.province_id, sum(d.delta)::int
            FROM d JOIN m ON m.id = d.municipality_id AND m.valid_to IS NULL
           GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
          ON CONFLICT (solution_id, status, province_id) DO UPDATE SET n = c.n + excluded.n;`;
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_province_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply('SELECT municipality_id, solution_id, status, 1 AS delta FROM new_rows')}
        ELSIF TG_OP = 'DELETE' THEN
          ${apply('SELECT municipality_id, solution_id, status, -1 AS delta FROM old_rows')}
        ELSE
          ${apply(`SELECT municipality_id, solution_id, status, 1 AS delta FROM new_rows
                   UNION ALL SELECT municipality_id, solution_id, status, -1 FROM old_rows`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_province_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO atlas_meta.adoption_province_count AS c (solution_id, status, province_id, n)
        SELECT a.solution_id, a.status, x.province_id, sum(x.delta)::int
          FROM (SELECT o.id, o.province_id, -1 AS delta
                  FROM old_rows o JOIN new_rows n ON n.id = o.id
                 WHERE o.valid_to IS NULL AND (n.valid_to IS NOT NULL OR n.province_id <> o.province_id)
                UNION ALL
                SELECT n.id, n.province_id, 1
                  FROM old_rows o JOIN new_rows n ON n.id = o.id
                 WHERE n.valid_to IS NULL AND (o.valid_to IS NOT NULL OR n.province_id <> o.province_id)) x
          JOIN public.adoption a ON a.municipality_id = x.id
         GROUP BY 1, 2, 3 HAVING sum(x.delta) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (solution_id, status, province_id) DO UPDATE SET n = c.n + excluded.n;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_province_count_clear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM atlas_meta.adoption_province_count;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER adoption_province_count_insert AFTER INSERT ON adoption REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_province_count_apply()`);
    await q.query(`
      CREATE TRIGGER adoption_province_count_update AFTER UPDATE ON adoption
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_province_count_apply()`);
    await q.query(`
      CREATE TRIGGER adoption_province_count_delete AFTER DELETE ON adoption REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_province_count_apply()`);
    await q.query(`
      CREATE TRIGGER adoption_province_count_truncate AFTER TRUNCATE ON adoption
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_province_count_clear()`);
    // A trigger with transition tables cannot name columns (UPDATE OF): it filters the rows itself.
    await q.query(`
      CREATE TRIGGER adoption_province_count_municipality AFTER UPDATE ON municipality
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_province_count_move()`);
    await q.query(`SELECT atlas_meta.adoption_province_count_rebuild()`);
    // The comparison skips its part about municipalities that end later unless one does (max(valid_to)).
    await q.query(`CREATE INDEX ix_municipality_valid_to ON municipality (valid_to)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_municipality_valid_to`);
    await q.query(`DROP TRIGGER adoption_province_count_municipality ON municipality`);
    for (const t of ['truncate', 'delete', 'update', 'insert'])
      await q.query(`DROP TRIGGER adoption_province_count_${t} ON adoption`);
    for (const f of ['clear', 'move', 'apply', 'rebuild'])
      await q.query(`DROP FUNCTION atlas_meta.adoption_province_count_${f}()`);
    await q.query(`DROP TABLE atlas_meta.adoption_province_count`);
  }
}
