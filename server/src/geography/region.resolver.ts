import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { pageSize } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import { Municipality } from './geography.types.js';
import { RegionService } from './region.service.js';
import { Region, RegionConnection, RegionFilter, RegionKind } from './region.types.js';

@ArgsType()
class RegionsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => RegionFilter, { nullable: true, description: 'Conditions the regions must meet.' })
  filter?: RegionFilter | null;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, {
    nullable: true,
    description:
      'One region by kind and code (e.g. `SAFETY_REGION`, `"VR13"`); null when no region of that kind has that code.',
  })
  async region(
    @Arg('kind', () => RegionKind, { description: 'Kind of the region.' }) kind: RegionKind,
    @Arg('code', () => String, {
      description: 'Code of the region within its kind, e.g. `VR13`, `PV27`, `G40` (case-insensitive).',
    })
    code: string,
    @Ctx() ctx: Context,
  ): Promise<Region | null> {
    const row = await new RegionService(ctx.pool).byKindCode(kind, code);
    return row ? Region.from(row) : null;
  }

  @Query(() => RegionConnection, {
    description: 'Regions of every kind, ordered by kind, then code, as a cursor connection.',
  })
  async regions(@Args(() => RegionsArgs) args: RegionsArgs, @Ctx() ctx: Context) {
    return new RegionService(ctx.pool).list(args.filter, pageSize(args.first), args.after);
  }

  @FieldResolver(() => [Municipality], { description: 'Member municipalities, ordered by CBS code.' })
  async members(
    @Root() r: Region,
    @Arg('validOn', () => DateScalar, {
      nullable: true,
      description:
        'Only members that existed on this date; without it, every member ever recorded (including merged ones).',
    })
    validOn: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Municipality[]> {
    return (await ctx.loaders.membersOfRegion.load({ regionId: r.dbId, validOn: validOn ?? null })).map(
      Municipality.from,
    );
  }
}
