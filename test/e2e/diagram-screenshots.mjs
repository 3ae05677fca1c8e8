// The Pod diagram's webview in headless Chromium: the real page (client/src/webview/html.ts, dist/webview.js) with
// models computed by the real language service from example manifests, in dark, light and high-contrast themes.
// Each example is a few checks (drawn, safe, exportable), and a screenshot in test-results/diagram/ to look at.
//   node test/e2e/diagram-screenshots.mjs [--counts FILE]
// Skips (saying so) when Chromium or playwright-core is not installed (scripts/vscode-server.sh installs both).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { e2eHome, root, writeCounts } from './browser.mjs';

const { values: args } = parseArgs({ options: { counts: { type: 'string' } } });
const outDir = path.join(root, 'test-results/diagram');
const chromiumPath = process.env.PODSMITH_CHROMIUM || '/usr/bin/chromium';

function skip(reason) {
  console.log(`diagram screenshots: skipped: ${reason}`);
  writeCounts(args.counts, { skipped: 1 });
  process.exit(0);
}
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
if (!existsSync(path.join(e2eHome, 'node_modules/playwright-core'))) {
  skip(`playwright-core is not installed in ${path.relative(root, e2eHome)} (bash scripts/vscode-server.sh install)`);
}
const webviewScript = path.join(root, 'dist/webview.js');
if (!existsSync(webviewScript)) skip('dist/webview.js is missing (node scripts/build.mjs)');

// The TypeScript sources, loaded as the tests load them.
const tsx = createRequire(import.meta.url)('tsx/cjs/api');
const load = (file) => tsx.require(path.join(root, file), import.meta.url);
const { diagramPageHtml } = load('client/src/webview/html.ts');
const { getLanguageService } = load('server/src/service/languageService.ts');
const { DEFAULT_SETTINGS } = load('server/src/core/settings.ts');
const { TextDocument } = createRequire(import.meta.url)('vscode-languageserver-textdocument');
const { chromium } = createRequire(path.join(e2eHome, 'package.json'))('playwright-core');

const service = getLanguageService({ log: (m) => console.log(`    service: ${m}`) });
function modelOf(text, needle) {
  const textDocument = TextDocument.create('file:///example.yaml', 'yaml', 1, text);
  const source = { textDocument, file: service.parse(textDocument, DEFAULT_SETTINGS) };
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the example`);
  return service.diagram(source, textDocument.positionAt(at), DEFAULT_SETTINGS);
}

const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const problemsPod = `apiVersion: v1
kind: Pod
metadata:
  name: troubled
spec:
  containers:
    - name: '${XSS_NAME}'
      image: nginx:1.27
      image: nginx:1.28
      ports:
        - containerPort: 8080
      volumeMounts:
        - name: data
          mountPath: /data
    - name: api
      image: ghcr.io/example/api:1.0
      ports:
        - containerPort: 8080
          name: http
      volumeMounts:
        - name: missing
          mountPath: /cache
  volumes:
    - name: data
      emptyDir: {}
    - name: leftover
      emptyDir: {}
`;

function bigPod(n) {
  const containers = [];
  const volumes = [];
  for (let i = 0; i < n; i++) {
    volumes.push(`    - name: vol-${i}\n      emptyDir: {}`);
    const mounts = [i, (i + 3) % n].map((v, k) => `        - name: vol-${v}\n          mountPath: /mnt/v${v}${k ? '\n          readOnly: true' : ''}`);
    containers.push(`    - name: worker-${i}\n      image: registry.example.com/team/worker-${i}:1.${i}\n      ports:\n        - containerPort: ${9000 + i}\n      volumeMounts:\n${mounts.join('\n')}`);
  }
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: twelve\nspec:\n  containers:\n${containers.join('\n')}\n  volumes:\n${volumes.join('\n')}\n`;
}

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: fetch
              image: curlimages/curl:8.10.1
              volumeMounts:
                - name: work
                  mountPath: /work
          containers:
            - name: report
              image: ghcr.io/example/report:3.2
              volumeMounts:
                - name: work
                  mountPath: /work
                  readOnly: true
              resources:
                requests:
                  cpu: 500m
                  memory: 1Gi
                limits:
                  cpu: "1"
                  memory: 1Gi
          volumes:
            - name: work
              emptyDir: {}
