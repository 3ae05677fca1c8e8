import assert from 'node:assert/strict';
import { diagramPageHtml } from '../../../client/src/webview/html';
import { parseFromWebview, parseToWebview } from '../../../client/src/webview/messages';

const RANGE = { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } };

describe('diagram webview messages', () => {
  describe('the extension accepts only well-formed messages from the webview', () => {
    const cases: [title: string, raw: unknown, accepted: unknown][] = [
      ['ready', { type: 'ready' }, { type: 'ready' }],
      ['reveal with a range', { type: 'reveal', range: RANGE }, { type: 'reveal', range: RANGE }],
      ['reveal drops extra fields', { type: 'reveal', range: { ...RANGE, command: 'x' }, uri: 'file:///etc/passwd' }, { type: 'reveal', range: RANGE }],
      ['reveal with a negative line', { type: 'reveal', range: { start: { line: -1, character: 0 }, end: RANGE.end } }, undefined],
      ['reveal with a string line', { type: 'reveal', range: { start: { line: '3', character: 0 }, end: RANGE.end } }, undefined],
      ['export svg', { type: 'export', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }, { type: 'export', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }],
      ['export svg that is not SVG', { type: 'export', format: 'svg', data: '<html><script>alert(1)</script>' }, undefined],
      ['export png', { type: 'export', format: 'png', data: 'iVBORw0KGgo=' }, { type: 'export', format: 'png', data: 'iVBORw0KGgo=' }],
      ['export png that is not base64', { type: 'export', format: 'png', data: 'not base64!' }, undefined],
      ['export of another format', { type: 'export', format: 'exe', data: 'AAAA' }, undefined],
      ['export without data', { type: 'export', format: 'svg', data: '' }, undefined],
      ['rendered summary', { type: 'rendered', summary: { pod: 'Pod p', containers: 2, volumes: 1, edges: 1, problems: 0 } }, { type: 'rendered', summary: { pod: 'Pod p', containers: 2, volumes: 1, edges: 1, problems: 0 } }],
      ['rendered with a fractional count', { type: 'rendered', summary: { pod: 'Pod p', containers: 1.5, volumes: 1, edges: 1, problems: 0 } }, undefined],
      ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }, undefined],
      ['not an object', 'reveal', undefined],
      ['null', null, undefined],
      ['an array', [{ type: 'ready' }], undefined],
    ];
    for (const [title, raw, accepted] of cases) {
      it(`${title} → ${accepted ? 'accepted' : 'ignored'}`, () => assert.deepEqual(parseFromWebview(raw), accepted));
    }
  });

  it('the webview draws only models of the shape it knows', () => {
    assert.equal(parseToWebview({ type: 'model', model: { schemaVersion: 2 } }), undefined);
    assert.deepEqual(parseToWebview({ type: 'empty', message: 'nothing here' }), { type: 'empty', message: 'nothing here' });
    assert.equal(parseToWebview({ type: 'model' }), undefined);
  });

  it("the page's Content-Security-Policy allows only our nonce'd script and style and our own files", () => {
    const html = diagramPageHtml({ scriptUri: 'https://file+.vscode-resource.example/dist/webview.js', cspSource: 'https://file+.vscode-resource.example', nonce: 'abc123' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(
      csp,
      "default-src 'none'; img-src https://file+.vscode-resource.example data:; style-src https://file+.vscode-resource.example 'nonce-abc123'; script-src 'nonce-abc123'",
    );
    assert.match(html, /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource\.example\/dist\/webview\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, ours');
    assert.doesNotMatch(html, /\son[a-z]+=/, 'no inline event handlers');
  });
});
