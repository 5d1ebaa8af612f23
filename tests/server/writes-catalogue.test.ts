import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  A,
  B,
  C,
  codeOf,
  count,
  gql,
  makeUser,
  sessionFor,
  snapshot,
  startWritesApp,
  type WritesEnv,
} from './writes-support.js';

describe('writes: compliance, initiatives, solutions and standards', () => {
  let env: WritesEnv;
  let s: Record<'editorA' | 'editorB' | 'coop' | 'supplier' | 'other' | 'admin' | 'viewer', string>;

  beforeAll(async () => {
    env = await startWritesApp();
    const p = env.pool;
    s = {
      editorA: await sessionFor(p, await makeUser(p, 'a@c.test', [{ role: 'EDITOR', municipality: A }])),
      editorB: await sessionFor(p, await makeUser(p, 'b@c.test', [{ role: 'EDITOR', municipality: B }])),
      coop: await sessionFor(
        p,
        await makeUser(p, 'coop@c.test', [{ role: 'COOPERATION_EDITOR', organisation: 'test-coop' }]),
      ),
      supplier: await sessionFor(
        p,
        await makeUser(p, 'sup@c.test', [{ role: 'SUPPLIER', organisation: 'test-supplier' }]),
      ),
      other: await sessionFor(
        p,
        await makeUser(p, 'other@c.test', [{ role: 'SUPPLIER', organisation: 'other-supplier' }]),
      ),
      admin: await sessionFor(p, await makeUser(p, 'admin@c.test', [{ role: 'ADMIN' }])),
      viewer: await sessionFor(p, await makeUser(p, 'viewer@c.test', [{ role: 'VIEWER' }])),
    };
  });
  afterAll(async () => env?.close());

  /** Runs the write and checks it changed nothing. */
  const refused = async (
    query: string,
    variables: Record<string, unknown>,
    cookie: string | undefined,
    code: string,
  ) => {
    const before = await snapshot(env.pool);
    const r = await gql(env.base, query, variables, cookie ? { cookie } : {});
    expect(codeOf(r), JSON.stringify(r.body.errors)).toBe(code);
    expect(await snapshot(env.pool)).toEqual(before);
  };
  /** Runs the write and returns its data plus the number of audit records it wrote. */
  const ok = async (query: string, variables: Record<string, unknown>, cookie: string) => {
    const audits = await count(env.pool, 'audit_log');
    const r = await gql(env.base, query, variables, { cookie });
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return { data: r.body.data, audits: (await count(env.pool, 'audit_log')) - audits };
  };

  describe('declareCompliance / confirmCompliance', () => {
    const DECLARE = `mutation($i: DeclareComplianceInput!) { declareCompliance(input: $i) { id status explanation deadline provenance version } }`;
    const CONFIRM = `mutation($i: ComplianceVersionInput!) { confirmCompliance(input: $i) { id version lastConfirmedAt } }`;
    const i = { municipalityCode: A, standardSlug: 'test-standard', status: 'COMPLIANT' };

    it('unauthenticated → forbidden → invalid → happy path', async () => {
      await refused(DECLARE, { i }, undefined, 'UNAUTHENTICATED');
      await refused(DECLARE, { i }, s.viewer, 'FORBIDDEN');
      await refused(DECLARE, { i }, s.supplier, 'FORBIDDEN');
      await refused(DECLARE, { i }, s.editorB, 'FORBIDDEN');
      await refused(DECLARE, { i }, s.coop, 'FORBIDDEN');
      await refused(DECLARE, { i: { ...i, status: 'EXPLAINED', explanation: '  ' } }, s.editorA, 'BAD_USER_INPUT');
      await refused(DECLARE, { i: { ...i, status: 'PLANNED' } }, s.editorA, 'BAD_USER_INPUT');
      await refused(DECLARE, { i: { ...i, deadline: '2026-01-01' } }, s.editorA, 'BAD_USER_INPUT');

      const first = await ok(
        DECLARE,
        { i: { ...i, status: 'EXPLAINED', explanation: 'Leverancier ondersteunt het nog niet' } },
        s.editorA,
      );
      expect(first.data.declareCompliance).toMatchObject({
        id: `${A}:test-standard`,
        status: 'EXPLAINED',
        provenance: 'SELF_DECLARED',
        version: 1,
      });
      expect(first.audits).toBe(1);
      await refused(DECLARE, { i: { ...i, expectedVersion: 5 } }, s.editorA, 'CONFLICT');
      await refused(DECLARE, { i }, s.editorA, 'CONFLICT');
      const planned = await ok(
        DECLARE,
        { i: { ...i, status: 'PLANNED', deadline: '2026-06-30', expectedVersion: 1 } },
        s.editorA,
      );
      expect(planned.data.declareCompliance).toMatchObject({
        status: 'PLANNED',
        deadline: '2026-06-30',
        explanation: null,
        version: 2,
      });
      const coop = await ok(DECLARE, { i: { ...i, municipalityCode: C } }, s.coop);
      expect(coop.data.declareCompliance.provenance).toBe('COOPERATION_DECLARED');

      await refused(
        CONFIRM,
        { i: { municipalityCode: A, standardSlug: 'test-standard', expectedVersion: 2 } },
        undefined,
        'UNAUTHENTICATED',
      );
      await refused(
        CONFIRM,
        { i: { municipalityCode: A, standardSlug: 'test-standard', expectedVersion: 2 } },
        s.editorB,
        'FORBIDDEN',
      );
      await refused(
        CONFIRM,
        { i: { municipalityCode: A, standardSlug: 'second-standard', expectedVersion: 1 } },
        s.editorA,
        'NOT_FOUND',
      );
      const confirmed = await ok(
        CONFIRM,
        { i: { municipalityCode: A, standardSlug: 'test-standard', expectedVersion: 2 } },
        s.editorA,
      );
      expect(confirmed.data.confirmCompliance.version).toBe(3);
      expect(confirmed.audits).toBe(1);
    });
  });

  describe('initiatives', () => {
    const SUBMIT = `mutation($i: SubmitInitiativeInput!) { submitInitiative(input: $i) { id stage version submittedOn } }`;
    const DECIDE = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { id fromStage toStage } initiative { stage version } } }`;
    const JOIN = `mutation($i: AddInitiativeParticipantInput!) { addInitiativeParticipant(input: $i) { id role } }`;
    const FUND = `mutation($i: AddFundingLineInput!) { addFundingLine(input: $i) { id amountEur } }`;
    const initiative = {
      slug: 'shared-chatbot',
      title: 'Gedeelde chatbot',
      problem: 'Elke gemeente bouwt zelf een chatbot',
      domain: 'dienstverlening',
      submittedByMunicipalityCode: A,
    };

    it('submitInitiative: unauthenticated → forbidden (viewer, supplier, another municipality) → invalid → happy path', async () => {
      await refused(SUBMIT, { i: initiative }, undefined, 'UNAUTHENTICATED');
      await refused(SUBMIT, { i: initiative }, s.viewer, 'FORBIDDEN');
      await refused(SUBMIT, { i: initiative }, s.supplier, 'FORBIDDEN');
      await refused(SUBMIT, { i: initiative }, s.editorB, 'FORBIDDEN');
      await refused(SUBMIT, { i: { ...initiative, slug: 'Not A Slug' } }, s.editorA, 'BAD_USER_INPUT');
      await refused(SUBMIT, { i: { ...initiative, submittedByMunicipalityCode: null } }, s.editorA, 'BAD_USER_INPUT');
      const r = await ok(SUBMIT, { i: initiative }, s.editorA);
      expect(r.data.submitInitiative).toMatchObject({ id: 'shared-chatbot', stage: 'SUBMITTED', version: 1 });
      expect(r.audits).toBe(1);
      await refused(SUBMIT, { i: initiative }, s.editorA, 'CONFLICT');
      const byCoop = await ok(
        SUBMIT,
        {
          i: {
            ...initiative,
            slug: 'regional-thing',
            submittedByMunicipalityCode: null,
            submittedByOrganisationSlug: 'test-coop',
          },
        },
        s.coop,
      );
      expect(byCoop.data.submitInitiative.stage).toBe('SUBMITTED');
    });

    it('recordDecision: unauthenticated → forbidden → invalid transition → happy path moves the stage', async () => {
      const i = {
        initiativeSlug: 'test-initiative',
        body: 'TASKFORCE',
        decidedOn: '2024-03-01',
        outcome: 'APPROVED',
        toStage: 'ASSESSED',
        expectedVersion: 1,
      };
      await refused(DECIDE, { i }, undefined, 'UNAUTHENTICATED');
      await refused(DECIDE, { i }, s.editorA, 'FORBIDDEN');
      await refused(DECIDE, { i: { ...i, toStage: 'ADOPTED' } }, s.admin, 'BAD_USER_INPUT');
      await refused(DECIDE, { i: { ...i, outcome: 'DEFERRED' } }, s.admin, 'BAD_USER_INPUT');
      await refused(DECIDE, { i: { ...i, decidedOn: '2020-01-01' } }, s.admin, 'BAD_USER_INPUT');
      await refused(DECIDE, { i: { ...i, expectedVersion: 9 } }, s.admin, 'CONFLICT');
      const r = await ok(DECIDE, { i }, s.admin);
      expect(r.data.recordDecision).toMatchObject({
        decision: { fromStage: 'SUBMITTED', toStage: 'ASSESSED' },
        initiative: { stage: 'ASSESSED', version: 2 },
      });
      expect(r.audits).toBe(2);
    });

    it('addInitiativeParticipant: unauthenticated → forbidden → invalid → happy path', async () => {
      const i = { initiativeSlug: 'test-initiative', municipalityCode: A, role: 'PIONEER', joinedOn: '2024-02-01' };
      await refused(JOIN, { i }, undefined, 'UNAUTHENTICATED');
      await refused(JOIN, { i }, s.coop, 'FORBIDDEN');
      await refused(JOIN, { i }, s.editorB, 'FORBIDDEN');
      await refused(JOIN, { i: { ...i, municipalityCode: 'GM1' } }, s.editorA, 'BAD_USER_INPUT');
      const r = await ok(JOIN, { i }, s.editorA);
      expect(r.data.addInitiativeParticipant).toEqual({ id: `test-initiative:${A}`, role: 'PIONEER' });
      expect(r.audits).toBe(1);
      await refused(JOIN, { i }, s.admin, 'CONFLICT');
    });

    it('addFundingLine: unauthenticated → forbidden → invalid → happy path', async () => {
      const i = {
        initiativeSlug: 'test-initiative',
        year: 2025,
        source: 'FONDS_GGU',
        amountEur: 125000.5,
        annualPlanYear: 2025,
      };
      await refused(FUND, { i }, undefined, 'UNAUTHENTICATED');
      await refused(FUND, { i }, s.editorA, 'FORBIDDEN');
      await refused(FUND, { i: { ...i, amountEur: -1 } }, s.admin, 'BAD_USER_INPUT');
      await refused(FUND, { i: { ...i, year: 1990 } }, s.admin, 'BAD_USER_INPUT');
      await refused(FUND, { i: { ...i, annualPlanYear: 2031 } }, s.admin, 'NOT_FOUND');
      const r = await ok(FUND, { i }, s.admin);
      expect(r.data.addFundingLine).toEqual({ id: 'test-initiative:2025:FONDS_GGU', amountEur: 125000.5 });
      expect(r.audits).toBe(1);
    });
  });

  describe('solutions', () => {
    const CREATE = `mutation($slug: String!, $i: SolutionFieldsInput!) { createSolution(slug: $slug, input: $i) { id version maintainer { id } } }`;
    const UPDATE = `mutation($slug: String!, $i: SolutionFieldsInput!, $v: Int!) { updateSolution(slug: $slug, input: $i, expectedVersion: $v) { id name lifecycle version } }`;
    const STANDARDS = `mutation($slug: String!, $st: [SolutionStandardInput!]!, $v: Int!) { setSolutionStandards(slug: $slug, standards: $st, expectedVersion: $v) { version standards { standard { slug } version { label } } } }`;
    const RELATE = `mutation($f: String!, $t: String!) { addSolutionRelation(fromSlug: $f, toSlug: $t, kind: BUILDS_ON) { buildsOn { slug } } }`;
    const UNRELATE = `mutation($f: String!, $t: String!) { removeSolutionRelation(fromSlug: $f, toSlug: $t, kind: BUILDS_ON) { buildsOn { slug } } }`;
    const fields = {
      name: 'Nieuw',
      description: 'Een nieuwe oplossing',
      kind: 'SOFTWARE',
      lifecycle: 'PILOT',
      maintainerOrganisationSlug: 'test-supplier',
    };

    it('createSolution: unauthenticated → forbidden (editor; a supplier naming another maintainer) → invalid → happy path', async () => {
      await refused(CREATE, { slug: 'nieuw', i: fields }, undefined, 'UNAUTHENTICATED');
      await refused(CREATE, { slug: 'nieuw', i: fields }, s.editorA, 'FORBIDDEN');
      await refused(CREATE, { slug: 'nieuw', i: fields }, s.other, 'FORBIDDEN');
      await refused(CREATE, { slug: 'nieuw', i: { ...fields, kind: undefined } }, s.supplier, 'BAD_USER_INPUT');
      await refused(
        CREATE,
        { slug: 'nieuw', i: { ...fields, repositoryUrl: 'not a url' } },
        s.supplier,
        'BAD_USER_INPUT',
      );
      const r = await ok(CREATE, { slug: 'nieuw', i: fields }, s.supplier);
      expect(r.data.createSolution).toEqual({ id: 'nieuw', version: 1, maintainer: { id: 'test-supplier' } });
      expect(r.audits).toBe(1);
      await refused(CREATE, { slug: 'nieuw', i: fields }, s.admin, 'CONFLICT');
    });

    it('updateSolution: unauthenticated → forbidden (another supplier) → invalid → happy path; a stale version conflicts', async () => {
      await refused(UPDATE, { slug: 'nieuw', i: { lifecycle: 'AVAILABLE' }, v: 1 }, undefined, 'UNAUTHENTICATED');
      await refused(UPDATE, { slug: 'nieuw', i: { lifecycle: 'AVAILABLE' }, v: 1 }, s.other, 'FORBIDDEN');
      await refused(
        UPDATE,
        { slug: 'nieuw', i: { maintainerOrganisationSlug: 'other-supplier' }, v: 1 },
        s.supplier,
        'FORBIDDEN',
      );
      await refused(UPDATE, { slug: 'nieuw', i: { name: '' }, v: 1 }, s.supplier, 'BAD_USER_INPUT');
      const r = await ok(UPDATE, { slug: 'nieuw', i: { lifecycle: 'AVAILABLE' }, v: 1 }, s.supplier);
      expect(r.data.updateSolution).toEqual({ id: 'nieuw', name: 'Nieuw', lifecycle: 'AVAILABLE', version: 2 });
      expect(r.audits).toBe(1);
      const stale = await gql(env.base, UPDATE, { slug: 'nieuw', i: { name: 'Anders' }, v: 1 }, { cookie: s.admin });
      expect(stale.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    });

    it('setSolutionStandards: unauthenticated → forbidden → invalid → happy path with one audit record per changed link', async () => {
      const st = [{ standardSlug: 'test-standard', versionLabel: '1.0' }, { standardSlug: 'second-standard' }];
      await refused(STANDARDS, { slug: 'nieuw', st, v: 2 }, undefined, 'UNAUTHENTICATED');
      await refused(STANDARDS, { slug: 'nieuw', st, v: 2 }, s.other, 'FORBIDDEN');
      await refused(
        STANDARDS,
        { slug: 'nieuw', st: [...st, { standardSlug: 'test-standard' }], v: 2 },
        s.supplier,
        'BAD_USER_INPUT',
      );
      await refused(
        STANDARDS,
        { slug: 'nieuw', st: [{ standardSlug: 'test-standard', versionLabel: '9.9' }], v: 2 },
        s.supplier,
        'NOT_FOUND',
      );
      const r = await ok(STANDARDS, { slug: 'nieuw', st, v: 2 }, s.supplier);
      expect(r.data.setSolutionStandards.version).toBe(3);
      expect(r.audits).toBe(3); // solution + 2 links
      const again = await ok(STANDARDS, { slug: 'nieuw', st: [{ standardSlug: 'test-standard' }], v: 3 }, s.supplier);
      expect(again.data.setSolutionStandards.standards).toEqual([
        { standard: { slug: 'test-standard' }, version: null },
      ]);
      expect(again.audits).toBe(3); // solution + 1 changed + 1 removed
    });

    it('add/removeSolutionRelation: unauthenticated → forbidden → invalid → happy path', async () => {
      await refused(RELATE, { f: 'nieuw', t: 'open-solution' }, undefined, 'UNAUTHENTICATED');
      await refused(RELATE, { f: 'nieuw', t: 'open-solution' }, s.other, 'FORBIDDEN');
      await refused(RELATE, { f: 'nieuw', t: 'nieuw' }, s.supplier, 'BAD_USER_INPUT');
      const r = await ok(RELATE, { f: 'nieuw', t: 'open-solution' }, s.supplier);
      expect(r.data.addSolutionRelation.buildsOn).toEqual([{ slug: 'open-solution' }]);
      expect(r.audits).toBe(1);
      await refused(RELATE, { f: 'nieuw', t: 'open-solution' }, s.supplier, 'CONFLICT');
      await refused(UNRELATE, { f: 'nieuw', t: 'open-solution' }, undefined, 'UNAUTHENTICATED');
      await refused(UNRELATE, { f: 'nieuw', t: 'open-solution' }, s.editorA, 'FORBIDDEN');
      await refused(UNRELATE, { f: 'nieuw', t: 'other-solution' }, s.supplier, 'NOT_FOUND');
      const removed = await ok(UNRELATE, { f: 'nieuw', t: 'open-solution' }, s.supplier);
      expect(removed.data.removeSolutionRelation.buildsOn).toEqual([]);
      expect(removed.audits).toBe(1);
    });
  });

  describe('standards', () => {
    const CREATE = `mutation($slug: String!, $i: StandardFieldsInput!) { createStandard(slug: $slug, input: $i) { id status version } }`;
    const UPDATE = `mutation($slug: String!, $i: StandardFieldsInput!, $v: Int!) { updateStandard(slug: $slug, input: $i, expectedVersion: $v) { id status adoptedOn version } }`;
    const fields = { name: 'Nieuwe standaard', domain: 'data', status: 'DRAFT' };

    it('createStandard and updateStandard: unauthenticated → forbidden → invalid → happy path', async () => {
      await refused(CREATE, { slug: 'nieuwe-standaard', i: fields }, undefined, 'UNAUTHENTICATED');
      await refused(CREATE, { slug: 'nieuwe-standaard', i: fields }, s.supplier, 'FORBIDDEN');
      await refused(CREATE, { slug: 'nieuwe-standaard', i: { ...fields, domain: null } }, s.admin, 'BAD_USER_INPUT');
      await refused(
        CREATE,
        { slug: 'nieuwe-standaard', i: { ...fields, ownerOrganisationSlug: 'nobody' } },
        s.admin,
        'NOT_FOUND',
      );
      const made = await ok(CREATE, { slug: 'nieuwe-standaard', i: fields }, s.admin);
      expect(made.data.createStandard).toEqual({ id: 'nieuwe-standaard', status: 'DRAFT', version: 1 });
      expect(made.audits).toBe(1);

      await refused(UPDATE, { slug: 'nieuwe-standaard', i: { status: 'ADOPTED' }, v: 1 }, undefined, 'UNAUTHENTICATED');
      await refused(UPDATE, { slug: 'nieuwe-standaard', i: { status: 'ADOPTED' }, v: 1 }, s.editorA, 'FORBIDDEN');
      await refused(UPDATE, { slug: 'nieuwe-standaard', i: { url: 'nope' }, v: 1 }, s.admin, 'BAD_USER_INPUT');
      const updated = await ok(
        UPDATE,
        { slug: 'nieuwe-standaard', i: { status: 'ADOPTED', adoptedOn: '2025-05-01' }, v: 1 },
        s.admin,
      );
      expect(updated.data.updateStandard).toEqual({
        id: 'nieuwe-standaard',
        status: 'ADOPTED',
        adoptedOn: '2025-05-01',
        version: 2,
      });
      const { rows } = await env.pool.query(
        `SELECT before->>'status' AS before, after->>'status' AS after FROM audit_log WHERE entity_type = 'standard' ORDER BY id DESC LIMIT 1`,
      );
      expect(rows[0]).toEqual({ before: 'DRAFT', after: 'ADOPTED' });
    });
  });
});
