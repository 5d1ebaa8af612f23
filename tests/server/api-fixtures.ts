// graphql is a dependency of the server only; this is the very module the Vitest alias pins.
import { graphql, type ExecutionResult, type GraphQLSchema } from '../../server/node_modules/graphql/index.js';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createContext } from '../../server/src/context.js';
import { createLookupPool } from '../../server/src/performance/prepared-statements.js';
import { poolOf } from '../../server/src/data-source.js';
import { createLogger } from '../../server/src/logger.js';
import { createSchema } from '../../server/src/schema.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import type { TemplateKind } from './templates.js';

/**
 * A small hand-built catalogue on top of the reference data, for the API tests. Everything is
 * real SQL against the real schema; the expectations in the tests are written from this file.
 *
 * Solutions (name order): Inkoopcontract ICT, Kennisbank (retired), Open Zaak, Zaakportaal,
 * Zaakportaal Rotterdam. Zaakportaal BUILDS_ON Open Zaak; Zaakportaal Rotterdam is DERIVED_FROM
 * Zaakportaal. Adoptions of Open Zaak: GM0014 LIVE, GM0344 RETIRED, GM0363 LIVE (three events),
 * GM0599 IMPLEMENTING, GM0855 LIVE inherited from Haaren (GM0788).
 */
