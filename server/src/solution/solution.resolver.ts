import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { slugArg } from '../adoption/adoption.inputs.js';
import { childPageArgs } from '../adoption/adoption.paging.js';
import { adoptionPageSelectFor } from '../adoption/adoption.rows.js';
import { AdoptionConnection, AdoptionsOfArgs } from '../adoption/adoption.types.js';
import type { Context } from '../context.js';
import { Municipality } from '../geography/geography.types.js';
import { Initiative } from '../initiative/initiative.types.js';
import { Organisation } from '../organisation/organisation.types.js';
import { pageSize, type Page } from '../pagination.js';
import { StandardImplementation } from '../standard/standard.types.js';
import { SolutionService } from './solution.service.js';
import { Solution, SolutionConnection, SolutionFilter } from './solution.types.js';
import type { Adoption } from '../adoption/adoption.types.js';

@ArgsType()
class SolutionsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => SolutionFilter, { nullable: true, description: 'Conditions the solutions must meet.' })
  filter?: SolutionFilter | null;
}

@Resolver(() => Solution)
export class SolutionResolver {
  @Query(() => Solution, { nullable: true, description: 'One solution by slug; null when no solution has that slug.' })
  async solution(
    @Arg('slug', () => String, { description: 'Slug of the solution, e.g. `open-formulieren`.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<Solution | null> {
    const row = await ctx.loaders.solutionBySlug.load(slugArg(slug, 'slug'));
    return row ? Solution.from(row) : null;
  }

  @Query(() => SolutionConnection, {
    description: 'Shared solutions, ordered by name (then slug), as a cursor connection.',
  })
  async solutions(@Args(() => SolutionsArgs) args: SolutionsArgs, @Ctx() ctx: Context) {
    return new SolutionService(ctx.pool).list(args.filter, pageSize(args.first), args.after);
  }

  @FieldResolver(() => Initiative, {
    nullable: true,
    description: 'The initiative that produced the solution; null when none did.',
  })
  async initiative(@Root() s: Solution, @Ctx() ctx: Context): Promise<Initiative | null> {
    if (s.initiativeDbId === null) return null;
    const row = await ctx.loaders.initiativeById.load(s.initiativeDbId);
    return row ? Initiative.from(row) : null;
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description:
      'The municipality that first developed the solution ("developed once"); null when it came from elsewhere.',
  })
  async originMunicipality(@Root() s: Solution, @Ctx() ctx: Context): Promise<Municipality | null> {
    if (s.originMunicipalityDbId === null) return null;
    const row = await ctx.loaders.municipalityById.load(s.originMunicipalityDbId);
    return row ? Municipality.from(row) : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation that maintains the solution; null when unknown.',
  })
  async maintainer(@Root() s: Solution, @Ctx() ctx: Context): Promise<Organisation | null> {
    if (s.maintainerDbId === null) return null;
    const row = await ctx.loaders.organisationById.load(s.maintainerDbId);
    return row ? Organisation.from(row) : null;
  }

  @FieldResolver(() => [StandardImplementation], {
    description: 'The standards the solution implements, with the version where known; ordered by standard name.',
  })
  async standards(@Root() s: Solution, @Ctx() ctx: Context): Promise<StandardImplementation[]> {
    return (await ctx.loaders.implementationsOfSolution.load(s.dbId)).map(StandardImplementation.from);
  }

  @FieldResolver(() => [Solution], { description: 'Solutions this one builds on (uses); ordered by name.' })
  async buildsOn(@Root() s: Solution, @Ctx() ctx: Context): Promise<Solution[]> {
    return (await ctx.loaders.buildsOn.load(s.dbId)).map(Solution.from);
  }

  @FieldResolver(() => [Solution], {
    description: 'Solutions that build on this one: the other end of `buildsOn`; ordered by name.',
  })
  async builtOnBy(@Root() s: Solution, @Ctx() ctx: Context): Promise<Solution[]> {
    return (await ctx.loaders.builtOnBy.load(s.dbId)).map(Solution.from);
  }

  @FieldResolver(() => [Solution], { description: 'Solutions this one is a fork or variant of; ordered by name.' })
  async derivedFrom(@Root() s: Solution, @Ctx() ctx: Context): Promise<Solution[]> {
    return (await ctx.loaders.derivedFrom.load(s.dbId)).map(Solution.from);
  }

  @FieldResolver(() => [Solution], {
    description: 'Forks and variants of this solution: the other end of `derivedFrom`; ordered by name.',
  })
  async derivatives(@Root() s: Solution, @Ctx() ctx: Context): Promise<Solution[]> {
    return (await ctx.loaders.derivatives.load(s.dbId)).map(Solution.from);
  }

  @FieldResolver(() => AdoptionConnection, {
    description: 'The municipalities that adopted (or consider) the solution, ordered by municipality code.',
  })
  async adoptions(
    @Root() s: Solution,
    @Args(() => AdoptionsOfArgs) args: AdoptionsOfArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Adoption>> {
    const { first, after } = childPageArgs(args.first, args.after, ['string']);
    return ctx.loaders.adoptionsOfSolution.load({
      parentId: s.dbId,
      first,
      after,
      filter: { status: args.status ?? null },
      select: adoptionPageSelectFor(info, { municipality: true, fromOwnJoins: true }),
    });
  }
}
