// Prints one closing line for the whole run — "N passed, N failed" — from the runners' JSON reports
// (vitest: unit.json, integration.json; Playwright: e2e.json) in the folder given as the argument.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const read = (name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
let passed = 0;
let failed = 0;
for (const name of ['unit.json', 'integration.json']) {
  const report = read(name);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
const e2e = read('e2e.json').stats;
passed += e2e.expected;
failed += e2e.unexpected + e2e.flaky;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
