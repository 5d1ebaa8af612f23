import { IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, Float, InputType, Int, Mutation, Resolver, registerEnumType } from 'type-graphql';
import { reviveAs, runWrite } from '../audit/write.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { DateScalar } from '../scalars.js';
import { sent } from '../standard/standard.mutations.js';
import { Solution, SolutionKind, SolutionLifecycle } from './solution.types.js';
import {
  addSolutionRelation,
  createSolution,
  removeSolutionRelation,
  setSolutionStandards,
  updateSolution,
} from './solution.write.js';

export enum SolutionRelationKind {
  BUILDS_ON = 'BUILDS_ON',
  DERIVED_FROM = 'DERIVED_FROM',
}
registerEnumType(SolutionRelationKind, {
  name: 'SolutionRelationKind',
  description: 'How one solution relates to another.',
  valuesConfig: {
    BUILDS_ON: { description: '`from` uses `to`.' },
    DERIVED_FROM: { description: '`from` is a fork or variant of `to`.' },
  },
});

@InputType({ description: 'The fields of a solution; on update, omitted fields stay as they are.' })
export class SolutionFieldsInput {
  @Field(() => String, { nullable: true, description: 'Display name (required on create).' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does and for whom (required on create).' })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => SolutionKind, { nullable: true, description: 'Kind (required on create).' })
  @IsOptional()
  kind?: SolutionKind | null;

  @Field(() => SolutionLifecycle, { nullable: true, description: 'Lifecycle stage (required on create).' })
  @IsOptional()
  lifecycle?: SolutionLifecycle | null;

  @Field(() => String, { nullable: true, description: 'Slug of the initiative that produced it.' })
  @IsOptional()
  initiativeSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'CBS code of the municipality that developed it first.' })
  @IsOptional()
  originMunicipalityCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the maintaining organisation; a SUPPLIER can only name its own.',
  })
  @IsOptional()
  maintainerOrganisationSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Licence (SPDX identifier where one applies).' })
  @IsOptional()
  @MaxLength(100)
  licence?: string | null;

  @Field(() => String, { nullable: true, description: 'Source repository URL.' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  repositoryUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Public web page.' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  website?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date it first became available.' })
  @IsOptional()
  launchedOn?: string | null;

  @Field(() => Float, { nullable: true, description: 'One-off development cost in euros.' })
  @IsOptional()
  developmentCostEur?: number | null;

  @Field(() => Float, { nullable: true, description: 'Typical cost of one implementation in euros.' })
  @IsOptional()
  implementationCostEur?: number | null;
}

@InputType({ description: 'A standard a solution implements, optionally a version of it.' })
export class SolutionStandardInput {
  @Field(() => String, { description: 'Slug of the standard.' })
  standardSlug: string;

  @Field(() => String, { nullable: true, description: 'Version label, e.g. `1.5.0`; omit when not specific.' })
  @IsOptional()
  versionLabel?: string | null;
}

@Resolver()
export class SolutionMutations {
  @Mutation(() => Solution, {
    description: 'Adds a solution (administrators, or a SUPPLIER naming its own organisation as maintainer).',
  })
  async createSolution(
    @Arg('slug', () => String, { description: 'URL-safe unique name.' }) slug: string,
    @Arg('input', () => SolutionFieldsInput, { description: 'The solution’s fields.' }) input: SolutionFieldsInput,
    @Ctx() ctx: Context,
  ): Promise<Solution> {
    return runWrite(
      ctx,
      { operation: 'createSolution', input: { slug, input }, revive: reviveAs(Solution) },
      async (tx) => Solution.from(await createSolution(tx, slug, sent(input))),
    );
  }

  @Mutation(() => Solution, {
    description: 'Changes a solution (administrators, or a SUPPLIER of its maintainer); omitted fields stay.',
  })
  async updateSolution(
    @Arg('slug', () => String, { description: 'Slug of the solution.' }) slug: string,
    @Arg('input', () => SolutionFieldsInput, { description: 'The fields to change.' }) input: SolutionFieldsInput,
    @Arg('expectedVersion', () => Int, { description: 'The solution’s `version` you last read.' })
    expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Solution> {
    return runWrite(
      ctx,
      { operation: 'updateSolution', input: { slug, input, expectedVersion }, revive: reviveAs(Solution) },
      async (tx) => Solution.from(await updateSolution(tx, slug, sent(input), expectedVersion)),
    );
  }

  @Mutation(() => Solution, {
    description: 'Replaces the standards a solution implements (bumps the solution’s version).',
  })
  async setSolutionStandards(
    @Arg('slug', () => String, { description: 'Slug of the solution.' }) slug: string,
    @Arg('standards', () => [SolutionStandardInput], { description: 'The complete new list (empty: none).' })
    standards: SolutionStandardInput[],
    @Arg('expectedVersion', () => Int, { description: 'The solution’s `version` you last read.' })
    expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Solution> {
    if (standards.length > 200) throw badInput('At most 200 standards', 'standards');
    return runWrite(
      ctx,
      { operation: 'setSolutionStandards', input: { slug, standards, expectedVersion }, revive: reviveAs(Solution) },
      async (tx) => Solution.from(await setSolutionStandards(tx, slug, standards, expectedVersion)),
    );
  }

  @Mutation(() => Solution, {
    description: 'Adds a BUILDS_ON or DERIVED_FROM relation from one solution to another; returns `from`.',
  })
  async addSolutionRelation(
    @Arg('fromSlug', () => String, { description: 'The solution that builds on / derives from the other.' })
    fromSlug: string,
    @Arg('toSlug', () => String, { description: 'The other solution.' }) toSlug: string,
    @Arg('kind', () => SolutionRelationKind, { description: 'The relation.' }) kind: SolutionRelationKind,
    @Ctx() ctx: Context,
  ): Promise<Solution> {
    return runWrite(
      ctx,
      { operation: 'addSolutionRelation', input: { fromSlug, toSlug, kind }, revive: reviveAs(Solution) },
      async (tx) => Solution.from(await addSolutionRelation(tx, fromSlug, toSlug, kind)),
    );
  }

  @Mutation(() => Solution, { description: 'Removes a relation between two solutions; returns `from`.' })
  async removeSolutionRelation(
    @Arg('fromSlug', () => String, { description: 'The solution the relation starts at.' }) fromSlug: string,
    @Arg('toSlug', () => String, { description: 'The other solution.' }) toSlug: string,
    @Arg('kind', () => SolutionRelationKind, { description: 'The relation.' }) kind: SolutionRelationKind,
    @Ctx() ctx: Context,
  ): Promise<Solution> {
    return runWrite(
      ctx,
      { operation: 'removeSolutionRelation', input: { fromSlug, toSlug, kind }, revive: reviveAs(Solution) },
      async (tx) => Solution.from(await removeSolutionRelation(tx, fromSlug, toSlug, kind)),
    );
  }
}
