import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { Config } from '../config.js';
import { assertPublicHost, checkedLookup, systemResolve, type Resolve } from './webhook.target.js';

export const SIGNATURE_HEADER = 'x-atlas-signature';
export const MAX_ATTEMPTS = 12;
const BATCH = 20;
const TIMEOUT_MS = 10_000;

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the subscription's secret. */
export const sign = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface DeliveryOptions {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS: deliver to loopback and private addresses too (tests, local receivers). */
  allowPrivateNetworks: boolean;
  /** How host names are resolved at delivery (tests inject one). */
  resolve?: Resolve;
}

/**
 * One POST. Node's http client never follows redirects, so a 3xx is a failed attempt like any
 * other non-2xx, and a redirect cannot lead to a private address. Unless private networks are
 * allowed, the socket connects only to addresses that passed the check, made again now: the
 * check at subscription time says nothing about what the name resolves to today.
 */
async function post(
  target: URL,
  headers: Record<string, string>,
  body: string,
  options: DeliveryOptions,
): Promise<number> {
  const resolve = options.resolve ?? systemResolve;
  if (!options.allowPrivateNetworks) await assertPublicHost(target, resolve);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((done, fail) => {
    const req = send(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      lookup: checkedLookup(resolve, !options.allowPrivateNetworks),
    });
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * Delivers due outbox rows. Claiming a row pushes its next attempt out by the back-off
 * (30 s · 2^attempts, at most 6 h) under FOR UPDATE SKIP LOCKED, so any number of instances can
 * run this at once without sending a delivery twice at the same time. A 2xx answer marks it
 * delivered; anything else (including a refused private address) is retried until MAX_ATTEMPTS,
 * with the reason in `last_error`. Receivers deduplicate by `X-Atlas-Delivery` and order by event id.
 */
export async function deliverPending(
  pool: Pool,
  options: DeliveryOptions,
): Promise<{ delivered: number; failed: number }> {
  const { rows } = await pool.query(
    `UPDATE webhook_delivery d
     SET attempts = d.attempts + 1,
         next_attempt_at = now() + least(interval '6 hours', interval '30 seconds' * power(2, d.attempts))
     FROM webhook_subscription s
     WHERE s.id = d.subscription_id AND d.id IN (
       SELECT x.id FROM webhook_delivery x JOIN webhook_subscription y ON y.id = x.subscription_id
       WHERE x.delivered_at IS NULL AND x.next_attempt_at <= now() AND x.attempts < $1 AND y.is_active
       ORDER BY x.id LIMIT $2 FOR UPDATE OF x SKIP LOCKED)
     RETURNING d.id, d.event_id, d.payload, d.attempts, s.url, s.secret`,
    [MAX_ATTEMPTS, BATCH],
  );
  let delivered = 0;
  let failed = 0;
  for (const row of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
    const body = JSON.stringify(row.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await post(
        new URL(row.url),
        {
          'content-type': 'application/json',
          'user-agent': 'ggu-atlas-webhooks',
          [SIGNATURE_HEADER]: sign(row.secret, body),
          'x-atlas-delivery': String(row.id),
          'x-atlas-event': String(row.event_id),
        },
        body,
        options,
      );
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 500) : 'delivery failed';
    }
    await pool.query(
      `UPDATE webhook_delivery SET last_status = $2, last_error = $3, delivered_at = CASE WHEN $3::text IS NULL THEN now() END WHERE id = $1`,
      [row.id, status, error],
    );
    if (error === null) delivered++;
    else failed++;
  }
  return { delivered, failed };
}

/** Polls the outbox every WEBHOOK_POLL_MS (0: never; tests call deliverPending themselves). */
export function startWebhookWorker(app: FastifyInstance, pool: Pool, config: Config): void {
  if (config.webhooks.pollMs <= 0) return;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = deliverPending(pool, { allowPrivateNetworks: config.webhooks.allowPrivateNetworks })
      .catch((err: unknown) => app.log.warn({ err }, 'webhook delivery failed'))
      .finally(() => (running = null));
  }, config.webhooks.pollMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