`;

const examples = [
  { name: 'showcase', text: readFileSync(path.join(root, 'examples/diagram-showcase.yaml'), 'utf8'), needle: 'log-shipper', themes: ['dark', 'light', 'high-contrast'] },
  { name: 'showcase-narrow', text: readFileSync(path.join(root, 'examples/diagram-showcase.yaml'), 'utf8'), needle: 'shop', themes: ['light'], width: 640 },
  // A panel beside the editor on a laptop (576 px) reflows the columns; a 400 px one shows the drawing zoomed to fit.
  { name: 'showcase-576', text: readFileSync(path.join(root, 'examples/diagram-showcase.yaml'), 'utf8'), needle: 'shop', themes: ['dark'], width: 576, fits: true },
  { name: 'showcase-400', text: readFileSync(path.join(root, 'examples/diagram-showcase.yaml'), 'utf8'), needle: 'shop', themes: ['light'], width: 400, fits: true },
  { name: 'problems', text: problemsPod, needle: 'leftover', themes: ['dark', 'light'], xss: true },
  { name: 'simple-pod', text: readFileSync(path.join(root, 'examples/pod.yaml'), 'utf8'), needle: 'nginx', themes: ['light'] },
  { name: 'cronjob', text: cronJob, needle: 'report', themes: ['dark'] },
  { name: 'twelve-containers', text: bigPod(12), needle: 'worker-5', themes: ['dark'] },
];

/** CSS variables and body class that VS Code gives a webview, for three of its themes. */
const THEMES = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', descriptionForeground: '#9d9d9d',
      'editorWidget-border': '#454545', 'sideBar-background': '#181818', 'textCodeBlock-background': '#2b2b2b',
      'list-hoverBackground': '#2a2d2e', focusBorder: '#0078d4', 'editorError-foreground': '#f14c4c',
      'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff', 'charts-blue': '#3794ff',
      'charts-purple': '#b180d7', 'charts-green': '#89d185', 'charts-orange': '#d18616', 'charts-yellow': '#cca700',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', descriptionForeground: '#717171',
      'editorWidget-border': '#c8c8c8', 'sideBar-background': '#f8f8f8', 'textCodeBlock-background': '#f0f0f0',
      'list-hoverBackground': '#f2f2f2', focusBorder: '#005fb8', 'editorError-foreground': '#e51400',
      'editorWarning-foreground': '#bf8803', 'editorInfo-foreground': '#1a85ff', 'charts-blue': '#1a85ff',
      'charts-purple': '#652d90', 'charts-green': '#388a34', 'charts-orange': '#d18616', 'charts-yellow': '#bf8803',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      'editor-background': '#000000', 'editor-foreground': '#ffffff', descriptionForeground: '#ffffff',
      contrastBorder: '#6fc3df', 'editorWidget-border': '#6fc3df', 'sideBar-background': '#000000', 'textCodeBlock-background': '#000000',
      'list-hoverBackground': '#000000', focusBorder: '#f38518', 'editorError-foreground': '#f48771',
      'editorWarning-foreground': '#ffd700', 'editorInfo-foreground': '#3794ff', 'charts-blue': '#3794ff',
      'charts-purple': '#b180d7', 'charts-green': '#89d185', 'charts-orange': '#d18616', 'charts-yellow': '#ffd700',
      'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff', 'button-secondaryHoverBackground': '#000000',
    },
  },
};

mkdirSync(outDir, { recursive: true });
const pageFile = path.join(outDir, 'webview.html');
writeFileSync(pageFile, diagramPageHtml({ scriptUri: pathToFileURL(webviewScript).href, cspSource: 'file:', nonce: 'podsmithtestnonce0123' }));

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
});
let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${name}\n${String(error?.stack || error).replace(/^/gm, '      ')}`);
  }
}
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};

