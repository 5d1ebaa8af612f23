import pg from 'pg';
import { PROJECTION_COLUMNS, projectionQuery } from '../server/src/adoption/projection.js';

/** Copies of every municipality and of every solution, the original included. */
const FACTOR = 10;

/**
 * Makes a clone of the demo database ten times larger, set-based (INSERT … SELECT over
 * generate_series), in one transaction:
 * - municipalities ×10: copy k of municipality id i gets id i + k·M and code GM5000 + (k−1)·M + i − 1,
 *   the same province, regions, population and validity, and copies of its reorganisations;
 * - solutions ×10: copy j gets id i + j·S and slug `<slug>-v<j>`, with the same standards and relations;
 * - adoption events: the history of (municipality, solution) is copied to (copy k, copy j) for
 *   7 in 8 of the (solution, k, j) combinations (a fixed pattern, so copies differ), with event ids,
 *   corrections and inherited-from links shifted alike;
 * - standard compliance declarations ×10 (standards are not copied);
 * then the `adoption` projection of the new pairs is built with the server's own projection SQL.
 *
 * Foreign keys and triggers are not checked for the copies (session_replication_role = replica):
 * every copied reference is shifted into its own copy, which the counts below confirm.
 */
export async function multiplyTenfold(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url, statement_timeout: 0 });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SET LOCAL session_replication_role = replica`);
    await c.query(`SET LOCAL work_mem = '256MB'`);
    await c.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    const {
      rows: [max],
    } = await c.query<{ m: number; s: number; e: string; c: number }>(
      `SELECT (SELECT max(id) FROM municipality) AS m, (SELECT max(id) FROM solution) AS s,
              (SELECT max(id) FROM adoption_event) AS e, (SELECT coalesce(max(id), 0) FROM standard_compliance) AS c`,
    );
    const { m: M, s: S, c: C } = max!;
    const E = Number(max!.e);
    if (5000 + (FACTOR - 1) * M > 10_000) throw new Error(`too many municipalities (${M}) for codes GM5000–GM9999`);
    const copies = `generate_series(1, ${FACTOR - 1}) AS k`;

    await c.query(`
      INSERT INTO municipality (id, code, name, official_name, province_id, population, population_date,
                                area_land_ha, area_water_ha, tooi_uri, valid_from, valid_to)
      SELECT m.id + k * ${M}, 'GM' || (5000 + (k - 1) * ${M} + m.id - 1), m.name || ' ' || (k + 1),
             m.official_name || ' ' || (k + 1), m.province_id, m.population, m.population_date,
             m.area_land_ha, m.area_water_ha,
             'https://identifier.overheid.nl/tooi/id/gemeente/gm' || (5000 + (k - 1) * ${M} + m.id - 1),
             m.valid_from, m.valid_to
      FROM municipality m, ${copies}`);
    await c.query(`
      INSERT INTO municipality_succession (predecessor_id, successor_id, effective_date, kind, successor_is_new, area_share)
      SELECT predecessor_id + k * ${M}, successor_id + k * ${M}, effective_date, kind, successor_is_new, area_share
      FROM municipality_succession, ${copies}`);
    await c.query(`
      INSERT INTO region_membership (region_id, municipality_id)
      SELECT region_id, municipality_id + k * ${M} FROM region_membership, ${copies}`);

    await c.query(`
      INSERT INTO solution (id, slug, name, description, kind, lifecycle, initiative_id, origin_municipality_id,
                            maintainer_organisation_id, licence, repository_url, website, launched_on,
                            development_cost_eur, implementation_cost_eur)
      SELECT s.id + k * ${S}, s.slug || '-v' || k, s.name || ' ' || (k + 1), s.description, s.kind, s.lifecycle,
             s.initiative_id, s.origin_municipality_id, s.maintainer_organisation_id, s.licence, s.repository_url,
             s.website, s.launched_on, s.development_cost_eur, s.implementation_cost_eur
      FROM solution s, ${copies}`);
    await c.query(`
      INSERT INTO solution_standard (solution_id, standard_id, standard_version_id)
      SELECT solution_id + k * ${S}, standard_id, standard_version_id FROM solution_standard, ${copies}`);
    await c.query(`
      INSERT INTO solution_relation (from_solution_id, to_solution_id, kind)
      SELECT from_solution_id + k * ${S}, to_solution_id + k * ${S}, kind FROM solution_relation, ${copies}`);

    const restore = await dropSecondaryIndexes(c, ['adoption_event']);
    // Copy (k, j) of the history; (0, 0) is the original. Event ids keep their order within a copy.
    await c.query(`
      INSERT INTO adoption_event (id, municipality_id, solution_id, status, mode, effective_date, recorded_at,
                                  actor_user_id, actor_organisation_id, provenance, notes, corrects_event_id,
                                  inherited_from_municipality_id, is_demo)
      SELECT x.* FROM generate_series(0, ${FACTOR - 1}) AS k
      CROSS JOIN generate_series(0, ${FACTOR - 1}) AS j
      -- Copy by copy in id order (a single sort over all copies is far slower).
      CROSS JOIN LATERAL (
        SELECT e.id + (k * ${FACTOR} + j) * ${E}, e.municipality_id + k * ${M}, e.solution_id + j * ${S}, e.status, e.mode,
               e.effective_date, e.recorded_at, e.actor_user_id, e.actor_organisation_id, e.provenance, e.notes,
               e.corrects_event_id + (k * ${FACTOR} + j) * ${E}, e.inherited_from_municipality_id + k * ${M}, e.is_demo
        FROM adoption_event e WHERE (e.solution_id * 31 + k * 7 + j * 13) % 8 <> 0 ORDER BY e.id
      ) x
      WHERE k + j > 0`);
    await c.query(`
      INSERT INTO standard_compliance (id, municipality_id, standard_id, status, explanation, deadline, declared_at,
                                       declared_by_user_id, provenance, last_confirmed_at, is_demo)
      SELECT sc.id + k * ${C}, sc.municipality_id + k * ${M}, sc.standard_id, sc.status, sc.explanation, sc.deadline,
             sc.declared_at, sc.declared_by_user_id, sc.provenance, sc.last_confirmed_at, sc.is_demo
      FROM standard_compliance sc, ${copies}`);
    await restore();
    await c.query('ANALYZE adoption_event');
    const restoreAdoption = await dropSecondaryIndexes(c, ['adoption']);
    for (const table of ['municipality', 'solution', 'adoption_event', 'standard_compliance']) {
      await c.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }

    await c.query(`
      WITH pairs AS (SELECT DISTINCT municipality_id, solution_id FROM adoption_event WHERE id > ${E}),
      projected AS (WITH ${projectionQuery('a.inherited')})
      INSERT INTO adoption (${PROJECTION_COLUMNS}, version, updated_at)
      SELECT p.*, 1, p.last_confirmed_at FROM projected p
      ORDER BY p.solution_id, p.municipality_id`);
    await c.query(`SELECT setval(pg_get_serial_sequence('adoption', 'id'), (SELECT max(id) FROM adoption))`);
    await restoreAdoption();
    // The triggers that keep the status, province and region counts did not fire (replica role): recount.
    await c.query(`SELECT atlas_meta.adoption_status_count_rebuild()`);
    await c.query(`SELECT atlas_meta.adoption_province_count_rebuild()`);
    await c.query(`SELECT atlas_meta.adoption_region_count_rebuild()`);

    const {
      rows: [counts],
    } = await c.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM municipality)::int AS municipalities,
             (SELECT count(*) FROM municipality WHERE valid_to IS NULL)::int AS current_municipalities,
             (SELECT count(*) FROM solution)::int AS solutions,
             (SELECT count(*) FROM adoption)::int AS adoptions,
             (SELECT count(*) FROM adoption_event)::int AS events,
             (SELECT count(*) FROM adoption_event e WHERE NOT EXISTS (SELECT 1 FROM municipality m WHERE m.id = e.municipality_id)
                OR NOT EXISTS (SELECT 1 FROM solution s WHERE s.id = e.solution_id))::int AS dangling_events`);
    if (counts!.dangling_events !== 0)
      throw new Error(`10x dataset: ${counts!.dangling_events} events without their municipality or solution`);
    await c.query('COMMIT');
    return counts!;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}

/**
 * Drops the indexes (and unique constraints) of `tables` other than their primary keys, and
 * returns a function that recreates them from their own definitions: building an index once
 * over millions of rows is far cheaper than maintaining it row by row.
 */
async function dropSecondaryIndexes(c: pg.Client, tables: string[]): Promise<() => Promise<void>> {
  const { rows } = await c.query<{ table: string; name: string; constraint_def: string | null; index_def: string }>(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS index_def,
            CASE WHEN con.contype = 'u' THEN pg_get_constraintdef(con.oid) END AS constraint_def
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
     LEFT JOIN pg_constraint con ON con.conindid = i.oid
     WHERE t.relname = ANY($1) AND NOT x.indisprimary AND (con.contype IS NULL OR con.contype = 'u')`,
    [tables],
  );
  for (const r of rows) {
    await c.query(r.constraint_def ? `ALTER TABLE ${r.table} DROP CONSTRAINT ${r.name}` : `DROP INDEX ${r.name}`);
  }
  return async () => {
    for (const r of rows) {
      await c.query(
        r.constraint_def ? `ALTER TABLE ${r.table} ADD CONSTRAINT ${r.name} ${r.constraint_def}` : r.index_def,
      );
    }
  };
}
