import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { pageSize } from '../pagination.js';
import {
  Municipality,
  MunicipalityConnection,
  MunicipalityFilter,
  Province,
  Succession,
  SuccessionKind,
} from './geography.types.js';
import { MunicipalityService } from './municipality.service.js';
import type { SuccessionRow } from './geography.loaders.js';
import { Region, RegionKind } from './region.types.js';
import { childPageArgs } from '../adoption/adoption.paging.js';
import { adoptionPageSelectFor } from '../adoption/adoption.rows.js';
import { AdoptionConnection, AdoptionsOfArgs, type Adoption } from '../adoption/adoption.types.js';
import { InitiativeParticipant } from '../initiative/initiative.types.js';
import { Solution } from '../solution/solution.types.js';
import { StandardCompliance } from '../standard/standard.types.js';
import type { Page } from '../pagination.js';

@ArgsType()
class MunicipalitiesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => MunicipalityFilter, { nullable: true, description: 'Conditions the municipalities must meet.' })
  filter?: MunicipalityFilter | null;
}

const toSuccession = (row: SuccessionRow): Succession =>
  Object.assign(new Succession(), {
    municipality: Municipality.from(row),
    effectiveDate: row.effective_date,
    kind: row.kind as SuccessionKind,
  });

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => Municipality, {
    nullable: true,
    description:
      'One municipality by CBS code (e.g. `"GM0363"`), current or historical; null when no municipality has that code.',
  })
  async municipality(
    @Arg('code', () => String, { description: 'CBS code with prefix, e.g. `GM0363`.' }) code: string,
    @Ctx() ctx: Context,
  ): Promise<Municipality | null> {
    // On the lookups pool: its generic plan is the index lookup, and a custom one was planned per request.
    const row = await new MunicipalityService(ctx.lookups).byCode(code);
    return row ? Municipality.from(row) : null;
  }

  @Query(() => MunicipalityConnection, {
    description:
      'Municipalities, ordered by CBS code, as a cursor connection. Filter with `validOn` for the set of a given date.',
  })
  async municipalities(@Args(() => MunicipalitiesArgs) args: MunicipalitiesArgs, @Ctx() ctx: Context) {
    return new MunicipalityService(ctx.pool).list(args.filter, pageSize(args.first), args.after);
  }

  @Query(() => [Province], { description: 'The twelve provinces, ordered by code.' })
  async provinces(@Ctx() ctx: Context): Promise<Province[]> {
    return (await new MunicipalityService(ctx.pool).provinces()).map(Province.from);
  }

  @FieldResolver(() => Province, { description: 'The province the municipality lies (or lay) in.' })
  province(@Root() m: Municipality, @Ctx() ctx: Context): Province | Promise<Province> {
    if (m.provinceRow) return Province.from(m.provinceRow);
    return ctx.loaders.provinceById.load(m.provinceDbId).then((row) => Province.from(row!));
  }

  @FieldResolver(() => [Municipality], {
    description: 'Municipalities this one continues (merged into it); empty when it has none since 2017.',
  })
  async predecessors(@Root() m: Municipality, @Ctx() ctx: Context): Promise<Municipality[]> {
    return (await ctx.loaders.predecessorsOf.load(m.dbId)).map(Municipality.from);
  }

  @FieldResolver(() => [Municipality], {
    description: 'Municipalities that continued this one after it ended; several after a split (Haaren 2021).',
  })
  async successors(@Root() m: Municipality, @Ctx() ctx: Context): Promise<Municipality[]> {
    return (await ctx.loaders.successorsOf.load(m.dbId)).map(Municipality.from);
  }

  @FieldResolver(() => [Succession], { description: 'Predecessors with the date and kind of each reorganisation.' })
  async predecessorLinks(@Root() m: Municipality, @Ctx() ctx: Context): Promise<Succession[]> {
    return (await ctx.loaders.predecessorsOf.load(m.dbId)).map(toSuccession);
  }

  @FieldResolver(() => [Succession], { description: 'Successors with the date and kind of each reorganisation.' })
  async successorLinks(@Root() m: Municipality, @Ctx() ctx: Context): Promise<Succession[]> {
    return (await ctx.loaders.successorsOf.load(m.dbId)).map(toSuccession);
  }
  @FieldResolver(() => AdoptionConnection, {
    description: 'The solutions this municipality adopted (or considers), ordered by solution slug.',
  })
  async adoptions(
    @Root() m: Municipality,
    @Args(() => AdoptionsOfArgs) args: AdoptionsOfArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Adoption>> {
    const { first, after } = childPageArgs(args.first, args.after, ['string']);
    return ctx.loaders.adoptionsOfMunicipality.load({
      parentId: m.dbId,
      first,
      after,
      filter: { status: args.status ?? null },
      select: adoptionPageSelectFor(info, { solution: true, fromOwnJoins: true }),
    });
  }

  @FieldResolver(() => [Region], {
    description: 'The regions the municipality is a member of, ordered by kind, then code.',
  })
  async regions(
    @Root() m: Municipality,
    @Arg('kind', () => RegionKind, { nullable: true, description: 'Only regions of this kind (e.g. `SAFETY_REGION`).' })
    kind: RegionKind | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Region[]> {
    const rows = await ctx.loaders.regionsOfMunicipality.load(m.dbId);
    return rows.filter((r) => !kind || r.kind === kind).map(Region.from);
  }

  @FieldResolver(() => [InitiativeParticipant], {
    description: 'The initiatives the municipality takes part in, with its role; newest submission first.',
  })
  async initiatives(@Root() m: Municipality, @Ctx() ctx: Context): Promise<InitiativeParticipant[]> {
    return (await ctx.loaders.participationsOfMunicipality.load(m.dbId)).map(InitiativeParticipant.from);
  }

  @FieldResolver(() => [StandardCompliance], {
    description:
      'What the municipality declared about standards (at most one declaration per standard), ordered by standard slug.',
  })
  async standardCompliance(@Root() m: Municipality, @Ctx() ctx: Context): Promise<StandardCompliance[]> {
    return (await ctx.loaders.complianceOfMunicipality.load(m.dbId)).map(StandardCompliance.from);
  }

  @FieldResolver(() => [Solution], {
    description: 'Solutions this municipality originally developed for reuse ("developed once"), ordered by name.',
  })
  async originatedSolutions(@Root() m: Municipality, @Ctx() ctx: Context): Promise<Solution[]> {
    return (await ctx.loaders.solutionsOriginatedBy.load(m.dbId)).map(Solution.from);
  }
}
