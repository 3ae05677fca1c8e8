// Runs every test suite in its own process and ends with the line CI reads: `N passed, N failed`.
//   node test/run-all.mjs            all suites
//   node test/run-all.mjs unit e2e   only the named suites
// A suite that crashes before reporting counts as one failure, so a broken harness can never look green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
const reporter = path.join(root, 'test/support/countingReporter.js');

/** A suite: a name and the command that runs it. Mocha suites share the reporter that writes counts. */
const suites = [
  { name: 'typecheck', command: [process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit']] },
  mochaSuite('unit', 'test/unit'),
  mochaSuite('protocol', 'test/protocol'),
  mochaSuite('fuzz', 'test/fuzz'),
  { name: 'e2e', command: ['bash', [path.join(root, 'test/e2e/run.sh')]], when: () => existsSync(path.join(root, 'test/e2e/run.sh')) },
];

function mochaSuite(name, dir) {
  return {
    name,
    when: () => hasTests(path.join(root, dir)),
    command: [process.execPath, [mocha, '--require', 'tsx/cjs', '--reporter', reporter, '--recursive', '--extension', 'ts', '--timeout', '20000', dir]],
  };
}

function hasTests(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}

const wanted = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const work = mkdtempSync(path.join(tmpdir(), 'podsmith-tests-'));
for (const suite of suites) {
  if (wanted.length && !wanted.includes(suite.name)) continue;
  if (suite.when && !suite.when()) continue;
  const counts = path.join(work, `${suite.name}.json`);
  console.log(`\n=== ${suite.name} ===`);
  const [cmd, args] = suite.command;
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PODSMITH_TEST_COUNTS: counts } });
  let c;
  if (existsSync(counts)) c = JSON.parse(readFileSync(counts, 'utf8'));
  else c = result.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  // A suite that reported passing counts but exited non-zero (a crash after the run) still fails.
  if (result.status !== 0 && c.failed === 0) c.failed = 1;
  console.log(`--- ${suite.name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped ?? 0;
}
rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
