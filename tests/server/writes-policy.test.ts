import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutationRules, queryRules } from '../../server/src/identity/policy.js';
import { createSchema } from '../../server/src/schema.js';
import { A, C, gql, makeUser, sessionFor, startWritesApp, type Caller, type WritesEnv } from './writes-support.js';

type ActorName = 'anonymous' | 'viewer' | 'editor' | 'cooperation' | 'supplier' | 'admin' | 'token';
const ALL: ActorName[] = ['anonymous', 'viewer', 'editor', 'cooperation', 'supplier', 'admin', 'token'];
const USERS: ActorName[] = ['viewer', 'editor', 'cooperation', 'supplier', 'admin'];

/**
 * The role × mutation matrix as specified (README "Roles"): who gets past the gate. Record-level
 * scoping (which municipality, which solution) is tested per mutation in writes-*.test.ts.
 * The token holds READ, WRITE_ADOPTIONS and WRITE_COMPLIANCE for municipality A.
 */
const MATRIX: Record<string, ActorName[]> = {
  login: ALL,
  logout: ALL,
  createApiToken: USERS,
  revokeApiToken: USERS,
  createUser: ['admin'],
  grantRole: ['admin'],
  revokeRole: ['admin'],
  deactivateUser: ['admin'],
  recordAdoptionStatus: ['editor', 'cooperation', 'supplier', 'admin', 'token'],
  confirmAdoption: ['editor', 'cooperation', 'supplier', 'admin', 'token'],
  importAdoptionsCsv: ['editor', 'cooperation', 'supplier', 'admin', 'token'],
  resolveMergerReview: ['editor', 'admin'],
  declareCompliance: ['editor', 'cooperation', 'admin', 'token'],
  confirmCompliance: ['editor', 'cooperation', 'admin', 'token'],
  submitInitiative: ['editor', 'cooperation', 'admin'],
  recordDecision: ['admin'],
  addInitiativeParticipant: ['editor', 'admin'],
  addFundingLine: ['admin'],
  createSolution: ['supplier', 'admin'],
  updateSolution: ['supplier', 'admin'],
  setSolutionStandards: ['supplier', 'admin'],
  addSolutionRelation: ['supplier', 'admin'],
  removeSolutionRelation: ['supplier', 'admin'],
  createStandard: ['admin'],
  updateStandard: ['admin'],
  createWebhookSubscription: USERS,
  deleteWebhookSubscription: USERS,
};

/**
 * One call per mutation whose arguments are well-formed but name nothing that exists (GM9999,
 * `missing-…`), so an actor past the gate gets NOT_FOUND / BAD_USER_INPUT and nothing changes.
 */
const CALLS: Record<string, string> = {
  login: `mutation { login(email: "nobody@x.test", password: "x") { id } }`,
  createApiToken: `mutation { createApiToken(input: { name: "m", scopes: [WRITE_ADOPTIONS], grants: [] }) { secret } }`,
  revokeApiToken: `mutation { revokeApiToken(id: "999999") { id } }`,
  createUser: `mutation { createUser(input: { email: "not-an-email", displayName: "x" }) { id } }`,
  grantRole: `mutation { grantRole(input: { userId: "999999", role: VIEWER }) { id } }`,
  revokeRole: `mutation { revokeRole(input: { userId: "999999", role: VIEWER }) { id } }`,
  deactivateUser: `mutation { deactivateUser(userId: "999999", expectedVersion: 1) { id } }`,
  recordAdoptionStatus: `mutation { recordAdoptionStatus(input: { municipalityCode: "GM9999", solutionSlug: "missing-solution", status: LIVE, effectiveDate: "2025-01-01" }) { event { id } } }`,
  confirmAdoption: `mutation { confirmAdoption(input: { municipalityCode: "GM9999", solutionSlug: "missing-solution", expectedVersion: 1 }) { id } }`,
  importAdoptionsCsv: `mutation { importAdoptionsCsv(csv: "nonsense", dryRun: true) { applied } }`,
  resolveMergerReview: `mutation { resolveMergerReview(input: { municipalityCode: "GM9999", solutionSlug: "missing-solution", expectedVersion: 1 }, decision: CONFIRM) { id } }`,
  declareCompliance: `mutation { declareCompliance(input: { municipalityCode: "GM9999", standardSlug: "missing-standard", status: COMPLIANT }) { id } }`,
  confirmCompliance: `mutation { confirmCompliance(input: { municipalityCode: "GM9999", standardSlug: "missing-standard", expectedVersion: 1 }) { id } }`,
  submitInitiative: `mutation { submitInitiative(input: { slug: "m", title: "Matrix", problem: "A problem to solve", domain: "d", submittedByMunicipalityCode: "GM9999" }) { id } }`,
  recordDecision: `mutation { recordDecision(input: { initiativeSlug: "missing-initiative", body: CVD, decidedOn: "2025-01-01", outcome: APPROVED, toStage: ADVISED, expectedVersion: 1 }) { decision { id } } }`,
  addInitiativeParticipant: `mutation { addInitiativeParticipant(input: { initiativeSlug: "missing-initiative", municipalityCode: "GM9999", role: PARTICIPANT }) { id } }`,
  addFundingLine: `mutation { addFundingLine(input: { initiativeSlug: "missing-initiative", year: 2025, source: FONDS_GGU, amountEur: 1 }) { id } }`,
  createSolution: `mutation { createSolution(slug: "m", input: { name: "x", maintainerOrganisationSlug: "missing-org" }) { id } }`,
  updateSolution: `mutation { updateSolution(slug: "missing-solution", input: {}, expectedVersion: 1) { id } }`,
  setSolutionStandards: `mutation { setSolutionStandards(slug: "missing-solution", standards: [], expectedVersion: 1) { id } }`,
  addSolutionRelation: `mutation { addSolutionRelation(fromSlug: "missing-solution", toSlug: "open-solution", kind: BUILDS_ON) { id } }`,
  removeSolutionRelation: `mutation { removeSolutionRelation(fromSlug: "missing-solution", toSlug: "open-solution", kind: BUILDS_ON) { id } }`,
  createStandard: `mutation { createStandard(slug: "Not A Slug", input: { name: "x", domain: "d", status: DRAFT }) { id } }`,
  updateStandard: `mutation { updateStandard(slug: "missing-standard", input: {}, expectedVersion: 1) { id } }`,
  createWebhookSubscription: `mutation { createWebhookSubscription(input: { url: "ftp://example.invalid" }) { secret } }`,
  deleteWebhookSubscription: `mutation { deleteWebhookSubscription(id: "999999") { id } }`,
  // Last: it ends the callers' sessions.
  logout: `mutation { logout }`,
};

