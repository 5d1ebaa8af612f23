import type { QueryRunner } from 'typeorm';
import { organisations, regions, solutions, standards } from './catalogue/index.js';
import { loadInitiatives } from './load-initiatives.js';
import type { MunicipalityRow } from './municipalities.js';
import type { Random } from './random.js';

/** Ids of what the catalogue inserted, by slug. */
export interface CatalogueIds {
  organisation: Map<string, number>;
  standard: Map<string, number>;
  solution: Map<string, number>;
  /** Cooperation organisation id per member municipality id. */
  cooperationOf: Map<number, number>;
}

const json = (rows: unknown[]) => JSON.stringify(rows);
const idMap = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));

/**
 * Inserts organisations, regions, standards, the initiatives (load-initiatives.ts) and
 * solutions with their standards and relations, one statement per table. Municipalities are resolved by CBS code; an unknown code is an error, not a silent gap.
 */
export async function loadCatalogue(
  q: QueryRunner,
  municipalities: MunicipalityRow[],
  rng: Random,
): Promise<CatalogueIds> {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const need = (code: string) => {
    const m = byCode.get(code);
    if (!m) throw new Error(`Demo catalogue refers to municipality ${code}, which is not in the reference data`);
    return m;
  };

  // Regions and their members (COOPERATION/NETWORK never clash with imported kinds).
  const regionRows: { id: number; code: string }[] = await q.query(
    `INSERT INTO region (kind, code, name)
     SELECT r.kind, r.code, r.name FROM json_to_recordset($1::json) AS r(ord int, kind text, code text, name text) ORDER BY r.ord
     RETURNING id, code`,
    [json(regions.map((r, ord) => ({ ord, kind: r.kind, code: r.code, name: r.name })))],
  );
  const regionId = new Map(regionRows.map((r) => [r.code, r.id]));
  const members = regions.flatMap((r) =>
    r.members.map((code) => ({ region_id: regionId.get(r.code), municipality_id: need(code).id })),
  );
  await q.query(
    `INSERT INTO region_membership (region_id, municipality_id)
     SELECT * FROM json_to_recordset($1::json) AS r(region_id int, municipality_id int)`,
    [json(members)],
  );

  const orgRows: { id: number; slug: string }[] = await q.query(
    `INSERT INTO organisation (slug, name, kind, website, region_id, municipality_id)
     SELECT r.slug, r.name, r.kind, r.website, r.region_id, r.municipality_id
     FROM json_to_recordset($1::json) AS r(ord int, slug text, name text, kind text, website text, region_id int, municipality_id int)
     ORDER BY r.ord RETURNING id, slug`,
    [
      json(
        organisations.map((o, ord) => ({
          ord,
          slug: o.slug,
          name: o.name,
          kind: o.kind,
          website: o.website ?? null,
          region_id: o.region ? regionId.get(o.region) : null,
          municipality_id: o.municipality ? need(o.municipality).id : null,
        })),
      ),
    ],
  );
  const organisation = idMap(orgRows);
  const org = (slug: string | undefined) => {
    if (slug === undefined) return null;
    const id = organisation.get(slug);
    if (id === undefined) throw new Error(`Demo catalogue refers to unknown organisation ${slug}`);
    return id;
  };
  const cooperationOf = new Map<number, number>();
  for (const o of organisations) {
    const region = regions.find((r) => r.code === o.region);
    for (const code of region?.members ?? []) cooperationOf.set(need(code).id, org(o.slug) as number);
  }

  // Standards and their versions.
  const stdRows: { id: number; slug: string }[] = await q.query(
    `INSERT INTO standard (slug, name, description, domain, status, owner_organisation_id, url, adopted_on)
     SELECT r.slug, r.name, r.description, r.domain, r.status, r.owner, r.url, r.adopted_on
     FROM json_to_recordset($1::json) AS r(ord int, slug text, name text, description text, domain text, status text, owner int, url text, adopted_on date)
     ORDER BY r.ord RETURNING id, slug`,
    [
      json(
        standards.map((s, ord) => ({
          ord,
          ...s,
          owner: org(s.owner),
          url: s.url ?? null,
          adopted_on: s.adoptedOn ?? null,
        })),
      ),
    ],
  );
  const standard = idMap(stdRows);
  const versionRows: { id: number; standard_id: number; version_label: string }[] = await q.query(
    `INSERT INTO standard_version (standard_id, version_label, status, released_on)
     SELECT r.standard_id, r.label, r.status, r.released_on
     FROM json_to_recordset($1::json) AS r(ord int, standard_id int, label text, status text, released_on date)
     ORDER BY r.ord RETURNING id, standard_id, version_label`,
    [
      json(
        standards
          .flatMap((s) =>
            s.versions.map((v) => ({
              standard_id: standard.get(s.slug),
              label: v.label,
              status: v.status,
              released_on: v.releasedOn ?? null,
            })),
          )
          .map((v, ord) => ({ ord, ...v })),
      ),
    ],
  );
  const versionId = new Map(versionRows.map((v) => [`${v.standard_id}|${v.version_label}`, v.id]));

  const initiative = await loadInitiatives(q, municipalities, need, org, rng);

  const solRows: { id: number; slug: string }[] = await q.query(
    `INSERT INTO solution (slug, name, description, kind, lifecycle, initiative_id, origin_municipality_id, maintainer_organisation_id,
       licence, repository_url, website, launched_on, development_cost_eur, implementation_cost_eur)
     SELECT r.slug, r.name, r.description, r.kind, r.lifecycle, r.initiative_id, r.origin, r.maintainer, r.licence, r.repository,
       r.website, r.launched_on, r.development_cost, r.implementation_cost
     FROM json_to_recordset($1::json) AS r(ord int, slug text, name text, description text, kind text, lifecycle text, initiative_id int,
       origin int, maintainer int, licence text, repository text, website text, launched_on date, development_cost numeric, implementation_cost numeric)
     ORDER BY r.ord RETURNING id, slug`,
    [
      json(
        solutions.map((s, ord) => ({
          ord,
          slug: s.slug,
          name: s.name,
          description: s.description,
          kind: s.kind,
          lifecycle: s.lifecycle,
          initiative_id: s.initiative ? initiative.get(s.initiative) : null,
          origin: s.origin ? need(s.origin).id : null,
          maintainer: org(s.maintainer),
          licence: s.licence ?? null,
          repository: s.repository ?? null,
          website: s.website ?? null,
          launched_on: s.launchedOn,
          development_cost: s.developmentCost ?? null,
          implementation_cost: s.implementationCost ?? null,
        })),
      ),
    ],
  );
  const solution = idMap(solRows);
  const sol = (slug: string) => {
    const id = solution.get(slug);
    if (id === undefined) throw new Error(`Demo catalogue refers to unknown solution ${slug}`);
    return id;
  };

  const implemented = solutions.flatMap((s) =>
    s.standards.map(([slug, label]) => {
      const standardId = standard.get(slug);
      if (standardId === undefined) throw new Error(`Solution ${s.slug} refers to unknown standard ${slug}`);
      const version = label === undefined ? null : versionId.get(`${standardId}|${label}`);
      if (version === undefined) throw new Error(`Solution ${s.slug} refers to unknown version ${label} of ${slug}`);
      return { solution_id: sol(s.slug), standard_id: standardId, standard_version_id: version };
    }),
  );
  await q.query(
    `INSERT INTO solution_standard (solution_id, standard_id, standard_version_id)
     SELECT * FROM json_to_recordset($1::json) AS r(solution_id int, standard_id int, standard_version_id int)`,
    [json(implemented)],
  );
  const relations = solutions.flatMap((s) => [
    ...(s.buildsOn ?? []).map((to) => ({ from_solution_id: sol(s.slug), to_solution_id: sol(to), kind: 'BUILDS_ON' })),
    ...(s.derivedFrom ?? []).map((to) => ({
      from_solution_id: sol(s.slug),
      to_solution_id: sol(to),
      kind: 'DERIVED_FROM',
    })),
  ]);
  await q.query(
    `INSERT INTO solution_relation (from_solution_id, to_solution_id, kind)
     SELECT * FROM json_to_recordset($1::json) AS r(from_solution_id int, to_solution_id int, kind text)`,
    [json(relations)],
  );

  return { organisation, standard, solution, cooperationOf };
}
