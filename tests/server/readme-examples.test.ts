import { readFileSync } from 'node:fs';
import path from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config.js';
import { createContext } from '../../server/src/context.js';
import { poolOf } from '../../server/src/data-source.js';
import { createLogger } from '../../server/src/logger.js';
import { createSchema } from '../../server/src/schema.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** The ```graphql blocks of the README's "Example queries" section, in order. */
function readmeExamples(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### Example queries');
  const end = readme.indexOf('\n### ', start + 1);
  const section = readme.slice(start, end);
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** True when an answer holds at least one non-null leaf, i.e. the example shows something. */
function hasData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasData);
  if (typeof value === 'object') return Object.values(value).some(hasData);
  return true;
}

describe('the README example queries', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const examples = readmeExamples();

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    schema = await createSchema();
  });
  afterAll(async () => db?.drop());

  it('are at least eight', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((source, i) => [i + 1, source] as const))(
    'example %i runs against the demo data without errors and answers something',
    async (_n, source) => {
      const pool = poolOf(await db.dataSource());
      const result = await graphql({
        schema,
        source,
        contextValue: createContext(pool, createLogger('silent', false), 'readme'),
      });
      expect(result.errors ?? []).toEqual([]);
      expect(hasData(result.data)).toBe(true);
      for (const value of Object.values(result.data ?? {})) expect(value).not.toBeNull();
    },
  );
});
