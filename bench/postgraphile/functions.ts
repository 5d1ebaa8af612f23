import pg from 'pg';

/**
 * The `bench_pg` schema: SQL functions for the aggregates PostGraphile cannot derive from tables
 * (the idiomatic PostGraphile way: STABLE functions become query fields; `SETOF` ones become
 * connections). They compute exactly what the reads ask for, with our definitions (a
 * municipality counts on D when it existed on D; its status on D is that of its latest event by
 * then), in plain set-based SQL: what a PostGraphile user would write, not a copy of our services'
 * SQL. The status on D takes the same shortcut as ours (server/src/uptake/uptake.sql.ts): the
 * `adoption` projection where its latest event took effect by D, the event log for the other
 * pairs, so every server answers with equally good SQL. The hand-written SQL baseline (bench/sql-server.ts) calls the same
 * functions and builds the JSON in PostgreSQL.
 *
 * Installed afresh at every bench start (cheap), so it follows edits without rebuilding data.
 */
/** Rows of `municipality` that existed on `as_of` (validity bounds inclusive, NULL open). */
const valid = (columns: string) =>
  `SELECT ${columns} FROM municipality m WHERE (m.valid_from IS NULL OR m.valid_from <= as_of) AND (m.valid_to IS NULL OR m.valid_to >= as_of)`;

/** Status on `as_of` per pair reached through `joins` (on `a`, the adoption projection). */
const latest = (joins: string) => `
    SELECT a.municipality_id, a.solution_id, a.status FROM adoption a ${joins} WHERE a.status_since <= as_of
    UNION ALL
    (SELECT DISTINCT ON (e.municipality_id, e.solution_id) e.municipality_id, e.solution_id, e.status
     FROM adoption a ${joins}
     JOIN adoption_event e ON e.municipality_id = a.municipality_id AND e.solution_id = a.solution_id
     WHERE a.status_since > as_of AND e.effective_date <= as_of
     ORDER BY e.municipality_id, e.solution_id, e.effective_date DESC, e.id DESC)`;

