import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { createDataSource } from '../../server/src/data-source.js';
import { templateName, type TemplateKind } from './templates.js';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** A DataSource on the database, created on first use. */
  dataSource(): Promise<DataSource>;
  drop(): Promise<void>;
}

const adminUrl = () => inject('adminUrl');

export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, cloned from a template:
 * `empty` (nothing), `schema` (migrated), `reference` (+ CBS/TOOI data), `demo` (+ demo data).
 */
export async function createTestDatabase(template: TemplateKind): Promise<TestDatabase> {
  const name = `atlas_test_${template}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName(template)}`);
  const url = databaseUrl(name);
  let ds: DataSource | undefined;
  return {
    name,
    url,
    async dataSource() {
      if (!ds) {
        ds = createDataSource(url, { ...loadConfig({ NODE_ENV: 'test' }).db, poolMax: 5 });
        await ds.initialize();
      }
      return ds;
    },
    async drop() {
      if (ds?.isInitialized) await ds.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
