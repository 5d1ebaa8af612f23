import { parse, type SelectionSetNode } from 'graphql';
import pg from 'pg';
import { fetchOnce, type Target } from './load.js';

/** Depth of a GraphQL document: the longest chain of nested fields (a leaf counts). */
export function queryDepth(query: string): number {
  const depth = (set: SelectionSetNode | undefined): number =>
    set ? Math.max(0, ...set.selections.map((s) => ('selectionSet' in s ? 1 + depth(s.selectionSet) : 1))) : 0;
  return Math.max(...parse(query).definitions.map((d) => ('selectionSet' in d ? depth(d.selectionSet) : 0)));
}

/**
 * SQL statements one request makes, from pg_stat_statements (loaded by the bench cluster):
 * reset, one request, count the calls in the dataset's database other than our own.
 * Meaningful only while no other client uses that database.
 */
export async function statementsPerRequest(databaseUrl: string, t: Target): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query('SELECT bench_stats.pg_stat_statements_reset()');
    await fetchOnce(t);
    const { rows } = await c.query<{ n: number }>(
      `SELECT coalesce(sum(calls), 0)::int AS n FROM bench_stats.pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'`,
    );
    return rows[0]!.n;
  } finally {
    await c.end();
  }
}
