import { IsOptional, IsUrl, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Arg, Ctx, Field, Float, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { reviveAs, runWrite } from '../audit/write.js';
import type { Context } from '../context.js';
import { DateScalar, SLUG } from '../scalars.js';
import {
  Decision,
  DecisionBody,
  DecisionOutcome,
  FundingLine,
  FundingSource,
  Initiative,
  InitiativeParticipant,
  InitiativeStage,
  ParticipantRole,
} from './initiative.types.js';
import { addFundingLine, addParticipant, recordDecision, submitInitiative } from './initiative.write.js';

@InputType({ description: 'A new initiative, submitted by a municipality or a cooperation.' })
export class SubmitInitiativeInput {
  @Field(() => String, { description: 'URL-safe unique name (lowercase letters, digits and hyphens).' })
  @Matches(SLUG)
  @MaxLength(100)
  slug: string;

  @Field(() => String, { description: 'Title.' })
  @Length(3, 200)
  title: string;

  @Field(() => String, { description: 'The problem it solves.' })
  @Length(10, 4000)
  problem: string;

  @Field(() => String, { description: 'Domain, e.g. `sociaal domein`.' })
  @Length(1, 200)
  domain: string;

  @Field(() => String, { nullable: true, description: 'Public web page.' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Submitting municipality (CBS code); yours as an EDITOR.' })
  @IsOptional()
  submittedByMunicipalityCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Submitting organisation (slug); your cooperation as a COOPERATION_EDITOR.',
  })
  @IsOptional()
  submittedByOrganisationSlug?: string | null;
}

@InputType({ description: 'A decision on an initiative by one of the GGU bodies.' })
export class RecordDecisionInput {
  @Field(() => String, { description: 'Slug of the initiative.' })
  initiativeSlug: string;

  @Field(() => DecisionBody, { description: 'The deciding body.' })
  body: DecisionBody;

  @Field(() => DateScalar, { description: 'Date of the decision.' })
  decidedOn: string;

  @Field(() => DecisionOutcome, { description: 'Outcome.' })
  outcome: DecisionOutcome;

  @Field(() => InitiativeStage, {
    description: 'The stage after the decision; must be an allowed next stage (the same stage for DEFERRED).',
  })
  toStage: InitiativeStage;

  @Field(() => String, { nullable: true, description: 'Rationale as the body gave it.' })
  @IsOptional()
  @MaxLength(4000)
  rationale?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the annual plan the decision places the initiative in.' })
  @IsOptional()
  annualPlanYear?: number | null;

  @Field(() => Int, { description: 'The initiative’s `version` you last read.' })
  expectedVersion: number;
}

@InputType({ description: 'A municipality joining an initiative.' })
export class AddInitiativeParticipantInput {
  @Field(() => String, { description: 'Slug of the initiative.' })
  initiativeSlug: string;

  @Field(() => String, { description: 'CBS code of the municipality; yours as an EDITOR.' })
  municipalityCode: string;

  @Field(() => ParticipantRole, { description: 'Its part.' })
  role: ParticipantRole;

  @Field(() => DateScalar, { nullable: true, description: 'When it joined.' })
  @IsOptional()
  joinedOn?: string | null;
}

@InputType({ description: 'Money for an initiative in one year from one source.' })
export class AddFundingLineInput {
  @Field(() => String, { description: 'Slug of the initiative.' })
  initiativeSlug: string;

  @Field(() => Int, { description: 'The year.' })
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => FundingSource, { description: 'Source.' })
  source: FundingSource;

  @Field(() => Float, { description: 'Amount in euros (0 or more).' })
  @Min(0)
  amountEur: number;

  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the annual plan the line belongs to.' })
  @IsOptional()
  annualPlanYear?: number | null;
}

@ObjectType({ description: 'The result of a decision: the decision and the initiative in its new stage.' })
export class DecisionResult {
  @Field(() => Decision, { description: 'The recorded decision.' })
  decision: Decision;

  @Field(() => Initiative, { description: 'The initiative after the decision.' })
  initiative: Initiative;
}

@Resolver()
export class InitiativeMutations {
  @Mutation(() => Initiative, {
    description: 'Submits an initiative (stage SUBMITTED) on behalf of your municipality or cooperation.',
  })
  async submitInitiative(
    @Arg('input', () => SubmitInitiativeInput, { description: 'The initiative.' }) input: SubmitInitiativeInput,
    @Ctx() ctx: Context,
  ) {
    return runWrite(ctx, { operation: 'submitInitiative', input, revive: reviveAs(Initiative) }, async (tx) =>
      Initiative.from(
        await submitInitiative(tx, {
          ...input,
          website: input.website ?? null,
          submittedByMunicipalityCode: input.submittedByMunicipalityCode ?? null,
          submittedByOrganisationSlug: input.submittedByOrganisationSlug ?? null,
        }),
      ),
    );
  }

  @Mutation(() => DecisionResult, {
    description:
      'Records a decision and moves the initiative’s stage (administrators only); refuses a transition the pipeline does not allow.',
  })
  async recordDecision(
    @Arg('input', () => RecordDecisionInput, { description: 'The decision.' }) input: RecordDecisionInput,
    @Ctx() ctx: Context,
  ) {
    return runWrite(
      ctx,
      {
        operation: 'recordDecision',
        input,
        revive: (j) => {
          const r = j as { decision: object; initiative: object };
          return Object.assign(new DecisionResult(), {
            decision: Object.assign(new Decision(), r.decision),
            initiative: Object.assign(new Initiative(), r.initiative),
          });
        },
      },
      async (tx) => {
        const { initiative, decision } = await recordDecision(tx, {
          ...input,
          rationale: input.rationale ?? null,
          annualPlanYear: input.annualPlanYear ?? null,
        });
        return Object.assign(new DecisionResult(), {
          decision: Decision.from(decision),
          initiative: Initiative.from(initiative),
        });
      },
    );
  }

  @Mutation(() => InitiativeParticipant, {
    description: 'Adds a municipality to an initiative: an admin for any, an EDITOR for their own municipality.',
  })
  async addInitiativeParticipant(
    @Arg('input', () => AddInitiativeParticipantInput, { description: 'Initiative, municipality and role.' })
    input: AddInitiativeParticipantInput,
    @Ctx() ctx: Context,
  ) {
    return runWrite(
      ctx,
      { operation: 'addInitiativeParticipant', input, revive: reviveAs(InitiativeParticipant) },
      async (tx) =>
        InitiativeParticipant.from((await addParticipant(tx, { ...input, joinedOn: input.joinedOn ?? null })) as never),
    );
  }

  @Mutation(() => FundingLine, { description: 'Adds a funding line to an initiative (administrators only).' })
  async addFundingLine(
    @Arg('input', () => AddFundingLineInput, { description: 'The funding line.' }) input: AddFundingLineInput,
    @Ctx() ctx: Context,
  ) {
    return runWrite(ctx, { operation: 'addFundingLine', input, revive: reviveAs(FundingLine) }, async (tx) =>
      FundingLine.from(
        (await addFundingLine(tx, {
          ...input,
          description: input.description ?? null,
          annualPlanYear: input.annualPlanYear ?? null,
        })) as never,
      ),
    );
  }
}
