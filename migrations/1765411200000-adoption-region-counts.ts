import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A statement-level trigger function that runs `apply` on the statement's changes: `columns` of
 * each row with a `delta`, `plus` for a new row and `minus` for an old one (an UPDATE has both).
 */
const deltaTrigger = (
  name: string,
  columns: string,
  plus: string,
  minus: string,
  apply: (changes: string) => string,
) => `
      CREATE FUNCTION atlas_meta.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(`SELECT ${columns}, ${plus} AS delta FROM new_rows`)}
        ELSIF TG_OP = 'DELETE' THEN
          ${apply(`SELECT ${columns}, ${minus} AS delta FROM old_rows`)}
        ELSE
          ${apply(`SELECT ${columns}, ${plus} AS delta FROM new_rows UNION ALL SELECT ${columns}, ${minus} FROM old_rows`)}
        END IF;
        RETURN NULL;
      END $$`;

/**
 * How many adoptions the member municipalities of each region have in each status, kept on write:
 * `atlas_meta.adoption_region_count (region_id, status, n)`, the sum of
 * `atlas_meta.adoption_status_count` (migration 1765152000000) over the region's members.
 *
 * Why: the adoption list's `totalCount` under a region filter summed one status count per member
 * (440 index lookups for a province of the 10× bench data: 1.2 of the list statement's ~5 ms, and
 * more to plan); from these rows it reads one per status.
 *
 * How: statement-level triggers with transition tables on `adoption_status_count` (which the
 * triggers on `adoption` keep) add each municipality's change to every region it belongs to, and
 * triggers on `region_membership` add or take out a municipality's counts when it joins or leaves
 * a region. One upsert per key, keys in order. The two sides lock the municipality's row (share
 * against no-key-update) before reading the other side, in a statement of their own, so under READ
 * COMMITTED a membership change racing an adoption write waits for it and then reads its counts,
 * or the write waits and then sees the new membership. Emptying either source empties what it fed.
 * `atlas_meta.adoption_region_count_rebuild()` recomputes the counts, for writers that bypass
 * triggers. A count that falls to zero stays as a row with n = 0.
 *
 * In `atlas_meta`: derived data, left out of backups and refilled by the triggers on a restore.
 */
export class AdoptionRegionCounts1765411200000 implements MigrationInterface {
  name = 'AdoptionRegionCounts1765411200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE atlas_meta.adoption_region_count (
        region_id  integer NOT NULL,
        status     text NOT NULL,
        n          integer NOT NULL,
        CONSTRAINT pk_adoption_region_count PRIMARY KEY (region_id, status)
      )`);
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_region_count_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM atlas_meta.adoption_region_count;
        INSERT INTO atlas_meta.adoption_region_count (region_id, status, n)
        SELECT rm.region_id, c.status, sum(c.n)::int
          FROM public.region_membership rm
          JOIN atlas_meta.adoption_status_count c ON c.municipality_id = rm.municipality_id
         GROUP BY 1, 2;
      $$`);
    // `changes` holds (municipality_id, status, delta): a municipality's status counts that moved.
    await q.query(
      deltaTrigger(
        'adoption_region_count_apply',
        'municipality_id, status',
        'n',
        '-n',
        (changes) => `
          PERFORM 1 FROM public.municipality
            WHERE id IN (SELECT municipality_id FROM (${changes}) d) ORDER BY id FOR SHARE;
          INSERT INTO atlas_meta.adoption_region_count AS c (region_id, status, n)
          SELECT rm.region_id, d.status, sum(d.delta)::int
            FROM (${changes}) d JOIN public.region_membership rm ON rm.municipality_id = d.municipality_id
           GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2
          ON CONFLICT (region_id, status) DO UPDATE SET n = c.n + excluded.n;`,
      ),
    );
    // `changes` holds (region_id, municipality_id, delta): memberships that began (1) or ended (-1).
    await q.query(
      deltaTrigger(
        'adoption_region_count_members',
        'region_id, municipality_id',
        '1',
        '-1',
        (changes) => `
          PERFORM 1 FROM public.municipality
            WHERE id IN (SELECT municipality_id FROM (${changes}) d) ORDER BY id FOR NO KEY UPDATE;
          INSERT INTO atlas_meta.adoption_region_count AS c (region_id, status, n)
          SELECT d.region_id, k.status, sum(d.delta * k.n)::int
            FROM (${changes}) d JOIN atlas_meta.adoption_status_count k ON k.municipality_id = d.municipality_id
           GROUP BY 1, 2 HAVING sum(d.delta * k.n) <> 0 ORDER BY 1, 2
          ON CONFLICT (region_id, status) DO UPDATE SET n = c.n + excluded.n;`,
      ),
    );
    await q.query(`
      CREATE FUNCTION atlas_meta.adoption_region_count_clear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM atlas_meta.adoption_region_count;
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['atlas_meta.adoption_status_count', 'apply'],
      ['region_membership', 'members'],
    ] as const) {
      const name = fn === 'apply' ? 'adoption_region_count' : 'adoption_region_count_members';
      await q.query(`
        CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_region_count_${fn}()`);
      await q.query(`
        CREATE TRIGGER ${name}_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_region_count_${fn}()`);
      await q.query(`
        CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_region_count_${fn}()`);
      await q.query(`
        CREATE TRIGGER ${name}_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION atlas_meta.adoption_region_count_clear()`);
    }
    await q.query(`SELECT atlas_meta.adoption_region_count_rebuild()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['truncate', 'delete', 'update', 'insert']) {
      await q.query(`DROP TRIGGER adoption_region_count_${t} ON atlas_meta.adoption_status_count`);
      await q.query(`DROP TRIGGER adoption_region_count_members_${t} ON region_membership`);
    }
    for (const f of ['clear', 'members', 'apply', 'rebuild'])
      await q.query(`DROP FUNCTION atlas_meta.adoption_region_count_${f}()`);
    await q.query(`DROP TABLE atlas_meta.adoption_region_count`);
  }
}
