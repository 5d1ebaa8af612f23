import { municipalityCodeArg, slugArg } from '../adoption/adoption.inputs.js';
import { asQueryable } from '../adoption/adoption.write.js';
import { conflict, insertAudited, updateVersioned, type WriteTx } from '../audit/write.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { complianceAuthority } from '../identity/policy.js';
import {
  COMPLIANCE_COLUMNS,
  COMPLIANCE_FROM,
  STANDARD_COLUMNS,
  type ComplianceRow,
  type StandardRow,
} from './standard.rows.js';

async function loadCompliance(tx: WriteTx, id: number): Promise<ComplianceRow> {
  const [row] = await tx.query<ComplianceRow>(`SELECT ${COMPLIANCE_COLUMNS} FROM ${COMPLIANCE_FROM} WHERE c.id = $1`, [
    id,
  ]);
  return row!;
}

async function target(tx: WriteTx, municipalityCode: string, standardSlug: string) {
  const code = municipalityCodeArg(municipalityCode, 'municipalityCode');
  const slug = slugArg(standardSlug, 'standardSlug');
  const [m] = await tx.query(`SELECT id, code FROM municipality WHERE code = $1`, [code]);
  if (!m) throw new AppError(ErrorCode.NOT_FOUND, `No municipality ${code}`);
  const [s] = await tx.query(`SELECT id, slug FROM standard WHERE slug = $1`, [slug]);
  if (!s) throw new AppError(ErrorCode.NOT_FOUND, `No standard ${slug}`);
  return { municipalityId: m.id as number, standardId: s.id as number, what: `The compliance of ${code} with ${slug}` };
}

export interface DeclareInput {
  municipalityCode: string;
  standardSlug: string;
  status: string;
  explanation: string | null;
  deadline: string | null;
  expectedVersion: number | null;
}

/**
 * A compliance declaration replaces the previous one (history is in the audit log). EXPLAINED
 * needs an explanation ("leg uit"), PLANNED a deadline. expectedVersion null = first declaration.
 */
export async function declareCompliance(tx: WriteTx, input: DeclareInput): Promise<ComplianceRow> {
  const t = await target(tx, input.municipalityCode, input.standardSlug);
  const authority = await complianceAuthority(asQueryable(tx), tx.actor, t.municipalityId);
  const explanation = input.explanation?.trim() || null;
  if (input.status === 'EXPLAINED' && !explanation)
    throw badInput('EXPLAINED ("leg uit") needs an explanation of why the standard is not applied', 'explanation');
  if (input.status === 'PLANNED' && !input.deadline) throw badInput('PLANNED needs a deadline', 'deadline');
  if (input.status !== 'PLANNED' && input.deadline) throw badInput('Only PLANNED takes a deadline', 'deadline');
  const userId = tx.actor.kind === 'anonymous' ? null : tx.actor.userId;
  const [before] = await tx.query(`SELECT * FROM standard_compliance WHERE municipality_id = $1 AND standard_id = $2`, [
    t.municipalityId,
    t.standardId,
  ]);
  if (!before) {
    if (input.expectedVersion !== null) throw conflict(t.what, null);
    const [row] = await tx.query(
      `INSERT INTO standard_compliance (municipality_id, standard_id, status, explanation, deadline, declared_by_user_id, provenance)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (municipality_id, standard_id) DO NOTHING RETURNING *`,
      [t.municipalityId, t.standardId, input.status, explanation, input.deadline, userId, authority.provenance],
    );
    if (!row) throw conflict(t.what, null);
    await tx.audit({ action: 'CREATE', entityType: 'standard_compliance', entityId: row.id, after: row });
    return loadCompliance(tx, row.id);
  }
  if (input.expectedVersion === null) throw conflict(t.what, before.version);
  const after = await updateVersioned(
    tx,
    'standard_compliance',
    before.id,
    input.expectedVersion,
    {
      status: input.status,
      explanation,
      deadline: input.deadline,
      declared_by_user_id: userId,
      provenance: authority.provenance,
      declared_at: new Date(),
      last_confirmed_at: new Date(),
      is_demo: false,
    },
    t.what,
  );
  return loadCompliance(tx, after.id);
}

export async function confirmCompliance(
  tx: WriteTx,
  input: { municipalityCode: string; standardSlug: string; expectedVersion: number },
): Promise<ComplianceRow> {
  const t = await target(tx, input.municipalityCode, input.standardSlug);
  await complianceAuthority(asQueryable(tx), tx.actor, t.municipalityId);
  const [before] = await tx.query(
    `SELECT id FROM standard_compliance WHERE municipality_id = $1 AND standard_id = $2`,
    [t.municipalityId, t.standardId],
  );
  if (!before) throw new AppError(ErrorCode.NOT_FOUND, `${t.what} has not been declared yet`);
  const after = await updateVersioned(
    tx,
    'standard_compliance',
    before.id,
    input.expectedVersion,
    { last_confirmed_at: new Date() },
    t.what,
  );
  return loadCompliance(tx, after.id);
}

export interface StandardFields {
  name?: string | null;
  description?: string | null;
  domain?: string | null;
  status?: string | null;
  ownerOrganisationSlug?: string | null;
  url?: string | null;
  adoptedOn?: string | null;
}

async function standardColumns(tx: WriteTx, f: StandardFields): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if (f.name !== undefined) out.name = f.name;
  if (f.description !== undefined) out.description = f.description;
  if (f.domain !== undefined) out.domain = f.domain;
  if (f.status !== undefined) out.status = f.status;
  if (f.url !== undefined) out.url = f.url;
  if (f.adoptedOn !== undefined) out.adopted_on = f.adoptedOn;
  if (f.ownerOrganisationSlug !== undefined) {
    if (f.ownerOrganisationSlug === null) out.owner_organisation_id = null;
    else {
      const [o] = await tx.query(`SELECT id FROM organisation WHERE slug = $1`, [
        slugArg(f.ownerOrganisationSlug, 'ownerOrganisationSlug'),
      ]);
      if (!o) throw new AppError(ErrorCode.NOT_FOUND, `No organisation ${f.ownerOrganisationSlug}`);
      out.owner_organisation_id = o.id;
    }
  }
  for (const required of ['name', 'domain', 'status'])
    if (required in out && !out[required]) throw badInput(`${required} cannot be empty`, required);
  return out;
}

export async function loadStandard(tx: WriteTx, id: number): Promise<StandardRow> {
  const [row] = await tx.query<StandardRow>(`SELECT ${STANDARD_COLUMNS} FROM standard st WHERE st.id = $1`, [id]);
  return row!;
}

export async function createStandard(tx: WriteTx, slug: string, f: StandardFields): Promise<StandardRow> {
  const s = slugArg(slug, 'slug');
  const [taken] = await tx.query(`SELECT 1 FROM standard WHERE slug = $1`, [s]);
  if (taken) throw new AppError(ErrorCode.CONFLICT, `A standard ${s} exists already`);
  const row = await insertAudited(tx, 'standard', { slug: s, ...(await standardColumns(tx, f)) });
  return loadStandard(tx, row.id);
}

export async function updateStandard(
  tx: WriteTx,
  slug: string,
  f: StandardFields,
  expectedVersion: number,
): Promise<StandardRow> {
  const s = slugArg(slug, 'slug');
  const [row] = await tx.query(`SELECT id FROM standard WHERE slug = $1`, [s]);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `No standard ${s}`);
  await updateVersioned(tx, 'standard', row.id, expectedVersion, await standardColumns(tx, f), `Standard ${s}`);
  return loadStandard(tx, row.id);
}
