import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { loadConfig } from '../../server/src/config.js';
import { createDataSource } from '../../server/src/data-source.js';
import { startEmbeddedPostgres, type DatabaseServer } from '../../server/src/database.js';
import { loadDemoData } from '../../server/src/demo/demo.js';
import { createLogger } from '../../server/src/logger.js';
import { importReferenceData } from '../../server/src/reference/import.js';
import { TEMPLATES, templateName, type TemplateKind } from './templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server; tests create their own databases. */
    adminUrl: string;
    referenceDataDir: string;
  }
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL if set (a role that may CREATE DATABASE),
 * else an embedded cluster in a temporary directory. It builds one template database per stage
 * (empty → migrated → reference data → demo data); each test file clones the one it needs.
 */
export default async function setup(project: TestProject) {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', false);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  let server: DatabaseServer | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-test-'));
    server = await startEmbeddedPostgres(dir, log, 'atlas_admin');
    adminUrl = server.url;
  }

  const stop = async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const urlFor = (db: string) => {
      const u = new URL(adminUrl);
      u.pathname = `/${db}`;
      return u.toString();
    };
    let previous: TemplateKind | undefined;
    for (const kind of TEMPLATES) {
      const name = templateName(kind);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(
        previous ? `CREATE DATABASE ${name} TEMPLATE ${templateName(previous)}` : `CREATE DATABASE ${name}`,
      );
      if (kind !== 'empty') {
        const ds = createDataSource(urlFor(name), { ...config.db, poolMax: 4 }, log);
        await ds.initialize();
        try {
          if (kind === 'schema') await ds.runMigrations();
          if (kind === 'reference') await importReferenceData(ds, config.referenceDataDir, { log });
          if (kind === 'demo') await loadDemoData(ds, { log });
        } finally {
          await ds.destroy();
        }
      }
      previous = kind;
    }
    await admin.end();
  } catch (err) {
    // A failed setup must not leave a PostgreSQL running (it would keep Vitest from exiting).
    await stop();
    throw err;
  }

  project.provide('adminUrl', adminUrl);
  project.provide('referenceDataDir', config.referenceDataDir);

  return stop;
}
