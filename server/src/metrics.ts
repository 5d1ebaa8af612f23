import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names are chosen by callers: only this many distinct ones get their own series. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z_]{0,63}$/;

export interface Metrics {
  readonly registry: Registry;
  graphqlPlugin(): ApolloServerPlugin;
  observeHttp(labels: { method: string; route: string; status: string }, seconds: number): void;
}

/**
 * Prometheus metrics of one app (a registry per app, so tests can build many): HTTP requests by
 * route and status, GraphQL requests and latency by operation name, GraphQL errors by code, the
 * pg pool's total/idle/waiting clients, and Node's default process metrics.
 */
export function createMetrics(pool: Pool): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const http = new Histogram({
    name: 'atlas_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and their latency.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operations = new Histogram({
    name: 'atlas_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name (anonymous, or invalid when the operation did not resolve), and their latency.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'atlas_graphql_requests_total',
    help: 'GraphQL requests by operation name.',
    labelNames: ['operation', 'type'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'atlas_graphql_errors_total',
    help: 'Errors in GraphQL answers by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'atlas_db_pool_clients',
    help: 'Clients of the PostgreSQL pool: total (open connections), idle, and waiting (requests queued for a connection).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined, resolved: boolean): string => {
    if (!resolved) return 'invalid';
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(name);
    return name;
  };

  return {
    registry,
    graphqlPlugin: () => ({
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ operation, operationName, response }) {
            const labels = {
              operation: operationLabel(operationName, Boolean(operation)),
              type: operation?.operation ?? 'none',
            };
            requests.inc(labels);
            operations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
            const errs = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            for (const e of errs ?? []) {
              const code = String(e.extensions?.code ?? 'UNKNOWN');
              errors.inc({ code: ERROR_CODE.test(code) ? code : 'OTHER' });
            }
          },
        };
      },
    }),
    observeHttp: (labels, seconds) => http.observe(labels, seconds),
  };
}

/** `GET /metrics` in the Prometheus text format, and the per-request HTTP histogram. */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (req, reply, done) => {
    metrics.observeHttp(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}
