import { createServer } from 'node:http';
import pg from 'pg';

/**
 * The hand-written baseline: node:http and pg, one SQL statement per endpoint that builds the
 * whole JSON answer in PostgreSQL (aggregates through the same bench_pg functions PostGraphile
 * uses), so Node only copies text. No validation, limits or logging: the floor to compare with.
 * Env: DATABASE_URL, PORT, DB_POOL_MAX.
 */
pg.types.setTypeParser(114, (v) => v); // json stays text
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });

type Endpoint = { sql: string; params: (q: URLSearchParams) => unknown[] };

const list = (v: string | null) => (v ? v.split(',') : []);

/** Keyset cursor of (d): base64url JSON [municipality code, solution slug]. */
const decode = (c: string | null): [string, string] | [null, null] =>
  c ? (JSON.parse(Buffer.from(c, 'base64url').toString()) as [string, string]) : [null, null];

const ENDPOINTS: Record<string, Endpoint> = {
  '/a': {
    sql: `SELECT json_build_object('data', json_build_object('uptake', json_build_object('rows', coalesce(json_agg(
            json_build_object('groupKey', u.municipality_code, 'groupName', u.municipality_name,
              'adoptedSolutionCount', u.adopted_solution_count, 'share', u.share,
              'declaredComplianceCount', u.declared_compliance_count, 'complianceShare', u.compliance_share)), '[]'))))
          FROM bench_pg.uptake_by_municipality($1::date, '{LIVE}') u`,
    params: (q) => [q.get('asOf')],
  },
  '/b': {
    sql: `WITH s AS (SELECT id, slug, name FROM solution WHERE slug = $1),
          live AS (SELECT a.status, a.live_since, m.code, m.name, p.code AS pcode, p.name AS pname
                   FROM adoption a JOIN s ON s.id = a.solution_id
                   JOIN municipality m ON m.id = a.municipality_id JOIN province p ON p.id = m.province_id
                   WHERE a.status = 'LIVE')
          SELECT json_build_object('data', json_build_object('solution', (SELECT json_build_object(
            'id', s.slug, 'slug', s.slug, 'name', s.name, 'adoptions', json_build_object(
              'totalCount', (SELECT count(*) FROM live),
              'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('status', l.status,
                  'liveSince', l.live_since, 'municipality', json_build_object('id', l.code, 'code', l.code, 'name', l.name,
                  'province', json_build_object('id', l.pcode, 'code', l.pcode, 'name', l.pname)))) ORDER BY l.code)
                FROM (SELECT * FROM live ORDER BY code LIMIT 100) l), '[]')))
            FROM s)))`,
    params: (q) => [q.get('slug')],
  },
  '/c': {
    sql: `WITH cells AS (SELECT * FROM bench_pg.province_comparison($1::text[], $2::date, '{LIVE}')),
          rows AS (SELECT province_code, province_name, municipality_count,
                          json_agg(json_build_object('solutionSlug', solution_slug, 'solutionName', solution_name,
                                   'adoptingCount', adopting_count, 'share', share)) AS cells
                   FROM cells GROUP BY 1, 2, 3)
          SELECT json_build_object('data', json_build_object('regionComparison', json_build_object('rows',
            coalesce(json_agg(json_build_object('code', province_code, 'name', province_name,
              'municipalityCount', municipality_count, 'cells', cells) ORDER BY province_code), '[]'))))
          FROM rows`,
    params: (q) => [list(q.get('slugs')), q.get('asOf')],
  },
  '/d': {
    sql: `WITH f AS (SELECT a.status, a.status_since, a.mode, m.code, m.name, s.slug, s.name AS sname
                     FROM adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id
                     WHERE a.status = 'LIVE' AND a.municipality_id IN (
                       SELECT rm.municipality_id FROM region_membership rm JOIN region r ON r.id = rm.region_id
                       WHERE r.kind = 'PROVINCE' AND upper(r.code) = upper($1))),
          page AS (SELECT * FROM f WHERE $2::text IS NULL OR (code, slug) > ($2, $3) ORDER BY code, slug LIMIT 51),
          shown AS (SELECT * FROM page ORDER BY code, slug LIMIT 50),
          last AS (SELECT code, slug FROM shown ORDER BY code DESC, slug DESC LIMIT 1)
          SELECT json_build_object('data', json_build_object('adoptions', json_build_object(
            'totalCount', (SELECT count(*) FROM f),
            'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > 50,
              'endCursor', (SELECT translate(encode(convert_to(json_build_array(code, slug)::text, 'UTF8'), 'base64'), '+/=', '-_') FROM last)),
            'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', code || ':' || slug,
                'status', status, 'statusSince', status_since, 'mode', mode,
                'municipality', json_build_object('id', code, 'code', code, 'name', name),
                'solution', json_build_object('id', slug, 'slug', slug, 'name', sname))) ORDER BY code, slug) FROM shown), '[]'))))`,
    params: (q) => [q.get('code'), ...decode(q.get('after'))],
  },
  '/e': {
    sql: `WITH m AS (SELECT m.id, m.code, m.name, p.code AS pcode, p.name AS pname
                     FROM municipality m JOIN province p ON p.id = m.province_id WHERE m.code = $1),
          ad AS (SELECT a.status, a.status_since, s.slug, s.name FROM adoption a JOIN m ON m.id = a.municipality_id
                 JOIN solution s ON s.id = a.solution_id),
          peers AS (SELECT * FROM bench_pg.municipality_peers($1, $2::date))
          SELECT json_build_object('data', json_build_object('municipality', (SELECT json_build_object(
            'id', m.code, 'code', m.code, 'name', m.name, 'province', json_build_object('id', m.pcode, 'code', m.pcode, 'name', m.pname),
            'adoptions', json_build_object('totalCount', (SELECT count(*) FROM ad),
              'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', m.code || ':' || x.slug,
                  'status', x.status, 'statusSince', x.status_since, 'solution', json_build_object('id', x.slug, 'slug', x.slug, 'name', x.name)))
                  ORDER BY x.slug) FROM (SELECT * FROM ad ORDER BY slug LIMIT 100) x), '[]')),
            'compliance', coalesce((SELECT json_agg(json_build_object('standard', json_build_object('id', c.standard_slug,
                'slug', c.standard_slug, 'name', c.standard_name), 'declaredStatus', c.declared_status,
                'derivedStatus', c.derived_status, 'derivedSolutionCount', c.derived_solution_count))
              FROM bench_pg.municipality_compliance($1, $2::date) c), '[]'),
            'peerComparison', (SELECT json_build_object('liveSolutionCount', live_solution_count,
              'province', json_build_object('key', province_code, 'peerCount', province_peer_count,
                'averageLiveSolutionCount', province_average, 'medianLiveSolutionCount', province_median),
              'sizeClass', json_build_object('key', size_class, 'peerCount', size_peer_count,
                'averageLiveSolutionCount', size_average, 'medianLiveSolutionCount', size_median)) FROM peers))
            FROM m)))`,
    params: (q) => [q.get('code'), q.get('asOf')],
  },
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const endpoint = ENDPOINTS[url.pathname];
  if (!endpoint) {
    res.writeHead(404).end();
    return;
  }
  pool.query<[string]>({ text: endpoint.sql, values: endpoint.params(url.searchParams), rowMode: 'array' }).then(
    (r) => {
      const body = r.rows[0]![0];
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    },
    (err: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message);
    },
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('sql ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
