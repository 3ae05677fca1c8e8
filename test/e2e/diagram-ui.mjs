// The Pod diagram in the VS Code server at --base, through headless Chromium, as a person uses it: open
// examples/diagram-showcase.yaml, press the editor title button, see the diagram beside the editor, click a
// container and land on its name in the editor, export the picture as SVG and PNG. Each check counts as a test;
// the panel's screenshot is saved as test-results/diagram/vscode-panel.png.
//   node test/e2e/diagram-ui.mjs --base URL [--counts FILE]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Checks, examplesDir, launchBrowser, resultsDir, root, waitForWorkbench, workbenchUrl, writeCounts } from './browser.mjs';

const { values: args } = parseArgs({ options: { base: { type: 'string' }, counts: { type: 'string' } } });

// Where the adapter container's name is in the showcase (1-based, as the status bar shows it): clicking the
// container selects its name, so the status bar shows the cursor at the name's end and 7 characters selected.
const showcase = readFileSync(path.join(examplesDir, 'diagram-showcase.yaml'), 'utf8').split('\n');
const metricsLine = showcase.findIndex((l) => l.includes('- name: metrics')) + 1;
const metricsColumn = showcase[metricsLine - 1].indexOf('metrics') + 1;

const browser = await launchBrowser({ width: 1600, height: 1000 });
const { page } = browser;
const checks = new Checks(page, 'diagram-ui');
console.log('Pod diagram UI checks:');
// The webview's page sits in two nested iframes of the workbench.
const diagram = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

await checks.check('the workbench opens diagram-showcase.yaml', async () => {
  await page.goto(workbenchUrl(args.base, { extensionDevelopmentPath: root }));
  await waitForWorkbench(page, 'diagram-showcase.yaml');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'diagram-showcase.yaml' }).first().click();
  await page.locator('.monaco-editor .view-lines', { hasText: 'kind: Deployment' }).first().waitFor({ timeout: 30000 });
});

await checks.check('the editor title button "Show Pod Diagram" opens the diagram beside the editor', async () => {
  await page.locator('.monaco-editor .view-line', { hasText: 'name: shop' }).first().click();
  await page.locator('.editor-actions .action-label[aria-label*="Show Pod Diagram"]').first().click({ timeout: 30000 });
  await diagram().locator('#diagram g.container').nth(5).waitFor({ timeout: 60000 });
  const summary = await diagram().locator('#summary').innerText();
  if (!summary.startsWith('Deployment shop · 6 containers · 3 volumes')) throw new Error(`summary: ${summary}`);
});

await checks.check('screenshot of the panel beside the editor', async () => {
  mkdirSync(path.join(resultsDir, 'diagram'), { recursive: true });
  const file = path.join(resultsDir, 'diagram/vscode-panel.png');
  await page.screenshot({ path: file });
  console.log(`    ${path.relative(root, file)}`);
});

await checks.check(`clicking the adapter container selects its name in the editor (Ln ${metricsLine}, Col ${metricsColumn}-${metricsColumn + 7})`, async () => {
  const wanted = `Ln ${metricsLine}, Col ${metricsColumn + 'metrics'.length} (${'metrics'.length} selected)`;
  // The diagram redraws when the document's diagnostics arrive; a click that lands while its box is being replaced
  // does nothing, for a person too, who clicks again. So: up to three clicks, each given time to move the cursor.
  for (let attempt = 0; attempt < 3; attempt++) {
    await diagram().locator('#diagram g.container.role-adapter > rect.box').click();
    const moved = await page.locator('.statusbar-item', { hasText: wanted }).first().waitFor({ timeout: 15000 }).then(() => true, () => false);
    if (moved) break;
  }
  const status = await page.locator('.statusbar').innerText();
  if (!status.includes(wanted)) throw new Error(`status bar: ${JSON.stringify(status.slice(0, 300))}, wanted ${wanted}`);
});

// Exports: the webview sends the picture, VS Code's save dialog (the workbench's own, in a browser) asks where, and
// the extension writes the file. Saved into a throw-away folder.
const exportDir = mkdtempSync(path.join(tmpdir(), 'podsmith-export-'));
for (const [format, magic] of [['svg', '<svg'], ['png', '\x89PNG']]) {
  await checks.check(`Export ${format.toUpperCase()} saves the picture where the save dialog says`, async () => {
    const target = path.join(exportDir, `shop.${format}`);
    await diagram().locator(`#export-${format}`).click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 20000 });
    // The dialog fills in its default path a moment after it opens: type ours until it stays.
    for (let attempt = 0; attempt < 20 && (await input.inputValue()) !== target; attempt++) {
      await input.fill(target);
      await new Promise((r) => setTimeout(r, 250));
    }
    if ((await input.inputValue()) !== target) throw new Error(`the save dialog shows ${await input.inputValue()}`);
    await input.press('Enter');
    const deadline = Date.now() + 20000;
    while (!existsSync(target) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // A save that missed our path lands beside the example, in the repository: remove it, and fail.
    const stray = path.join(examplesDir, `shop-diagram.${format}`);
    if (existsSync(stray)) {
      rmSync(stray);
      throw new Error(`saved to the dialog's default ${path.relative(root, stray)} instead of ${target}`);
    }
    const head = existsSync(target) ? readFileSync(target).subarray(0, 4).toString('latin1') : '(no file)';
    if (head !== magic) throw new Error(`${target} starts with ${JSON.stringify(head)}`);
  });
}
rmSync(exportDir, { recursive: true, force: true });

await browser.close();
const { passed, failed } = checks.counts;
console.log(`Pod diagram UI checks: ${passed} passed, ${failed} failed`);
writeCounts(args.counts, checks.counts);
process.exit(failed === 0 ? 0 : 1);
