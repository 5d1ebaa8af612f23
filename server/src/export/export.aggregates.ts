import type { Pool } from 'pg';
import { ErrorCode, AppError } from '../errors.js';
import { RegionComparisonRow } from '../uptake/comparison.types.js';
import { asOfOrToday, resolveSolutions, statusesOrDefault } from '../uptake/selection.js';
import { TimelineService } from '../uptake/timeline.service.js';
import { TimelinePoint } from '../uptake/timeline.types.js';
import { UptakeService } from '../uptake/uptake.service.js';
import { UptakeRow } from '../uptake/uptake.types.js';
import { ExportParamError, parseAggregateParams, type AggregateName } from './export.params.js';

/** At most this many solutions side by side, as in the GraphQL `regionComparison`. */
const MAX_COMPARED = 20;

/** One aggregate export: the figures of one GraphQL field, as flat rows. */
export interface AggregateExport {
  /** The arguments as resolved (defaults filled in), under the names of the query parameters. */
  parameters: Record<string, unknown>;
  /** Used in the download's file name. */
  fileSuffix: string;
  columns: string[];
  rows: Record<string, unknown>[];
  /** Uptake only: the national totals (also the last CSV row, group_key ALL). */
  totals?: Record<string, unknown>;
  /** Further figures about the answer as a whole (top-level JSON fields, `#` lines in CSV). */
  meta?: Record<string, string | number>;
}

/** GraphQL argument names the services report, as the query parameter that carries them. */
const PARAMETER_OF_FIELD: Record<string, string> = {
  solutionSlugs: 'solutions',
  solutionSlug: 'solution',
  statuses: 'status',
};

const UPTAKE_COLUMNS = [
  'group_key',
  'group_name',
  'municipality_code',
  'municipality_count',
  'adopting_count',
  'share',
  'adoption_count',
  'solution_count',
  'adopted_solution_count',
  'declared_compliance_count',
  'compliance_share',
];

const uptakeRow = (r: UptakeRow) => ({
  group_key: r.groupKey,
  group_name: r.groupName,
  municipality_code: r.municipalityCode,
  municipality_count: r.municipalityCount,
  adopting_count: r.adoptingCount,
  share: r.share,
  adoption_count: r.adoptionCount,
  solution_count: r.solutionCount,
  adopted_solution_count: r.adoptedSolutionCount,
  declared_compliance_count: r.declaredComplianceCount,
  compliance_share: r.complianceShare,
});

const slugPart = (s: string) => s.toLowerCase().replace(/_/g, '-');

/**
 * The aggregate exports. Each goes through the same services and row types as its GraphQL
 * field (`uptake`, `regionComparison`, `adoptionTimeline`), so the figures are the same.
 */
const BUILDERS: {
  [N in AggregateName]: (pool: Pool, query: Record<string, string | string[]>) => Promise<AggregateExport>;
} = {
  async uptake(pool, query) {
    const p = parseAggregateParams('uptake', query);
    const asOf = asOfOrToday(p.asOf);
    const statuses = statusesOrDefault(p.status);
    const selection = await resolveSolutions(pool, p.solutions, 'solutions');
    const result = await new UptakeService(pool).uptake(p.groupBy, asOf, selection, statuses);
    const n = result.selectedSolutionCount;
    const totals = uptakeRow(UptakeRow.from(result.totals, p.groupBy, n));
    return {
      parameters: { groupBy: p.groupBy, asOf, solutions: selection.slugs, status: statuses },
      meta: { selectedSolutionCount: n },
      fileSuffix: `${slugPart(p.groupBy)}-${asOf}`,
      columns: UPTAKE_COLUMNS,
      rows: result.rows.map((r) => uptakeRow(UptakeRow.from(r, p.groupBy, n))),
      totals,
    };
  },

  async 'region-comparison'(pool, query) {
    const p = parseAggregateParams('region-comparison', query);
    const asOf = asOfOrToday(p.asOf);
    const statuses = statusesOrDefault(p.status);
    const selection = await resolveSolutions(pool, p.solutions, 'solutions', { min: 1, max: MAX_COMPARED });
    const rows = (await new UptakeService(pool).comparison(p.kind, asOf, selection.ids!, statuses)).map(
      RegionComparisonRow.from,
    );
    return {
      parameters: { kind: p.kind, asOf, solutions: selection.slugs, status: statuses },
      fileSuffix: `${slugPart(p.kind)}-${asOf}`,
      columns: ['code', 'name', 'municipality_count', 'solution', 'solution_name', 'adopting_count', 'share'],
      rows: rows.flatMap((row) =>
        row.cells.map((cell) => ({
          code: row.code,
          name: row.name,
          municipality_count: row.municipalityCount,
          solution: cell.solutionSlug,
          solution_name: cell.solutionName,
          adopting_count: cell.adoptingCount,
          share: cell.share,
        })),
      ),
    };
  },

  async 'adoption-timeline'(pool, query) {
    const p = parseAggregateParams('adoption-timeline', query);
    const { rows } = await new TimelineService(pool).timeline(p.solution, p.from, p.to, p.interval);
    const solution = p.solution.trim().toLowerCase();
    return {
      parameters: { solution, from: p.from, to: p.to, interval: p.interval },
      fileSuffix: `${solution}-${slugPart(p.interval)}-${p.from}-${p.to}`,
      columns: [
        'solution',
        'period_start',
        'period_end',
        'municipality_count',
        'considering',
        'planned',
        'implementing',
        'live',
        'retired',
        'live_share',
      ],
      rows: rows.map(TimelinePoint.from).map((t) => ({
        solution,
        period_start: t.periodStart,
        period_end: t.periodEnd,
        municipality_count: t.municipalityCount,
        considering: t.considering,
        planned: t.planned,
        implementing: t.implementing,
        live: t.live,
        retired: t.retired,
        live_share: t.liveShare,
      })),
    };
  },
};

export const isAggregate = (name: string): name is AggregateName => Object.hasOwn(BUILDERS, name);

/**
 * Builds one aggregate export. The services' BAD_USER_INPUT errors come back as an
 * ExportParamError naming the query parameter; anything else is left to the HTTP error handler.
 */
export async function buildAggregate(
  pool: Pool,
  name: AggregateName,
  query: Record<string, string | string[]>,
): Promise<AggregateExport> {
  try {
    return await BUILDERS[name](pool, query);
  } catch (err) {
    if (err instanceof AppError && err.extensions.code === ErrorCode.BAD_USER_INPUT) {
      const field = typeof err.extensions.field === 'string' ? err.extensions.field : name;
      throw new ExportParamError(PARAMETER_OF_FIELD[field] ?? field, err.message);
    }
    throw err;
  }
}
