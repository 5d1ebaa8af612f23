import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { createSchema, printSortedSchema } from '../schema.js';

/**
 * `--write` emits the sorted SDL to schema/schema.graphql; `--check` fails when the committed
 * file differs from what the code produces.
 */
const file = path.join(repoRoot, 'schema', 'schema.graphql');
const sdl = printSortedSchema(await createSchema());

if (process.argv.includes('--write')) {
  await writeFile(file, sdl);
  console.log(`Wrote ${path.relative(repoRoot, file)}`);
} else {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== sdl) {
    console.error(
      `${path.relative(repoRoot, file)} is out of date with the code. Run \`pnpm schema:emit\` and commit it.`,
    );
    process.exit(1);
  }
  console.log(`${path.relative(repoRoot, file)} matches the code`);
}
