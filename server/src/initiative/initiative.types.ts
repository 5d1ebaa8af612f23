import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../adoption/adoption.scalars.js';
import { connectionTypes } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import type { AnnualPlanRow, DecisionRow, FundingLineRow, InitiativeRow, ParticipantRow } from './initiative.rows.js';

export enum InitiativeStage {
  SUBMITTED = 'SUBMITTED',
  ASSESSED = 'ASSESSED',
  ADVISED = 'ADVISED',
  ADOPTED = 'ADOPTED',
  IN_DEVELOPMENT = 'IN_DEVELOPMENT',
  SCALING = 'SCALING',
  IN_MANAGEMENT = 'IN_MANAGEMENT',
  REJECTED = 'REJECTED',
  STOPPED = 'STOPPED',
}
registerEnumType(InitiativeStage, {
  name: 'InitiativeStage',
  description:
    'Stage of an initiative: SUBMITTED → ASSESSED → ADVISED → ADOPTED → IN_DEVELOPMENT → SCALING → IN_MANAGEMENT, or REJECTED / STOPPED.',
  valuesConfig: {
    SUBMITTED: { description: 'Submitted by a municipality or organisation.' },
    ASSESSED: { description: 'Assessed by the Taskforce.' },
    ADVISED: { description: 'Advised on by the Commissie van Dienstverlening (CvD).' },
    ADOPTED: { description: 'Adopted by the VNG board or the ALV, in an annual plan.' },
    IN_DEVELOPMENT: { description: 'The solution is being developed.' },
    SCALING: { description: 'The solution is being rolled out to more municipalities (opschaling).' },
    IN_MANAGEMENT: { description: 'The solution is in structural joint management (beheer).' },
    REJECTED: { description: 'Not taken up.' },
    STOPPED: { description: 'Stopped after it had started.' },
  },
});

export enum DecisionBody {
  TASKFORCE = 'TASKFORCE',
  CVD = 'CVD',
  VNG_BOARD = 'VNG_BOARD',
  ALV = 'ALV',
  VNG_REALISATIE = 'VNG_REALISATIE',
}
registerEnumType(DecisionBody, {
  name: 'DecisionBody',
  description: 'The body that took a decision on an initiative.',
  valuesConfig: {
    TASKFORCE: { description: 'The GGU Taskforce.' },
    CVD: { description: 'The Commissie van Dienstverlening.' },
    VNG_BOARD: { description: 'The VNG board (bestuur).' },
    ALV: { description: 'The general assembly of VNG members (Algemene Ledenvergadering).' },
    VNG_REALISATIE: { description: 'VNG Realisatie, for development and management stages.' },
  },
});

export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  DEFERRED = 'DEFERRED',
  ADVISED = 'ADVISED',
}
registerEnumType(DecisionOutcome, {
  name: 'DecisionOutcome',
  description: 'What a decision on an initiative came to.',
  valuesConfig: {
    APPROVED: { description: 'Approved: the initiative moves on.' },
    REJECTED: { description: 'Rejected.' },
    DEFERRED: { description: 'Postponed to a later meeting.' },
    ADVISED: { description: 'An advice was given (CvD) for the deciding body.' },
  },
});

export enum ParticipantRole {
  PIONEER = 'PIONEER',
  PARTICIPANT = 'PARTICIPANT',
  FUNDER = 'FUNDER',
}
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The part a municipality plays in an initiative.',
  valuesConfig: {
    PIONEER: { description: 'Koploper: develops or pilots the solution first.' },
    PARTICIPANT: { description: 'Takes part in development or early roll-out.' },
    FUNDER: { description: 'Contributes money.' },
  },
});

export enum FundingSource {
  FONDS_GGU = 'FONDS_GGU',
  VNG = 'VNG',
  MUNICIPALITIES = 'MUNICIPALITIES',
  NATIONAL_GOVERNMENT = 'NATIONAL_GOVERNMENT',
  OTHER = 'OTHER',
}
registerEnumType(FundingSource, {
  name: 'FundingSource',
  description: 'Where money for an initiative comes from.',
  valuesConfig: {
    FONDS_GGU: { description: 'The Fonds Gezamenlijke Gemeentelijke Uitvoering, via the annual plan.' },
    VNG: { description: 'The VNG budget.' },
    MUNICIPALITIES: { description: 'Contributions of individual municipalities.' },
    NATIONAL_GOVERNMENT: { description: 'The national government (Rijk).' },
    OTHER: { description: 'Any other source.' },
  },
});

@ObjectType({
  description: 'An initiative (initiatief) for joint municipal work: a problem, and the way to a shared solution.',
})
export class Initiative {
  @Field(() => ID, { description: 'Stable identifier: the slug.' })
  id: string;

  @Field(() => String, { description: 'URL-safe unique name (lowercase letters, digits and hyphens).' })
  slug: string;

  @Field(() => String, { description: 'Title of the initiative.' })
  title: string;

  @Field(() => String, { description: 'The problem the initiative solves.' })
  problem: string;

  @Field(() => String, { description: 'Domain, e.g. `sociaal domein`.' })
  domain: string;

  @Field(() => InitiativeStage, { description: 'Current stage (that of the latest decision).' })
  stage: InitiativeStage;

  @Field(() => DateScalar, { description: 'Date the initiative was submitted.' })
  submittedOn: string;

  @Field(() => String, { nullable: true, description: 'Public web page of the initiative.' })
  website: string | null;

  @Field(() => Int, { description: 'Record version, incremented by every change (optimistic concurrency).' })
  version: number;

  dbId: number;
  submittedByMunicipalityDbId: number | null;
  submittedByOrganisationDbId: number | null;

