/**
 * Lone carriage returns are line breaks, as VS Code and the protocol count them (`\r`, `\n` and `\r\n` are each one
 * break). The `yaml` package reads a lone `\r` as part of the line: a file with old Mac line ends was one long line
 * to it, with false syntax errors and none of its findings.
 */
import assert from 'node:assert/strict';
import { withLoneCarriageReturnsAsNewlines } from '../../../server/src/document/manifestFile';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { diagnosticsOf, service, sourceOf, summarize } from '../support/service';

const LINES = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      imagee: x', '      image: nginx:1.27', '      resources: {limits: {cpu: 100m, memory: 64Mi}}'];

describe('document: lone carriage returns are line breaks', () => {
  for (const [what, text, line] of [
    ['CR only', LINES.join('\r') + '\r', 7],
    ['CR before CR LF', LINES.join('\r\r\n') + '\r\r\n', 14],
    ['LF, CR and CR LF mixed', LINES.map((l, i) => l + ['\n', '\r', '\r\n'][i % 3]).join(''), 7],
  ] as const) {
    it(`reports the misspelled field on its line with ${what}`, () => {
      assert.deepEqual(summarize(diagnosticsOf(text)), [
        ['unknown-field', `${line}:6-${line}:12`, 'Unknown field `imagee` in Container at spec.containers[0]: did you mean `image`?'],
      ]);
    });
  }

  it('hovers and completes on the line the editor shows, with CR only', () => {
    const text = LINES.join('\r') + '\r';
    const source = sourceOf(text);
    const hover = service.hover(source, { line: 8, character: 7 }, DEFAULT_SETTINGS);
    assert.match(JSON.stringify(hover?.contents), /`spec\.containers\[web\]\.image`/);
    const completion = service.complete(source, { line: 1, character: 6 }, DEFAULT_SETTINGS);
    assert.ok(completion?.items.some((item) => item.label === 'Pod'), JSON.stringify(completion?.items.map((i) => i.label)));
  });

  it('keeps every offset: only a CR that no LF follows becomes an LF', () => {
    assert.equal(withLoneCarriageReturnsAsNewlines('a\rb\r\nc\r\r\nd\n'), 'a\nb\r\nc\n\r\nd\n');
  });
});
