import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AdoptionStatus } from '../adoption/adoption.types.js';
import type { Context } from '../context.js';
import { Municipality } from '../geography/geography.types.js';
import { RegionKind } from '../geography/region.types.js';
import { DateScalar } from '../scalars.js';
import { Solution } from '../solution/solution.types.js';
import { RegionComparison, RegionComparisonCell, RegionComparisonRow } from './comparison.types.js';
import { asOfOrToday, resolveSolutions, statusesOrDefault } from './selection.js';
import { UptakeService } from './uptake.service.js';
import { UptakeGrouping, UptakeResult, UptakeRow } from './uptake.types.js';

/** At most this many solutions side by side in a region comparison. */
const MAX_COMPARED = 20;

const ASOF = {
  nullable: true,
  description: 'The date the figures describe (default: today in the Netherlands).',
} as const;
const STATUSES = {
  nullable: true,
  description: 'Statuses that count as adopting (default `[LIVE]`); e.g. `[IMPLEMENTING, LIVE]`.',
} as const;

@Resolver()
export class UptakeResolver {
  @Query(() => UptakeResult, {
    description:
      'Uptake of shared solutions per group (municipality, province, size class or region kind) as of a date, counted over the municipalities that existed then: 380 on 2018-01-01, 342 on 2025-01-01. A merged municipality counts once, as its successor from the merger date on (which inherited its status).',
  })
  async uptake(
    @Arg('groupBy', () => UptakeGrouping, { description: 'How to group the municipalities.' }) groupBy: UptakeGrouping,
    @Arg('asOf', () => DateScalar, ASOF) asOf: string | null,
    @Arg('solutionSlugs', () => [String], {
      nullable: true,
      description:
        'The solutions to count, by slug (default: all). An empty list or an unknown slug is BAD_USER_INPUT.',
    })
    solutionSlugs: string[] | null,
    @Arg('statuses', () => [AdoptionStatus], STATUSES) statuses: AdoptionStatus[] | null,
    @Ctx() ctx: Context,
  ): Promise<UptakeResult> {
    const date = asOfOrToday(asOf);
    const wanted = statusesOrDefault(statuses);
    const selection = await resolveSolutions(ctx.lookups, solutionSlugs, 'solutionSlugs');
    const result = await new UptakeService(ctx.pool, ctx.lookups).uptake(groupBy, date, selection, wanted);
    return Object.assign(new UptakeResult(), {
      asOf: date,
      groupBy,
      statuses: wanted,
      solutionSlugs: selection.slugs,
      selectedSolutionCount: result.selectedSolutionCount,
      rows: result.rows.map((r) => UptakeRow.from(r, groupBy, result.selectedSolutionCount)),
      totals: UptakeRow.from(result.totals, groupBy, result.selectedSolutionCount),
    });
  }

  @Query(() => RegionComparison, {
    description:
      'The region × solution matrix: for every region of a kind, how many of its municipalities hold each of 1–20 solutions as of a date. Kind PROVINCE uses the provinces; other kinds map municipalities that ended to their successor’s regions.',
  })
  async regionComparison(
    @Arg('kind', () => RegionKind, { description: 'The kind of region to compare.' }) kind: RegionKind,
    @Arg('solutionSlugs', () => [String], {
      description: '1 to 20 solutions by slug; an unknown slug is BAD_USER_INPUT.',
    })
    solutionSlugs: string[],
    @Arg('asOf', () => DateScalar, ASOF) asOf: string | null,
    @Arg('statuses', () => [AdoptionStatus], STATUSES) statuses: AdoptionStatus[] | null,
    @Ctx() ctx: Context,
  ): Promise<RegionComparison> {
    const date = asOfOrToday(asOf);
    const wanted = statusesOrDefault(statuses);
    const selection = await resolveSolutions(ctx.lookups, solutionSlugs, 'solutionSlugs', {
      min: 1,
      max: MAX_COMPARED,
    });
    const rows = await new UptakeService(ctx.pool, ctx.lookups).comparison(kind, date, selection.ids!, wanted);
    return Object.assign(new RegionComparison(), {
      kind,
      asOf: date,
      statuses: wanted,
      solutionSlugs: selection.slugs!,
      rows: rows.map(RegionComparisonRow.from),
    });
  }
}

@Resolver(() => UptakeRow)
export class UptakeRowResolver {
  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'For grouping MUNICIPALITY: the municipality; otherwise null.',
  })
  async municipality(@Root() row: UptakeRow, @Ctx() ctx: Context): Promise<Municipality | null> {
    if (row.municipalityDbId === null) return null;
    const m = await ctx.loaders.municipalityById.load(row.municipalityDbId);
    return m ? Municipality.from(m) : null;
  }
}

@Resolver(() => RegionComparisonCell)
export class RegionComparisonCellResolver {
  @FieldResolver(() => Solution, { description: 'The solution of this cell.' })
  async solution(@Root() cell: RegionComparisonCell, @Ctx() ctx: Context): Promise<Solution> {
    return Solution.from((await ctx.loaders.solutionById.load(cell.solutionDbId))!);
  }
}
