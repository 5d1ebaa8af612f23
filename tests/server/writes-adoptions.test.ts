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

const RECORD = `mutation($i: RecordAdoptionStatusInput!) {
  recordAdoptionStatus(input: $i) { adoption { id status mode version provenance statusSince notes lastConfirmedAt } event { id status provenance correctsEventId } } }`;
const CONFIRM = `mutation($i: AdoptionVersionInput!) { confirmAdoption(input: $i) { id version lastConfirmedAt status } }`;
const REVIEW = `mutation($i: AdoptionVersionInput!, $d: MergerReviewDecision!) { resolveMergerReview(input: $i, decision: $d) { id status needsReview version } }`;

describe('writes: adoptions', () => {
  let env: WritesEnv;
  let editorA: string;
  let editorB: string;
  let coop: string;
  let supplier: string;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    env = await startWritesApp();
    const p = env.pool;
    editorA = await sessionFor(p, await makeUser(p, 'a@w.test', [{ role: 'EDITOR', municipality: A }]));
    editorB = await sessionFor(p, await makeUser(p, 'b@w.test', [{ role: 'EDITOR', municipality: B }]));
    coop = await sessionFor(
      p,
      await makeUser(p, 'coop@w.test', [{ role: 'COOPERATION_EDITOR', organisation: 'test-coop' }]),
    );
    supplier = await sessionFor(
      p,
      await makeUser(p, 'sup@w.test', [{ role: 'SUPPLIER', organisation: 'test-supplier' }]),
    );
    admin = await sessionFor(p, await makeUser(p, 'admin@w.test', [{ role: 'ADMIN' }]));
    viewer = await sessionFor(p, await makeUser(p, 'viewer@w.test', [{ role: 'VIEWER' }]));
  });
  afterAll(async () => env?.close());

  const input = (over: Record<string, unknown> = {}) => ({
    municipalityCode: A,
    solutionSlug: 'open-solution',
    status: 'PLANNED',
    effectiveDate: '2024-06-01',
    mode: 'SAAS',
    notes: 'Besluit college',
    ...over,
  });

  describe('recordAdoptionStatus', () => {
    it('unauthenticated → UNAUTHENTICATED, nothing written', async () => {
      const before = await snapshot(env.pool);
      expect(codeOf(await gql(env.base, RECORD, { i: input() }))).toBe('UNAUTHENTICATED');
      expect(await snapshot(env.pool)).toEqual(before);
    });

    it('forbidden: a viewer; an editor of B for A; a cooperation for a non-member; a supplier for a solution it does not maintain', async () => {
      const before = await snapshot(env.pool);
      expect(codeOf(await gql(env.base, RECORD, { i: input() }, { cookie: viewer }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, RECORD, { i: input() }, { cookie: editorB }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, RECORD, { i: input() }, { cookie: coop }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, RECORD, { i: input() }, { cookie: supplier }))).toBe('FORBIDDEN');
      expect(await snapshot(env.pool)).toEqual(before);
    });

    it('an official of A cannot change B through aliases either: the B half is refused and B stays untouched', async () => {
      const doc = `mutation($a: RecordAdoptionStatusInput!, $b: RecordAdoptionStatusInput!) {
        mine: recordAdoptionStatus(input: $a) { adoption { id } }
        theirs: recordAdoptionStatus(input: $b) { adoption { id } } }`;
      const r = await gql(
        env.base,
        doc,
        {
          a: input({ solutionSlug: 'other-solution' }),
          b: input({ municipalityCode: B, solutionSlug: 'other-solution' }),
        },
        { cookie: editorA },
      );
      // Mutation results are non-null, so one refused field nulls `data`; the first half (A) ran.
      expect(r.body.errors).toHaveLength(1);
      expect(
        await count(env.pool, 'adoption_event', `municipality_id = (SELECT id FROM municipality WHERE code = $1)`, [A]),
      ).toBe(1);
      expect(r.body.errors![0]).toMatchObject({ path: ['theirs'], extensions: { code: 'FORBIDDEN' } });
      expect(
        await count(env.pool, 'adoption_event', `municipality_id = (SELECT id FROM municipality WHERE code = $1)`, [B]),
      ).toBe(0);
    });

    it('invalid input → BAD_USER_INPUT: bad code, unknown status, date too far ahead, a retraction without the event it withdraws, long notes', async () => {
      const before = await snapshot(env.pool);
      expect(
        codeOf(await gql(env.base, RECORD, { i: input({ municipalityCode: 'Amsterdam' }) }, { cookie: editorA })),
      ).toBe('BAD_USER_INPUT');
      expect(codeOf(await gql(env.base, RECORD, { i: input({ status: 'FINISHED' }) }, { cookie: editorA }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        codeOf(await gql(env.base, RECORD, { i: input({ effectiveDate: '2999-01-01' }) }, { cookie: editorA })),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(await gql(env.base, RECORD, { i: input({ effectiveDate: '2024-02-30' }) }, { cookie: editorA })),
      ).toBe('BAD_USER_INPUT');
      expect(codeOf(await gql(env.base, RECORD, { i: input({ status: 'RETRACTED' }) }, { cookie: editorA }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await gql(env.base, RECORD, { i: input({ notes: 'x'.repeat(2001) }) }, { cookie: editorA }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        codeOf(await gql(env.base, RECORD, { i: input({ solutionSlug: 'no-such-solution' }) }, { cookie: editorA })),
      ).toBe('NOT_FOUND');
      expect(await snapshot(env.pool)).toEqual(before);
    });

    it('happy path: provenance follows the role; one event and one projection change, each with one audit record', async () => {
      const cases = [
        { cookie: editorA, i: input(), provenance: 'SELF_DECLARED' },
        { cookie: coop, i: input({ municipalityCode: C }), provenance: 'COOPERATION_DECLARED' },
        {
          cookie: supplier,
          i: input({ municipalityCode: B, solutionSlug: 'supplied-solution' }),
          provenance: 'SUPPLIER_DECLARED',
        },
        { cookie: admin, i: input({ municipalityCode: B }), provenance: 'VERIFIED' },
      ];
      for (const c of cases) {
        const audits = await count(env.pool, 'audit_log');
        const r = await gql(env.base, RECORD, { i: c.i }, { cookie: c.cookie });
        expect(r.body.errors).toBeUndefined();
        const { adoption, event } = r.body.data.recordAdoptionStatus;
        expect(adoption).toMatchObject({
          status: 'PLANNED',
          mode: 'SAAS',
          version: 1,
          provenance: c.provenance,
          statusSince: '2024-06-01',
          notes: 'Besluit college',
        });
        expect(event.provenance).toBe(c.provenance);
        const { rows } = await env.pool.query(
          `SELECT entity_type, action, actor_user_id IS NOT NULL AS by_user, request_id FROM audit_log ORDER BY id OFFSET $1`,
          [audits],
        );
        expect(rows.map((a) => `${a.action} ${a.entity_type}`)).toEqual(['CREATE adoption_event', 'CREATE adoption']);
        expect(rows.every((a) => a.by_user && a.request_id)).toBe(true);
      }
    });

    it('optimistic concurrency: a stale or missing expectedVersion → CONFLICT with the current version, and nothing changes', async () => {
      const before = await snapshot(env.pool);
      const stale = await gql(
        env.base,
        RECORD,
        { i: input({ status: 'LIVE', expectedVersion: 7 }) },
        { cookie: editorA },
      );
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(stale.body.errors![0].message).toMatch(/changed by someone else/);
      expect(stale.body.errors![0].extensions.currentVersion).toBe(1);
      const missing = await gql(env.base, RECORD, { i: input({ status: 'LIVE' }) }, { cookie: editorA });
      expect(missing.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
      expect(await snapshot(env.pool)).toEqual(before);
    });

    it('concurrent edits with the same expectedVersion: exactly one CONFLICT, and the first value survives', async () => {
      const statuses = ['IMPLEMENTING', 'LIVE'];
      const results = await Promise.all(
        statuses.map((status) =>
          gql(
            env.base,
            RECORD,
            { i: input({ status, effectiveDate: '2024-09-01', expectedVersion: 1 }) },
            { cookie: editorA },
          ),
        ),
      );
      const conflicts = results.filter((r) => codeOf(r) === 'CONFLICT');
      const winners = results.filter((r) => !r.body.errors);
      expect(conflicts).toHaveLength(1);
      expect(winners).toHaveLength(1);
      const won = winners[0]!.body.data.recordAdoptionStatus.adoption;
      expect(won.version).toBe(2);
      const { rows } = await env.pool.query(
        `SELECT a.status, a.version FROM adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id WHERE m.code = $1 AND s.slug = 'open-solution'`,
        [A],
      );
      expect(rows[0]).toEqual({ status: won.status, version: 2 });
      expect(
        await count(env.pool, 'adoption_event', `status = ANY($1) AND effective_date = '2024-09-01'`, [statuses]),
      ).toBe(1);
    });

    it('a correction and a retraction are new events; history is never rewritten', async () => {
      const current = (
        await gql(
          env.base,
          `{ adoption(municipalityCode: "${A}", solutionSlug: "open-solution") { version events { id status } } }`,
        )
      ).body.data.adoption;
      const last = current.events[current.events.length - 1];
      const retract = await gql(
        env.base,
        RECORD,
        {
          i: input({
            status: 'RETRACTED',
            effectiveDate: '2024-09-01',
            correctsEventId: last.id,
            expectedVersion: current.version,
          }),
        },
        { cookie: editorA },
      );
      expect(retract.body.errors).toBeUndefined();
      expect(retract.body.data.recordAdoptionStatus.event).toMatchObject({
        status: 'RETRACTED',
        correctsEventId: last.id,
      });
      expect(retract.body.data.recordAdoptionStatus.adoption.status).toBe('RETRACTED');
      const wrongPair = await gql(
        env.base,
        RECORD,
        { i: input({ municipalityCode: B, correctsEventId: last.id, expectedVersion: 1 }) },
        { cookie: admin },
      );
      expect(codeOf(wrongPair)).toBe('BAD_USER_INPUT');
      // The database itself refuses to rewrite events.
      await expect(
        env.pool.query(`UPDATE adoption_event SET status = 'LIVE' WHERE id = $1`, [last.id]),
      ).rejects.toThrow(/append-only/);
    });

    it('idempotent replay: the same key and input return the first result; other input with the key → BAD_USER_INPUT', async () => {
      const key = 'replay-key-0001';
      const i = input({ solutionSlug: 'supplied-solution' });
      const first = await gql(env.base, RECORD, { i }, { cookie: editorA, idempotencyKey: key });
      expect(first.body.errors).toBeUndefined();
      const before = await snapshot(env.pool);
      const again = await gql(env.base, RECORD, { i }, { cookie: editorA, idempotencyKey: key });
      expect(again.body).toEqual(first.body);
      expect(await snapshot(env.pool)).toEqual(before);
      const other = await gql(
        env.base,
        RECORD,
        { i: { ...i, notes: 'anders' } },
        { cookie: editorA, idempotencyKey: key },
      );
      expect(codeOf(other)).toBe('BAD_USER_INPUT');
      expect(other.body.errors![0].message).toMatch(/Idempotency-Key/);
      // Keys belong to their sender: another user may use the same key for their own request.
      const someoneElse = await gql(
        env.base,
        RECORD,
        { i: input({ municipalityCode: B, solutionSlug: 'supplied-solution', status: 'LIVE', expectedVersion: 1 }) },
        { cookie: editorB, idempotencyKey: key },
      );
      expect(someoneElse.body.errors).toBeUndefined();
      expect(codeOf(await gql(env.base, RECORD, { i }, { cookie: editorA, idempotencyKey: 'short' }))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('a token with WRITE_ADOPTIONS writes within its grant only; without the scope it is refused', async () => {
      const make = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`;
      const write = (
        await gql(
          env.base,
          make,
          { i: { name: 'w', scopes: ['WRITE_ADOPTIONS'], grants: [{ municipalityCode: A }] } },
          { cookie: editorA },
        )
      ).body.data.createApiToken.secret;
      const read = (await gql(env.base, make, { i: { name: 'r', scopes: ['READ'] } }, { cookie: editorA })).body.data
        .createApiToken.secret;
      const i = input({ solutionSlug: 'other-solution', status: 'LIVE', expectedVersion: 1 });
      expect(codeOf(await gql(env.base, RECORD, { i }, { token: read }))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await gql(env.base, RECORD, { i: { ...i, municipalityCode: B, expectedVersion: null } }, { token: write }),
        ),
      ).toBe('FORBIDDEN');
      const ok = await gql(env.base, RECORD, { i }, { token: write });
      expect(ok.body.data.recordAdoptionStatus.adoption).toMatchObject({
        status: 'LIVE',
        provenance: 'SELF_DECLARED',
        version: 2,
      });
      const { rows } = await env.pool.query(
        `SELECT actor_token_id IS NOT NULL AS by_token FROM audit_log ORDER BY id DESC LIMIT 2`,
      );
      expect(rows.every((r) => r.by_token)).toBe(true);
    });
  });

  describe('confirmAdoption', () => {
    const key = { municipalityCode: B, solutionSlug: 'open-solution' };
    it('unauthenticated → forbidden → invalid → happy path (bumps lastConfirmedAt and version, no event)', async () => {
      const current = (
        await gql(
          env.base,
          `{ adoption(municipalityCode: "${B}", solutionSlug: "open-solution") { version lastConfirmedAt } }`,
        )
      ).body.data.adoption;
      const i = { ...key, expectedVersion: current.version };
      expect(codeOf(await gql(env.base, CONFIRM, { i }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(env.base, CONFIRM, { i }, { cookie: editorA }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, CONFIRM, { i: { ...i, expectedVersion: 99 } }, { cookie: editorB }))).toBe(
        'CONFLICT',
      );
      expect(
        codeOf(await gql(env.base, CONFIRM, { i: { ...i, solutionSlug: 'Not a slug' } }, { cookie: editorB })),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await gql(
            env.base,
            CONFIRM,
            { i: { ...i, municipalityCode: C, solutionSlug: 'other-solution' } },
            { cookie: admin },
          ),
        ),
      ).toBe('NOT_FOUND');
      const events = await count(env.pool, 'adoption_event');
      const audits = await count(env.pool, 'audit_log');
      const ok = await gql(env.base, CONFIRM, { i }, { cookie: editorB });
      expect(ok.body.data.confirmAdoption.version).toBe(current.version + 1);
      expect(new Date(ok.body.data.confirmAdoption.lastConfirmedAt).getTime()).toBeGreaterThan(
        new Date(current.lastConfirmedAt).getTime(),
      );
      expect(await count(env.pool, 'adoption_event')).toBe(events);
      expect(await count(env.pool, 'audit_log')).toBe(audits + 1);
    });
  });

  describe('resolveMergerReview', () => {
    beforeAll(async () => {
      // An inherited status awaiting review: A took over open-solution... for `supplied-solution` at C.
      await env.pool.query(`
        WITH e AS (INSERT INTO adoption_event (municipality_id, solution_id, status, mode, effective_date, provenance, inherited_from_municipality_id, notes)
          SELECT m.id, s.id, 'LIVE', 'SAAS', '2023-01-01', 'INHERITED', (SELECT id FROM municipality WHERE code = 'GM0003'), 'test'
          FROM municipality m, solution s WHERE m.code = '${C}' AND s.slug = 'supplied-solution' RETURNING *)
        INSERT INTO adoption (municipality_id, solution_id, status, mode, status_since, first_event_date, provenance, last_event_id,
                              last_confirmed_at, inherited_from_municipality_id, needs_review)
        SELECT municipality_id, solution_id, status, mode, effective_date, effective_date, provenance, id, now(), inherited_from_municipality_id, true FROM e`);
      await env.pool.query(`
        WITH e AS (INSERT INTO adoption_event (municipality_id, solution_id, status, effective_date, provenance)
          SELECT m.id, s.id, 'LIVE', '2023-01-01', 'INHERITED' FROM municipality m, solution s WHERE m.code = '${A}' AND s.slug = 'supplied-solution'
          AND NOT EXISTS (SELECT 1 FROM adoption a WHERE a.municipality_id = m.id AND a.solution_id = s.id) RETURNING *)
        SELECT 1`);
    });

    it('unauthenticated → forbidden (cooperation, supplier, an editor of another municipality) → invalid → CONFIRM and RETRACT', async () => {
      const i = { municipalityCode: C, solutionSlug: 'supplied-solution', expectedVersion: 1 };
      expect(codeOf(await gql(env.base, REVIEW, { i, d: 'CONFIRM' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(env.base, REVIEW, { i, d: 'CONFIRM' }, { cookie: coop }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, REVIEW, { i, d: 'CONFIRM' }, { cookie: supplier }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, REVIEW, { i, d: 'CONFIRM' }, { cookie: editorA }))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await gql(
            env.base,
            REVIEW,
            { i: { ...i, municipalityCode: B, solutionSlug: 'open-solution' }, d: 'CONFIRM' },
            { cookie: admin },
          ),
        ),
      ).toBe('BAD_USER_INPUT');

      const retract = await gql(env.base, REVIEW, { i, d: 'RETRACT' }, { cookie: admin });
      expect(retract.body.data.resolveMergerReview).toMatchObject({
        status: 'RETRACTED',
        needsReview: false,
        version: 2,
      });
      const { rows } = await env.pool.query(
        `SELECT status, provenance, corrects_event_id IS NOT NULL AS corrects FROM adoption_event ORDER BY id DESC LIMIT 1`,
      );
      expect(rows[0]).toEqual({ status: 'RETRACTED', provenance: 'VERIFIED', corrects: true });
      expect(
        codeOf(await gql(env.base, REVIEW, { i: { ...i, expectedVersion: 2 }, d: 'CONFIRM' }, { cookie: admin })),
      ).toBe('BAD_USER_INPUT');

      await env.pool.query(
        `UPDATE adoption SET needs_review = true WHERE id = (SELECT a.id FROM adoption a JOIN municipality m ON m.id = a.municipality_id JOIN solution s ON s.id = a.solution_id WHERE m.code = $1 AND s.slug = 'supplied-solution')`,
        [C],
      );
      const confirm = await gql(env.base, REVIEW, { i: { ...i, expectedVersion: 2 }, d: 'CONFIRM' }, { cookie: admin });
      expect(confirm.body.data.resolveMergerReview).toMatchObject({ needsReview: false, version: 3 });
    });
  });
});
