import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';

const LEVELS: Record<string, string> = {
  gemeente: 'MUNICIPALITY',
  provincie: 'PROVINCE',
  veiligheidsregio: 'SAFETY_REGION',
  ggdregio: 'GGD_REGION',
  arbeidsmarktregio: 'LABOUR_MARKET_REGION',
};

/**
 * Generalised CBS/PDOK boundaries (TopoJSON) for the map:
 * `GET /boundaries` lists them, `GET /boundaries/gemeente/2018.topojson` returns one.
 * Answers carry an ETag (the SHA-256 of the file) so browsers revalidate cheaply.
 */
export function registerBoundaryRoutes(app: FastifyInstance, pool: Pool): void {
  app.get('/boundaries', async (_req, reply) => {
    const { rows } = await pool.query<{ level: string; year: number; sha256: string }>(
      `SELECT level, year, sha256 FROM boundary_set ORDER BY level, year`,
    );
    const names = Object.fromEntries(Object.entries(LEVELS).map(([k, v]) => [v, k]));
    reply.header('cache-control', 'public, max-age=300');
    return {
      attribution: 'Bron: CBS / PDOK (CBS Gebiedsindelingen), vereenvoudigd door cartomap/nl; © Kadaster / CBS',
      boundaries: rows.map((r) => ({
        level: names[r.level],
        year: r.year,
        url: `/boundaries/${names[r.level]}/${r.year}.topojson`,
        etag: r.sha256,
      })),
    };
  });

  app.get<{ Params: { level: string; file: string } }>('/boundaries/:level/:file', async (req, reply) => {
    const level = LEVELS[req.params.level];
    const year = /^(\d{4})\.topojson$/.exec(req.params.file)?.[1];
    if (!level || !year) {
      return reply.code(404).send({ error: 'NOT_FOUND', message: 'Unknown boundary set; see GET /boundaries' });
    }
    const etagOf = (sha: string) => `"${sha}"`;
    const head = await pool.query<{ sha256: string }>(
      `SELECT sha256 FROM boundary_set WHERE level = $1 AND year = $2`,
      [level, Number(year)],
    );
    const sha = head.rows[0]?.sha256;
    if (!sha)
      return reply.code(404).send({ error: 'NOT_FOUND', message: `No ${req.params.level} boundaries for ${year}` });
    reply.header('etag', etagOf(sha)).header('cache-control', 'public, max-age=86400, stale-while-revalidate=604800');
    if (req.headers['if-none-match'] === etagOf(sha)) return reply.code(304).send();
    const { rows } = await pool.query<{ topojson: string }>(
      `SELECT topojson FROM boundary_set WHERE level = $1 AND year = $2`,
      [level, Number(year)],
    );
    return reply.type('application/json; charset=utf-8').send(rows[0]!.topojson);
  });
}