  static from(row: InitiativeRow): Initiative {
    return Object.assign(new Initiative(), {
      id: row.slug,
      slug: row.slug,
      title: row.title,
      problem: row.problem,
      domain: row.domain,
      stage: row.stage as InitiativeStage,
      submittedOn: row.submitted_on,
      website: row.website,
      version: row.version,
      dbId: row.id,
      submittedByMunicipalityDbId: row.submitted_by_municipality_id,
      submittedByOrganisationDbId: row.submitted_by_organisation_id,
    });
  }
}

@ObjectType({ description: 'An annual plan (jaarplan) of the GGU programme, with the Fonds GGU budget.' })
export class AnnualPlan {
  @Field(() => ID, { description: 'Stable identifier: the year, as a string.' })
  id: string;

  @Field(() => Int, { description: 'The year the plan covers.' })
  year: number;

  @Field(() => String, { description: 'Title of the plan.' })
  title: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date the plan was adopted; null while draft.' })
  adoptedOn: string | null;

  @Field(() => Float, { nullable: true, description: 'Total budget in euros; null when not set.' })
  budgetEur: number | null;

  static from(row: AnnualPlanRow): AnnualPlan {
    return Object.assign(new AnnualPlan(), {
      id: String(row.year),
      year: row.year,
      title: row.title,
      adoptedOn: row.adopted_on,
      budgetEur: row.budget_eur === null ? null : Number(row.budget_eur),
    });
  }
}

@ObjectType({ description: 'A decision (besluit) on an initiative: every change of stage is one.' })
export class Decision {
  @Field(() => ID, { description: 'Stable identifier: the decision number, as a string.' })
  id: string;

  @Field(() => DecisionBody, { description: 'The body that decided.' })
  body: DecisionBody;

  @Field(() => DateScalar, { description: 'Date of the decision.' })
  decidedOn: string;

  @Field(() => DecisionOutcome, { description: 'What the decision came to.' })
  outcome: DecisionOutcome;

  @Field(() => InitiativeStage, { nullable: true, description: 'Stage before the decision; null for the first one.' })
  fromStage: InitiativeStage | null;

  @Field(() => InitiativeStage, { description: 'Stage after the decision.' })
  toStage: InitiativeStage;

  @Field(() => String, { nullable: true, description: 'Why, as the body gave it.' })
  rationale: string | null;

  @Field(() => DateTimeScalar, { description: 'When the decision was recorded in the atlas.' })
  recordedAt: Date;

  initiativeDbId: number;
  annualPlanDbId: number | null;

  static from(row: DecisionRow): Decision {
    return Object.assign(new Decision(), {
      id: String(row.id),
      body: row.body as DecisionBody,
      decidedOn: row.decided_on,
      outcome: row.outcome as DecisionOutcome,
      fromStage: row.from_stage as InitiativeStage | null,
      toStage: row.to_stage as InitiativeStage,
      rationale: row.rationale,
      recordedAt: row.recorded_at,
      initiativeDbId: row.initiative_id,
      annualPlanDbId: row.annual_plan_id,
    });
  }
}

@ObjectType({ description: 'A municipality taking part in an initiative.' })
export class InitiativeParticipant {
  @Field(() => ID, { description: 'Stable identifier: `INITIATIVE_SLUG:MUNICIPALITY_CODE`.' })
  id: string;

  @Field(() => ParticipantRole, { description: 'The part the municipality plays.' })
  role: ParticipantRole;

  @Field(() => DateScalar, { nullable: true, description: 'Date the municipality joined; null when unknown.' })
  joinedOn: string | null;

  initiativeDbId: number;
  municipalityDbId: number;

  static from(row: ParticipantRow & { initiative_slug: string; municipality_code: string }): InitiativeParticipant {
    return Object.assign(new InitiativeParticipant(), {
      id: `${row.initiative_slug}:${row.municipality_code}`,
      role: row.role as ParticipantRole,
      joinedOn: row.joined_on,
      initiativeDbId: row.initiative_id,
      municipalityDbId: row.municipality_id,
    });
  }
}

@ObjectType({ description: 'Money for an initiative in one year from one source.' })
export class FundingLine {
  @Field(() => ID, { description: 'Stable identifier: `INITIATIVE_SLUG:YEAR:SOURCE`.' })
  id: string;

  @Field(() => Int, { description: 'The year the money is for.' })
  year: number;

  @Field(() => FundingSource, { description: 'Where the money comes from.' })
  source: FundingSource;

  @Field(() => Float, { description: 'Amount in euros.' })
  amountEur: number;

  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  description: string | null;

  annualPlanDbId: number | null;

  static from(row: FundingLineRow & { initiative_slug: string }): FundingLine {
    return Object.assign(new FundingLine(), {
      id: `${row.initiative_slug}:${row.year}:${row.source}`,
      year: row.year,
      source: row.source as FundingSource,
      amountEur: Number(row.amount_eur),
      description: row.description,
      annualPlanDbId: row.annual_plan_id,
    });
  }
}

@InputType({ description: 'Narrows an initiative list. All given conditions must hold.' })
export class InitiativeFilter {
  @Field(() => [InitiativeStage], { nullable: true, description: 'Only initiatives currently in one of these stages.' })
  stage?: InitiativeStage[] | null;

  @Field(() => String, { nullable: true, description: 'Only initiatives of this domain (exact, case-insensitive).' })
  domain?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Only initiatives submitted in this year or with a funding line for it.',
  })
  year?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only initiatives whose title, slug or problem contains this text (case-insensitive).',
  })
  search?: string | null;
}

export const { Connection: InitiativeConnection, Edge: InitiativeEdge } = connectionTypes(
  Initiative,
  'Initiative',
  'A page of initiatives, newest submission first (then slug).',
);
export type InitiativeConnection = InstanceType<typeof InitiativeConnection>;
