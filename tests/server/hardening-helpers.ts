import type { FastifyInstance } from 'fastify';
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import type { Pool } from 'pg';
import { buildApp, type AppDeps } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import type { Context } from '../../server/src/context.js';
import { createLogger, type Logger } from '../../server/src/logger.js';
import { createSchema } from '../../server/src/schema.js';

/** The table the probe mutation writes to (created by `createProbeTable`). */
export const PROBE_TABLE = 'hardening_probe';

export async function createProbeTable(pool: Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${PROBE_TABLE} (id serial PRIMARY KEY, note text NOT NULL UNIQUE)`);
}

export async function probeRows(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${PROBE_TABLE}`);
  return rows[0]!.n;
}

const probeQueries: GraphQLFieldConfigMap<unknown, Context> = {
  probeSleep: {
    type: GraphQLFloat,
    description: 'Test only: sleeps in PostgreSQL.',
    args: { seconds: { type: new GraphQLNonNull(GraphQLFloat) } },
    resolve: async (_r, { seconds }: { seconds: number }, ctx) => {
      await ctx.pool.query('SELECT pg_sleep($1)', [seconds]);
      return seconds;
    },
  },
  probeUniqueViolation: {
    type: GraphQLBoolean,
    description: 'Test only: a real unique violation from PostgreSQL.',
    resolve: async (_r, _a, ctx) => {
      await ctx.pool.query(`INSERT INTO ${PROBE_TABLE} (note) VALUES ('duplicate') ON CONFLICT DO NOTHING`);
      await ctx.pool.query(`INSERT INTO ${PROBE_TABLE} (note) VALUES ('duplicate')`);
      return true;
    },
  },
  probeLog: {
    type: GraphQLString,
    description: 'Test only: logs through ctx.log.',
    resolve: (_r, _a, ctx) => {
      ctx.log.info({ probe: true }, 'probe resolver log line');
      return ctx.requestId;
    },
  },
  probeEcho: {
    type: GraphQLInt,
    description: 'Test only: the number of values given.',
    args: { values: { type: new GraphQLList(new GraphQLNonNull(GraphQLInt)) } },
    resolve: (_r, { values }: { values?: number[] | null }) => values?.length ?? 0,
  },
  probeThrow: {
    type: GraphQLString,
    description: 'Test only: a bug in a resolver.',
    resolve: () => {
      throw new Error('secret internal detail: SELECT * FROM app_user');
    },
  },
};

const probeMutations: GraphQLFieldConfigMap<unknown, Context> = {
  probeInsert: {
    type: GraphQLInt,
    description: 'Test only: inserts a row and returns the row count.',
    args: { note: { type: new GraphQLNonNull(GraphQLString) } },
    resolve: async (_r, { note }: { note: string }, ctx) => {
      await ctx.pool.query(`INSERT INTO ${PROBE_TABLE} (note) VALUES ($1)`, [note]);
      return probeRows(ctx.pool);
    },
  },
};

/** The real schema plus test-only fields (never part of the served API). */
export function withProbes(real: GraphQLSchema): GraphQLSchema {
  const config = real.toConfig();
  const extend = (
    type: GraphQLObjectType | null | undefined,
    name: string,
    fields: GraphQLFieldConfigMap<unknown, Context>,
  ) =>
    new GraphQLObjectType({
      ...(type?.toConfig() ?? { name }),
      fields: { ...(type?.toConfig().fields ?? {}), ...fields },
    });
  const query = extend(config.query, 'Query', probeQueries);
  const mutation = extend(config.mutation, 'Mutation', probeMutations);
  return new GraphQLSchema({
    ...config,
    query,
    mutation,
    types: config.types.filter((t) => t.name !== query.name && t.name !== mutation.name),
  });
}

export interface TestApp {
  app: FastifyInstance;
  base: string;
  close(): Promise<void>;
}

/** Builds the app on `pool` with configuration from `env` (on top of NODE_ENV=test, no web app). */
export async function startApp(
  pool: Pool,
  env: Record<string, string> = {},
  extra: Partial<Pick<AppDeps, 'credentials' | 'expectedMigrations' | 'schema'>> & {
    log?: Logger;
    listen?: boolean;
  } = {},
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', CLIENT_DIST_DIR: '/nonexistent', ...env });
  const schema = extra.schema ?? withProbes(await createSchema());
  const app = await buildApp({ config, schema, pool, log: extra.log ?? createLogger('silent', false), ...extra });
  const base = extra.listen === false ? '' : await app.listen({ port: 0, host: '127.0.0.1' });
  if (extra.listen === false) await app.ready();
  return { app, base, close: () => app.close() };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked field by field */
export type GqlBody = {
  data?: any;
  errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[];
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** POSTs a GraphQL request as JSON. */
export async function gql(
  base: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: GqlBody;
  try {
    body = JSON.parse(text) as GqlBody;
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, headers: res.headers, body, text };
}
