import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { reviveAs, runWrite } from '../audit/write.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { DateScalar } from '../scalars.js';
import { importAdoptionsCsv } from './adoption.import.js';
import { Adoption, AdoptionEvent, AdoptionMode, AdoptionStatus } from './adoption.types.js';
import { confirmAdoption, recordAdoptionStatus, resolveMergerReview } from './adoption.write.js';

@InputType({ description: 'A new status of one municipality’s adoption of one solution (appended as an event).' })
export class RecordAdoptionStatusInput {
  @Field(() => String, { description: 'CBS code of the municipality, e.g. `GM0363`.' })
  municipalityCode: string;

  @Field(() => String, { description: 'Slug of the solution.' })
  solutionSlug: string;

  @Field(() => AdoptionStatus, {
    description: 'The status from `effectiveDate` on. RETRACTED withdraws the event named in `correctsEventId`.',
  })
  status: AdoptionStatus;

  @Field(() => DateScalar, {
    description: 'Date the status took effect; within the municipality’s lifetime, at most a year ahead.',
  })
  effectiveDate: string;

  @Field(() => AdoptionMode, { nullable: true, description: 'How the solution is used.' })
  @IsOptional()
  mode?: AdoptionMode | null;

  @Field(() => String, { nullable: true, description: 'Free-text notes (at most 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The adoption’s `version` you last read; omit (null) when the municipality has no adoption of the solution yet. A stale value gives CONFLICT.',
  })
  @IsOptional()
  expectedVersion?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Id of an earlier event of the same adoption this one corrects; required for RETRACTED.',
  })
  @IsOptional()
  correctsEventId?: string | null;
}

@InputType({ description: 'Names an adoption and the version the caller last read.' })
export class AdoptionVersionInput {
  @Field(() => String, { description: 'CBS code of the municipality.' })
  municipalityCode: string;

  @Field(() => String, { description: 'Slug of the solution.' })
  solutionSlug: string;

  @Field(() => Int, { description: 'The adoption’s `version` you last read.' })
  expectedVersion: number;
}

export enum MergerReviewDecision {
  CONFIRM = 'CONFIRM',
  RETRACT = 'RETRACT',
}
registerEnumType(MergerReviewDecision, {
  name: 'MergerReviewDecision',
  description: 'What a reviewer decides about a status inherited after a merger or split.',
  valuesConfig: {
    CONFIRM: { description: 'The successor really has this status: keep it.' },
    RETRACT: { description: 'It does not: withdraw the inherited status (a RETRACTED event).' },
  },
});

@ObjectType({ description: 'The result of recording a status: the new event and the adoption as it is now.' })
export class AdoptionChange {
  @Field(() => Adoption, { description: 'The adoption after the change (its version is the one to send next time).' })
  adoption: Adoption;

  @Field(() => AdoptionEvent, { description: 'The event that was appended.' })
  event: AdoptionEvent;
}

@ObjectType({ description: 'One line of an import that cannot be applied, and why.' })
export class CsvLineError {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The column at fault; null when the whole line is.' })
  column: string | null;

  @Field(() => String, { description: 'What is wrong.' })
  reason: string;
}

@ObjectType({ description: 'What an adoption import found and did. Nothing is applied unless every line is valid.' })
export class CsvImportReport {
  @Field(() => Boolean, { description: 'True when this was a check only.' })
  dryRun: boolean;

  @Field(() => Boolean, { description: 'True when the lines were applied (all of them, in one transaction).' })
  applied: boolean;

  @Field(() => Int, { description: 'Data lines in the file.' })
  rows: number;

  @Field(() => Int, { description: 'Lines that passed every check.' })
  validRows: number;

  @Field(() => [CsvLineError], { description: 'Every bad line with its reason; empty when all are fine.' })
  errors: CsvLineError[];

  @Field(() => Int, { description: 'Adoption events appended.' })
  eventsCreated: number;

  @Field(() => Int, { description: 'Adoptions created or updated.' })
  adoptionsChanged: number;
}

