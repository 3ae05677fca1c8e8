// What the e2e runners share: headless Debian Chromium driven by playwright-core (both installed on first use by
// scripts/vscode-server.sh into the git-ignored .vscode-e2e/), the workbench URL of the VS Code server, and the
// screenshots saved under test-results/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const e2eHome = process.env.PODSMITH_E2E_HOME || path.join(root, '.vscode-e2e');
export const resultsDir = path.join(root, 'test-results');
export const examplesDir = path.join(root, 'examples');

/**
 * The workbench URL of the VS Code server at `base`, opening `folder`; with `extensionDevelopmentPath` (and
 * `extensionTestsPath`) in the payload, as @vscode/test-electron passes them on a desktop command line.
 */
export function workbenchUrl(base, { folder = examplesDir, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const host = new URL(base).host;
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  let url = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Headless Chromium with a throw-away profile. `close()` ends it and removes the profile. */
export async function launchBrowser({ width = 1400, height = 900 } = {}) {
  const { chromium } = createRequire(path.join(e2eHome, 'package.json'))('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'podsmith-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PODSMITH_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
    if (consoleErrors.length > 20) consoleErrors.shift();
  });
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot as test-results/NAME.png and returns its path relative to the repository. */
export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return path.relative(root, file);
}

/** Waits until the workbench shows the Explorer with the opened folder's files. */
export async function waitForWorkbench(page, fileName = 'pod.yaml', timeout = 90000) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: fileName })
    .first()
    .waitFor({ timeout });
}

/** Writes the counts file run.sh sums: {"passed":N,"failed":N,"skipped":N}. */
export function writeCounts(file, counts) {
  if (file) writeFileSync(file, JSON.stringify({ passed: 0, failed: 0, skipped: 0, ...counts }));
}

/**
 * Named checks, each counted as a test. A check that throws fails; the first failure saves a screenshot
 * (test-results/<prefix>-failure.png) and skips the checks after it (they would only repeat the failure).
 */
export class Checks {
  constructor(page, prefix) {
    this.page = page;
    this.prefix = prefix;
    this.passed = 0;
    this.failed = 0;
    this.skipped = 0;
    this.t0 = Date.now();
  }

  async check(name, body) {
    if (this.failed > 0) {
      this.skipped++;
      console.log(`  - ${name} (skipped after a failure)`);
      return undefined;
    }
    const start = Date.now();
    try {
      const value = await body();
      this.passed++;
      console.log(`  ✔ ${name} (${Date.now() - start} ms)`);
      return value;
    } catch (error) {
      this.failed++;
      console.log(`  ✘ ${name}\n${String(error?.stack || error).replace(/^/gm, '      ')}`);
      const shot = await screenshot(this.page, `${this.prefix}-failure`).catch(() => undefined);
      if (shot) console.log(`    screenshot: ${shot}`);
      return undefined;
    }
  }

  get counts() {
    return { passed: this.passed, failed: this.failed, skipped: this.skipped };
  }
}
