import { municipalityCodeArg, slugArg } from '../adoption/adoption.inputs.js';
import { insertAudited, updateVersioned, type WriteTx } from '../audit/write.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { isAdmin } from '../identity/actor.js';
import { forbidden, orgsWith, solutionAuthority } from '../identity/policy.js';
import { SOLUTION_COLUMNS, type SolutionRow } from './solution.rows.js';

export interface SolutionFields {
  name?: string | null;
  description?: string | null;
  kind?: string | null;
  lifecycle?: string | null;
  initiativeSlug?: string | null;
  originMunicipalityCode?: string | null;
  maintainerOrganisationSlug?: string | null;
  licence?: string | null;
  repositoryUrl?: string | null;
  website?: string | null;
  launchedOn?: string | null;
  developmentCostEur?: number | null;
  implementationCostEur?: number | null;
}

const PLAIN: Record<string, string> = {
  name: 'name',
  description: 'description',
  kind: 'kind',
  lifecycle: 'lifecycle',
  licence: 'licence',
  repositoryUrl: 'repository_url',
  website: 'website',
  launchedOn: 'launched_on',
  developmentCostEur: 'development_cost_eur',
  implementationCostEur: 'implementation_cost_eur',
};

async function idOf(tx: WriteTx, table: string, column: string, value: string, label: string): Promise<number> {
  const [row] = await tx.query(`SELECT id FROM ${table} WHERE ${column} = $1`, [value]);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `No ${label} ${value}`);
  return row.id;
}

/** Column values from the fields that were sent; a SUPPLIER may only name its own organisation as maintainer. */
async function columns(tx: WriteTx, f: SolutionFields): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PLAIN)) {
    const v = (f as Record<string, unknown>)[field];
    if (v !== undefined) out[column] = v;
  }
  for (const required of ['name', 'description', 'kind', 'lifecycle']) {
    if (required in out && (out[required] === null || out[required] === ''))
      throw badInput(`${required} cannot be empty`, required);
  }
  for (const cost of ['development_cost_eur', 'implementation_cost_eur']) {
    const v = out[cost];
    if (typeof v === 'number' && (v < 0 || v >= 1e12)) throw badInput(`${cost} must be between 0 and 10^12`, cost);
  }
  if (f.initiativeSlug !== undefined) {
    out.initiative_id =
      f.initiativeSlug === null
        ? null
        : await idOf(tx, 'initiative', 'slug', slugArg(f.initiativeSlug, 'initiativeSlug'), 'initiative');
  }
  if (f.originMunicipalityCode !== undefined) {
    out.origin_municipality_id =
      f.originMunicipalityCode === null
        ? null
        : await idOf(
            tx,
            'municipality',
            'code',
            municipalityCodeArg(f.originMunicipalityCode, 'originMunicipalityCode'),
            'municipality',
          );
  }
  if (f.maintainerOrganisationSlug !== undefined) {
    const id =
      f.maintainerOrganisationSlug === null
        ? null
        : await idOf(
            tx,
            'organisation',
            'slug',
            slugArg(f.maintainerOrganisationSlug, 'maintainerOrganisationSlug'),
            'organisation',
          );
    if (!isAdmin(tx.actor) && (id === null || !orgsWith(tx.actor, 'SUPPLIER').includes(id))) {
      throw forbidden('As a supplier you can only name your own organisation as maintainer');
    }
    out.maintainer_organisation_id = id;
  }
  return out;
}

export async function loadSolution(tx: WriteTx, id: number): Promise<SolutionRow> {
  const [row] = await tx.query<SolutionRow>(`SELECT ${SOLUTION_COLUMNS} FROM solution s WHERE s.id = $1`, [id]);
  return row!;
}

async function solutionBySlug(tx: WriteTx, slug: string, field = 'slug'): Promise<SolutionRow> {
  const s = slugArg(slug, field);
  const [row] = await tx.query<SolutionRow>(`SELECT ${SOLUTION_COLUMNS} FROM solution s WHERE s.slug = $1`, [s]);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `No solution ${s}`);
  return row;
}

export async function createSolution(tx: WriteTx, slug: string, f: SolutionFields): Promise<SolutionRow> {
  if (!isAdmin(tx.actor) && !f.maintainerOrganisationSlug)
    throw forbidden('As a supplier, name your own organisation as maintainer');
  const s = slugArg(slug, 'slug');
  const values = await columns(tx, f);
  for (const required of ['name', 'description', 'kind', 'lifecycle'])
    if (!values[required]) throw badInput(`${required} is required`, required);
  const [taken] = await tx.query(`SELECT 1 FROM solution WHERE slug = $1`, [s]);
  if (taken) throw new AppError(ErrorCode.CONFLICT, `A solution ${s} exists already`);
  const row = await insertAudited(tx, 'solution', { slug: s, ...values });
  return loadSolution(tx, row.id);
}

export async function updateSolution(
  tx: WriteTx,
  slug: string,
  f: SolutionFields,
  expectedVersion: number,
): Promise<SolutionRow> {
  const current = await solutionBySlug(tx, slug);
  solutionAuthority(tx.actor, current.maintainer_organisation_id);
  await updateVersioned(tx, 'solution', current.id, expectedVersion, await columns(tx, f), `Solution ${current.slug}`);
  return loadSolution(tx, current.id);
}

