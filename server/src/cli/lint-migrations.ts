/**
 * `pnpm migrations:lint`: refuses migrations whose `up` destroys data (DROP TABLE, DROP COLUMN,
 * TRUNCATE, ALTER COLUMN … TYPE, or TypeORM's dropTable / dropColumn / changeColumn /
 * clearTable) unless the migration says it means it:
 *
 *   ALTER TABLE solution DROP COLUMN legacy_code -- deliberate: replaced by slug in 2026-03
 *
 * (a `-- deliberate: <reason>` comment on the statement, or right after its `;`), or a property
 * naming the statement:  `deliberate = ['DROP COLUMN legacy_code'];`
 * `down` methods are exempt: undoing a migration may drop what its `up` made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../config.js';

export interface Finding {
  file: string;
  line: number;
  rule: string;
  statement: string;
}

const RULES: { rule: string; pattern: RegExp }[] = [
  { rule: 'DROP TABLE', pattern: /\bDROP\s+TABLE\b/i },
  { rule: 'DROP COLUMN', pattern: /\bDROP\s+COLUMN\b/i },
  // The statement, not the trigger event (`AFTER … OR TRUNCATE ON t`) or privilege (`GRANT TRUNCATE ON`).
  {
    rule: 'TRUNCATE',
    pattern: /(?<!\b(OR|BEFORE|AFTER|GRANT|REVOKE)\s+)\bTRUNCATE\s+(?!ON\b)(TABLE\s+)?(ONLY\s+)?["\w]/i,
  },
  { rule: 'ALTER COLUMN … TYPE', pattern: /\bALTER\s+(COLUMN\s+)?("[^"]+"|\w+)\s+(SET\s+DATA\s+)?TYPE\b/i },
  { rule: 'dropTable()', pattern: /\.\s*dropTables?\s*\(/ },
  { rule: 'dropColumn()', pattern: /\.\s*dropColumns?\s*\(/ },
  { rule: 'changeColumn()', pattern: /\.\s*changeColumns?\s*\(/ },
  { rule: 'clearTable()', pattern: /\.\s*clearTable\s*\(/ },
];
const MARKER = /--\s*deliberate:\s*[A-Za-z0-9]/i;

/** Index just past the `}` matching the `{` at `open`, skipping strings, templates and comments. */
function matchingBrace(src: string, open: number): number {
  let depth = 0;
  const templates: number[] = []; // brace depth at which each open `${` started
  let inTemplate = false;
  let i = open;
  while (i < src.length) {
    const c = src[i]!;
    if (inTemplate) {
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        inTemplate = false;
        i++;
      } else if (c === '$' && src[i + 1] === '{') {
        templates.push(depth);
        depth++;
        inTemplate = false;
        i += 2;
      } else {
        i++;
      }
    } else if (c === '/' && src[i + 1] === '/') {
      const eol = src.indexOf('\n', i);
      i = eol === -1 ? src.length : eol;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? src.length : end + 2;
    } else if (c === "'" || c === '"') {
      i++;
      while (i < src.length && src[i] !== c) i += src[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      inTemplate = true;
      i++;
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        inTemplate = true;
      } else if (depth === 0) {
        return i;
      }
    } else {
      i++;
    }
  }
  return src.length;
}

/** The source of the class method `name` (its body), with the offset where it starts. */
function methodBody(src: string, name: string): { body: string; offset: number } | null {
  const m = new RegExp(`(?:public\\s+|async\\s+)*\\b${name}\\s*\\([^)]*\\)\\s*(?::\\s*Promise<void>\\s*)?\\{`).exec(
    src,
  );
  if (!m) return null;
  const open = m.index + m[0].length - 1;
  return { body: src.slice(open, matchingBrace(src, open)), offset: open };
}

function deliberateList(src: string): string[] {
  const m = /\bdeliberate\s*(?::[^=]+)?=\s*\[([^\]]*)\]/.exec(src);
  if (!m) return [];
  return [...m[1]!.matchAll(/(['"`])((?:(?!\1).)*)\1/g)].map((x) => norm(x[2]!));
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toUpperCase();

/** Every destructive statement in the `up` of one migration source that is not marked deliberate. */
export function lintMigrationSource(source: string, file = 'migration.ts'): Finding[] {
  const up = methodBody(source, 'up');
  if (!up) return [];
  const allowed = deliberateList(source);
  const findings: Finding[] = [];
  // Statements end at `;` (SQL) or at the end of a JS statement; a trailing `-- deliberate:` on
  // the same line still belongs to the statement before it.
  const pieces = up.body.split(/(?<=;)/);
  let offset = up.offset;
  for (let i = 0; i < pieces.length; i++) {
    // A comment right after the previous `;` on its line belongs to the previous statement.
    const piece = i > 0 ? pieces[i]!.replace(/^[ \t]*(--|\/\/)[^\n]*/, '') : pieces[i]!;
    const trailing = (pieces[i + 1] ?? '').split('\n')[0]!;
    const statement = piece.replace(/--[^\n]*/g, (c) => (MARKER.test(c) ? c : ''));
    for (const { rule, pattern } of RULES) {
      const hit = pattern.exec(statement.replace(/\/\/[^\n]*/g, ''));
      if (!hit) continue;
      const marked =
        MARKER.test(piece) ||
        /^\s*(['"`]\)?;?)?\s*(\/\/|--)\s*deliberate:\s*[A-Za-z0-9]/i.test(trailing) ||
        /\/\/\s*deliberate:\s*[A-Za-z0-9]/i.test(piece);
      const named = allowed.some((a) => norm(statement).includes(a));
      if (marked || named) continue;
      const at = offset + Math.max(0, pieces[i]!.indexOf(hit[0]));
      findings.push({
        file,
        line: source.slice(0, at).split('\n').length,
        rule,
        statement: piece.trim().replace(/\s+/g, ' ').slice(0, 160),
      });
    }
    offset += pieces[i]!.length;
  }
  return findings;
}

export function lintMigrationsDir(dir: string): Finding[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .sort()
    .flatMap((f) =>
      lintMigrationSource(readFileSync(path.join(dir, f), 'utf8'), path.join(path.relative(repoRoot, dir), f)),
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.resolve(repoRoot, process.argv[2] ?? 'migrations');
  const findings = lintMigrationsDir(dir);
  for (const f of findings) {
    process.stderr.write(`${f.file}:${f.line}: ${f.rule} in up() without "-- deliberate: <reason>": ${f.statement}\n`);
  }
  if (findings.length) {
    process.stderr.write(
      `\n${findings.length} destructive statement(s). Mark each deliberate (see server/src/cli/lint-migrations.ts) or write an additive migration.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `migrations:lint: ${readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').length} migration(s), nothing destructive in up()\n`,
  );
}
