import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { repoRoot } from '../config.js';

/**
 * Lists the changes of schema/schema.graphql against a base commit and fails on a breaking
 * change that is not marked deliberate in schema/accepted-breaking-changes.txt (one change
 * message per line, as printed here; `#` starts a comment).
 *
 * Base: `SCHEMA_BASE_REF` if set, else the merge base with origin/main when that exists and
 * differs from HEAD, else HEAD~1 — the schema on the last commit of main before this change.
 */
const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const tryGit = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

function baseRef(): string | undefined {
  if (process.env.SCHEMA_BASE_REF) return process.env.SCHEMA_BASE_REF;
  const head = tryGit('rev-parse', 'HEAD');
  const main = tryGit('merge-base', 'HEAD', 'origin/main');
  if (main && main !== head) return main;
  return tryGit('rev-parse', '--verify', '--quiet', 'HEAD~1');
}

const file = 'schema/schema.graphql';
const current = await readFile(path.join(repoRoot, file), 'utf8');
const ref = baseRef();
const previous = ref ? tryGit('show', `${ref}:${file}`) : undefined;
if (!previous) {
  console.log(`No ${file} at the base (${ref ?? 'none'}): nothing to compare.`);
  process.exit(0);
}

const accepted = new Set(
  (await readFile(path.join(repoRoot, 'schema', 'accepted-breaking-changes.txt'), 'utf8').catch(() => ''))
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean),
);

const changes = await diff(buildSchema(previous), buildSchema(current));
const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
console.log(`Schema changes against ${(ref ?? '').slice(0, 12)}: ${changes.length} (${breaking.length} breaking)`);
for (const c of changes) console.log(`  [${c.criticality.level}] ${c.message}`);
const unmarked = breaking.filter((c) => !accepted.has(c.message));
if (unmarked.length) {
  console.error(`\n${unmarked.length} breaking change(s) not marked deliberate. If intended, add each line to`);
  console.error('schema/accepted-breaking-changes.txt (and tell integrators in the changelog):');
  for (const c of unmarked) console.error(`  ${c.message}`);
  process.exit(1);
}
