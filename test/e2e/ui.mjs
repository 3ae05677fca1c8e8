// UI checks in the VS Code server at --base, through headless Chromium, as a person would make them: the
// workbench opens examples/, broken-yaml.yaml shows a squiggle, and the Problems panel lists our message with
// its source and line. Each check counts as a test.
//   node test/e2e/ui.mjs --base URL --mode dev        Podsmith loaded from the repository (extensionDevelopmentPath)
//   node test/e2e/ui.mjs --base URL --mode installed  Podsmith as installed from the .vsix (no development path)
//   [--counts FILE]  writes {"passed","failed","skipped"} there
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Checks, examplesDir, launchBrowser, root, screenshot, waitForWorkbench, workbenchUrl, writeCounts } from './browser.mjs';

const { values: args } = parseArgs({
  options: { base: { type: 'string' }, mode: { type: 'string', default: 'dev' }, counts: { type: 'string' } },
});
const dev = args.mode === 'dev';
const label = dev ? 'development' : 'installed .vsix';

// Where the syntax error of broken-yaml.yaml is, read from the file (the error is reported at the unclosed `[`).
const broken = readFileSync(path.join(examplesDir, 'broken-yaml.yaml'), 'utf8').split('\n');
const errorLine = broken.findIndex((l) => l.includes('args: [')) + 1;
const errorColumn = broken[errorLine - 1].indexOf('[') + 1;

const browser = await launchBrowser();
const { page } = browser;
const checks = new Checks(page, dev ? 'ui' : 'ui-installed');
console.log(`UI checks (${label}):`);

await checks.check(`the workbench opens examples/ with Podsmith (${label})`, async () => {
  await page.goto(workbenchUrl(args.base, dev ? { extensionDevelopmentPath: root } : {}));
  await waitForWorkbench(page);
});

await checks.check('broken-yaml.yaml shows an error squiggle', async () => {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broken-yaml.yaml' }).first().click();
  await page.locator('.monaco-editor .view-lines', { hasText: 'args:' }).first().waitFor({ timeout: 30000 });
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
});

await checks.check(`the Problems panel lists our syntax error at Ln ${errorLine}, Col ${errorColumn}`, async () => {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ timeout: 20000 });
  const wanted = (text) => /YAML syntax error/.test(text) && /podsmith/.test(text) && text.includes(`[Ln ${errorLine}, Col ${errorColumn}]`);
  await page
    .waitForFunction(
      (source) => {
        const text = document.querySelector('.markers-panel')?.innerText ?? '';
        return new Function('text', `return (${source})(text)`)(text);
      },
      wanted.toString(),
      { timeout: 30000 },
    )
    .catch(() => {});
  const text = await panel.innerText();
  if (!wanted(text)) throw new Error(`Problems panel text: ${JSON.stringify(text.slice(0, 600))}`);
});

await checks.check('screenshot of the Problems panel', async () => {
  const shot = await screenshot(page, dev ? 'problems-panel' : 'problems-panel-installed');
  console.log(`    ${shot}`);
});

await browser.close();
const { passed, failed } = checks.counts;
console.log(`UI checks (${label}): ${passed} passed, ${failed} failed`);
writeCounts(args.counts, checks.counts);
process.exit(failed === 0 ? 0 : 1);
