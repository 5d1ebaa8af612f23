import { createLookupPool, usePreparedStatements } from './performance/prepared-statements.js';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type preHandlerAsyncHookHandler,
} from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Pool } from 'pg';
import { migrations } from '../../migrations/index.js';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { registerBoundaryRoutes } from './geography/boundary.routes.js';
import { createFormatError, errorLoggingPlugin, unavailableStatusPlugin } from './graphql-errors.js';
import { registerHealthRoutes } from './health.routes.js';
import { authPlugin, requestIdentity } from './identity/auth.plugin.js';
import type { Logger } from './logger.js';
import { createMetrics, registerMetricsRoute } from './metrics.js';
import { jitGateway } from './performance/jit-executor.js';
import { registerResponseCache, responseCacheSettings } from './performance/response-cache.js';
import { NO_CREDENTIALS_VALID, type CredentialVerifier } from './security/authentication.js';
import { API_PATH, registerSecurityHeaders } from './security/headers.js';
import { registerHttpErrorHandler } from './security/http-errors.js';
import { introspectionGatePlugin } from './security/introspection.js';
import { effectiveCostPlugin, QUERY_LIMITS, queryLimitRules } from './security/limits.js';
import { registerRateLimit } from './security/rate-limit.js';

/** Request bodies above this are refused with 413 before any parsing. */
export const MAX_BODY_BYTES = 100 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The Apollo integration builds a URL from the Host header; a malformed one must be a 400, not a 500. */
const requireValidHost: preHandlerAsyncHookHandler = async (req, reply) => {
  if (!URL.canParse(`http://${req.hostname}/`)) {
    await reply.code(400).send({ code: 'BAD_REQUEST', message: 'Invalid Host header.', requestId: req.id });
  }
};

/** The names TypeORM records in typeorm_migration for the migrations of this build. */
const MIGRATION_NAMES = migrations.map((M) => new M().name ?? M.name);

export interface AppDeps {
  config: Config;
  schema: GraphQLSchema;
  pool: Pool;
  log: Logger;
  /** Checks session cookies and bearer tokens (production introspection, rate-limit buckets). Default: none valid. */
  credentials?: CredentialVerifier;
  /** Migrations /readyz requires to be applied; default: every migration of this build. */
  expectedMigrations?: readonly string[];
}

/**
 * The HTTP application on one port: `/graphql` (Apollo Server 5), `/healthz`, `/readyz`,
 * `/metrics`, `/boundaries/*` for the map, and the built web app with history-mode fallback.
 */
export async function buildApp({
  config,
  schema,
  pool,
  log,
  credentials = NO_CREDENTIALS_VALID,
  expectedMigrations = MIGRATION_NAMES,
}: AppDeps): Promise<FastifyInstance> {
  usePreparedStatements(pool);
  const lookups = createLookupPool(pool, (err) => log.warn({ err }, 'database pool error (lookups)'));
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: MAX_BODY_BYTES,
    // One line per request from our onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Behind a proxy the client address and protocol come from X-Forwarded-*; only trust them when told to.
    trustProxy: config.trustProxy,
  });

  // Callback hooks here: they run on every request, and an async one costs a promise and a turn.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  // Shutting down: answers to requests still in flight close their connection, so that close()
  // is not left waiting for idle keep-alive sockets (Fastify closes only those idle at the start).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      { method: req.method, url: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    done();
  });
  registerHttpErrorHandler(app);
  await registerSecurityHeaders(app, config);
  await registerRateLimit(app, config, credentials);
  registerResponseCache(app, pool, responseCacheSettings(config));
  await app.register(fastifyCompress, { threshold: 1024 });
  const metrics = config.metricsEnabled ? createMetrics(pool) : undefined;
  if (metrics) registerMetricsRoute(app, metrics);

  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(schema),
    formatError: createFormatError({ hideSuggestions: config.isProduction }),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM: drain HTTP, then Apollo, then the pool, then PostgreSQL.
    stopOnTerminationSignals: false,
    // Introspection is gated per request (introspectionGatePlugin), not per server.
    introspection: true,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: queryLimitRules(),
    plugins: [
      errorLoggingPlugin(),
      unavailableStatusPlugin(),
      effectiveCostPlugin(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(metrics ? [metrics.graphqlPlugin()] : []),
      ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled(), introspectionGatePlugin(credentials)] : []),
    ],
  });
  await apollo.start();
  // Fastify's close() stops accepting connections and waits for requests in flight; Apollo
  // stops after that. (Apollo's fastify drain plugin would call close() again: a deadlock.)
  app.addHook('onClose', async () => {
    await apollo.stop();
    await lookups.end();
  });

  await app.register(authPlugin, { pool, config });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: requireValidHost,
    handler: fastifyApolloHandler(apollo, {
      context: async (req, reply) =>
        createContext(pool, req.log, req.id, await requestIdentity(req, reply, pool), lookups),
    }),
  });

  registerHealthRoutes(app, pool, expectedMigrations);
  registerBoundaryRoutes(app, pool);

  if (existsSync(path.join(config.clientDistDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.clientDistDir,
      wildcard: false,
      // Hashed assets can be cached for a year; index.html must always be revalidated.
      setHeaders: (res, filePath) => {
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.setNotFoundHandler((req, reply) => {
      // `/api` itself is a page of the web app (the explorer); only `/api/…` is the HTTP API.
      const isPage = req.method === 'GET' && !API_PATH.test(req.url);
      if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply
        .code(404)
        .send({ code: 'NOT_FOUND', message: `No route for ${req.method} ${req.url.split('?')[0]}` });
    });
  } else {
    log.warn({ dir: config.clientDistDir }, 'web app not built; serving the API only (run `pnpm build`)');
  }

  return app;
}