export async function loadApiFixtures(ds: DataSource): Promise<void> {
  await ds.query(`
    INSERT INTO organisation (slug, name, kind, website) VALUES
      ('vng-realisatie', 'VNG Realisatie', 'VNG_REALISATIE', 'https://www.vngrealisatie.nl'),
      ('dimpact', 'Dimpact', 'COOPERATION', NULL),
      ('acme-software', 'Acme Software', 'SUPPLIER', NULL);

    INSERT INTO region (kind, code, name) VALUES ('NETWORK', 'G4', 'G4');
    INSERT INTO region_membership (region_id, municipality_id)
      SELECT r.id, m.id FROM region r, municipality m
       WHERE r.kind = 'NETWORK' AND r.code = 'G4' AND m.code IN ('GM0363', 'GM0599', 'GM0518', 'GM0344');
    UPDATE organisation SET region_id = (SELECT id FROM region WHERE kind = 'NETWORK' AND code = 'G4') WHERE slug = 'dimpact';

    INSERT INTO standard (slug, name, description, domain, status, owner_organisation_id, adopted_on) VALUES
      ('zgw-apis', 'ZGW API''s', 'APIs voor zaakgericht werken', 'Zaakgericht werken', 'ADOPTED',
        (SELECT id FROM organisation WHERE slug = 'vng-realisatie'), '2019-06-01'),
      ('haal-centraal', 'Haal Centraal', NULL, 'Basisregistraties', 'APPLY_OR_EXPLAIN', NULL, NULL),
      ('oude-standaard', 'Oude standaard', NULL, 'Zaakgericht werken', 'DEPRECATED', NULL, NULL);
    INSERT INTO standard_version (standard_id, version_label, status, released_on) VALUES
      ((SELECT id FROM standard WHERE slug = 'zgw-apis'), '1.0', 'SUPERSEDED', '2019-01-15'),
      ((SELECT id FROM standard WHERE slug = 'zgw-apis'), '1.5', 'CURRENT', '2023-05-01');

    INSERT INTO annual_plan (year, title, adopted_on, budget_eur) VALUES
      (2023, 'Jaarplan GGU 2023', '2022-12-01', 1000000.00),
      (2024, 'Jaarplan GGU 2024', NULL, NULL);

    INSERT INTO initiative (slug, title, problem, domain, stage, submitted_on, submitted_by_municipality_id, submitted_by_organisation_id) VALUES
      ('samen-zaakgericht', 'Samen zaakgericht', 'Every municipality builds its own case system', 'Dienstverlening', 'IN_MANAGEMENT',
        '2019-03-01', (SELECT id FROM municipality WHERE code = 'GM0363'), NULL),
      ('digitale-inkoop', 'Digitale inkoop', 'Procurement takes too long', 'Bedrijfsvoering', 'SUBMITTED',
        '2024-02-01', NULL, (SELECT id FROM organisation WHERE slug = 'dimpact')),
      ('afgewezen-idee', 'Afgewezen idee', 'Nobody needed it', 'Dienstverlening', 'REJECTED',
        '2022-06-01', (SELECT id FROM municipality WHERE code = 'GM0014'), NULL);
    INSERT INTO decision (initiative_id, body, decided_on, outcome, from_stage, to_stage, rationale, annual_plan_id)
      SELECT i.id, d.body, d.decided_on::date, d.outcome, d.from_stage, d.to_stage, d.rationale,
             (SELECT id FROM annual_plan WHERE year = d.plan_year)
        FROM initiative i,
             (VALUES ('ALV', '2019-06-01', 'APPROVED', 'ADVISED', 'ADOPTED', 'In het jaarplan', 2023),
                     ('TASKFORCE', '2019-04-01', 'APPROVED', 'SUBMITTED', 'ASSESSED', 'Breed gedragen', NULL),
                     ('CVD', '2019-05-01', 'ADVISED', 'ASSESSED', 'ADVISED', NULL, NULL)) AS d(body, decided_on, outcome, from_stage, to_stage, rationale, plan_year)
       WHERE i.slug = 'samen-zaakgericht';
    INSERT INTO decision (initiative_id, body, decided_on, outcome, from_stage, to_stage)
      SELECT id, 'TASKFORCE', '2022-07-01', 'REJECTED', 'SUBMITTED', 'REJECTED' FROM initiative WHERE slug = 'afgewezen-idee';
    INSERT INTO initiative_participant (initiative_id, municipality_id, role, joined_on)
      SELECT i.id, m.id, p.role, p.joined_on::date FROM initiative i, municipality m,
             (VALUES ('GM0599', 'PARTICIPANT', '2019-07-01'), ('GM0363', 'PIONEER', '2019-03-01'), ('GM0014', 'FUNDER', NULL))
               AS p(code, role, joined_on)
       WHERE i.slug = 'samen-zaakgericht' AND m.code = p.code;
    INSERT INTO funding_line (initiative_id, annual_plan_id, year, source, amount_eur, description) VALUES
      ((SELECT id FROM initiative WHERE slug = 'samen-zaakgericht'), NULL, 2024, 'MUNICIPALITIES', 25000.00, NULL),
      ((SELECT id FROM initiative WHERE slug = 'samen-zaakgericht'), (SELECT id FROM annual_plan WHERE year = 2023), 2023,
        'FONDS_GGU', 100000.50, 'Development'),
      ((SELECT id FROM initiative WHERE slug = 'digitale-inkoop'), NULL, 2023, 'VNG', 5000.00, 'Exploration');

    INSERT INTO solution (slug, name, description, kind, lifecycle, initiative_id, origin_municipality_id, maintainer_organisation_id,
                          licence, repository_url, launched_on, development_cost_eur, implementation_cost_eur) VALUES
      ('open-zaak', 'Open Zaak', 'Registration of cases', 'SOFTWARE', 'AVAILABLE',
        (SELECT id FROM initiative WHERE slug = 'samen-zaakgericht'), (SELECT id FROM municipality WHERE code = 'GM0363'),
        (SELECT id FROM organisation WHERE slug = 'vng-realisatie'), 'EUPL-1.2', 'https://github.com/open-zaak/open-zaak',
        '2020-01-01', 500000.00, 20000.00),
      ('zaak-portaal', 'Zaakportaal', 'Citizens see their cases', 'SOFTWARE', 'PILOT',
        (SELECT id FROM initiative WHERE slug = 'samen-zaakgericht'), NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      ('zaak-portaal-rotterdam', 'Zaakportaal Rotterdam', 'Rotterdam variant of the case portal', 'SOFTWARE', 'AVAILABLE',
        NULL, (SELECT id FROM municipality WHERE code = 'GM0599'), NULL, NULL, NULL, NULL, NULL, NULL),
      ('inkoopcontract-ict', 'Inkoopcontract ICT', 'Joint ICT framework agreement', 'CONTRACT', 'AVAILABLE',
        NULL, NULL, (SELECT id FROM organisation WHERE slug = 'dimpact'), NULL, NULL, NULL, NULL, NULL),
      ('kennisbank', 'Kennisbank', 'Handbooks on case management', 'KNOWLEDGE', 'RETIRED',
        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    INSERT INTO solution_standard (solution_id, standard_id, standard_version_id) VALUES
      ((SELECT id FROM solution WHERE slug = 'open-zaak'), (SELECT id FROM standard WHERE slug = 'zgw-apis'),
        (SELECT v.id FROM standard_version v JOIN standard s ON s.id = v.standard_id WHERE s.slug = 'zgw-apis' AND v.version_label = '1.5')),
      ((SELECT id FROM solution WHERE slug = 'zaak-portaal'), (SELECT id FROM standard WHERE slug = 'zgw-apis'), NULL),
      ((SELECT id FROM solution WHERE slug = 'zaak-portaal'), (SELECT id FROM standard WHERE slug = 'haal-centraal'), NULL);
    INSERT INTO solution_relation (from_solution_id, to_solution_id, kind) VALUES
      ((SELECT id FROM solution WHERE slug = 'zaak-portaal'), (SELECT id FROM solution WHERE slug = 'open-zaak'), 'BUILDS_ON'),
      ((SELECT id FROM solution WHERE slug = 'zaak-portaal-rotterdam'), (SELECT id FROM solution WHERE slug = 'zaak-portaal'), 'DERIVED_FROM');

    INSERT INTO standard_compliance (municipality_id, standard_id, status, explanation, deadline, provenance, declared_at, last_confirmed_at)
      SELECT m.id, s.id, c.status, c.explanation, c.deadline::date, c.provenance, '2024-01-01T10:00:00Z', '2024-06-01T10:00:00Z'
        FROM (VALUES ('GM0363', 'zgw-apis', 'COMPLIANT', NULL, NULL, 'SELF_DECLARED'),
                     ('GM0599', 'zgw-apis', 'PLANNED', NULL, '2026-01-01', 'SELF_DECLARED'),
                     ('GM0014', 'zgw-apis', 'EXPLAINED', 'Own system until 2027', NULL, 'VERIFIED'),
                     ('GM0363', 'haal-centraal', 'PARTIAL', NULL, NULL, 'SELF_DECLARED'))
               AS c(code, slug, status, explanation, deadline, provenance)
        JOIN municipality m ON m.code = c.code JOIN standard s ON s.slug = c.slug;
  `);

  // Events first (append-only history), then the projection from the latest event of each pair.
  await ds.query(`
    INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, recorded_at, provenance, notes,
                                actor_organisation_id, inherited_from_municipality_id, is_demo)
      SELECT m.id, s.id, e.status, e.mode, e.effective_date::date, e.recorded_at::timestamptz, e.provenance, e.notes,
             (SELECT id FROM organisation WHERE slug = e.actor_org), (SELECT id FROM municipality WHERE code = e.inherited_from), e.is_demo
        FROM (VALUES
          ('GM0363', 'open-zaak', 'PLANNED', NULL, '2020-06-01', '2020-06-02T08:00:00Z', 'SELF_DECLARED', NULL, NULL, NULL, false, 1),
          ('GM0363', 'open-zaak', 'CONSIDERING', NULL, '2020-01-01', '2020-01-05T08:00:00Z', 'SELF_DECLARED', 'Orienting', NULL, NULL, false, 2),
          ('GM0363', 'open-zaak', 'LIVE', 'OWN_INSTALLATION', '2021-01-01', '2021-01-10T08:00:00Z', 'VERIFIED', 'Went live', NULL, NULL, false, 3),
          ('GM0599', 'open-zaak', 'IMPLEMENTING', 'SAAS', '2022-03-01', '2022-03-01T08:00:00Z', 'SUPPLIER_DECLARED', NULL, 'acme-software', NULL, false, 1),
          ('GM0014', 'open-zaak', 'LIVE', 'SAAS', '2021-05-01', '2024-05-01T08:00:00Z', 'SELF_DECLARED', NULL, NULL, NULL, true, 1),
          ('GM0344', 'open-zaak', 'RETIRED', NULL, '2023-01-01', '2023-01-02T08:00:00Z', 'SELF_DECLARED', NULL, NULL, NULL, false, 1),
          ('GM0788', 'open-zaak', 'LIVE', 'OWN_INSTALLATION', '2019-01-01', '2019-01-02T08:00:00Z', 'SELF_DECLARED', NULL, NULL, NULL, false, 1),
          ('GM0855', 'open-zaak', 'LIVE', 'OWN_INSTALLATION', '2021-01-01', '2021-01-02T08:00:00Z', 'INHERITED', 'Inherited from Haaren',
             NULL, 'GM0788', false, 1),
          ('GM0363', 'zaak-portaal', 'PLANNED', NULL, '2024-01-01', '2024-01-01T08:00:00Z', 'SELF_DECLARED', NULL, NULL, NULL, false, 1),
          ('GM0518', 'inkoopcontract-ict', 'LIVE', 'VIA_COOPERATION', '2022-01-01', '2025-02-01T08:00:00Z', 'COOPERATION_DECLARED', NULL,
             'dimpact', NULL, false, 1)
        ) AS e(code, slug, status, mode, effective_date, recorded_at, provenance, notes, actor_org, inherited_from, is_demo, seq)
        JOIN municipality m ON m.code = e.code JOIN solution s ON s.slug = e.slug
       ORDER BY e.seq, e.code;

    INSERT INTO adoption (municipality_id, solution_id, status, mode, status_since, first_event_date, live_since, provenance, notes,
                          last_event_id, last_confirmed_at, inherited_from_municipality_id, needs_review, is_demo, updated_at)
      SELECT DISTINCT ON (e.municipality_id, e.solution_id)
             e.municipality_id, e.solution_id, e.status, e.mode, e.effective_date,
             min(e.effective_date) OVER w, min(e.effective_date) FILTER (WHERE e.status = 'LIVE') OVER w,
             e.provenance, e.notes, e.id, e.recorded_at, e.inherited_from_municipality_id,
             e.inherited_from_municipality_id IS NOT NULL, e.is_demo, max(e.recorded_at) OVER w
        FROM adoption_event e
      WINDOW w AS (PARTITION BY e.municipality_id, e.solution_id)
       ORDER BY e.municipality_id, e.solution_id, e.effective_date DESC, e.id DESC;
  `);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Result = ExecutionResult<any>;
export type Gql = (source: string, variables?: Record<string, unknown>, pool?: Pool) => Promise<Result>;

export interface ApiHarness {
  db: TestDatabase;
  ds: DataSource;
  pool: Pool;
  schema: GraphQLSchema;
  /** The loaders' pool for keyed reads, as the app has it (createLookupPool). */
  lookups: Pool;
  /**
   * Executes an operation without HTTP, with a fresh context (fresh DataLoaders) per call. A
   * `pool` given serves every statement, the keyed reads too.
   */
  gql: Gql;
  /** Like `gql`, but fails the test with the errors when there are any; returns `data`. */
  data: (source: string, variables?: Record<string, unknown>) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function openApi(template: TemplateKind, withFixtures: boolean): Promise<ApiHarness> {
  const db = await createTestDatabase(template);
  const ds = await db.dataSource();
  if (withFixtures) await loadApiFixtures(ds);
  const pool = poolOf(ds);
  const schema = await createSchema();
  const log = createLogger('silent', false);
  const lookups = createLookupPool(pool, (err) => log.warn({ err }, 'lookups pool error'));
  const gql: Gql = (source, variableValues, p) =>
    graphql({
      schema,
      source,
      variableValues,
      contextValue: p ? createContext(p, log, 'test') : createContext(pool, log, 'test', {}, lookups),
    }) as Promise<Result>;
  const data = async (source: string, variables?: Record<string, unknown>) => {
    const res = await gql(source, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${res.errors.map((e) => e.message).join('; ')}`);
    return res.data;
  };
  const drop = async () => {
    await lookups.end();
    await db.drop();
  };
  return { db: { ...db, drop }, ds, pool, lookups, schema, gql, data };
}

/** The `extensions.code` of each error. */
export const codes = (res: Result) => (res.errors ?? []).map((e) => e.extensions?.code);
