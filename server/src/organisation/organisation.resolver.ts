import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { slugArg } from '../adoption/adoption.inputs.js';
import type { Context } from '../context.js';
import { Municipality } from '../geography/geography.types.js';
import { Region } from '../geography/region.types.js';
import { pageSize } from '../pagination.js';
import { Solution } from '../solution/solution.types.js';
import { Standard } from '../standard/standard.types.js';
import { OrganisationService } from './organisation.service.js';
import { Organisation, OrganisationConnection, OrganisationFilter } from './organisation.types.js';

@ArgsType()
class OrganisationsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => OrganisationFilter, { nullable: true, description: 'Conditions the organisations must meet.' })
  filter?: OrganisationFilter | null;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, {
    nullable: true,
    description: 'One organisation by slug; null when no organisation has that slug.',
  })
  async organisation(
    @Arg('slug', () => String, { description: 'Slug of the organisation, e.g. `vng-realisatie`.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<Organisation | null> {
    const row = await new OrganisationService(ctx.pool).bySlug(slugArg(slug, 'slug'));
    return row ? Organisation.from(row) : null;
  }

  @Query(() => OrganisationConnection, {
    description: 'Organisations, ordered by name (then slug), as a cursor connection.',
  })
  async organisations(@Args(() => OrganisationsArgs) args: OrganisationsArgs, @Ctx() ctx: Context) {
    return new OrganisationService(ctx.pool).list(args.filter, pageSize(args.first), args.after);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The region a cooperation organisation covers; null otherwise.',
  })
  async region(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Region | null> {
    if (o.regionDbId === null) return null;
    const row = await ctx.loaders.regionById.load(o.regionDbId);
    return row ? Region.from(row) : null;
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'The municipality the organisation belongs to (e.g. its own IT service); null otherwise.',
  })
  async municipality(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Municipality | null> {
    if (o.municipalityDbId === null) return null;
    const row = await ctx.loaders.municipalityById.load(o.municipalityDbId);
    return row ? Municipality.from(row) : null;
  }

  @FieldResolver(() => [Solution], { description: 'Solutions the organisation maintains, ordered by name.' })
  async maintainedSolutions(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Solution[]> {
    return (await ctx.loaders.solutionsMaintainedBy.load(o.dbId)).map(Solution.from);
  }

  @FieldResolver(() => [Standard], { description: 'Standards the organisation owns, ordered by name.' })
  async ownedStandards(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Standard[]> {
    return (await ctx.loaders.standardsOwnedBy.load(o.dbId)).map(Standard.from);
  }
}
