import type { Pool } from 'pg';
import { badInput } from '../errors.js';
import { resolveSolutions } from './selection.js';
import type { TimelineRowData } from './uptake.rows.js';
import { existedOn } from './uptake.sql.js';

export type IntervalKind = 'MONTH' | 'QUARTER' | 'YEAR';

/** The most periods one timeline may have (400 months is 33 years). */
export const MAX_PERIODS = 400;

const UNIT: Record<IntervalKind, { trunc: string; step: string; months: number }> = {
  MONTH: { trunc: 'month', step: '1 month', months: 1 },
  QUARTER: { trunc: 'quarter', step: '3 months', months: 3 },
  YEAR: { trunc: 'year', step: '1 year', months: 12 },
};

/** Number of calendar periods of `interval` that overlap [from, to]. */
export function periodCount(from: string, to: string, interval: IntervalKind): number {
  const index = (d: string) =>
    Math.floor((Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1) / UNIT[interval].months);
  return index(to) - index(from) + 1;
}

/**
 * Per calendar period overlapping [from, to]: the statuses of one solution on the period's last
 * day (capped at `to`), over the municipalities that existed on that day. Each event holds from
 * its effective date until the next event of the same municipality (by date, then id), so one
 * window pass over the solution's events answers every period.
 */
const TIMELINE_SQL = `
  WITH periods AS (
    SELECT greatest(gs::date, $2::date) AS period_start,
           least((gs + $4::interval - interval '1 day')::date, $3::date) AS period_end
    FROM generate_series(date_trunc($5, $2::date::timestamp), date_trunc($5, $3::date::timestamp), $4::interval) AS gs
  ),
  ev AS (
    SELECT e.municipality_id, e.status, e.effective_date AS since,
           lead(e.effective_date) OVER (PARTITION BY e.municipality_id ORDER BY e.effective_date, e.id) AS until
    FROM adoption_event e
    WHERE e.solution_id = $1 AND e.effective_date <= $3::date
  )
  SELECT p.period_start, p.period_end, count(*)::int AS municipality_count,
         count(*) FILTER (WHERE ev.status = 'CONSIDERING')::int AS considering,
         count(*) FILTER (WHERE ev.status = 'PLANNED')::int AS planned,
         count(*) FILTER (WHERE ev.status = 'IMPLEMENTING')::int AS implementing,
         count(*) FILTER (WHERE ev.status = 'LIVE')::int AS live,
         count(*) FILTER (WHERE ev.status = 'RETIRED')::int AS retired
  FROM periods p
  JOIN municipality m ON ${existedOn('m', 'p.period_end')}
  LEFT JOIN ev ON ev.municipality_id = m.id AND ev.since <= p.period_end AND (ev.until IS NULL OR ev.until > p.period_end)
  GROUP BY p.period_start, p.period_end
  ORDER BY p.period_end`;

export class TimelineService {
  constructor(private readonly pool: Pool) {}

  /** Checks the range first, then the slug; unknown slugs are BAD_USER_INPUT. */
  async timeline(
    slug: string,
    from: string,
    to: string,
    interval: IntervalKind,
  ): Promise<{ solutionId: number; rows: TimelineRowData[] }> {
    if (from > to) throw badInput(`from (${from}) must not lie after to (${to})`, 'from');
    const periods = periodCount(from, to, interval);
    if (periods > MAX_PERIODS) {
      throw badInput(
        `from–to spans ${periods} periods of a ${interval.toLowerCase()}; at most ${MAX_PERIODS} are allowed`,
        'to',
      );
    }
    const { ids } = await resolveSolutions(this.pool, [slug], 'solutionSlug');
    const solutionId = ids![0]!;
    const unit = UNIT[interval];
    const { rows } = await this.pool.query<TimelineRowData>(TIMELINE_SQL, [
      solutionId,
      from,
      to,
      unit.step,
      unit.trunc,
    ]);
    return { solutionId, rows };
  }
}
