import { municipalityCodeArg, slugArg } from '../adoption/adoption.inputs.js';
import { insertAudited, updateVersioned, type WriteTx } from '../audit/write.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { isAdmin } from '../identity/actor.js';
import { editsMunicipality, forbidden, municipalityAuthority, orgsWith } from '../identity/policy.js';
import { todayInNL } from '../scalars.js';
import { DECISION_COLUMNS, INITIATIVE_COLUMNS, type DecisionRow, type InitiativeRow } from './initiative.rows.js';

/**
 * The stage an initiative may move to from each stage (DESIGN §3): forward one step, or out to
 * REJECTED (before adoption) or STOPPED (after). REJECTED and STOPPED are final. A DEFERRED
 * decision keeps the stage.
 */
export const STAGE_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  SUBMITTED: ['ASSESSED', 'REJECTED'],
  ASSESSED: ['ADVISED', 'REJECTED'],
  ADVISED: ['ADOPTED', 'REJECTED'],
  ADOPTED: ['IN_DEVELOPMENT', 'STOPPED'],
  IN_DEVELOPMENT: ['SCALING', 'STOPPED'],
  SCALING: ['IN_MANAGEMENT', 'STOPPED'],
  IN_MANAGEMENT: ['STOPPED'],
  REJECTED: [],
  STOPPED: [],
};

export async function loadInitiative(tx: WriteTx, id: number): Promise<InitiativeRow> {
  const [row] = await tx.query<InitiativeRow>(`SELECT ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.id = $1`, [id]);
  return row!;
}

async function initiativeBySlug(tx: WriteTx, slug: string): Promise<InitiativeRow> {
  const s = slugArg(slug, 'initiativeSlug');
  const [row] = await tx.query<InitiativeRow>(`SELECT ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.slug = $1`, [s]);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `No initiative ${s}`);
  return row;
}

async function municipalityId(tx: WriteTx, code: string, field: string): Promise<number> {
  const c = municipalityCodeArg(code, field);
  const [m] = await tx.query(`SELECT id FROM municipality WHERE code = $1`, [c]);
  if (!m) throw new AppError(ErrorCode.NOT_FOUND, `No municipality ${c}`);
  return m.id;
}

export interface SubmitInput {
  slug: string;
  title: string;
  problem: string;
  domain: string;
  website: string | null;
  submittedByMunicipalityCode: string | null;
  submittedByOrganisationSlug: string | null;
}

/** Officials submit for their own municipality or cooperation; an admin for anyone. */
export async function submitInitiative(tx: WriteTx, input: SubmitInput): Promise<InitiativeRow> {
  if (!input.submittedByMunicipalityCode && !input.submittedByOrganisationSlug) {
    throw badInput(
      'Name the submitter: submittedByMunicipalityCode or submittedByOrganisationSlug',
      'submittedByMunicipalityCode',
    );
  }
  let mId: number | null = null;
  let oId: number | null = null;
  if (input.submittedByMunicipalityCode) {
    mId = await municipalityId(tx, input.submittedByMunicipalityCode, 'submittedByMunicipalityCode');
    if (!isAdmin(tx.actor) && !editsMunicipality(tx.actor, mId))
      throw forbidden('You may submit only on behalf of your own municipality');
  }
  if (input.submittedByOrganisationSlug) {
    const [o] = await tx.query(`SELECT id FROM organisation WHERE slug = $1`, [
      slugArg(input.submittedByOrganisationSlug, 'submittedByOrganisationSlug'),
    ]);
    if (!o) throw new AppError(ErrorCode.NOT_FOUND, `No organisation ${input.submittedByOrganisationSlug}`);
    if (!isAdmin(tx.actor) && !orgsWith(tx.actor, 'COOPERATION_EDITOR').includes(o.id))
      throw forbidden('You may submit only on behalf of your own cooperation');
    oId = o.id;
  }
  const slug = slugArg(input.slug, 'slug');
  const [taken] = await tx.query(`SELECT 1 FROM initiative WHERE slug = $1`, [slug]);
  if (taken) throw new AppError(ErrorCode.CONFLICT, `An initiative ${slug} exists already`);
  const row = await insertAudited(tx, 'initiative', {
    slug,
    title: input.title.trim(),
    problem: input.problem.trim(),
    domain: input.domain.trim(),
    stage: 'SUBMITTED',
    submitted_on: todayInNL(),
    submitted_by_municipality_id: mId,
    submitted_by_organisation_id: oId,
    website: input.website,
  });
  return loadInitiative(tx, row.id);
}

export interface DecisionInput {
  initiativeSlug: string;
  body: string;
  decidedOn: string;
  outcome: string;
  toStage: string;
  rationale: string | null;
  annualPlanYear: number | null;
  expectedVersion: number;
}

