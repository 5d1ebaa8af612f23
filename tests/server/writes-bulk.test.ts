import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPending, sign } from '../../server/src/feed/webhook.worker.js';
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

/** Delivery to the local test receiver. */
const LOCAL = { allowPrivateNetworks: true };

const IMPORT = `mutation($csv: String!, $dry: Boolean!) { importAdoptionsCsv(csv: $csv, dryRun: $dry) {
  dryRun applied rows validRows eventsCreated adoptionsChanged errors { line column reason } } }`;

describe('writes: CSV import, exports, change feed and webhooks', () => {
  let env: WritesEnv;
  let editorA: string;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    // The webhook receiver below listens on 127.0.0.1, which is refused unless allowed.
    env = await startWritesApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    editorA = await sessionFor(
      env.pool,
      await makeUser(env.pool, 'a@bulk.test', [{ role: 'EDITOR', municipality: A }]),
    );
    admin = await sessionFor(env.pool, await makeUser(env.pool, 'admin@bulk.test', [{ role: 'ADMIN' }]));
    viewer = await sessionFor(env.pool, await makeUser(env.pool, 'viewer@bulk.test', [{ role: 'VIEWER' }]));
  });
  afterAll(async () => env?.close());

  const good = [
    'cbs_code,solution,status,date,mode,notes',
    `${A},open-solution,PLANNED,2024-01-10,SAAS,"Gepland, met ""quotes"""`,
    `${A},open-solution,LIVE,2024-05-01,SAAS,`,
    `${A},supplied-solution,CONSIDERING,2024-03-01,,`,
  ].join('\n');

  describe('importAdoptionsCsv', () => {
    it('unauthenticated → forbidden (viewer) → bad rows reported, nothing changes', async () => {
      expect(codeOf(await gql(env.base, IMPORT, { csv: good, dry: false }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(env.base, IMPORT, { csv: good, dry: false }, { cookie: viewer }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, IMPORT, { csv: 'a,b\n1,2', dry: false }, { cookie: editorA }))).toBe(
        'BAD_USER_INPUT',
      );

      const before = await snapshot(env.pool);
      const bad = [
        'cbs_code,solution,status,date,mode,notes',
        `${A},open-solution,PLANNED,2024-01-10,SAAS,ok`,
        `GMXXXX,open-solution,PLANNED,2024-01-10,,`,
        `${A},no-such-solution,PLANNED,2024-01-10,,`,
        `${A},open-solution,DONE,2024-13-01,BOAT,`,
        `${B},open-solution,LIVE,2024-01-10,,`,
        `${A},open-solution,LIVE`,
      ].join('\n');
      const r = await gql(env.base, IMPORT, { csv: bad, dry: false }, { cookie: editorA });
      expect(r.body.errors).toBeUndefined();
      const report = r.body.data.importAdoptionsCsv;
      expect(report).toMatchObject({ applied: false, rows: 6, validRows: 1, eventsCreated: 0 });
      expect(report.errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`)).toEqual([
        '3:cbs_code',
        '4:solution',
        '5:status',
        '5:date',
        '5:mode',
        '6:cbs_code',
        '7:null',
      ]);
      expect(report.errors.find((e: { line: number }) => e.line === 6).reason).toMatch(/not allowed/);
      expect(await snapshot(env.pool)).toEqual(before);
    });

    it('dry run of a clean file changes nothing; applying it writes every line in one transaction', async () => {
      const before = await snapshot(env.pool);
      const dry = (await gql(env.base, IMPORT, { csv: good, dry: true }, { cookie: editorA })).body.data
        .importAdoptionsCsv;
      expect(dry).toMatchObject({ dryRun: true, applied: false, validRows: 3, errors: [] });
      expect(await snapshot(env.pool)).toEqual(before);

      const r = (await gql(env.base, IMPORT, { csv: good, dry: false }, { cookie: editorA })).body.data
        .importAdoptionsCsv;
      expect(r).toMatchObject({ applied: true, eventsCreated: 3, adoptionsChanged: 2 });
      const after = await snapshot(env.pool);
      expect(after.adoption_event! - before.adoption_event!).toBe(3);
      expect(after.adoption! - before.adoption!).toBe(2);
      // One audit record per changed record: 3 events + 2 projections.
      expect(after.audit_log! - before.audit_log!).toBe(5);
      const { rows } = await env.pool.query(
        `SELECT a.status, a.notes, a.provenance FROM adoption a JOIN solution s ON s.id = a.solution_id WHERE s.slug = 'open-solution'`,
      );
      expect(rows).toEqual([{ status: 'LIVE', notes: null, provenance: 'SELF_DECLARED' }]);
    });

    it('a multi-row write failing on its last row leaves no data and no audit rows', async () => {
      // The database refuses the last line only (as a constraint or a lost connection would).
      await env.pool.query(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.notes = 'boom' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
      await env.pool.query(`CREATE TRIGGER boom BEFORE INSERT ON adoption_event FOR EACH ROW EXECUTE FUNCTION boom()`);
      try {
        const before = await snapshot(env.pool);
        const csv = [
          'cbs_code,solution,status,date,mode,notes',
          `${C},open-solution,PLANNED,2024-01-10,,fine`,
          `${C},supplied-solution,PLANNED,2024-01-10,,fine`,
          `${C},other-solution,PLANNED,2024-01-10,,boom`,
        ].join('\n');
        const r = await gql(env.base, IMPORT, { csv, dry: false }, { cookie: admin });
        expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
        expect(JSON.stringify(r.body)).not.toMatch(/refused|adoption_event|trigger/);
        expect(await snapshot(env.pool)).toEqual(before);
      } finally {
        await env.pool.query(`DROP TRIGGER boom ON adoption_event; DROP FUNCTION boom()`);
      }
    });
  });

  describe('exports', () => {
    it('CSV and JSON lists carry the CBS/PDOK attribution; the adoptions CSV imports again', async () => {
      for (const list of ['municipalities', 'solutions', 'adoptions', 'uptake-municipalities', 'uptake-provinces']) {
        const csv = await fetch(`${env.base}/api/export/${list}.csv`);
        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
        const text = await csv.text();
        expect(text.split('\r\n')[0]).toMatch(/^# .*CBS \/ PDOK \(CC BY 4\.0\)/);
        const json = (await (await fetch(`${env.base}/api/export/${list}.json`)).json()) as {
          attribution: { text: string };
          data: unknown[];
        };
        expect(json.attribution.text).toMatch(/CBS \/ PDOK/);
        expect(Array.isArray(json.data)).toBe(true);
      }
      const municipalities = (await (await fetch(`${env.base}/api/export/municipalities.json`)).json()) as {
        data: { cbs_code: string }[];
      };
      expect(municipalities.data.some((m) => m.cbs_code === 'GM0363')).toBe(true);
      const provinces = (await (await fetch(`${env.base}/api/export/uptake-provinces.json`)).json()) as {
        data: { province_code: string; solution: string; live: number }[];
      };
      expect(provinces.data.find((p) => p.province_code === 'PV27' && p.solution === 'open-solution')!.live).toBe(1);

      const adoptions = await (await fetch(`${env.base}/api/export/adoptions.csv`)).text();
      const dry = await gql(env.base, IMPORT, { csv: adoptions, dry: true }, { cookie: admin });
      expect(dry.body.data.importAdoptionsCsv.errors).toEqual([]);
      expect((await fetch(`${env.base}/api/export/users.csv`)).status).toBe(404);
    });

    it('open-data.json holds the whole public graph and no personal data', async () => {
      const res = await fetch(`${env.base}/api/export/open-data.json`);
      const doc = (await res.json()) as Record<string, unknown[]> & { attribution: unknown };
      expect(Object.keys(doc)).toEqual(
        expect.arrayContaining([
          'attribution',
          'provinces',
          'municipalities',
          'regions',
          'organisations',
          'standards',
          'solutions',
          'initiatives',
          'adoptions',
          'adoptionEvents',
          'compliance',
        ]),
      );
      expect(doc.adoptionEvents!.length).toBe(await count(env.pool, 'adoption_event'));
      expect(JSON.stringify(doc)).not.toMatch(/@bulk\.test|password|token_hash|actor_user/);
    });
  });

  describe('change feed', () => {
    it('adoptionEvents pages by event id with a cursor', async () => {
      const all = await count(env.pool, 'adoption_event');
      const seen: string[] = [];
      let since: string | null = null;
      for (let i = 0; i < 10; i++) {
        const r = await gql(
          env.base,
          `query($s: String) { adoptionEvents(since: $s, first: 2) { cursor hasMore events { id status } } }`,
          { s: since },
        );
        const feed = r.body.data.adoptionEvents;
        seen.push(...feed.events.map((e: { id: string }) => e.id));
        since = feed.cursor;
        if (!feed.hasMore) break;
      }
      expect(seen).toHaveLength(all);
      expect([...seen].sort((a, b) => Number(a) - Number(b))).toEqual(seen);
      const idle = await gql(
        env.base,
        `query($s: String) { adoptionEvents(since: $s) { cursor hasMore events { id } } }`,
        { s: since },
      );
      expect(idle.body.data.adoptionEvents).toEqual({ cursor: since, hasMore: false, events: [] });
      expect(codeOf(await gql(env.base, `{ adoptionEvents(since: "x") { cursor } }`))).toBe('BAD_USER_INPUT');
    });
  });

  describe('webhooks', () => {
    let receiver: Server;
    let url: string;
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let failNext = 0;

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          if (failNext > 0) {
            failNext--;
            res.writeHead(503).end();
            return;
          }
          received.push({ headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

    const CREATE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret subscription { id url isActive } } }`;

    it('createWebhookSubscription: unauthenticated → forbidden (token) → invalid → happy path; deliveries are signed and retried', async () => {
      expect(codeOf(await gql(env.base, CREATE, { i: { url } }))).toBe('UNAUTHENTICATED');
      const token = (
        await gql(
          env.base,
          `mutation { createApiToken(input: { name: "t", scopes: [READ] }) { secret } }`,
          {},
          { cookie: viewer },
        )
      ).body.data.createApiToken.secret;
      expect(codeOf(await gql(env.base, CREATE, { i: { url } }, { token }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(env.base, CREATE, { i: { url: 'ftp://example.test/x' } }, { cookie: viewer }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        codeOf(await gql(env.base, CREATE, { i: { url: 'http://user:pw@127.0.0.1/x' } }, { cookie: viewer })),
      ).toBe('BAD_USER_INPUT');

      const made = await gql(env.base, CREATE, { i: { url, description: 'test' } }, { cookie: viewer });
      expect(made.body.errors).toBeUndefined();
      const { secret, subscription } = made.body.data.createWebhookSubscription;
      expect(secret).toMatch(/^whsec_/);

      const record = await gql(
        env.base,
        `mutation { recordAdoptionStatus(input: { municipalityCode: "${A}", solutionSlug: "other-solution", status: CONSIDERING, effectiveDate: "2024-02-01" }) { event { id } } }`,
        {},
        { cookie: editorA },
      );
      const eventId = record.body.data.recordAdoptionStatus.event.id;
      expect(await count(env.pool, 'webhook_delivery', 'event_id = $1', [eventId])).toBe(1);

      // First attempt fails (503): kept, retried later with back-off.
      failNext = 1;
      expect(await deliverPending(env.pool, LOCAL)).toEqual({ delivered: 0, failed: 1 });
      const { rows } = await env.pool.query(
        `SELECT attempts, last_status, delivered_at, next_attempt_at > now() AS later FROM webhook_delivery WHERE event_id = $1`,
        [eventId],
      );
      expect(rows[0]).toMatchObject({ attempts: 1, last_status: 503, delivered_at: null, later: true });
      expect(await deliverPending(env.pool, LOCAL)).toEqual({ delivered: 0, failed: 0 });

      await env.pool.query(`UPDATE webhook_delivery SET next_attempt_at = now() WHERE event_id = $1`, [eventId]);
      expect(await deliverPending(env.pool, LOCAL)).toEqual({ delivered: 1, failed: 0 });
      const got = received.at(-1)!;
      expect(got.headers['x-atlas-signature']).toBe(sign(secret, got.body));
      expect(JSON.parse(got.body)).toMatchObject({
        type: 'adoption.event',
        event: { id: eventId, municipalityCode: A, solutionSlug: 'other-solution', status: 'CONSIDERING' },
      });
      expect(got.body).not.toMatch(/bulk\.test/);
      expect(await deliverPending(env.pool, LOCAL)).toEqual({ delivered: 0, failed: 0 });

      // Deleting: owner or admin only; nothing more is queued.
      const DELETE = `mutation($id: String!) { deleteWebhookSubscription(id: $id) { id isActive } }`;
      expect(codeOf(await gql(env.base, DELETE, { id: subscription.id }, { cookie: editorA }))).toBe('NOT_FOUND');
      expect(
        (await gql(env.base, DELETE, { id: subscription.id }, { cookie: viewer })).body.data.deleteWebhookSubscription
          .isActive,
      ).toBe(false);
      await gql(
        env.base,
        `mutation { recordAdoptionStatus(input: { municipalityCode: "${A}", solutionSlug: "other-solution", status: PLANNED, effectiveDate: "2024-03-01", expectedVersion: 1 }) { event { id } } }`,
        {},
        { cookie: editorA },
      );
      expect(await count(env.pool, 'webhook_delivery')).toBe(1);
    });
  });
});
