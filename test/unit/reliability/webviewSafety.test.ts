/**
 * The diagram webview shows manifest text (container names, images, messages): a name like
 * `<img src=x onerror=...>` must appear as text, never become markup, and the page must run nothing but our
 * script. The diagram's own tests check its CSP string, its message validation, and a hostile name in Chromium;
 * this scan guards the sources every future change goes through.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { diagramPageHtml, makeNonce } from '../../../client/src/webview/html';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WEBVIEW = path.join(ROOT, 'client/src/webview');

/** Ways text becomes markup, script or a navigation in a page. */
const MARKUP_SINKS: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\.write(ln)?\b/],
  ['DOMParser / createContextualFragment', /\bDOMParser\b|\bcreateContextualFragment\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['event-handler attributes', /setAttribute\(\s*['"`]on/i],
  ['links and sources set from data', /setAttribute(NS)?\([^)]*['"`](xlink:)?(href|src)['"`]/],
  ['string timers and eval', /\bset(Timeout|Interval)\s*\(\s*['"`]|(^|[^\w.])eval\s*\(|new\s+Function\s*\(/],
];

describe('security: the diagram webview never turns manifest text into markup', function () {
  const files = existsSync(WEBVIEW) ? (readdirSync(WEBVIEW, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')) : [];
  before(function () {
    if (files.length === 0) {
      console.log('    (skipped: client/src/webview does not exist yet)');
      this.skip();
    }
  });

  for (const [what, pattern] of MARKUP_SINKS) {
    it(`no webview source uses ${what}`, () => {
      const hits: string[] = [];
      for (const file of files) {
        readFileSync(path.join(WEBVIEW, file), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (pattern.test(line)) hits.push(`client/src/webview/${file}:${i + 1}: ${line.trim()}`);
          });
      }
      assert.deepEqual(hits, []);
    });
  }

  it('the page allows no inline script, no eval, no network and no plugins', () => {
    const html = diagramPageHtml({ scriptUri: 'vscode-resource:/dist/webview.js', cspSource: 'vscode-resource:', nonce: 'n0nce' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-n0nce'"]);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:/);
    for (const name of ['connect-src', 'frame-src', 'object-src', 'font-src', 'media-src', 'worker-src']) {
      assert.equal(directives.has(name), false, `${name} falls back to default-src 'none'`);
    }
  });

  it('a fresh nonce per page: random, long enough, and only hex', () => {
    const [a, b] = [makeNonce((n) => randomBytes(n)), makeNonce((n) => randomBytes(n))];
    assert.match(a, /^[0-9a-f]{32,}$/);
    assert.notEqual(a, b);
    const panel = readFileSync(path.join(ROOT, 'client/src/diagramPanel.ts'), 'utf8');
    assert.match(panel, /nonce: makeNonce\(\(n\) => randomBytes\(n\)\)/);
    assert.doesNotMatch(panel, /enableCommandUris:\s*true/, 'command links stay disabled in the webview');
    const roots = [...panel.matchAll(/localResourceRoots:\s*\[([^\]]*)\]/g)].map((m) => m[1].trim());
    assert.ok(roots.length > 0, 'the webview names its local resource roots');
    for (const root of roots) assert.match(root, /^(dist|vscode\.Uri\.joinPath\(\w+, 'dist'\))$/, 'the webview may load only files from dist/');
  });
});
