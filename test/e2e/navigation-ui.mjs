// Navigation in the VS Code server at --base, through headless Chromium, as a person uses it on
// examples/navigation.yaml: inlay hints drawn in the editor (screenshot test-results/navigation-inlay-hints.png),
// the Outline view listing the Pod and its containers, F12 from a mount to its volume, and F2 renaming a volume
// with its mounts (then undone; the file is put back as it was in any case). Each check counts as a test.
//   node test/e2e/navigation-ui.mjs --base URL [--counts FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Checks, examplesDir, launchBrowser, root, screenshot, waitForWorkbench, workbenchUrl, writeCounts } from './browser.mjs';

const { values: args } = parseArgs({ options: { base: { type: 'string' }, counts: { type: 'string' } } });

const file = path.join(examplesDir, 'navigation.yaml');
const original = readFileSync(file, 'utf8');
const lines = original.split('\n');
/** 1-based line of the `n`th line (0-based) that contains `needle`. */
const lineNumber = (needle, n = 0) => lines.map((l, i) => (l.includes(needle) ? i + 1 : 0)).filter(Boolean)[n];
const volumeLine = lineNumber('- name: shared', 2);

const browser = await launchBrowser({ width: 1400, height: 1300 });
const { page } = browser;
const checks = new Checks(page, 'navigation-ui');
console.log('Navigation UI checks:');

/** The editor line (a `.view-line`) showing `needle`, the `n`th such line on screen. */
const viewLine = (needle, n = 0) => page.locator('.monaco-editor .view-line', { hasText: needle }).nth(n);
/** Clicks inside the word `word` on the `n`th line showing `needle`. */
async function clickWord(needle, word, n = 0) {
  const line = viewLine(needle, n);
  await line.waitFor({ timeout: 30000 });
  const span = line.locator('span', { hasText: new RegExp(`^${word}$`) }).last();
  await span.click({ position: { x: 3, y: 5 } });
}
async function statusShows(wanted) {
  await page.locator('.statusbar-item', { hasText: wanted }).first().waitFor({ timeout: 20000 }).catch(() => {});
  const status = await page.locator('.statusbar').innerText();
  if (!status.includes(wanted)) throw new Error(`status bar: ${JSON.stringify(status.slice(0, 300))}, wanted ${wanted}`);
}

try {
  await checks.check('the workbench opens navigation.yaml', async () => {
    await page.goto(workbenchUrl(args.base, { extensionDevelopmentPath: root }));
    await waitForWorkbench(page, 'navigation.yaml');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'navigation.yaml' }).first().click();
    await viewLine('kind: Pod').waitFor({ timeout: 30000 });
  });

  await checks.check('inlay hints show the defaulted imagePullPolicy and port protocol in the editor', async () => {
    await viewLine('imagePullPolicy: IfNotPresent').waitFor({ timeout: 60000 });
    // The editor pads a hint with a no-break space.
    const port = (await viewLine('containerPort: 80').innerText()).replace(/\s+/g, ' ');
    if (!port.includes('containerPort: 80 protocol: TCP')) throw new Error(`the port line reads ${JSON.stringify(port)}`);
  });

  await checks.check('screenshot of the inlay hints', async () => {
    console.log(`    ${await screenshot(page, 'navigation-inlay-hints')}`);
  });

  await checks.check('the Outline view lists the Pod and every container', async () => {
    await page.locator('.pane-header', { hasText: /^Outline|OUTLINE/ }).first().click();
    for (const name of ['Pod web', 'seed', 'reloader', 'shared']) {
      await page.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
    }
  });

  await checks.check(`F12 on a mount's name goes to the volume (Ln ${volumeLine})`, async () => {
    await clickWord('- name: shared', 'shared', 1);
    await page.keyboard.press('F12');
    await statusShows(`Ln ${volumeLine},`);
  });

  await checks.check('F2 on the volume renames it and both mounts', async () => {
    await clickWord('- name: shared', 'shared', 2);
    await statusShows(`Ln ${volumeLine}, Col`);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor({ timeout: 20000 });
    await input.fill('html');
    await input.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: '- name: html' }).nth(2).waitFor({ timeout: 20000 });
    const left = await page.locator('.monaco-editor .view-line', { hasText: '- name: shared' }).count();
    if (left !== 0) throw new Error(`${left} line(s) still name the volume shared`);
    await page.keyboard.press('Control+Z');
    await viewLine('- name: shared', 2).waitFor({ timeout: 20000 });
  });
} finally {
  await browser.close();
  // An editor that saved the rename (auto-save) must not leave the tracked example changed.
  if (readFileSync(file, 'utf8') !== original) writeFileSync(file, original);
}
const { passed, failed } = checks.counts;
console.log(`Navigation UI checks: ${passed} passed, ${failed} failed`);
writeCounts(args.counts, checks.counts);
process.exit(failed === 0 ? 0 : 1);