/** Replaces the set of standards a solution implements; one audit record per link added, changed or removed. */
export async function setSolutionStandards(
  tx: WriteTx,
  slug: string,
  standards: { standardSlug: string; versionLabel?: string | null }[],
  expectedVersion: number,
): Promise<SolutionRow> {
  const solution = await solutionBySlug(tx, slug);
  solutionAuthority(tx.actor, solution.maintainer_organisation_id);
  const wanted = new Map<number, number | null>();
  for (const s of standards) {
    const standardSlug = slugArg(s.standardSlug, 'standards.standardSlug');
    const [st] = await tx.query(`SELECT id FROM standard WHERE slug = $1`, [standardSlug]);
    if (!st) throw new AppError(ErrorCode.NOT_FOUND, `No standard ${standardSlug}`);
    if (wanted.has(st.id)) throw badInput(`${standardSlug} is listed twice`, 'standards');
    let versionId: number | null = null;
    if (s.versionLabel) {
      const [v] = await tx.query(`SELECT id FROM standard_version WHERE standard_id = $1 AND version_label = $2`, [
        st.id,
        s.versionLabel,
      ]);
      if (!v) throw new AppError(ErrorCode.NOT_FOUND, `${standardSlug} has no version ${s.versionLabel}`);
      versionId = v.id;
    }
    wanted.set(st.id, versionId);
  }
  // The version check first: a stale caller changes nothing.
  await updateVersioned(tx, 'solution', solution.id, expectedVersion, {}, `Solution ${solution.slug}`);
  const existing = await tx.query(`SELECT * FROM solution_standard WHERE solution_id = $1 ORDER BY standard_id`, [
    solution.id,
  ]);
  const key = (r: Record<string, unknown>) => `${r.solution_id}:${r.standard_id}`;
  for (const row of existing) {
    if (!wanted.has(row.standard_id)) {
      await tx.query(`DELETE FROM solution_standard WHERE solution_id = $1 AND standard_id = $2`, [
        solution.id,
        row.standard_id,
      ]);
      await tx.audit({ action: 'DELETE', entityType: 'solution_standard', entityId: key(row), before: row });
    } else if (wanted.get(row.standard_id) !== row.standard_version_id) {
      const [after] = await tx.query(
        `UPDATE solution_standard SET standard_version_id = $3 WHERE solution_id = $1 AND standard_id = $2 RETURNING *`,
        [solution.id, row.standard_id, wanted.get(row.standard_id)],
      );
      await tx.audit({ action: 'UPDATE', entityType: 'solution_standard', entityId: key(row), before: row, after });
    }
  }
  const had = new Set(existing.map((r) => r.standard_id));
  for (const [standardId, versionId] of wanted) {
    if (had.has(standardId)) continue;
    await insertAudited(
      tx,
      'solution_standard',
      { solution_id: solution.id, standard_id: standardId, standard_version_id: versionId },
      key,
    );
  }
  return loadSolution(tx, solution.id);
}

export async function addSolutionRelation(
  tx: WriteTx,
  fromSlug: string,
  toSlug: string,
  kind: string,
): Promise<SolutionRow> {
  const from = await solutionBySlug(tx, fromSlug, 'fromSlug');
  solutionAuthority(tx.actor, from.maintainer_organisation_id);
  const to = await solutionBySlug(tx, toSlug, 'toSlug');
  if (from.id === to.id) throw badInput('A solution cannot relate to itself', 'toSlug');
  const [exists] = await tx.query(
    `SELECT 1 FROM solution_relation WHERE from_solution_id = $1 AND to_solution_id = $2 AND kind = $3`,
    [from.id, to.id, kind],
  );
  if (exists) throw new AppError(ErrorCode.CONFLICT, `${from.slug} already ${kind} ${to.slug}`);
  await insertAudited(
    tx,
    'solution_relation',
    { from_solution_id: from.id, to_solution_id: to.id, kind },
    (r) => `${r.from_solution_id}:${r.to_solution_id}:${r.kind}`,
  );
  return loadSolution(tx, from.id);
}

export async function removeSolutionRelation(
  tx: WriteTx,
  fromSlug: string,
  toSlug: string,
  kind: string,
): Promise<SolutionRow> {
  const from = await solutionBySlug(tx, fromSlug, 'fromSlug');
  solutionAuthority(tx.actor, from.maintainer_organisation_id);
  const to = await solutionBySlug(tx, toSlug, 'toSlug');
  const [row] = await tx.query(
    `DELETE FROM solution_relation WHERE from_solution_id = $1 AND to_solution_id = $2 AND kind = $3 RETURNING *`,
    [from.id, to.id, kind],
  );
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `${from.slug} has no ${kind} relation to ${to.slug}`);
  await tx.audit({
    action: 'DELETE',
    entityType: 'solution_relation',
    entityId: `${from.id}:${to.id}:${kind}`,
    before: row,
  });
  return loadSolution(tx, from.id);
}
