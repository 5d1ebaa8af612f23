import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Municipality } from '../geography/geography.types.js';
import { Organisation } from '../organisation/organisation.types.js';
import { pageSize } from '../pagination.js';
import { Solution } from '../solution/solution.types.js';
import { adoptionPageSelectFor } from './adoption.rows.js';
import { AdoptionService } from './adoption.service.js';
import { Adoption, AdoptionConnection, AdoptionEvent, AdoptionFilter } from './adoption.types.js';

@ArgsType()
class AdoptionsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => AdoptionFilter, { nullable: true, description: 'Conditions the adoptions must meet.' })
  filter?: AdoptionFilter | null;
}

async function municipality(ctx: Context, id: number | null): Promise<Municipality | null> {
  if (id === null) return null;
  const row = await ctx.loaders.municipalityById.load(id);
  return row ? Municipality.from(row) : null;
}

@Resolver(() => Adoption)
export class AdoptionResolver {
  @Query(() => Adoption, {
    nullable: true,
    description:
      'One municipality’s adoption of one solution; null when either is unknown or the municipality has no record for it.',
  })
  async adoption(
    @Arg('municipalityCode', () => String, { description: 'CBS code of the municipality, e.g. `GM0363`.' })
    municipalityCode: string,
    @Arg('solutionSlug', () => String, { description: 'Slug of the solution.' }) solutionSlug: string,
    @Ctx() ctx: Context,
  ): Promise<Adoption | null> {
    const row = await new AdoptionService(ctx.pool).byNaturalKey(municipalityCode, solutionSlug);
    return row ? Adoption.from(row) : null;
  }

  @Query(() => AdoptionConnection, {
    description:
      'Adoptions (current state per municipality and solution), ordered by municipality code, then solution slug. With `changedSince`, what changed since a previous sync.',
  })
  async adoptions(
    @Args(() => AdoptionsArgs) args: AdoptionsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AdoptionService(ctx.pool, ctx.lookups).list(args.filter, pageSize(args.first), args.after, (join) =>
      adoptionPageSelectFor(info, join),
    );
  }

  @FieldResolver(() => Municipality, { description: 'The adopting municipality.' })
  municipality(@Root() a: Adoption, @Ctx() ctx: Context): Municipality | Promise<Municipality> {
    // Synchronous when the page joined the row: no promise per adopter.
    if (a.municipalityRow) return Municipality.from(a.municipalityRow);
    return municipality(ctx, a.municipalityDbId) as Promise<Municipality>;
  }

  @FieldResolver(() => Solution, { description: 'The adopted solution.' })
  solution(@Root() a: Adoption, @Ctx() ctx: Context): Solution | Promise<Solution> {
    if (a.solutionRow) return Solution.from(a.solutionRow);
    return ctx.loaders.solutionById.load(a.solutionDbId).then((row) => Solution.from(row!));
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description:
      'The predecessor municipality the current status was inherited from after a merger or split; null otherwise.',
  })
  async inheritedFrom(@Root() a: Adoption, @Ctx() ctx: Context): Promise<Municipality | null> {
    return municipality(ctx, a.inheritedFromDbId);
  }

  @FieldResolver(() => [AdoptionEvent], {
    description: 'The full history, oldest first (by effective date, then recording order).',
  })
  async events(@Root() a: Adoption, @Ctx() ctx: Context): Promise<AdoptionEvent[]> {
    return (await ctx.loaders.eventsOfAdoption.load(`${a.municipalityDbId}:${a.solutionDbId}`)).map(AdoptionEvent.from);
  }
}

@Resolver(() => AdoptionEvent)
export class AdoptionEventResolver {
  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'For an INHERITED event, the predecessor municipality whose status was taken over; null otherwise.',
  })
  async inheritedFrom(@Root() e: AdoptionEvent, @Ctx() ctx: Context): Promise<Municipality | null> {
    return municipality(ctx, e.inheritedFromDbId);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description:
      'The organisation that recorded the change on the municipality’s behalf (a supplier or cooperation); null otherwise. The person who recorded it is never published.',
  })
  async actorOrganisation(@Root() e: AdoptionEvent, @Ctx() ctx: Context): Promise<Organisation | null> {
    if (e.actorOrganisationDbId === null) return null;
    const row = await ctx.loaders.organisationById.load(e.actorOrganisationDbId);
    return row ? Organisation.from(row) : null;
  }
}
