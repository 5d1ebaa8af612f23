import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { DateScalar } from '../scalars.js';
import { Solution } from '../solution/solution.types.js';
import { TimelineService } from './timeline.service.js';
import { AdoptionTimeline, Interval, TimelinePoint } from './timeline.types.js';

@Resolver(() => AdoptionTimeline)
export class TimelineResolver {
  @Query(() => AdoptionTimeline, {
    description:
      'Status counts of one solution at the end of every month, quarter or year between two dates, over the municipalities that existed then. At most 400 periods; `from` after `to` is BAD_USER_INPUT.',
  })
  async adoptionTimeline(
    @Arg('solutionSlug', () => String, { description: 'The solution, by slug; an unknown slug is BAD_USER_INPUT.' })
    solutionSlug: string,
    @Arg('from', () => DateScalar, { description: 'First day covered.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day covered (on or after `from`).' }) to: string,
    @Arg('interval', () => Interval, { description: 'Length of the periods.' }) interval: Interval,
    @Ctx() ctx: Context,
  ): Promise<AdoptionTimeline> {
    const { solutionId, rows } = await new TimelineService(ctx.pool).timeline(solutionSlug, from, to, interval);
    return Object.assign(new AdoptionTimeline(), {
      solutionSlug: solutionSlug.trim().toLowerCase(),
      from,
      to,
      interval,
      points: rows.map(TimelinePoint.from),
      solutionDbId: solutionId,
    });
  }

  @FieldResolver(() => Solution, { description: 'The solution.' })
  async solution(@Root() t: AdoptionTimeline, @Ctx() ctx: Context): Promise<Solution> {
    return Solution.from((await ctx.loaders.solutionById.load(t.solutionDbId))!);
  }
}
