import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { slugArg } from '../adoption/adoption.inputs.js';
import { childPageArgs } from '../adoption/adoption.paging.js';
import type { Context } from '../context.js';
import { Municipality } from '../geography/geography.types.js';
import { Organisation } from '../organisation/organisation.types.js';
import { pageSize, type Page } from '../pagination.js';
import { StandardService } from './standard.service.js';
import {
  ComplianceStatus,
  Standard,
  StandardCompliance,
  StandardComplianceConnection,
  StandardConnection,
  StandardFilter,
  StandardImplementation,
  StandardVersion,
} from './standard.types.js';

@ArgsType()
class StandardsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => StandardFilter, { nullable: true, description: 'Conditions the standards must meet.' })
  filter?: StandardFilter | null;
}

@ArgsType()
class ComplianceArgs {
  @Field(() => [ComplianceStatus], { nullable: true, description: 'Only declarations with one of these statuses.' })
  status?: ComplianceStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the declarations after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;
}

@Resolver(() => Standard)
export class StandardResolver {
  @Query(() => Standard, { nullable: true, description: 'One standard by slug; null when no standard has that slug.' })
  async standard(
    @Arg('slug', () => String, { description: 'Slug of the standard, e.g. `zgw-apis`.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<Standard | null> {
    const row = await ctx.loaders.standardBySlug.load(slugArg(slug, 'slug'));
    return row ? Standard.from(row) : null;
  }

  @Query(() => StandardConnection, { description: 'Standards, ordered by name (then slug), as a cursor connection.' })
  async standards(@Args(() => StandardsArgs) args: StandardsArgs, @Ctx() ctx: Context) {
    return new StandardService(ctx.pool).list(args.filter, pageSize(args.first), args.after);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation that owns (maintains) the standard; null when unknown.',
  })
  async owner(@Root() s: Standard, @Ctx() ctx: Context): Promise<Organisation | null> {
    if (s.ownerDbId === null) return null;
    const row = await ctx.loaders.organisationById.load(s.ownerDbId);
    return row ? Organisation.from(row) : null;
  }

  @FieldResolver(() => [StandardVersion], { description: 'Versions of the standard, newest release first.' })
  async versions(@Root() s: Standard, @Ctx() ctx: Context): Promise<StandardVersion[]> {
    return (await ctx.loaders.versionsOfStandard.load(s.dbId)).map(StandardVersion.from);
  }

  @FieldResolver(() => [StandardImplementation], {
    description:
      'The solutions that implement the standard, with the version they implement; ordered by solution name.',
  })
  async implementations(@Root() s: Standard, @Ctx() ctx: Context): Promise<StandardImplementation[]> {
    return (await ctx.loaders.implementationsOfStandard.load(s.dbId)).map(StandardImplementation.from);
  }

  @FieldResolver(() => StandardComplianceConnection, {
    description: 'What municipalities declared about this standard, ordered by municipality code.',
  })
  async compliance(
    @Root() s: Standard,
    @Args(() => ComplianceArgs) args: ComplianceArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<StandardCompliance>> {
    const { first, after } = childPageArgs(args.first, args.after, ['string']);
    return ctx.loaders.complianceOfStandard.load({
      parentId: s.dbId,
      first,
      after,
      filter: { status: args.status ?? null },
    });
  }
}

@Resolver(() => StandardVersion)
export class StandardVersionResolver {
  @FieldResolver(() => Standard, { description: 'The standard this is a version of.' })
  async standard(@Root() v: StandardVersion, @Ctx() ctx: Context): Promise<Standard> {
    return Standard.from((await ctx.loaders.standardById.load(v.standardDbId))!);
  }
}

@Resolver(() => StandardCompliance)
export class StandardComplianceResolver {
  @FieldResolver(() => Municipality, { description: 'The declaring municipality.' })
  async municipality(@Root() c: StandardCompliance, @Ctx() ctx: Context): Promise<Municipality> {
    return Municipality.from((await ctx.loaders.municipalityById.load(c.municipalityDbId))!);
  }

  @FieldResolver(() => Standard, { description: 'The standard the declaration is about.' })
  async standard(@Root() c: StandardCompliance, @Ctx() ctx: Context): Promise<Standard> {
    return Standard.from((await ctx.loaders.standardById.load(c.standardDbId))!);
  }
}
