import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import type { TimelineRowData } from './uptake.rows.js';

export enum Interval {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(Interval, {
  name: 'Interval',
  description: 'Length of the periods of a timeline: calendar months, quarters or years.',
  valuesConfig: {
    MONTH: { description: 'Calendar months.' },
    QUARTER: { description: 'Calendar quarters (January–March, …).' },
    YEAR: { description: 'Calendar years.' },
  },
});

@ObjectType({ description: 'The statuses of one solution on the last day of one period.' })
export class TimelinePoint {
  @Field(() => DateScalar, { description: 'First day of the period (the timeline’s `from` for the first period).' })
  periodStart: string;

  @Field(() => DateScalar, {
    description: 'Last day of the period (the timeline’s `to` for the last period): the date the counts describe.',
  })
  periodEnd: string;

  @Field(() => Int, { description: 'Municipalities that existed on `periodEnd` (the denominator).' })
  municipalityCount: number;

  @Field(() => Int, { description: 'Of those, how many were CONSIDERING the solution on `periodEnd`.' })
  considering: number;

  @Field(() => Int, { description: 'How many had PLANNED it.' })
  planned: number;

  @Field(() => Int, { description: 'How many were IMPLEMENTING it.' })
  implementing: number;

  @Field(() => Int, { description: 'How many had it LIVE.' })
  live: number;

  @Field(() => Int, { description: 'How many had RETIRED it.' })
  retired: number;

  @Field(() => Float, { description: '`live` / `municipalityCount`, between 0 and 1.' })
  liveShare: number;

  static from(row: TimelineRowData): TimelinePoint {
    return Object.assign(new TimelinePoint(), {
      periodStart: row.period_start,
      periodEnd: row.period_end,
      municipalityCount: row.municipality_count,
      considering: row.considering,
      planned: row.planned,
      implementing: row.implementing,
      live: row.live,
      retired: row.retired,
      liveShare: row.municipality_count > 0 ? row.live / row.municipality_count : 0,
    });
  }
}

@ObjectType({ description: 'How the uptake of one solution developed over time, period by period.' })
export class AdoptionTimeline {
  @Field(() => String, { description: 'Slug of the solution.' })
  solutionSlug: string;

  @Field(() => DateScalar, { description: 'First day covered.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day covered.' })
  to: string;

  @Field(() => Interval, { description: 'Length of the periods.' })
  interval: Interval;

  @Field(() => [TimelinePoint], { description: 'One point per calendar period overlapping from–to, in date order.' })
  points: TimelinePoint[];

  solutionDbId: number;
}
