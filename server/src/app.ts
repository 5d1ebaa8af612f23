import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Pool } from 'pg';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { registerBoundaryRoutes } from './geography/boundary.routes.js';
import { errorLoggingPlugin, formatError } from './graphql-errors.js';
import { registerHealthRoutes } from './health.routes.js';
import type { Logger } from './logger.js';

/** Request bodies above this are refused with 413 before any parsing. */
export const MAX_BODY_BYTES = 100 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface AppDeps {
  config: Config;
  schema: GraphQLSchema;
  pool: Pool;
  log: Logger;
}

/**
 * The HTTP application on one port: `/graphql` (Apollo Server 5), `/healthz`, `/boundaries/*`
 * for the map, and the built web app with history-mode fallback.
 */
export async function buildApp({ config, schema, pool, log }: AppDeps): Promise<FastifyInstance> {
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
    // Behind a proxy the client address comes from X-Forwarded-For; only trust it when told to.
    trustProxy: false,
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, url: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyCors, {
    // An explicit allowlist; the web app itself is same-origin and needs none.
    origin: config.corsOrigins.length ? [...config.corsOrigins] : false,
    credentials: true,
  });

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM: drain HTTP, then Apollo, then the pool, then PostgreSQL.
    stopOnTerminationSignals: false,
    introspection: true,
    plugins: [
      errorLoggingPlugin(),
      ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  // Fastify's close() stops accepting connections and waits for requests in flight; Apollo
  // stops after that. (Apollo's fastify drain plugin would call close() again: a deadlock.)
  app.addHook('onClose', async () => {
    await apollo.stop();
  });

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, {
      context: async (req) => createContext(pool, req.log, req.id),
    }),
  });

  registerHealthRoutes(app, pool);
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
      const isPage = req.method === 'GET' && !/^\/(graphql|healthz|readyz|boundaries|api)(\/|$)/.test(req.url);
      if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply.code(404).send({ error: 'NOT_FOUND', message: `No route for ${req.method} ${req.url.split('?')[0]}` });
    });
  } else {
    log.warn({ dir: config.clientDistDir }, 'web app not built; serving the API only (run `pnpm build`)');
  }

  return app;
}
