import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.js';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
  });
  afterAll(async () => db?.drop());

  const tables = async () => {
    const ds = await db.dataSource();
    const rows: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migration' ORDER BY 1`,
    );
    return rows.map((r) => r.table_name);
  };

  it('migrates an empty database up, with every table of the data model', async () => {
    const ds = await db.dataSource();
    const ran = await ds.runMigrations();
    expect(ran.length).toBeGreaterThan(0);
    expect(await tables()).toEqual(
      expect.arrayContaining([
        'province',
        'municipality',
        'municipality_succession',
        'region',
        'region_membership',
        'organisation',
        'initiative',
        'decision',
        'initiative_participant',
        'funding_line',
        'annual_plan',
        'solution',
        'solution_standard',
        'solution_relation',
        'standard',
        'standard_version',
        'adoption_event',
        'adoption',
        'standard_compliance',
        'app_user',
        'user_role',
        'api_token',
        'api_token_grant',
        'user_session',
        'audit_log',
        'boundary_set',
        'reference_import',
      ]),
    );
    expect(await ds.showMigrations()).toBe(false);
  });

  it('runs every migration down again, leaving no table, function or type behind', async () => {
    const ds = await db.dataSource();
    while ((await ds.query(`SELECT count(*)::int AS n FROM typeorm_migration`))[0].n > 0) {
      await ds.undoLastMigration();
    }
    expect(await tables()).toEqual([]);
    const fns: unknown[] = await ds.query(
      `SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
    );
    expect(fns).toEqual([]);
  });

  it('migrates up again after a full down (down is a true inverse)', async () => {
    const ds = await db.dataSource();
    await ds.runMigrations();
    expect(await ds.showMigrations()).toBe(false);
    expect((await tables()).length).toBeGreaterThanOrEqual(27);
  });
});
