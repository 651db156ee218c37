#!/usr/bin/env node
// Runs the whole test suite (every workspace package, one jest run) and ends with the one
// plain line CI reads: "N passed, N failed". Extra arguments go to jest (e.g. a path filter).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.test-results', 'jest.json');
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [
  '--experimental-vm-modules', '--disable-warning=ExperimentalWarning',
  jest, '--json', `--outputFile=${out}`, ...process.argv.slice(2),
], { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A suite that fails to load has no tests to count; count it as a failure so it is seen.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
} catch {
  failed += 1;
}
if (skipped) console.log(`${skipped} skipped (see the warnings above for why)`);
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && result.status === 0 ? 0 : 1);