describe('authorization: one rule per mutation, and the role × mutation matrix', () => {
  it('every mutation in the schema has a rule in identity/policy.ts, the matrix and a sample call (and nothing else does)', async () => {
    const schema = await createSchema();
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(mutationRules).sort()).toEqual(mutations);
    expect(Object.keys(MATRIX).sort()).toEqual(mutations);
    expect(Object.keys(CALLS).sort()).toEqual(mutations);
    const queries = Object.keys(schema.getQueryType()!.getFields());
    for (const q of Object.keys(queryRules)) expect(queries).toContain(q);
  });

  describe('executed over HTTP', () => {
    let env: WritesEnv;
    const callers = {} as Record<ActorName, Caller>;

    beforeAll(async () => {
      env = await startWritesApp();
      const { pool } = env;
      callers.anonymous = {};
      callers.viewer = { cookie: await sessionFor(pool, await makeUser(pool, 'viewer@m.test', [{ role: 'VIEWER' }])) };
      const editor = await makeUser(pool, 'editor@m.test', [{ role: 'EDITOR', municipality: A }]);
      callers.editor = { cookie: await sessionFor(pool, editor) };
      callers.cooperation = {
        cookie: await sessionFor(
          pool,
          await makeUser(pool, 'coop@m.test', [{ role: 'COOPERATION_EDITOR', organisation: 'test-coop' }]),
        ),
      };
      callers.supplier = {
        cookie: await sessionFor(
          pool,
          await makeUser(pool, 'supplier@m.test', [{ role: 'SUPPLIER', organisation: 'test-supplier' }]),
        ),
      };
      callers.admin = { cookie: await sessionFor(pool, await makeUser(pool, 'admin@m.test', [{ role: 'ADMIN' }])) };
      const made = await gql(
        env.base,
        `mutation { createApiToken(input: { name: "matrix", scopes: [READ, WRITE_ADOPTIONS, WRITE_COMPLIANCE], grants: [{ municipalityCode: "${A}" }] }) { secret } }`,
        {},
        callers.editor,
      );
      callers.token = { token: made.body.data.createApiToken.secret };
      void C;
    });
    afterAll(async () => env?.close());

    it.each(Object.keys(CALLS))('%s', async (mutation) => {
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const actor of ALL) {
        const r = await gql(env.base, CALLS[mutation]!, {}, callers[actor]);
        expect(r.status).toBeLessThan(500);
        const err = r.body.errors?.[0];
        expect(err?.extensions?.code ?? 'OK').not.toBe('INTERNAL_SERVER_ERROR');
        const gated = err?.extensions?.policy === 'gate';
        outcome[actor] = gated ? err.extensions.code : 'PASSES';
        expected[actor] = MATRIX[mutation]!.includes(actor)
          ? 'PASSES'
          : actor === 'anonymous'
            ? 'UNAUTHENTICATED'
            : 'FORBIDDEN';
      }
      expect(outcome).toEqual(expected);
    });
  });
});
