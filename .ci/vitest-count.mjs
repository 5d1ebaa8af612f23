// Prints "<passed> <failed>" from a Vitest JSON report. A file that failed outside any test
// (setup, import, hook) counts as one failure of its own.
import { readFileSync } from 'node:fs';
const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const fileFailures = (r.testResults ?? []).filter(
  (t) => t.status === 'failed' && !t.assertionResults.some((a) => a.status === 'failed'),
).length;
console.log(`${r.numPassedTests} ${r.numFailedTests + fileFailures}`);
