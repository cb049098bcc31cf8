// Prints one closing line for the whole run — "N passed, N failed" — from the runners' JSON reports
// (vitest: unit.json, integration.json; Playwright: e2e.json) in the folder given as the argument.
// Runs on every exit of scripts/test-all.sh: a report that is missing or unreadable (its step failed before
// writing it, or never ran) is named and makes the exit status 1.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const steps = [
  { name: 'unit', file: 'unit.json', count: (r) => [r.numPassedTests, r.numFailedTests] },
  { name: 'integration', file: 'integration.json', count: (r) => [r.numPassedTests, r.numFailedTests] },
  { name: 'e2e', file: 'e2e.json', count: (r) => [r.stats.expected, r.stats.unexpected + r.stats.flaky] },
];

let passed = 0;
let failed = 0;
const missing = [];
for (const step of steps) {
  let report;
  try {
    report = JSON.parse(readFileSync(path.join(dir, step.file), 'utf8'));
  } catch {
    missing.push(step.name);
    continue;
  }
  const [p, f] = step.count(report);
  passed += p;
  failed += f;
}
const notRun = missing.length > 0 ? ` (no report from: ${missing.join(', ')})` : '';
console.log(`${passed} passed, ${failed} failed${notRun}`);
process.exit(failed === 0 && passed > 0 && missing.length === 0 ? 0 : 1);
