// Runs the in-extension-host suite (out/e2e/suite/index.js, bundled by bundle.mjs) in the VS Code server at
// --base, the way @vscode/test-electron runs it on a desktop: the workbench opens examples/ with the repository as
// extensionDevelopmentPath and the bundle as extensionTestsPath. The extension host's console reaches us through
// the smoke-test driver's codeAutomationLog hook, its exit code through codeAutomationExit.
//   node test/e2e/host.mjs --base http://127.0.0.1:PORT [--suite BUNDLE] [--counts FILE]
// Writes {"passed","failed","skipped"} from the suite's closing PODSMITH_E2E_RESULT line to FILE.
import { parseArgs } from 'node:util';
import { launchBrowser, root, screenshot, workbenchUrl, writeCounts } from './browser.mjs';
import { suiteBundle } from './bundle.mjs';

const BEGIN_LINE = 'PODSMITH_E2E_BEGIN';
const RESULT_PREFIX = 'PODSMITH_E2E_RESULT ';
const FAILED_PREFIX = 'PODSMITH_E2E_FAILED ';
const { values: args } = parseArgs({ options: { base: { type: 'string' }, suite: { type: 'string' }, counts: { type: 'string' } } });
const timeout = Number(process.env.PODSMITH_E2E_TIMEOUT || 300) * 1000;

const browser = await launchBrowser();
const { page } = browser;
let result;
let begun = false;
const shots = [];
const workbenchLog = []; // the workbench's own lines before the suite began: shown only when it never reports
// The workbench's own chatter that reaches the same hook while the suite runs.
const noise = /^(Updating additional builtin extensions cache|Ignoring fetching additional builtin extensions)/;
await page.exposeFunction('codeAutomationLog', (_type, logArgs) => {
  const text = (Array.isArray(logArgs) ? logArgs : [logArgs])
    .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
    .join(' ');
  for (const line of text.split('\n')) {
    if (line === BEGIN_LINE) {
      begun = true;
    } else if (line.startsWith(FAILED_PREFIX)) {
      // Best effort: the screenshot races the test's after-hooks (which may close editors).
      const { index } = JSON.parse(line.slice(FAILED_PREFIX.length));
      shots.push(screenshot(page, `e2e-host-failure-${index}`).then((f) => console.log(`      screenshot: ${f}`), () => {}));
    } else if (line.startsWith(RESULT_PREFIX)) {
      try {
        result = JSON.parse(line.slice(RESULT_PREFIX.length));
      } catch {
        console.log(`unreadable result line: ${line}`);
      }
    } else if (begun && !noise.test(line)) {
      console.log(`  ${line}`);
    } else {
      workbenchLog.push(line);
      if (workbenchLog.length > 200) workbenchLog.shift();
    }
  }
});
const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));

const started = Date.now();
await page.goto(workbenchUrl(args.base, { extensionDevelopmentPath: root, extensionTestsPath: args.suite || suiteBundle }));
const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), timeout))]);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

let counts;
if (result) {
  counts = { passed: result.passed, failed: result.failed, skipped: result.skipped ?? 0 };
  // The suite reported passing but the host said otherwise (a crash after the run): still a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
} else {
  counts = { passed: 0, failed: 1, skipped: 0 };
  console.log(`  ✘ the in-host suite reported no result (exit: ${code}); the workbench's log:`);
  for (const line of workbenchLog) console.log(`    ${line}`);
  if (browser.consoleErrors.length) console.log(`  browser console errors:\n    ${browser.consoleErrors.join('\n    ')}`);
}
await Promise.all(shots);
if (counts.failed > 0) {
  const shot = await screenshot(page, 'e2e-host-failure').catch(() => undefined);
  if (shot) console.log(`  screenshot: ${shot}`);
}
await browser.close();
console.log(`in-host suite exit ${code} after ${seconds} s: ${counts.passed} passed, ${counts.failed} failed`);
writeCounts(args.counts, counts);
process.exit(counts.failed === 0 && code === 0 ? 0 : 1);

