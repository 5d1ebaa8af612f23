import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { LISTS, OPEN_DATA, type ListName } from './export.sql.js';

/** Required by CC BY 4.0 for the CBS / PDOK reference data; on every export. */
export const ATTRIBUTION = {
  text: 'Gemeenten, provincies en gebiedsindelingen: CBS / PDOK (CC BY 4.0). Gegevens over gebruik: GGU Atlas.',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  sources: ['https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/geografische-data', 'https://www.pdok.nl'],
};

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // Quote when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const lines = [`# ${ATTRIBUTION.text} ${ATTRIBUTION.license}`, columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * GET /api/export/<list>.csv and .json for municipalities, solutions, adoptions,
 * uptake-municipalities and uptake-provinces; GET /api/export/open-data.json for the whole
 * public graph. CSV starts with a `#` attribution comment line (the CSV import skips it).
 */
export function registerExportRoutes(app: FastifyInstance, pool: Pool): void {
  app.get<{ Params: { file: string } }>('/api/export/:file', async (req, reply) => {
    const match = /^([a-z-]+)\.(csv|json)$/.exec(req.params.file);
    const name = match?.[1];
    const format = match?.[2];
    reply.header('cache-control', 'public, max-age=60');
    if (name === 'open-data' && format === 'json') {
      const { rows } = await pool.query(OPEN_DATA);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="ggu-atlas-open-data.json"')
        .send({ attribution: ATTRIBUTION, generatedAt: new Date().toISOString(), ...rows[0].doc });
    }
    if (!name || !format || !(name in LISTS)) {
      return reply.code(404).send({
        code: 'NOT_FOUND',
        message: `Unknown export; available: ${Object.keys(LISTS)
          .map((l) => `${l}.csv, ${l}.json`)
          .join(', ')}, open-data.json`,
      });
    }
    const result = await pool.query(LISTS[name as ListName]);
    const filename = `ggu-atlas-${name}.${format}`;
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    if (format === 'json') {
      return reply
        .type('application/json; charset=utf-8')
        .send({ attribution: ATTRIBUTION, generatedAt: new Date().toISOString(), data: result.rows });
    }
    return reply.type('text/csv; charset=utf-8').send(
      toCsv(
        result.rows,
        result.fields.map((f) => f.name),
      ),
    );
  });
}
