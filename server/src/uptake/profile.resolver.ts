import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Municipality } from '../geography/geography.types.js';
import { selectionTree } from '../lookahead.js';
import { DateScalar } from '../scalars.js';
import { Solution } from '../solution/solution.types.js';
import { ComplianceEntry, PeerComparison, PeerSolution, UptakeSummary } from './profile.types.js';
import { asOfOrToday } from './selection.js';

const ASOF = {
  nullable: true,
  description: 'The date the figures describe (default: today in the Netherlands).',
} as const;

/** The municipality profile: compliance, peer comparison, uptake summary. All batched per request. */
@Resolver(() => Municipality)
export class MunicipalityProfileResolver {
  @FieldResolver(() => [ComplianceEntry], {
    description:
      'Per standard the municipality declared something about or implements through a LIVE solution: declared and derived status side by side, ordered by standard name. Current state.',
  })
  async compliance(@Root() m: Municipality, @Ctx() ctx: Context): Promise<ComplianceEntry[]> {
    return (await ctx.loaders.complianceProfileOf.load(m.dbId)).map(ComplianceEntry.from);
  }

  @FieldResolver(() => PeerComparison, {
    nullable: true,
    description:
      '"Gluren bij de buren": LIVE solutions against the province and size-class peers that existed on `asOf`; null when the municipality did not exist then.',
  })
  async peerComparison(
    @Root() m: Municipality,
    @Arg('asOf', () => DateScalar, ASOF) asOf: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PeerComparison | null> {
    const date = asOfOrToday(asOf);
    // Without the per-solution lines in the selection, a lighter statement runs.
    const withLines = selectionTree(info)?.has('solutions') ?? true;
    const loader = withLines ? ctx.loaders.peerComparison : ctx.loaders.peerComparisonStats;
    const row = await loader.load({ id: m.dbId, asOf: date });
    return row ? PeerComparison.from(row, date) : null;
  }

  @FieldResolver(() => UptakeSummary, {
    description: 'How many solutions the municipality has in each status on `asOf`.',
  })
  async uptakeSummary(
    @Root() m: Municipality,
    @Arg('asOf', () => DateScalar, ASOF) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<UptakeSummary> {
    const date = asOfOrToday(asOf);
    return UptakeSummary.from((await ctx.loaders.uptakeSummary.load({ id: m.dbId, asOf: date }))!, date);
  }
}

@Resolver(() => ComplianceEntry)
export class ComplianceEntryResolver {
  @FieldResolver(() => [Solution], {
    description: 'The LIVE solutions of the municipality that implement the standard (the derivation).',
  })
  async derivedFrom(@Root() e: ComplianceEntry, @Ctx() ctx: Context): Promise<Solution[]> {
    const rows = await ctx.loaders.solutionById.loadMany(e.derivedSolutionDbIds);
    return rows.map((r) => {
      if (r instanceof Error || r === null) throw r ?? new Error('solution vanished');
      return Solution.from(r);
    });
  }
}

@Resolver(() => PeerSolution)
export class PeerSolutionResolver {
  @FieldResolver(() => Solution, { description: 'The solution.' })
  async solution(@Root() s: PeerSolution, @Ctx() ctx: Context): Promise<Solution> {
    return Solution.from((await ctx.loaders.solutionById.load(s.solutionDbId))!);
  }
}
