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
      '1,000 levels of block indentation',
      Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
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
