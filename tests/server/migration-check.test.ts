import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADOPTION_MODES, ADOPTION_STATUSES, PROVENANCES } from '../../server/src/adoption/adoption-event.entity.js';
import { AUDIT_ACTIONS } from '../../server/src/audit/audit-log.entity.js';
import { BOUNDARY_LEVELS } from '../../server/src/geography/boundary-set.entity.js';
import { SUCCESSION_KINDS } from '../../server/src/geography/municipality-succession.entity.js';
import { REGION_KINDS } from '../../server/src/geography/region.entity.js';
import { API_SCOPES } from '../../server/src/identity/api-token.entity.js';
import { ROLES } from '../../server/src/identity/user-role.entity.js';
import { DECISION_BODIES, DECISION_OUTCOMES } from '../../server/src/initiative/decision.entity.js';
import { FUNDING_SOURCES } from '../../server/src/initiative/funding-line.entity.js';
import { PARTICIPANT_ROLES } from '../../server/src/initiative/initiative-participant.entity.js';
import { INITIATIVE_STAGES } from '../../server/src/initiative/initiative.entity.js';
import { ORGANISATION_KINDS } from '../../server/src/organisation/organisation.entity.js';
import { SOLUTION_RELATION_KINDS } from '../../server/src/solution/solution-relation.entity.js';
import { SOLUTION_KINDS, SOLUTION_LIFECYCLES } from '../../server/src/solution/solution.entity.js';
import { COMPLIANCE_STATUSES } from '../../server/src/standard/standard-compliance.entity.js';
import { STANDARD_VERSION_STATUSES } from '../../server/src/standard/standard-version.entity.js';
import { STANDARD_STATUSES } from '../../server/src/standard/standard.entity.js';
import { createTestDatabase, type TestDatabase } from './db.js';

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const RESTRICT_VIOLATION = '23001';

