import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePreparedStatements } from '../../server/src/performance/prepared-statements.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** Named prepared statements for the read pool (server/src/performance/prepared-statements.ts), on a real PostgreSQL. */
describe('prepared statements', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('reference');
    // One connection, so every statement below lands on the same session.
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const preparedOnSession = async () =>
    (
      await pool.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement')
    ).rows.map((r) => r.statement);

  it('prepares a statement with parameters once per connection, with the same answers', async () => {
    const plain = await pool.query('SELECT code, name FROM municipality WHERE code = ANY($1::text[]) ORDER BY code', [
      ['GM0363', 'GM0344'],
    ]);
    const stats = usePreparedStatements(pool, 3);
    const sql = 'SELECT code, name FROM municipality WHERE code = ANY($1::text[]) ORDER BY code';
    const first = await pool.query(sql, [['GM0363', 'GM0344']]);
    const second = await pool.query(sql, [['GM0599']]);
    expect(first.rows).toEqual(plain.rows);
    expect(first.rows.map((r) => r.name)).toEqual(['Utrecht', 'Amsterdam']);
    expect(second.rows).toEqual([{ code: 'GM0599', name: 'Rotterdam' }]);
    expect(await preparedOnSession()).toEqual([sql]);
    expect(stats.prepared).toBe(1);
    // Wrapping again is a no-op: the same counters, no second layer.
    expect(usePreparedStatements(pool)).toBe(stats);
  });

  it('leaves texts without parameters unnamed, and stops naming at the bound', async () => {
    const stats = usePreparedStatements(pool);
    await pool.query('SELECT count(*) FROM province');
    await pool.query('SELECT $1::int + 1 AS n', [1]);
    await pool.query('SELECT $1::int + 2 AS n', [1]);
    const { rows } = await pool.query('SELECT $1::int + 3 AS n', [1]);
    expect(rows).toEqual([{ n: 4 }]);
    expect(stats.prepared).toBe(3);
    expect(stats.overflow).toBe(1);
    expect(await preparedOnSession()).not.toContain('SELECT count(*) FROM province');
    expect(await preparedOnSession()).not.toContain('SELECT $1::int + 3 AS n');
  });

  it('a failing statement fails as before and the connection stays usable', async () => {
    await expect(pool.query('SELECT $1::int / 0', [1])).rejects.toThrow(/division by zero/);
    const { rows } = await pool.query('SELECT $1::int + 1 AS n', [41]);
    expect(rows).toEqual([{ n: 42 }]);
  });
});
