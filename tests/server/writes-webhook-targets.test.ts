import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress, type Resolve } from '../../server/src/feed/webhook.target.js';
import { deliverPending } from '../../server/src/feed/webhook.worker.js';
import {
  A,
  codeOf,
  count,
  gql,
  makeUser,
  sessionFor,
  snapshot,
  startWritesApp,
  type WritesEnv,
} from './writes-support.js';

const CREATE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret subscription { id url } } }`;

/** A resolver that answers every name with these addresses, counting its calls. */
function resolveTo(...answers: string[][]): Resolve & { calls: number } {
  const fn = Object.assign(
    async () => {
      const addresses = answers[Math.min(fn.calls, answers.length - 1)]!;
      fn.calls++;
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
    { calls: 0 },
  );
  return fn;
}

describe('webhook targets: address classification', () => {
  it('accepts only globally routable unicast addresses', () => {
    for (const a of ['8.8.8.8', '93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(a), a).toBe(true);
    }
    const refused = [
      ...['127.0.0.1', '127.255.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1'],
      ...['0.0.0.0', '224.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1', '240.0.0.1'],
      ...['::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1'],
      ...['::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::7f00:1', '2002:7f00:1::1'],
      'not an address',
    ];
    for (const a of refused) expect(isPublicAddress(a), a).toBe(false);
  });
});

describe('webhook targets: private networks refused (WEBHOOK_ALLOW_PRIVATE_NETWORKS off)', () => {
  let env: WritesEnv;
  let viewer: string;
  let editorA: string;
  let receiver: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    env = await startWritesApp();
    viewer = await sessionFor(env.pool, await makeUser(env.pool, 'viewer@targets.test', [{ role: 'VIEWER' }]));
    editorA = await sessionFor(
      env.pool,
      await makeUser(env.pool, 'a@targets.test', [{ role: 'EDITOR', municipality: A }]),
    );
    receiver = createServer((req, res) => {
      hits++;
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => receiver?.close(() => r()));
    await env?.close();
  });

  it('createWebhookSubscription refuses loopback, private, link-local and mapped addresses, and names resolving to them', async () => {
    const urls = [
      `http://127.0.0.1:${port}/hook`,
      'https://10.0.0.1/hook',
      'https://192.168.0.10/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.1.1/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[fe80::1]/hook',
      'https://[fd00::1]/hook',
      'https://0.0.0.0/hook',
      'https://0x7f.1/hook', // 127.0.0.1 in another spelling
      `http://localhost:${port}/hook`,
      'https://localhost/hook',
    ];
    for (const url of urls) {
      const before = await snapshot(env.pool);
      const r = await gql(env.base, CREATE, { i: { url } }, { cookie: viewer });
      expect(codeOf(r), url).toBe('BAD_USER_INPUT');
      expect(r.body.errors![0].message, url).toMatch(/\burl\b/);
      expect(await snapshot(env.pool), url).toEqual(before);
    }
    expect(await count(env.pool, 'webhook_subscription')).toBe(0);
  });

  it('createWebhookSubscription still accepts a public address', async () => {
    const r = await gql(env.base, CREATE, { i: { url: 'https://93.184.215.14/hook' } }, { cookie: viewer });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.createWebhookSubscription.subscription.url).toBe('https://93.184.215.14/hook');
    await env.pool.query(`UPDATE webhook_subscription SET is_active = false`);
  });

  it('delivery refuses a host that resolves privately at delivery time, and one that rebinds between check and connect', async () => {
    // As if the name had resolved publicly when the subscription was made.
    await env.pool.query(
      `INSERT INTO webhook_subscription (user_id, url, secret) SELECT id, $1, 'whsec_test' FROM app_user WHERE email = 'viewer@targets.test'`,
      [`http://hooks.example.test:${port}/hook`],
    );
    const record = await gql(
      env.base,
      `mutation { recordAdoptionStatus(input: { municipalityCode: "${A}", solutionSlug: "open-solution", status: CONSIDERING, effectiveDate: "2024-02-01" }) { event { id } } }`,
      {},
      { cookie: editorA },
    );
    const eventId = record.body.data.recordAdoptionStatus.event.id;
    const due = () =>
      env.pool.query(`UPDATE webhook_delivery SET next_attempt_at = now() WHERE event_id = $1`, [eventId]);
    const lastError = async () =>
      (await env.pool.query(`SELECT last_error, delivered_at FROM webhook_delivery WHERE event_id = $1`, [eventId]))
        .rows[0];

    expect(await deliverPending(env.pool, { allowPrivateNetworks: false, resolve: resolveTo(['127.0.0.1']) })).toEqual({
      delivered: 0,
      failed: 1,
    });
    expect(await lastError()).toMatchObject({
      delivered_at: null,
      last_error: expect.stringMatching(/hooks\.example\.test resolves to 127\.0\.0\.1, a private or reserved address/),
    });

    // Public at the check, private when the socket connects (DNS rebinding): the connection is refused.
    await due();
    const rebinding = resolveTo(['93.184.215.14'], ['127.0.0.1']);
    expect(await deliverPending(env.pool, { allowPrivateNetworks: false, resolve: rebinding })).toEqual({
      delivered: 0,
      failed: 1,
    });
    expect(rebinding.calls).toBe(2);
    expect((await lastError()).last_error).toMatch(/resolves to 127\.0\.0\.1/);

    // One private address among public ones is enough to refuse.
    await due();
    const mixed = resolveTo(['93.184.215.14', '10.1.2.3']);
    expect(await deliverPending(env.pool, { allowPrivateNetworks: false, resolve: mixed })).toEqual({
      delivered: 0,
      failed: 1,
    });
    expect(hits).toBe(0);

    // The same delivery goes through where private networks are allowed: the refusals above were the guard.
    await due();
    expect(await deliverPending(env.pool, { allowPrivateNetworks: true, resolve: resolveTo(['127.0.0.1']) })).toEqual({
      delivered: 1,
      failed: 0,
    });
    expect(hits).toBe(1);
  });
});
