/**
 * Regression tests for what the fuzz and hostile-input tests found in parsing and the YAML syntax check: each
 * case is the smallest text that showed the bug, beside what a person now sees.
 */
import assert from 'node:assert/strict';
import { MAX_NESTING } from '../../../server/src/document/nestingLimit';
import { MAX_DIAGNOSTICS } from '../../../server/src/service/languageService';
import { diagnosticsOf, summarize, yaml } from '../support/service';

const TOO_DEEP = `YAML syntax error: This document nests too deeply for Podsmith to read it; no Kubernetes object comes close. Look for runaway brackets or indentation here. (nested more than ${MAX_NESTING} levels deep)`;

describe('reliability: bounded parsing and syntax findings', () => {
  it('reports an unclosed quote after a flow mapping with a key and no value (the check used to throw)', () => {
    // `{name}` gives the parser a pair whose value is null; the check's tree walk read `.range` of it.
    assert.deepEqual(summarize(diagnosticsOf(yaml('metadata: {name}', 'image: "nginx'))), [
      ['yaml-syntax', '1:7-1:8', 'YAML syntax error: this `"` is never closed: a quoted string must end with `"` on the same value.'],
    ]);
  });

  const deep: [string, string, string][] = [
    // [what, text, expected range of the single finding: the first collection past the limit]
    ['10,000 nested flow sequences', '['.repeat(10_000) + ']'.repeat(10_000), `0:${MAX_NESTING}-0:${MAX_NESTING + 1}`],
    ['10,000 unclosed flow sequences', 'a: ' + '['.repeat(10_000), `0:${MAX_NESTING + 2}-0:${MAX_NESTING + 3}`],
    ['10,000 nested flow mappings', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000), `0:${MAX_NESTING * 4}-0:${MAX_NESTING * 4 + 1}`],
    ['10,000 nested block sequences on one line', '- '.repeat(10_000) + 'x', `0:${(MAX_NESTING) * 2}-0:${MAX_NESTING * 2 + 1}`],
    [
      '600 levels of block indentation',
      Array.from({ length: 600 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
      `${MAX_NESTING}:${MAX_NESTING}-${MAX_NESTING}:${MAX_NESTING + 1}`,
    ],
  ];
  for (const [what, text, range] of deep) {
    it(`gives one finding, not a crash, for ${what}`, () => {
      // Twice: the second parse runs on warmed-up code, where V8 once died compiling a regular expression deep
      // in the parser's recursion.
      for (let i = 0; i < 2; i++) assert.deepEqual(summarize(diagnosticsOf(text + '\n')), [['yaml-syntax', range, TOO_DEEP]]);
    });
  }

  /** A Pod whose metadata is a flow mapping written as block lines (no commas), and a typo further down. */
  function podWithCommalessFlow(lines: number): string {
    return yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {',
      ...Array.from({ length: lines }, (_, i) => `  k${i}: v`),
      '}',
      'spec:',
      '  containers:',
      '    - name: a',
      '      imagee: b',
    );
  }

  it('reports the parser running out of stack as a finding at the runaway bracket, not as silence', () => {
    // Each line without a comma nests one level deeper in the parser's tree: 5,000 of them overflow its stack.
    assert.deepEqual(summarize(diagnosticsOf(podWithCommalessFlow(5000))), [['yaml-syntax', '2:10-2:11', TOO_DEEP]]);
  });

  it('keeps the parser\'s own error at the mistake, and the findings elsewhere, in a shallow manifest nested by a missing comma', () => {
    const found = summarize(diagnosticsOf(podWithCommalessFlow(300)));
    // First what the parser says at the first line without a comma, not a false "too deep" far below it.
    assert.deepEqual(found[0].slice(0, 2), ['yaml-syntax', '3:6-4:4']);
    assert.match(found[0][2], /A key may not span lines/);
    // The limit still holds, said once, where the nesting passes it.
    assert.deepEqual(found.filter(([, , message]) => message === TOO_DEEP).map(([, range]) => range), [`${MAX_NESTING + 1}:8-${MAX_NESTING + 1}:9`]);
    // And what is wrong outside the runaway mapping is still reported.
    assert.ok(found.some(([code, range]) => code === 'unknown-field' && range === '307:6-307:12'), JSON.stringify(found.filter(([code]) => code !== 'yaml-syntax')));
  });

  it(`still reads a manifest nested ${MAX_NESTING - 1} levels deep`, () => {
    const text = 'a: ' + '['.repeat(MAX_NESTING - 1) + ']'.repeat(MAX_NESTING - 1) + '\n';
    assert.deepEqual(diagnosticsOf(text), []);
  });

  it('points every duplicate key at its first occurrence, found in one walk', () => {
    const diagnostics = diagnosticsOf(yaml('a: 1', 'b: 2', 'a: 3', 'a: 4'));
    assert.deepEqual(
      diagnostics.map((d) => [String(d.code), d.range.start.line, d.relatedInformation?.map((r) => r.location.range.start.line)]),
      [
        ['duplicate-key', 2, [0]],
        ['duplicate-key', 3, [0]],
      ],
    );
  });

  it(`lists at most ${MAX_DIAGNOSTICS} problems of a file and says where it stopped`, () => {
    const diagnostics = diagnosticsOf('a: 1\n'.repeat(3000));
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
    const last = diagnostics[MAX_DIAGNOSTICS];
    assert.deepEqual(summarize([last]), [
      [
        'too-many-problems',
        `${MAX_DIAGNOSTICS + 1}:0-${MAX_DIAGNOSTICS + 1}:0`,
        `Podsmith shows the first ${MAX_DIAGNOSTICS} problems of this file; the ones from here on are not listed. Often one early mistake causes many of them: fix the problems above to see the rest.`,
      ],
    ]);
  });
});