console.log('Pod diagram webview in Chromium:');
for (const example of examples) {
  const model = modelOf(example.text, example.needle);
  for (const theme of example.themes) {
    const label = `${example.name} (${theme})`;
    const context = await browser.newContext({ viewport: { width: example.width ?? 980, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // What VS Code provides inside a webview: the messaging API and the theme's variables and body class.
    await page.addInitScript(({ vars, bodyClass }) => {
      window.__posted = [];
      window.__csp = [];
      let state;
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => (state = s) });
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      document.addEventListener('DOMContentLoaded', () => {
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(`--vscode-${k}`, v);
        document.body.classList.add(bodyClass);
      });
    }, THEMES[theme]);
    await page.goto(pathToFileURL(pageFile).href);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
    await page.evaluate((m) => window.postMessage({ type: 'model', model: m }, '*'), model);

    await check(`${label}: draws every container and volume`, async () => {
      await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered'), null, { timeout: 5000 });
      const drawn = await page.evaluate(() => ({
        containers: document.querySelectorAll('#diagram g.container').length,
        volumes: document.querySelectorAll('#diagram g.volume').length,
        edges: document.querySelectorAll('#diagram path.edge:not(.sample)').length,
      }));
      assert(drawn.containers === model.containers.length, `containers drawn ${drawn.containers}, model ${model.containers.length}`);
      assert(drawn.volumes === model.volumes.length, `volumes drawn ${drawn.volumes}, model ${model.volumes.length}`);
      assert(drawn.edges === model.edges.length, `mount lines drawn ${drawn.edges}, model ${model.edges.length}`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      const csp = await page.evaluate(() => window.__csp);
      assert(csp.length === 0, `CSP violations: ${csp.join('; ')}`);
    });

    await check(`${label}: no two boxes overlap on screen`, async () => {
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('#diagram g.container > rect.box, #diagram g.volume > rect.volume-box')].map((r) => {
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, w: b.width, h: b.height };
        }),
      );
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          assert(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), `boxes ${i} and ${j} overlap`);
        }
    });

    await check(`${label}: a legend says what the lines and markers mean`, async () => {
      const legend = await page.evaluate(() => [...document.querySelectorAll('#diagram g.legend text')].map((t) => t.textContent));
      for (const words of ['mounted read-write', 'mounted read-only', 'mount of a volume not defined', 'native sidecar: runs beside them', 'a problem: hover it to read']) {
        assert(legend.includes(words), `legend ${JSON.stringify(legend)} lacks "${words}"`);
      }
    });

    if (example.fits) {
      await check(`${label}: fits the panel: nothing clipped, no sideways scrolling, text at a readable size`, async () => {
        const seen = await page.evaluate(() => {
          const canvas = document.getElementById('canvas');
          const svg = document.getElementById('diagram').getBoundingClientRect();
          const sizes = [...document.querySelectorAll('#diagram text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0);
          const viewBoxWidth = Number(document.getElementById('diagram').getAttribute('viewBox').split(' ')[2]);
          return { scroll: canvas.scrollWidth, client: canvas.clientWidth, right: svg.right, width: window.innerWidth, scale: svg.width / viewBoxWidth, smallest: Math.min(...sizes) };
        });
        assert(seen.scroll <= seen.client, `the canvas scrolls sideways: ${seen.scroll} > ${seen.client}`);
        assert(seen.right <= seen.width, `the drawing ends at ${seen.right}, past the panel's ${seen.width}`);
        // 12 px text drawn at no less than 70 % is at least 8.4 px on screen.
        assert(seen.scale >= 0.7, `the drawing is shown at ${Math.round(seen.scale * 100)} %`);
      });
    }

    if (example.xss) {
      await check(`${label}: a container named like markup is shown as text`, async () => {
        const seen = await page.evaluate(() => ({
          images: document.querySelectorAll('#diagram img, #diagram foreignObject').length,
          xss: window.__xss === 1,
          text: [...document.querySelectorAll('#diagram text')].map((t) => t.textContent).join('\n'),
        }));
        assert(seen.images === 0 && !seen.xss, 'markup from the manifest became elements');
        assert(seen.text.includes('<img src=x'), 'the name is shown as text');
      });
    }

    if (theme === example.themes[0]) {
      await check(`${label}: exports SVG and PNG`, async () => {
        await page.click('#export-svg');
        await page.click('#export-png');
        await page.waitForFunction(() => window.__posted.filter((m) => m.type === 'export').length === 2, null, { timeout: 5000 });
        const exports = await page.evaluate(() => window.__posted.filter((m) => m.type === 'export'));
        const svg = exports.find((m) => m.format === 'svg');
        const png = exports.find((m) => m.format === 'png');
        assert(svg && /^<svg[\s>]/.test(svg.data) && svg.data.includes('--ps-fg: #') && !svg.data.includes('var(--vscode'), 'the SVG embeds the resolved palette');
        assert(png && png.data.startsWith('iVBORw0KGgo'), 'the PNG is a PNG');
        writeFileSync(path.join(outDir, `${example.name}-export.svg`), svg.data);
        writeFileSync(path.join(outDir, `${example.name}-export.png`), Buffer.from(png.data, 'base64'));
      });
    }

    if (example.name === 'showcase' && theme === 'dark') {
      await check(`${label}: clicking a container asks to reveal its name's line`, async () => {
        await page.click('#diagram g.container.role-adapter > rect.box');
        const reveal = await page.evaluate(() => window.__posted.find((m) => m.type === 'reveal'));
        const metrics = model.containers.find((c) => c.role === 'adapter');
        assert(reveal && JSON.stringify(reveal.range) === JSON.stringify(metrics.range), `reveal ${JSON.stringify(reveal)}`);
      });
      await check(`${label}: a second model updates the drawing in place, keeping the scroll`, async () => {
        await page.evaluate(() => window.scrollTo(0, 300));
        const before = await page.evaluate(() => ({ svg: document.getElementById('diagram'), y: window.scrollY }));
        const edited = JSON.parse(JSON.stringify(model));
        edited.containers[2].name = 'shop-renamed';
        await page.evaluate((m) => window.postMessage({ type: 'model', model: m }, '*'), edited);
        await page.waitForFunction(() => [...document.querySelectorAll('#diagram text')].some((t) => t.textContent === 'shop-renamed'));
        const after = await page.evaluate(() => window.scrollY);
        assert(before.y === 300 && after === 300, `scroll went from ${before.y} to ${after}`);
        await page.evaluate((m) => window.postMessage({ type: 'model', model: m }, '*'), model);
        await page.evaluate(() => window.scrollTo(0, 0));
      });
    }

    await check(`${label}: screenshot`, async () => {
      const file = path.join(outDir, `${example.name}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`    ${path.relative(root, file)}`);
    });
    await context.close();
  }
}
await browser.close();
console.log(`diagram screenshots: ${passed} passed, ${failed} failed`);
writeCounts(args.counts, { passed, failed });
process.exit(failed === 0 ? 0 : 1);
