import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import type { ReuseRowData } from './profile.rows.js';

@ObjectType({ description: 'How many regions have at least one LIVE adopter of a solution.' })
export class RegionCoverage {
  @Field(() => Int, { description: 'Distinct provinces with at least one LIVE adopter.' })
  provinces: number;

  @Field(() => Int, {
    description:
      'Distinct COROP areas with at least one LIVE adopter (a municipality that ended counts in its successor’s COROP area).',
  })
  corop: number;
}

@ObjectType({ description: 'How far a solution is reused ("developed once, used by many") as of a date.' })
export class SolutionReuse {
  @Field(() => DateScalar, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => Int, { description: 'Municipalities that existed on `asOf` and had the solution LIVE then.' })
  liveAdopters: number;

  @Field(() => RegionCoverage, { description: 'Provinces and COROP areas with at least one LIVE adopter.' })
  regionsCovered: RegionCoverage;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Effective date of the first LIVE event of any municipality, up to `asOf` (inherited events excluded); null when never LIVE.',
  })
  firstAdoption: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Effective date of the most recent LIVE event, up to `asOf` (inherited events excluded); null when never LIVE.',
  })
  latestAdoption: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Estimated saving of reuse in euros: n·dev − (dev + n·impl) = (n − 1)·dev − n·impl, with n = `liveAdopters`, dev = `developmentCostEur` and impl = `implementationCostEur` (0 when unknown) — what n municipalities building it each would spend, minus building it once and implementing it n times. Negative while reuse has not yet earned back the development. Null when the development cost is unknown.',
  })
  estimatedSaving: number | null;

  static from(row: ReuseRowData, asOf: string): SolutionReuse {
    return Object.assign(new SolutionReuse(), {
      asOf,
      liveAdopters: row.live_adopters,
      regionsCovered: Object.assign(new RegionCoverage(), {
        provinces: row.provinces_covered,
        corop: row.corop_regions_covered,
      }),
      firstAdoption: row.first_adoption,
      latestAdoption: row.latest_adoption,
      estimatedSaving: row.estimated_saving,
    });
  }
}
