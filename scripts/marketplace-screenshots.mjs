// The pictures of the marketplace page (docs/marketplace.md), taken from Podsmith running in the real VS Code (the
// VS Code server of scripts/vscode-server.sh, driven by headless Chromium), so that what a user sees is what the page
// shows: a hover, a quick fix, inlay hints and the Pod diagram. Writes images/{hover,quick-fix,inlay-hints,diagram}.png.
//   node scripts/marketplace-screenshots.mjs      (after `node scripts/build.mjs`; installs the server on first use)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser, root, waitForWorkbench, workbenchUrl } from '../test/e2e/browser.mjs';

const images = path.join(root, 'images');
const server = spawnSync('bash', ['-c', 'source scripts/vscode-server.sh && vs_install >&2 && state=$(mktemp -d) && port=$(vs_free_port) && vs_start "$port" "$state" >&2 && echo "$VS_URL $VS_PGID"'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const [base, pgid] = server.stdout.trim().split(/\s+/);
if (!base) throw new Error('the VS Code server did not start');

const browser = await launchBrowser({ width: 1280, height: 1200 });
const { page } = browser;
const line = (needle, n = 0) => page.locator('.monaco-editor .view-line', { hasText: needle }).nth(n);
async function open(file, needle) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click();
  await line(needle).waitFor({ timeout: 30000 });
}
/** A screenshot of the area around `locator`'s box, grown by `pad` on each side and kept inside the page. */
async function shoot(name, boxes, pad = 16) {
  const xs = boxes.flatMap((b) => [b.x, b.x + b.width]);
  const ys = boxes.flatMap((b) => [b.y, b.y + b.height]);
  const x = Math.max(0, Math.min(...xs) - pad);
  const y = Math.max(0, Math.min(...ys) - pad);
  const clip = { x, y, width: Math.min(1280, Math.max(...xs) + pad) - x, height: Math.min(1200, Math.max(...ys) + pad) - y };
  await page.screenshot({ path: path.join(images, `${name}.png`), clip });
  console.log(`images/${name}.png`);
}

try {
  await page.goto(workbenchUrl(base, { extensionDevelopmentPath: root }));
  await waitForWorkbench(page);

  // Hover: the localhost reach of a container port, in the multi-container example.
  await open('multi-container-pod.yaml', 'containerPort: 8080');
  const port = await line('containerPort: 8080').locator('span', { hasText: /^8080$/ }).first().boundingBox();
  await page.mouse.move(port.x + 2, port.y + port.height / 2);
  await page.mouse.click(port.x + port.width / 2, port.y + port.height / 2);
  // The editor's own command, as a person finds it in the command palette.
  await page.keyboard.press('F1');
  await page.keyboard.type('Show or Focus Hover');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ timeout: 30000 });
  await page.waitForTimeout(800);
  await shoot('hover', [await hover.boundingBox(), await line('containerPort: 8080').boundingBox()]);
  await page.mouse.move(5, 1190);

  // A quick fix: a Pod-level field written in a container.
  await open('quick-fixes.yaml', 'nodeSelector:');
  await line('nodeSelector:').locator('span', { hasText: /^nodeSelector$/ }).first().click();
  await page.keyboard.press('Control+Period');
  const menu = page.locator('.action-widget').first();
  await menu.waitFor({ timeout: 30000 });
  await page.waitForTimeout(800);
  await shoot('quick-fix', [await menu.boundingBox(), await line('nodeSelector:').boundingBox()]);
  await page.keyboard.press('Escape');

  // Inlay hints: the defaults the API server fills in.
  await open('navigation.yaml', 'containerPort: 80');
  await line('imagePullPolicy: IfNotPresent').waitFor({ timeout: 60000 });
  await shoot('inlay-hints', [await line('kind: Pod').boundingBox(), await line('readinessProbe').boundingBox(), await line('port: http').boundingBox()]);

  // The Pod diagram beside the editor.
  await open('diagram-showcase.yaml', 'kind: Deployment');
  await line('name: shop').click();
  await page.locator('.editor-actions .action-label[aria-label*="Show Pod Diagram"]').first().click({ timeout: 30000 });
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#diagram g.container').nth(5).waitFor({ timeout: 60000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(images, 'diagram.png') });
  console.log('images/diagram.png');
} finally {
  await browser.close();
  if (pgid) spawnSync('kill', ['--', `-${pgid}`]);
}
