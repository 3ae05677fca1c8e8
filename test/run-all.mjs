// Runs every test suite in its own process and ends with the line CI reads: `N passed, N failed`.
//   node test/run-all.mjs            all suites
//   node test/run-all.mjs unit e2e   only the named suites
// A suite that crashes before reporting counts as one failure, so a broken harness can never look green.
// Every suite has a time limit (`limitMinutes`, scaled by PODSMITH_SUITE_LIMIT_SCALE): a suite still running then is
// killed with everything it started and counts as failed, so a hung test can never hang the run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
const reporter = path.join(root, 'test/support/countingReporter.js');

/** A suite: a name, the command that runs it and its time limit. Mocha suites share the reporter that writes counts.
 * The limits are several times what a suite takes on a busy two-core machine: they catch hangs, not slowness. */
const suites = [
  { name: 'typecheck', limitMinutes: 10, command: [process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit']] },
  // ESLint's cache (in node_modules/.cache) rechecks only the files changed since the last run.
  { name: 'lint', limitMinutes: 10, command: [process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']] },
  mochaSuite('unit', 'test/unit', 20),
  mochaSuite('protocol', 'test/protocol', 20),
  mochaSuite('fuzz', 'test/fuzz', 30),
  { name: 'e2e', limitMinutes: 45, command: ['bash', [path.join(root, 'test/e2e/run.sh')]], when: () => existsSync(path.join(root, 'test/e2e/run.sh')) },
];

function mochaSuite(name, dir, limitMinutes) {
  return {
    name,
    limitMinutes,
    when: () => hasTests(path.join(root, dir)),
    // --exit: a handle a test forgot (a timer, a socket, a child process) must not keep the suite alive after its
    // last test; the time limit above catches a test that never ends.
    command: [process.execPath, [mocha, '--require', 'tsx/cjs', '--reporter', reporter, '--recursive', '--extension', 'ts', '--timeout', '20000', '--exit', dir]],
  };
}

const limitScale = Number(process.env.PODSMITH_SUITE_LIMIT_SCALE) > 0 ? Number(process.env.PODSMITH_SUITE_LIMIT_SCALE) : 1;

/** The suite that is running, so that an interrupted run-all takes it down too. */
let running;

/** Runs a suite in its own process group; resolves with its exit status, or 'timeout' after killing the group. */
function runSuite(suite, env) {
  const [cmd, args] = suite.command;
  const limitMs = suite.limitMinutes * 60_000 * limitScale;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env, detached: true });
    running = child;
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      console.log(`\n!!! ${suite.name} ran longer than its limit of ${Math.round(limitMs / 1000)} s: killed`);
      killGroup(child, 'SIGTERM');
      // A suite that ignores SIGTERM (or whose cleanup hangs) is killed outright.
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, limitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      running = undefined;
      // Whatever the suite left behind in its group (a server it spawned) goes with it.
      killGroup(child, 'SIGKILL');
      resolve(timedOut ? 'timeout' : code ?? (signal ? 1 : 0));
    });
    child.on('error', (error) => {
      clearTimeout(limit);
      running = undefined;
      console.log(`!!! ${suite.name} could not start: ${error.message}`);
      resolve(1);
    });
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (running) killGroup(running, 'SIGKILL');
    process.exit(130);
  });
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
  const status = await runSuite(suite, { ...process.env, PODSMITH_TEST_COUNTS: counts });
  let c;
  if (existsSync(counts)) c = JSON.parse(readFileSync(counts, 'utf8'));
  else c = status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  // A suite that reported passing counts but exited non-zero (a crash after the run) still fails; so does one that
  // was killed at its limit, whatever it had counted.
  if (status !== 0 && c.failed === 0) c.failed = 1;
  console.log(`--- ${suite.name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped ?? 0;
}
rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
