import { createHash } from 'node:crypto';
import pg, { type Pool, type PoolConfig, type QueryConfig } from 'pg';

/**
 * Named prepared statements for the pool's `query(text, values)` calls, the form every read
 * service uses. PostgreSQL parses and plans an unnamed statement on every call; for our CTE
 * queries planning costs about as much as running them (0.6–0.8 ms each on the demo data).
 * A named statement is parsed once per connection and its plan reused (PostgreSQL decides
 * between a generic and a per-value plan, `plan_cache_mode = auto`).
 *
 * The name is a hash of the text, so one text always gets the same name on every connection.
 * Only statements with parameters are prepared (a text without them may carry literals), and at
 * most `maxStatements` distinct texts: our SQL comes from a finite set of templates, and the
 * bound keeps a bug that inlines values from filling every backend with statements.
 * Transactions (`pool.connect()`) and TypeORM are not touched.
 */
const PREPARED = Symbol('atlas.preparedStatements');

export interface PreparedStatementStats {
  /** Distinct texts that got a name. */
  prepared: number;
  /** Calls that ran unnamed because the bound was reached. */
  overflow: number;
}

export function usePreparedStatements(pool: Pool, maxStatements = 1_000): PreparedStatementStats {
  const tagged = pool as Pool & { [PREPARED]?: PreparedStatementStats };
  if (tagged[PREPARED]) return tagged[PREPARED];
  const stats: PreparedStatementStats = { prepared: 0, overflow: 0 };
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < maxStatements) {
      name = `atlas_${createHash('sha1').update(text).digest('base64url')}`;
      names.set(text, name);
      stats.prepared = names.size;
    }
    if (name === undefined) stats.overflow++;
    return name;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    const [first, second] = args;
    if (typeof first === 'string' && Array.isArray(second) && second.length > 0) {
      const name = nameOf(first);
      if (name) return query({ name, text: first, values: second } satisfies QueryConfig, ...args.slice(2));
    } else if (isConfig(first) && first.name === undefined && first.values?.length) {
      const name = nameOf(first.text);
      if (name) return query({ ...first, name }, ...args.slice(1));
    }
    return query(...args);
  };
  tagged[PREPARED] = stats;
  return stats;
}

const isConfig = (v: unknown): v is QueryConfig =>
  typeof v === 'object' && v !== null && typeof (v as QueryConfig).text === 'string' && !('submit' in v);

/**
 * A second pool, on the same server with the same limits, whose sessions always use the generic
 * plan of a prepared statement (`plan_cache_mode = force_generic_plan`). For the DataLoaders'
 * keyed reads (`WHERE id = ANY($1)`, a page of each parent's children): their best plan does not
 * depend on the values, yet PostgreSQL keeps planning them per call because the generic plan's
 * estimate for an array of unknown length looks worse. On the demo data that planning cost more
 * than running (the adopters page: 1.3 ms planning, 1.2 ms running; generic: 0.6 ms in all).
 * Aggregates and filtered lists stay on the main pool: there the values do change the best plan
 * (forced generic plans made the 10× province list 5× slower).
 */
export function createLookupPool(pool: Pool, onError: (err: Error) => void): Pool {
  const options = (pool as Pool & { options: PoolConfig }).options;
  const lookups = new pg.Pool({
    ...options,
    application_name: `${options.application_name ?? 'ggu-atlas'}-lookups`,
    options: [options.options, '-c plan_cache_mode=force_generic_plan'].filter(Boolean).join(' '),
  });
  lookups.on('error', onError);
  usePreparedStatements(lookups);
  return lookups;
}