/** Records a decision and moves the initiative to its stage, if the transition is allowed. */
export async function recordDecision(
  tx: WriteTx,
  input: DecisionInput,
): Promise<{ initiative: InitiativeRow; decision: DecisionRow }> {
  const initiative = await initiativeBySlug(tx, input.initiativeSlug);
  const from = initiative.stage;
  const deferred = input.outcome === 'DEFERRED';
  if (deferred ? input.toStage !== from : !STAGE_TRANSITIONS[from]!.includes(input.toStage)) {
    throw badInput(
      deferred
        ? `A DEFERRED decision keeps the stage ${from}`
        : `An initiative cannot move from ${from} to ${input.toStage}; allowed: ${STAGE_TRANSITIONS[from]!.join(', ') || 'none (final stage)'}`,
      'toStage',
    );
  }
  if (input.decidedOn < initiative.submitted_on)
    throw badInput('decidedOn lies before the initiative was submitted', 'decidedOn');
  let planId: number | null = null;
  if (input.annualPlanYear !== null) {
    const [plan] = await tx.query(`SELECT id FROM annual_plan WHERE year = $1`, [input.annualPlanYear]);
    if (!plan) throw new AppError(ErrorCode.NOT_FOUND, `No annual plan for ${input.annualPlanYear}`);
    planId = plan.id;
  }
  const decision = await insertAudited(tx, 'decision', {
    initiative_id: initiative.id,
    body: input.body,
    decided_on: input.decidedOn,
    outcome: input.outcome,
    from_stage: from,
    to_stage: input.toStage,
    rationale: input.rationale,
    annual_plan_id: planId,
  });
  await updateVersioned(
    tx,
    'initiative',
    initiative.id,
    input.expectedVersion,
    deferred ? {} : { stage: input.toStage },
    `Initiative ${initiative.slug}`,
  );
  const [d] = await tx.query<DecisionRow>(`SELECT ${DECISION_COLUMNS} FROM decision d WHERE d.id = $1`, [decision.id]);
  return { initiative: await loadInitiative(tx, initiative.id), decision: d! };
}

export async function addParticipant(
  tx: WriteTx,
  input: { initiativeSlug: string; municipalityCode: string; role: string; joinedOn: string | null },
) {
  const initiative = await initiativeBySlug(tx, input.initiativeSlug);
  const mId = await municipalityId(tx, input.municipalityCode, 'municipalityCode');
  municipalityAuthority(tx.actor, mId);
  const [exists] = await tx.query(
    `SELECT 1 FROM initiative_participant WHERE initiative_id = $1 AND municipality_id = $2`,
    [initiative.id, mId],
  );
  if (exists)
    throw new AppError(ErrorCode.CONFLICT, `${input.municipalityCode} already takes part in ${initiative.slug}`);
  const row = await insertAudited(
    tx,
    'initiative_participant',
    { initiative_id: initiative.id, municipality_id: mId, role: input.role, joined_on: input.joinedOn },
    (r) => `${r.initiative_id}:${r.municipality_id}`,
  );
  return {
    ...row,
    initiative_slug: initiative.slug,
    municipality_code: municipalityCodeArg(input.municipalityCode, 'municipalityCode'),
  };
}

export async function addFundingLine(
  tx: WriteTx,
  input: {
    initiativeSlug: string;
    year: number;
    source: string;
    amountEur: number;
    description: string | null;
    annualPlanYear: number | null;
  },
) {
  const initiative = await initiativeBySlug(tx, input.initiativeSlug);
  if (!Number.isFinite(input.amountEur) || input.amountEur < 0 || input.amountEur >= 1e12)
    throw badInput('amountEur must be between 0 and 10^12', 'amountEur');
  let planId: number | null = null;
  if (input.annualPlanYear !== null) {
    const [plan] = await tx.query(`SELECT id FROM annual_plan WHERE year = $1`, [input.annualPlanYear]);
    if (!plan) throw new AppError(ErrorCode.NOT_FOUND, `No annual plan for ${input.annualPlanYear}`);
    planId = plan.id;
  }
  const [exists] = await tx.query(`SELECT 1 FROM funding_line WHERE initiative_id = $1 AND year = $2 AND source = $3`, [
    initiative.id,
    input.year,
    input.source,
  ]);
  if (exists)
    throw new AppError(ErrorCode.CONFLICT, `${initiative.slug} already has a ${input.source} line for ${input.year}`);
  const row = await insertAudited(tx, 'funding_line', {
    initiative_id: initiative.id,
    annual_plan_id: planId,
    year: input.year,
    source: input.source,
    amount_eur: input.amountEur.toFixed(2),
    description: input.description,
  });
  return { ...row, initiative_slug: initiative.slug };
}
