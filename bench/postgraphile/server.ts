import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

/**
 * PostGraphile 5 (Node ≥ 22) over the bench database: the amber preset over our `public` schema
 * plus the `bench_pg` functions (functions.ts) for the aggregates, in production mode
 * (no GraphiQL, no explain, no watch). Same pool size as our server (DB_POOL_MAX, default 10).
 * Env: DATABASE_URL, PORT, DB_POOL_MAX.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public', 'bench_pg'], pubsub: false })],
  grafserv: { port: Number(process.env.PORT), graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (err) => {
  process.stderr.write(`postgraphile: ${err.message}\n`);
  process.exit(1);
});
serv.addTo(server).catch((err: unknown) => {
  process.stderr.write(`postgraphile: ${String(err)}\n`);
  process.exit(1);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('postgraphile ready\n'));

const stop = () => {
  server.close();
  void Promise.resolve(pgl.release()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