const reviveChange = (json: unknown): AdoptionChange => {
  const c = json as { adoption: object; event: object };
  return Object.assign(new AdoptionChange(), {
    adoption: Object.assign(new Adoption(), c.adoption),
    event: Object.assign(new AdoptionEvent(), c.event),
  });
};
const reviveReport = (json: unknown): CsvImportReport => {
  const r = Object.assign(new CsvImportReport(), json);
  r.errors = r.errors.map((e) => Object.assign(new CsvLineError(), e));
  return r;
};

@Resolver()
export class AdoptionMutations {
  @Mutation(() => AdoptionChange, {
    description:
      'Records a municipality’s status for a solution as a new event. Provenance follows from your role: SELF_DECLARED (the municipality’s EDITOR), COOPERATION_DECLARED, SUPPLIER_DECLARED or VERIFIED (admin). Correct with `correctsEventId`; withdraw with status RETRACTED.',
  })
  async recordAdoptionStatus(
    @Arg('input', () => RecordAdoptionStatusInput, {
      description: 'Municipality, solution, status and expected version.',
    })
    input: RecordAdoptionStatusInput,
    @Ctx() ctx: Context,
  ): Promise<AdoptionChange> {
    return runWrite(ctx, { operation: 'recordAdoptionStatus', input, revive: reviveChange }, async (tx) => {
      const { adoption, event } = await recordAdoptionStatus(tx, {
        municipalityCode: input.municipalityCode,
        solutionSlug: input.solutionSlug,
        status: input.status,
        mode: input.mode ?? null,
        effectiveDate: input.effectiveDate,
        notes: input.notes?.trim() || null,
        expectedVersion: input.expectedVersion ?? null,
        correctsEventId: input.correctsEventId ?? null,
      });
      return Object.assign(new AdoptionChange(), {
        adoption: Adoption.from(adoption),
        event: AdoptionEvent.from(event),
      });
    });
  }

  @Mutation(() => Adoption, {
    description: 'Re-confirms an adoption’s current status: bumps `lastConfirmedAt` and the version, appends no event.',
  })
  async confirmAdoption(
    @Arg('input', () => AdoptionVersionInput, { description: 'The adoption and the version you last read.' })
    input: AdoptionVersionInput,
    @Ctx() ctx: Context,
  ): Promise<Adoption> {
    return runWrite(ctx, { operation: 'confirmAdoption', input, revive: reviveAs(Adoption) }, async (tx) =>
      Adoption.from(await confirmAdoption(tx, input)),
    );
  }

  @Mutation(() => Adoption, {
    description: 'Settles a status inherited after a merger or split (`needsReview`): keep it or withdraw it.',
  })
  async resolveMergerReview(
    @Arg('input', () => AdoptionVersionInput, { description: 'The adoption and the version you last read.' })
    input: AdoptionVersionInput,
    @Arg('decision', () => MergerReviewDecision, { description: 'CONFIRM or RETRACT.' }) decision: MergerReviewDecision,
    @Ctx() ctx: Context,
  ): Promise<Adoption> {
    return runWrite(
      ctx,
      { operation: 'resolveMergerReview', input: { ...input, decision }, revive: reviveAs(Adoption) },
      async (tx) => Adoption.from(await resolveMergerReview(tx, { ...input, decision })),
    );
  }

  @Mutation(() => CsvImportReport, {
    description:
      'Imports adoption records from CSV (`cbs_code,solution,status,date,mode,notes`). With dryRun only checks. Applies all lines or none: any bad line is reported and nothing changes.',
  })
  async importAdoptionsCsv(
    @Arg('csv', () => String, { description: 'The CSV text, UTF-8, header row first.' }) csv: string,
    @Arg('dryRun', () => Boolean, { description: 'true: check and report only.' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<CsvImportReport> {
    if (csv.length > 2_000_000) throw badInput('The CSV is too large', 'csv');
    return runWrite(
      ctx,
      { operation: 'importAdoptionsCsv', input: { csv, dryRun }, revive: reviveReport },
      async (tx) => reviveReport(await importAdoptionsCsv(tx, csv, dryRun)),
    );
  }
}
