/**
 * The in-extension-host test suite: the module VS Code loads as `extensionTestsPath` (the contract of
 * @vscode/test-electron, and of the VS Code server run by test/e2e/run.sh): `run()` runs mocha inside the
 * extension host and resolves when every test passed.
 *
 * It runs as one esbuild bundle (test/e2e/bundle.mjs), so mocha cannot load test files by path: the bundler
 * passes the names of `*.e2e.ts` beside this file in PODSMITH_E2E_FILES and bundles each behind a lazy `require`,
 * and each file is loaded between mocha's pre-require and post-require events, as `mocha` would do.
 *
 * Output goes through console.log, which VS Code forwards to the test runner. The last line is
 * `PODSMITH_E2E_RESULT {"passed":N,"failed":N,"skipped":N}`, which the runner parses to count tests; the first is
 * PODSMITH_E2E_BEGIN, so that the runner can tell the suite's output from the workbench's own log lines.
 * PODSMITH_E2E_GREP (in the server's environment) runs only the tests whose full title matches.
 */
import Mocha from 'mocha';

declare const PODSMITH_E2E_FILES: string[] | undefined;

export const BEGIN_LINE = 'PODSMITH_E2E_BEGIN';
export const RESULT_PREFIX = 'PODSMITH_E2E_RESULT ';
/** Said the moment a test fails, so that the runner can take a screenshot before the after-hooks tidy up. */
export const FAILED_PREFIX = 'PODSMITH_E2E_FAILED ';

const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } =
  Mocha.Runner.constants;

/** Prints each test as it ends and the closing result line. */
class HostReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let depth = 0;
    const indent = () => '  '.repeat(depth);
    const failures: { title: string; error: string }[] = [];
    let passed = 0;
    let skipped = 0;
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.root) return;
      console.log(`${indent()}${suite.title}`);
      depth++;
    });
    runner.on(EVENT_SUITE_END, (suite: Mocha.Suite) => {
      if (!suite.root) depth--;
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      passed++;
      console.log(`${indent()}✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      skipped++;
      console.log(`${indent()}- ${test.title} (skipped)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
      const text = (error && (error.stack || error.message)) || String(error);
      failures.push({ title: test.fullTitle(), error: text });
      console.log(FAILED_PREFIX + JSON.stringify({ index: failures.length, title: test.fullTitle() }));
      pauseBeforeAfterEach = test.type === 'test';
      console.log(`${indent()}✘ ${test.title}\n${text.replace(/^/gm, `${indent()}    `)}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const failed = failures.length;
      console.log(`\nin-host suite: ${passed} passing, ${failed} failing${skipped ? `, ${skipped} skipped` : ''}`);
      failures.forEach((f, i) => console.log(`  ${i + 1}) ${f.title}`));
      console.log(RESULT_PREFIX + JSON.stringify({ passed, failed, skipped, failures: failures.map((f) => f.title) }));
    });
  }
}

/**
 * After a failure, the test's after-each hooks (which may close editors) wait this long, so that the runner's
 * screenshot shows the workbench as the failing test left it.
 */
const PAUSE_AFTER_FAILURE_MS = 1500;
let pauseBeforeAfterEach = false;
type HookUp = (this: Mocha.Runner, name: string, fn: (...args: unknown[]) => void) => void;
const runnerPrototype = Mocha.Runner.prototype as unknown as { hookUp: HookUp };
const hookUp = runnerPrototype.hookUp;
runnerPrototype.hookUp = function (name, fn) {
  if (name === Mocha.Suite.constants.HOOK_TYPE_AFTER_EACH && pauseBeforeAfterEach) {
    pauseBeforeAfterEach = false;
    setTimeout(() => hookUp.call(this, name, fn), PAUSE_AFTER_FAILURE_MS);
    return;
  }
  hookUp.call(this, name, fn);
};

type TestFile = [name: string, load: () => unknown];

function testFiles(): TestFile[] {
  if (typeof PODSMITH_E2E_FILES === 'undefined') {
    throw new Error('PODSMITH_E2E_FILES is not defined: run the suite bundled by test/e2e/bundle.mjs');
  }
  // esbuild turns this template into a lazy table of every ./*.e2e.ts file it finds.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild needs the require() to find the files
  return PODSMITH_E2E_FILES.map((name): TestFile => [`${name}.e2e.ts`, () => require(`./${name}.e2e.ts`)]);
}

export function run(): Promise<void> {
  console.log(BEGIN_LINE);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60000,
    reporter: HostReporter,
    grep: process.env.PODSMITH_E2E_GREP || undefined,
  });
  for (const [name, load] of testFiles()) {
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, name, mocha);
    try {
      const exports = load();
      mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_REQUIRE, exports, name, mocha);
    } catch (error) {
      // A file that does not load is a failure, not a silently smaller suite.
      mocha.suite.addTest(new Mocha.Test(`loads ${name}`, () => Promise.reject(error)));
    }
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, name, mocha);
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-host test(s) failed`)) : resolve()));
    } catch (error) {
      console.log(RESULT_PREFIX + JSON.stringify({ passed: 0, failed: 1, skipped: 0, failures: [String(error)] }));
      reject(error);
    }
  });
}
