import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Pool } from 'pg';
import { buildAggregate, isAggregate, type AggregateExport } from './export.aggregates.js';
import { AGGREGATE_PARAMS, ExportParamError, parseListParams } from './export.params.js';
import { ADOPTIONS_FILTERED, ADOPTIONS_FILTER_KNOWN, LISTS, OPEN_DATA, type ListName } from './export.sql.js';

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

/** `comments` become further `#` lines after the attribution (e.g. the parameters of a figure). */
export function toCsv(rows: Record<string, unknown>[], columns: string[], comments: string[] = []): string {
  const lines = [
    `# ${ATTRIBUTION.text} ${ATTRIBUTION.license}`,
    ...comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`),
    columns.join(','),
  ];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The parameters as a query string, so a CSV says which figure it holds and how to ask for it again. */
const parameterLine = (parameters: Record<string, unknown>) =>
  `parameters: ${Object.entries(parameters)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('&')}`;

const refuse = (reply: FastifyReply, err: ExportParamError, requestId: string) =>
  reply
    .code(400)
    .header('cache-control', 'no-store')
    .send({ code: 'BAD_USER_INPUT', message: err.message, parameter: err.parameter, requestId });

const available = () =>
  [...Object.keys(LISTS), ...Object.keys(AGGREGATE_PARAMS)].map((l) => `${l}.csv, ${l}.json`).join(', ');

/**
 * GET /api/export/<list>.csv and .json for the lists in export.sql.ts (municipalities,
 * solutions, adoptions, initiatives, standards, uptake-municipalities, uptake-provinces);
 * GET /api/export/<figure>.csv and .json?… for the parameterised figures in
 * export.aggregates.ts (uptake, region-comparison, adoption-timeline), which are the answers of
 * the GraphQL fields of the same name; adoptions also takes `municipality` (CBS code) and
 * `solution` (slug) to narrow its rows; GET /api/export/open-data.json for the whole public
 * graph. CSV starts with a `#` attribution comment line (the CSV import skips it). A bad
 * parameter is 400 `{ code: 'BAD_USER_INPUT', message, parameter }`.
 */
export function registerExportRoutes(app: FastifyInstance, pool: Pool): void {
  app.get<{ Params: { file: string }; Querystring: Record<string, string | string[]> }>(
    '/api/export/:file',
    async (req, reply) => {
      const match = /^([a-z-]+)\.(csv|json)$/.exec(req.params.file);
      const name = match?.[1];
      const format = match?.[2];
      const generatedAt = new Date().toISOString();
      if (name === 'open-data' && format === 'json') {
        const { rows } = await pool.query(OPEN_DATA);
        return reply
          .header('cache-control', 'public, max-age=60')
          .type('application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="ggu-atlas-open-data.json"')
          .send({ attribution: ATTRIBUTION, generatedAt, ...rows[0].doc });
      }
      if (name && format && isAggregate(name)) {
        let figure: AggregateExport;
        try {
          figure = await buildAggregate(pool, name, req.query ?? {});
        } catch (err) {
          if (!(err instanceof ExportParamError)) throw err;
          return refuse(reply, err, req.id);
        }
        reply
          .header('cache-control', 'public, max-age=60')
          .header('content-disposition', `attachment; filename="ggu-atlas-${name}-${figure.fileSuffix}.${format}"`);
        if (format === 'json') {
          return reply.type('application/json; charset=utf-8').send({
            attribution: ATTRIBUTION,
            generatedAt,
            parameters: figure.parameters,
            ...figure.meta,
            data: figure.rows,
            ...(figure.totals ? { totals: figure.totals } : {}),
          });
        }
        const rows = figure.totals ? [...figure.rows, figure.totals] : figure.rows;
        return reply
          .type('text/csv; charset=utf-8')
          .send(
            toCsv(rows, figure.columns, [
              parameterLine(figure.parameters),
              ...Object.entries(figure.meta ?? {}).map(([k, v]) => `${k}: ${v}`),
            ]),
          );
      }
      // Object.hasOwn, not `in`: `constructor.csv` must not reach the database.
      if (!name || !format || !Object.hasOwn(LISTS, name)) {
        return reply
          .code(404)
          .send({ code: 'NOT_FOUND', message: `Unknown export; available: ${available()}, open-data.json` });
      }
      let result;
      let fileName: string = name;
      if (name === 'adoptions') {
        // Optional municipality / solution; SQL parameters, and an unknown one is refused by name.
        let filter: { municipality: string | null; solution: string | null };
        try {
          const p = parseListParams('adoptions', req.query ?? {});
          filter = { municipality: p.municipality ?? null, solution: p.solution ?? null };
          const values = [filter.municipality, filter.solution];
          const known = (await pool.query<{ municipality: boolean; solution: boolean }>(ADOPTIONS_FILTER_KNOWN, values))
            .rows[0]!;
          if (!known.municipality)
            throw new ExportParamError('municipality', `unknown municipality code ${filter.municipality}`);
          if (!known.solution) throw new ExportParamError('solution', `unknown solution slug ${filter.solution}`);
        } catch (err) {
          if (!(err instanceof ExportParamError)) throw err;
          return refuse(reply, err, req.id);
        }
        result = await pool.query(ADOPTIONS_FILTERED, [filter.municipality, filter.solution]);
        fileName = [name, filter.municipality, filter.solution].filter(Boolean).join('-');
      } else {
        result = await pool.query(LISTS[name as ListName]);
      }
      reply
        .header('cache-control', 'public, max-age=60')
        .header('content-disposition', `attachment; filename="ggu-atlas-${fileName}.${format}"`);
      if (format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .send({ attribution: ATTRIBUTION, generatedAt, data: result.rows });
      }
      return reply.type('text/csv; charset=utf-8').send(
        toCsv(
          result.rows,
          result.fields.map((f) => f.name),
        ),
      );
    },
  );
}
