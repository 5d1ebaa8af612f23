import { IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { reviveAs, runWrite } from '../audit/write.js';
import type { Context } from '../context.js';
import { DateScalar } from '../scalars.js';
import { ComplianceStatus, Standard, StandardCompliance, StandardStatus } from './standard.types.js';
import { confirmCompliance, createStandard, declareCompliance, updateStandard } from './standard.write.js';

@InputType({ description: 'A municipality’s declaration about one standard (pas toe of leg uit).' })
export class DeclareComplianceInput {
  @Field(() => String, { description: 'CBS code of the municipality.' })
  municipalityCode: string;

  @Field(() => String, { description: 'Slug of the standard.' })
  standardSlug: string;

  @Field(() => ComplianceStatus, { description: 'The declared status.' })
  status: ComplianceStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the standard is not applied; required for EXPLAINED (at most 4000 characters).',
  })
  @IsOptional()
  @MaxLength(4000)
  explanation?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'By when compliance is planned; required for PLANNED, refused otherwise.',
  })
  @IsOptional()
  deadline?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The declaration’s `version` you last read; omit for a first declaration.',
  })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType({ description: 'Names a compliance declaration and the version the caller last read.' })
export class ComplianceVersionInput {
  @Field(() => String, { description: 'CBS code of the municipality.' })
  municipalityCode: string;

  @Field(() => String, { description: 'Slug of the standard.' })
  standardSlug: string;

  @Field(() => Int, { description: 'The declaration’s `version` you last read.' })
  expectedVersion: number;
}

@InputType({ description: 'The fields of a standard; on update, omitted fields stay as they are.' })
export class StandardFieldsInput {
  @Field(() => String, { nullable: true, description: 'Name of the standard.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What the standard is about.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Domain, e.g. `zaakgericht werken`.' })
  @IsOptional()
  @Length(1, 200)
  domain?: string | null;

  @Field(() => StandardStatus, { nullable: true, description: 'Formal status.' })
  @IsOptional()
  status?: StandardStatus | null;

  @Field(() => String, { nullable: true, description: 'Slug of the owning organisation.' })
  @IsOptional()
  ownerOrganisationSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Web page of the specification.' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  url?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the adoption decision.' })
  @IsOptional()
  adoptedOn?: string | null;
}

/** Only the keys the caller actually sent (GraphQL leaves omitted input fields undefined). */
export const sent = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;

@Resolver()
export class StandardMutations {
  @Mutation(() => StandardCompliance, {
    description:
      'Declares a municipality’s compliance with a standard, replacing its previous declaration. EXPLAINED needs `explanation`, PLANNED a `deadline` (else BAD_USER_INPUT).',
  })
  async declareCompliance(
    @Arg('input', () => DeclareComplianceInput, { description: 'Municipality, standard, status and expected version.' })
    input: DeclareComplianceInput,
    @Ctx() ctx: Context,
  ): Promise<StandardCompliance> {
    return runWrite(ctx, { operation: 'declareCompliance', input, revive: reviveAs(StandardCompliance) }, async (tx) =>
      StandardCompliance.from(
        await declareCompliance(tx, {
          municipalityCode: input.municipalityCode,
          standardSlug: input.standardSlug,
          status: input.status,
          explanation: input.explanation ?? null,
          deadline: input.deadline ?? null,
          expectedVersion: input.expectedVersion ?? null,
        }),
      ),
    );
  }

  @Mutation(() => StandardCompliance, {
    description: 'Re-confirms a compliance declaration: bumps `lastConfirmedAt` and the version.',
  })
  async confirmCompliance(
    @Arg('input', () => ComplianceVersionInput, { description: 'The declaration and the version you last read.' })
    input: ComplianceVersionInput,
    @Ctx() ctx: Context,
  ): Promise<StandardCompliance> {
    return runWrite(ctx, { operation: 'confirmCompliance', input, revive: reviveAs(StandardCompliance) }, async (tx) =>
      StandardCompliance.from(await confirmCompliance(tx, input)),
    );
  }

  @Mutation(() => Standard, {
    description: 'Adds a standard to the catalogue (administrators only). name, domain and status are required.',
  })
  async createStandard(
    @Arg('slug', () => String, { description: 'URL-safe unique name, e.g. `zgw-apis`.' }) slug: string,
    @Arg('input', () => StandardFieldsInput, { description: 'The standard’s fields.' }) input: StandardFieldsInput,
    @Ctx() ctx: Context,
  ): Promise<Standard> {
    return runWrite(
      ctx,
      { operation: 'createStandard', input: { slug, input }, revive: reviveAs(Standard) },
      async (tx) =>
        Standard.from(
          await createStandard(tx, slug, {
            ...sent(input),
            name: input.name ?? '',
            domain: input.domain ?? '',
            status: input.status ?? '',
          }),
        ),
    );
  }

  @Mutation(() => Standard, {
    description: 'Changes a standard (administrators only); omitted fields stay as they are.',
  })
  async updateStandard(
    @Arg('slug', () => String, { description: 'Slug of the standard.' }) slug: string,
    @Arg('input', () => StandardFieldsInput, { description: 'The fields to change.' }) input: StandardFieldsInput,
    @Arg('expectedVersion', () => Int, { description: 'The standard’s `version` you last read.' })
    expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Standard> {
    return runWrite(
      ctx,
      { operation: 'updateStandard', input: { slug, input, expectedVersion }, revive: reviveAs(Standard) },
      async (tx) => Standard.from(await updateStandard(tx, slug, sent(input), expectedVersion)),
    );
  }
}