describe('the migrations and the entities describe one schema', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let municipalityId: number;
  let solutionId: number;
  let eventId: string;
  let standardIds: number[];

  beforeAll(async () => {
    db = await createTestDatabase('schema');
    ds = await db.dataSource();
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
      ((await ds.query(sql, params)) as T[])[0]!;

    const province = await one<{ id: number }>(
      `INSERT INTO province (code, name) VALUES ('PV26', 'Utrecht') RETURNING id`,
    );
    ({ id: municipalityId } = await one<{ id: number }>(
      `INSERT INTO municipality (code, name, province_id, tooi_uri)
       VALUES ('GM0344', 'Utrecht', $1, 'https://identifier.overheid.nl/tooi/id/gemeente/gm0344') RETURNING id`,
      [province.id],
    ));
    ({ id: solutionId } = await one<{ id: number }>(
      `INSERT INTO solution (slug, name, description, kind, lifecycle)
       VALUES ('open-formulieren', 'Open Formulieren', 'Forms for residents', 'SOFTWARE', 'AVAILABLE') RETURNING id`,
    ));
    ({ id: eventId } = await one<{ id: string }>(
      `INSERT INTO adoption_event (municipality_id, solution_id, status, effective_date, provenance, notes)
       VALUES ($1, $2, 'LIVE', '2024-03-01', 'SELF_DECLARED', 'original') RETURNING id`,
      [municipalityId, solutionId],
    ));
    const standards: { id: number }[] = await ds.query(
      `INSERT INTO standard (slug, name, domain, status)
       VALUES ('zgw-apis', 'ZGW APIs', 'zaakgericht werken', 'APPLY_OR_EXPLAIN'),
              ('nl-gov-api-design-rules', 'API Design Rules', 'api', 'APPLY_OR_EXPLAIN')
       RETURNING id`,
    );
    standardIds = standards.map((s) => s.id);
  });
  afterAll(async () => db?.drop());

  it('leaves TypeORM nothing to generate after migrating', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    const queries = sql.upQueries.map((q) => q.query);
    expect(queries, `TypeORM would still run:\n${queries.join(';\n')}`).toEqual([]);
  });

  it('keeps the exported enumerations equal to the check constraints', async () => {
    const enums: Record<string, readonly string[]> = {
      ck_municipality_succession_kind: SUCCESSION_KINDS,
      ck_region_kind: REGION_KINDS,
      ck_boundary_set_level: BOUNDARY_LEVELS,
      ck_organisation_kind: ORGANISATION_KINDS,
      ck_user_role_role: ROLES,
      ck_api_token_scopes: API_SCOPES,
      ck_standard_status: STANDARD_STATUSES,
      ck_standard_version_status: STANDARD_VERSION_STATUSES,
      ck_initiative_stage: INITIATIVE_STAGES,
      ck_decision_body: DECISION_BODIES,
      ck_decision_outcome: DECISION_OUTCOMES,
      ck_decision_from_stage: INITIATIVE_STAGES,
      ck_decision_to_stage: INITIATIVE_STAGES,
      ck_initiative_participant_role: PARTICIPANT_ROLES,
      ck_funding_line_source: FUNDING_SOURCES,
      ck_solution_kind: SOLUTION_KINDS,
      ck_solution_lifecycle: SOLUTION_LIFECYCLES,
      ck_solution_relation_kind: SOLUTION_RELATION_KINDS,
      ck_adoption_event_status: ADOPTION_STATUSES,
      ck_adoption_event_mode: ADOPTION_MODES,
      ck_adoption_event_provenance: PROVENANCES,
      ck_adoption_status: ADOPTION_STATUSES,
      ck_adoption_mode: ADOPTION_MODES,
      ck_adoption_provenance: PROVENANCES,
      ck_standard_compliance_status: COMPLIANCE_STATUSES,
      ck_standard_compliance_provenance: PROVENANCES,
      ck_audit_log_action: AUDIT_ACTIONS,
    };
    const rows: { name: string; def: string }[] = await ds.query(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = ANY($1)`,
      [Object.keys(enums)],
    );
    const inDatabase = Object.fromEntries(
      rows.map((r) => [r.name, [...r.def.matchAll(/'([A-Z0-9_]+)'::text/g)].map((m) => m[1]).sort()]),
    );
    const inCode = Object.fromEntries(Object.entries(enums).map(([name, values]) => [name, [...values].sort()]));
    expect(inDatabase).toEqual(inCode);
  });

  describe('rules the database enforces by itself', () => {
    const insertAdoption = () =>
      ds.query(
        `INSERT INTO adoption (municipality_id, solution_id, status, status_since, first_event_date, provenance,
                               last_event_id, last_confirmed_at)
         VALUES ($1, $2, 'LIVE', '2024-03-01', '2024-03-01', 'SELF_DECLARED', $3, now())`,
        [municipalityId, solutionId, eventId],
      );
    const insertCompliance = (
      standardId: number,
      status: string,
      explanation: string | null,
      deadline: string | null,
    ) =>
      ds.query(
        `INSERT INTO standard_compliance (municipality_id, standard_id, status, explanation, deadline, provenance)
         VALUES ($1, $2, $3, $4, $5, 'SELF_DECLARED')`,
        [municipalityId, standardId, status, explanation, deadline],
      );

    it('allows one adoption per municipality and solution', async () => {
      await insertAdoption();
      await expect(insertAdoption()).rejects.toMatchObject({
        code: UNIQUE_VIOLATION,
        constraint: 'uq_adoption_municipality_solution',
      });
    });

    it('requires an explanation for EXPLAINED compliance', async () => {
      const [standardId] = standardIds as [number, number];
      for (const explanation of [null, '   ']) {
        await expect(insertCompliance(standardId, 'EXPLAINED', explanation, null)).rejects.toMatchObject({
          code: CHECK_VIOLATION,
          constraint: 'ck_standard_compliance_explained',
        });
      }
      await insertCompliance(standardId, 'EXPLAINED', 'Our case system does not support it yet', null);
    });

    it('requires a deadline for PLANNED compliance', async () => {
      const [, standardId] = standardIds as [number, number];
      await expect(insertCompliance(standardId, 'PLANNED', null, null)).rejects.toMatchObject({
        code: CHECK_VIOLATION,
        constraint: 'ck_standard_compliance_planned',
      });
      await insertCompliance(standardId, 'PLANNED', null, '2026-12-31');
    });

    it('refuses to update or delete an adoption event', async () => {
      await expect(
        ds.query(`UPDATE adoption_event SET notes = 'rewritten' WHERE id = $1`, [eventId]),
      ).rejects.toMatchObject({
        code: RESTRICT_VIOLATION,
        message: expect.stringContaining('append-only'),
      });
      await expect(ds.query(`DELETE FROM adoption_event WHERE id = $1`, [eventId])).rejects.toMatchObject({
        code: RESTRICT_VIOLATION,
      });
      expect(await ds.query(`SELECT notes FROM adoption_event WHERE id = $1`, [eventId])).toEqual([
        { notes: 'original' },
      ]);
    });

    it('refuses a municipality code that is not GM and four digits', async () => {
      await expect(
        ds.query(
          `INSERT INTO municipality (code, name, province_id, tooi_uri)
           SELECT 'XX12', 'Nowhere', province_id, 'https://example.org/nowhere' FROM municipality WHERE id = $1`,
          [municipalityId],
        ),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION, constraint: 'ck_municipality_code' });
    });
  });
});
