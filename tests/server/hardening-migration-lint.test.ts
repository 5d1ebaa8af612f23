import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintMigrationsDir, lintMigrationSource } from '../../server/src/cli/lint-migrations.js';
import { repoRoot } from '../../server/src/config.js';

const migration = (up: string, down = '', extra = '') => `
import type { MigrationInterface, QueryRunner } from 'typeorm';
export class Example1800000000000 implements MigrationInterface {
  name = 'Example1800000000000';
${extra}
  public async up(q: QueryRunner): Promise<void> {
${up}
  }

  public async down(q: QueryRunner): Promise<void> {
${down}
  }
}
`;
const rules = (src: string) => lintMigrationSource(src, 'x.ts').map((f) => f.rule);

describe('migrations:lint', () => {
  it('passes the migrations in migrations/', () => {
    expect(lintMigrationsDir(path.join(repoRoot, 'migrations'))).toEqual([]);
  });

  it('refuses DROP TABLE, DROP COLUMN, TRUNCATE and ALTER COLUMN … TYPE in up()', () => {
    expect(rules(migration(`    await q.query(\`DROP TABLE legacy\`);`))).toEqual(['DROP TABLE']);
    expect(rules(migration(`    await q.query('ALTER TABLE solution DROP COLUMN licence');`))).toEqual(['DROP COLUMN']);
    expect(rules(migration(`    await q.query("TRUNCATE adoption_event");`))).toEqual(['TRUNCATE']);
    expect(rules(migration(`    await q.query('TRUNCATE TABLE ONLY "adoption_event" CASCADE');`))).toEqual([
      'TRUNCATE',
    ]);
    expect(rules(migration(`    await q.query(\`ALTER TABLE solution ALTER COLUMN name TYPE varchar(40)\`);`))).toEqual(
      ['ALTER COLUMN … TYPE'],
    );
    expect(
      rules(migration(`    await q.query(\`ALTER TABLE solution ALTER COLUMN name SET DATA TYPE varchar(40)\`);`)),
    ).toEqual(['ALTER COLUMN … TYPE']);
    expect(rules(migration(`    await q.dropColumn('solution', 'licence');`))).toEqual(['dropColumn()']);
    expect(rules(migration(`    await q.dropTable('legacy');`))).toEqual(['dropTable()']);
  });

  it('reports file and line', () => {
    const [finding] = lintMigrationSource(
      migration(`    await q.query('SELECT 1');\n    await q.query(\`\n      DROP TABLE legacy\`);`),
      'm.ts',
    );
    expect(finding).toMatchObject({ file: 'm.ts', line: 9, rule: 'DROP TABLE' });
  });

  it('accepts a statement marked deliberate, by comment or by the deliberate property', () => {
    expect(
      rules(
        migration(
          `    await q.query(\`ALTER TABLE solution DROP COLUMN licence -- deliberate: moved to solution_licence\`);`,
        ),
      ),
    ).toEqual([]);
    expect(
      rules(
        migration(
          `    await q.query(\`ALTER TABLE solution DROP COLUMN licence; -- deliberate: moved\n      DROP TABLE legacy;\`);`,
        ),
      ),
    ).toEqual(['DROP TABLE']);
    expect(rules(migration(`    await q.query('DROP TABLE legacy'); // deliberate: replaced by archive`))).toEqual([]);
    expect(
      rules(migration(`    await q.query('DROP TABLE legacy');`, '', `  deliberate = ['DROP TABLE legacy'];`)),
    ).toEqual([]);
    expect(
      rules(migration(`    await q.query('DROP TABLE other');`, '', `  deliberate = ['DROP TABLE legacy'];`)),
    ).toEqual(['DROP TABLE']);
    // A marker without a reason is not a marker.
    expect(rules(migration(`    await q.query(\`DROP TABLE legacy -- deliberate:\`);`))).toEqual(['DROP TABLE']);
  });

  it('exempts down(), and ignores words in comments and unrelated statements', () => {
    expect(
      rules(
        migration(
          `    await q.query('CREATE TABLE legacy (id int)');`,
          `    await q.query('DROP TABLE legacy');\n    await q.query('TRUNCATE x');`,
        ),
      ),
    ).toEqual([]);
    expect(
      rules(
        migration(
          `    // later we may DROP TABLE legacy\n    await q.query(\`ALTER TABLE t ADD COLUMN c int -- not a TRUNCATE\`);\n    await q.query(\`ALTER TYPE kind ADD VALUE 'X'\`);`,
        ),
      ),
    ).toEqual([]);
  });
});