const FUNCTIONS = `
DROP SCHEMA IF EXISTS bench_pg CASCADE;
CREATE SCHEMA bench_pg;

CREATE TYPE bench_pg.municipality_uptake AS (
  municipality_code text, municipality_name text, adopted_solution_count int, share float8,
  declared_compliance_count int, compliance_share float8
);

-- (a) Uptake of all solutions per municipality on as_of, with the share of COMPLIANT declarations.
CREATE FUNCTION bench_pg.uptake_by_municipality(as_of date, statuses text[])
RETURNS SETOF bench_pg.municipality_uptake LANGUAGE sql STABLE AS $$
  WITH valid AS (${valid('m.id, m.code, m.name')}),
  latest AS (${latest('JOIN valid v ON v.id = a.municipality_id')}
  ),
  held AS (SELECT municipality_id, count(*)::int AS n FROM latest WHERE status = ANY(statuses) GROUP BY 1),
  declared AS (
    SELECT municipality_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'COMPLIANT')::int AS compliant
    FROM standard_compliance GROUP BY 1
  )
  SELECT v.code, v.name, coalesce(h.n, 0), coalesce(h.n, 0)::float8 / nullif((SELECT count(*) FROM solution), 0),
         coalesce(d.n, 0), d.compliant::float8 / nullif(d.n, 0)
  FROM valid v
  LEFT JOIN held h ON h.municipality_id = v.id
  LEFT JOIN declared d ON d.municipality_id = v.id
  ORDER BY v.code
$$;

CREATE TYPE bench_pg.comparison_cell AS (
  province_code text, province_name text, municipality_count int, solution_slug text, solution_name text,
  adopting_count int, share float8
);

-- (c) Province × solution: municipalities per province holding each solution on as_of.
CREATE FUNCTION bench_pg.province_comparison(solution_slugs text[], as_of date, statuses text[])
RETURNS SETOF bench_pg.comparison_cell LANGUAGE sql STABLE AS $$
  WITH valid AS (${valid('m.id, m.province_id')}),
  sel AS (
    SELECT s.id, s.slug, s.name, o.ord FROM unnest(solution_slugs) WITH ORDINALITY AS o(slug, ord)
    JOIN solution s ON s.slug = o.slug
  ),
  latest AS (${latest('JOIN valid v ON v.id = a.municipality_id JOIN sel ON sel.id = a.solution_id')}
  ),
  denominators AS (SELECT province_id, count(*)::int AS n FROM valid GROUP BY 1),
  counts AS (
    SELECT v.province_id, l.solution_id, count(*)::int AS n
    FROM latest l JOIN valid v ON v.id = l.municipality_id
    WHERE l.status = ANY(statuses) GROUP BY 1, 2
  )
  SELECT p.code, p.name, d.n, sel.slug, sel.name, coalesce(c.n, 0), coalesce(c.n, 0)::float8 / d.n
  FROM denominators d JOIN province p ON p.id = d.province_id
  CROSS JOIN sel
  LEFT JOIN counts c ON c.province_id = d.province_id AND c.solution_id = sel.id
  ORDER BY p.code, sel.ord
$$;

-- (d) Adoptions of the members of a region in one of the statuses, by municipality code, then solution slug.
CREATE FUNCTION bench_pg.adoptions_in_region(region_kind text, region_code text, statuses text[])
RETURNS SETOF adoption LANGUAGE sql STABLE AS $$
  SELECT a.* FROM adoption a
  JOIN municipality m ON m.id = a.municipality_id
  JOIN solution s ON s.id = a.solution_id
  WHERE a.status = ANY(statuses)
    AND a.municipality_id IN (SELECT rm.municipality_id FROM region_membership rm JOIN region r ON r.id = rm.region_id
                              WHERE r.kind = region_kind AND upper(r.code) = upper(region_code))
  ORDER BY m.code, s.slug
$$;

CREATE TYPE bench_pg.compliance_entry AS (
  standard_slug text, standard_name text, declared_status text, derived_status text, derived_solution_count int
);

-- (e) Per standard the municipality declared something about or implements through a LIVE solution.
CREATE FUNCTION bench_pg.municipality_compliance(code text, as_of date)
RETURNS SETOF bench_pg.compliance_entry LANGUAGE sql STABLE AS $$
  WITH m AS (SELECT id FROM municipality WHERE municipality.code = municipality_compliance.code),
  latest AS (${latest('JOIN m ON m.id = a.municipality_id')}
  ),
  derived AS (
    SELECT ss.standard_id, count(*)::int AS n
    FROM latest l JOIN solution_standard ss ON ss.solution_id = l.solution_id
    WHERE l.status = 'LIVE' GROUP BY 1
  ),
  declared AS (SELECT sc.* FROM standard_compliance sc JOIN m ON m.id = sc.municipality_id)
  SELECT st.slug, st.name, d.status, CASE WHEN x.n > 0 THEN 'COMPLIANT' END, coalesce(x.n, 0)
  FROM declared d
  FULL JOIN derived x ON x.standard_id = d.standard_id
  JOIN standard st ON st.id = coalesce(d.standard_id, x.standard_id)
  ORDER BY st.name, st.slug
$$;

CREATE TYPE bench_pg.peer_summary AS (
  live_solution_count int, province_code text, province_peer_count int, province_average float8,
  province_median float8, size_class text, size_peer_count int, size_average float8, size_median float8
);

-- (e) LIVE solutions of a municipality against its province and size-class peers on as_of.
CREATE FUNCTION bench_pg.municipality_peers(code text, as_of date)
RETURNS bench_pg.peer_summary LANGUAGE sql STABLE AS $$
  WITH valid AS (${valid('m.id, m.code, m.province_id, municipality_size_class(m.population) AS size_class')}),
  latest AS (${latest('JOIN valid v ON v.id = a.municipality_id')}
  ),
  counts AS (
    SELECT v.id, v.code, v.province_id, v.size_class, count(l.status) FILTER (WHERE l.status = 'LIVE')::int AS live
    FROM valid v LEFT JOIN latest l ON l.municipality_id = v.id GROUP BY 1, 2, 3, 4
  ),
  t AS (SELECT * FROM counts WHERE counts.code = municipality_peers.code)
  SELECT t.live, p.code,
         count(c.id) FILTER (WHERE c.province_id = t.province_id)::int,
         (avg(c.live) FILTER (WHERE c.province_id = t.province_id))::float8,
         (percentile_cont(0.5) WITHIN GROUP (ORDER BY c.live) FILTER (WHERE c.province_id = t.province_id))::float8,
         t.size_class,
         count(c.id) FILTER (WHERE c.size_class = t.size_class)::int,
         (avg(c.live) FILTER (WHERE c.size_class = t.size_class))::float8,
         (percentile_cont(0.5) WITHIN GROUP (ORDER BY c.live) FILTER (WHERE c.size_class = t.size_class))::float8
  FROM t JOIN province p ON p.id = t.province_id
  LEFT JOIN counts c ON c.id <> t.id AND (c.province_id = t.province_id OR c.size_class = t.size_class)
  GROUP BY t.live, p.code, t.size_class
$$;
`;

export async function installPostGraphileFunctions(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(FUNCTIONS);
  } finally {
    await c.end();
  }
}
