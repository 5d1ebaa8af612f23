import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { slugArg } from '../adoption/adoption.inputs.js';
import type { Context } from '../context.js';
import { Municipality } from '../geography/geography.types.js';
import { Organisation } from '../organisation/organisation.types.js';
import { pageSize } from '../pagination.js';
import { Solution } from '../solution/solution.types.js';
import { InitiativeService } from './initiative.service.js';
import {
  AnnualPlan,
  Decision,
  FundingLine,
  Initiative,
  InitiativeConnection,
  InitiativeFilter,
  InitiativeParticipant,
} from './initiative.types.js';

@ArgsType()
class InitiativesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => InitiativeFilter, { nullable: true, description: 'Conditions the initiatives must meet.' })
  filter?: InitiativeFilter | null;
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => Initiative, {
    nullable: true,
    description: 'One initiative by slug; null when no initiative has that slug.',
  })
  async initiative(
    @Arg('slug', () => String, { description: 'Slug of the initiative.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<Initiative | null> {
    const row = await new InitiativeService(ctx.pool).bySlug(slugArg(slug, 'slug'));
    return row ? Initiative.from(row) : null;
  }

  @Query(() => InitiativeConnection, {
    description: 'Initiatives, newest submission first (then slug), as a cursor connection.',
  })
  async initiatives(@Args(() => InitiativesArgs) args: InitiativesArgs, @Ctx() ctx: Context) {
    return new InitiativeService(ctx.pool).list(args.filter, pageSize(args.first), args.after);
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description:
      'The municipality that submitted the initiative; null when an organisation did (see `submittedByOrganisation`).',
  })
  async submittedByMunicipality(@Root() i: Initiative, @Ctx() ctx: Context): Promise<Municipality | null> {
    if (i.submittedByMunicipalityDbId === null) return null;
    const row = await ctx.loaders.municipalityById.load(i.submittedByMunicipalityDbId);
    return row ? Municipality.from(row) : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description:
      'The organisation that submitted the initiative; null when a municipality did alone. At least one submitter is set.',
  })
  async submittedByOrganisation(@Root() i: Initiative, @Ctx() ctx: Context): Promise<Organisation | null> {
    if (i.submittedByOrganisationDbId === null) return null;
    const row = await ctx.loaders.organisationById.load(i.submittedByOrganisationDbId);
    return row ? Organisation.from(row) : null;
  }

  @FieldResolver(() => [InitiativeParticipant], {
    description: 'Participating municipalities: pioneers first, then by CBS code.',
  })
  async participants(@Root() i: Initiative, @Ctx() ctx: Context): Promise<InitiativeParticipant[]> {
    return (await ctx.loaders.participantsOfInitiative.load(i.dbId)).map(InitiativeParticipant.from);
  }

  @FieldResolver(() => [FundingLine], { description: 'Funding per year and source, ordered by year.' })
  async fundingLines(@Root() i: Initiative, @Ctx() ctx: Context): Promise<FundingLine[]> {
    return (await ctx.loaders.fundingLinesOfInitiative.load(i.dbId)).map(FundingLine.from);
  }

  @FieldResolver(() => [Decision], {
    description: 'Every decision on the initiative, oldest first: its path through the stages.',
  })
  async decisions(@Root() i: Initiative, @Ctx() ctx: Context): Promise<Decision[]> {
    return (await ctx.loaders.decisionsOfInitiative.load(i.dbId)).map(Decision.from);
  }

  @FieldResolver(() => [Solution], { description: 'Solutions the initiative produced, ordered by name.' })
  async solutions(@Root() i: Initiative, @Ctx() ctx: Context): Promise<Solution[]> {
    return (await ctx.loaders.solutionsOfInitiative.load(i.dbId)).map(Solution.from);
  }
}

async function annualPlan(ctx: Context, id: number | null): Promise<AnnualPlan | null> {
  if (id === null) return null;
  const row = await ctx.loaders.annualPlanById.load(id);
  return row ? AnnualPlan.from(row) : null;
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => AnnualPlan, {
    nullable: true,
    description: 'The annual plan the decision placed the initiative in; null for most decisions.',
  })
  async annualPlan(@Root() d: Decision, @Ctx() ctx: Context): Promise<AnnualPlan | null> {
    return annualPlan(ctx, d.annualPlanDbId);
  }

  @FieldResolver(() => Initiative, { description: 'The initiative decided on.' })
  async initiative(@Root() d: Decision, @Ctx() ctx: Context): Promise<Initiative> {
    return Initiative.from((await ctx.loaders.initiativeById.load(d.initiativeDbId))!);
  }
}

@Resolver(() => FundingLine)
export class FundingLineResolver {
  @FieldResolver(() => AnnualPlan, {
    nullable: true,
    description: 'The annual plan the money is budgeted in; null when outside one.',
  })
  async annualPlan(@Root() f: FundingLine, @Ctx() ctx: Context): Promise<AnnualPlan | null> {
    return annualPlan(ctx, f.annualPlanDbId);
  }
}

@Resolver(() => InitiativeParticipant)
export class InitiativeParticipantResolver {
  @FieldResolver(() => Municipality, { description: 'The participating municipality.' })
  async municipality(@Root() p: InitiativeParticipant, @Ctx() ctx: Context): Promise<Municipality> {
    return Municipality.from((await ctx.loaders.municipalityById.load(p.municipalityDbId))!);
  }

  @FieldResolver(() => Initiative, { description: 'The initiative taken part in.' })
  async initiative(@Root() p: InitiativeParticipant, @Ctx() ctx: Context): Promise<Initiative> {
    return Initiative.from((await ctx.loaders.initiativeById.load(p.initiativeDbId))!);
  }
}
