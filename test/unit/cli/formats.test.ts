import assert from 'node:assert/strict';
import { failsAt } from '../../../cli/src/args';
import type { RunInfo } from '../../../cli/src/formats/formatter';
import { githubFormatter } from '../../../cli/src/formats/github';
import { jsonFormatter } from '../../../cli/src/formats/json';
import { junitFormatter } from '../../../cli/src/formats/junit';
import { sarifFormatter } from '../../../cli/src/formats/sarif';
import { textFormatter } from '../../../cli/src/formats/text';
import { summarize, type FileReport } from '../../../cli/src/report';

const at = (line: number, character: number) => ({ line, character });

const REPORTS: FileReport[] = [
  {
    path: 'k8s/web.yaml',
    findings: [
      {
        ruleId: 'unknown-field',
        severity: 'error',
        message: 'Unknown field `imagePu` in Container: did you mean `image`?',
        range: { start: at(8, 4), end: at(8, 11) },
        lineText: '    imagePu: Always',
        fix: { description: 'Rename to image', edits: [{ range: { start: at(8, 4), end: at(8, 11) }, newText: 'image' }] },
      },
      {
        ruleId: 'duplicate-container-name',
        severity: 'warning',
        message: 'Two containers are named "app", 50% alike: a,b',
        range: { start: at(10, 10), end: at(10, 13) },
        lineText: '\t - name: app',
        related: [{ message: 'the first "app"', range: { start: at(6, 10), end: at(6, 13) } }],
      },
    ],
  },
  { path: 'k8s/clean.yml', findings: [] },
  {
    path: 'k8s/hint.yaml',
    findings: [{ ruleId: 'missing-resources', severity: 'hint', message: 'No <requests> & "limits"', range: { start: at(0, 0), end: at(1, 3) }, lineText: 'kind: Pod' }],
  },
];

function info(overrides: Partial<RunInfo> = {}): RunInfo {
  return { toolVersion: '9.8.7', cwd: '/repo', fails: (s) => failsAt(s, 'error'), summary: false, quiet: false, color: false, ...overrides };
}

function render(formatter: ReturnType<typeof textFormatter>, i: RunInfo = info()): string {
  let out = '';
  for (const report of REPORTS) out += formatter.file(report);
  return out + formatter.end(REPORTS, summarize(REPORTS, i.fails));
}

describe('cli: output formats', () => {
  it('text: path:line:col severity rule message, a caret excerpt (tabs kept), a summary line', () => {
    assert.equal(
      render(textFormatter(info())),
      [
        'k8s/web.yaml:9:5 error unknown-field Unknown field `imagePu` in Container: did you mean `image`?',
        ' 9 |     imagePu: Always',
        '   |     ^^^^^^^',
        'k8s/web.yaml:11:11 warning duplicate-container-name Two containers are named "app", 50% alike: a,b',
        ' 11 | \t - name: app',
        '    | \t         ^^^',
        'k8s/hint.yaml:1:1 hint missing-resources No <requests> & "limits"',
        ' 1 | kind: Pod',
        '   | ^^^^^^^^^',
        '3 problems (1 error, 1 warning, 1 hint) in 2 of 3 files.',
        '',
      ].join('\n'),
    );
  });

  it('text: --summary adds the count of each rule; --quiet drops the summary line', () => {
    const withSummary = render(textFormatter(info({ summary: true })));
    assert.ok(withSummary.endsWith('\nFindings by rule:\n  duplicate-container-name  1\n  missing-resources         1\n  unknown-field             1\n3 problems (1 error, 1 warning, 1 hint) in 2 of 3 files.\n'), withSummary);
    assert.ok(!render(textFormatter(info({ quiet: true }))).includes('problems'));
  });

  it('text: colour codes only when asked', () => {
    const coloured = render(textFormatter(info({ color: true })));
    assert.ok(coloured.startsWith('\u001b[1mk8s/web.yaml:9:5\u001b[0m \u001b[31merror\u001b[0m \u001b[2munknown-field\u001b[0m Unknown field'), coloured);
    assert.ok(!render(textFormatter(info())).includes('\u001b'));
  });

  it('text: no findings', () => {
    const clean: FileReport[] = [{ path: 'a.yaml', findings: [] }];
    const f = textFormatter(info());
    assert.equal(f.file(clean[0]) + f.end(clean, summarize(clean, info().fails)), 'No problems in 1 file.\n');
  });

  it('github: one annotation per finding, escaped, and the summary line', () => {
    assert.equal(
      render(githubFormatter(info())),
      [
        '::error file=k8s/web.yaml,line=9,col=5,endLine=9,endColumn=12,title=podsmith unknown-field::Unknown field `imagePu` in Container: did you mean `image`?',
        '::warning file=k8s/web.yaml,line=11,col=11,endLine=11,endColumn=14,title=podsmith duplicate-container-name::Two containers are named "app", 50%25 alike: a,b',
        '::notice file=k8s/hint.yaml,line=1,col=1,endLine=2,endColumn=4,title=podsmith missing-resources::No <requests> & "limits"',
        '3 problems (1 error, 1 warning, 1 hint) in 2 of 3 files.',
        '',
      ].join('\n'),
    );
  });

  it('json: every file, each finding with its 1-based place, its LSP range, related places and fix, and totals', () => {
    const json = JSON.parse(render(jsonFormatter(info())));
    assert.deepEqual(json, {
      version: 1,
      tool: { name: 'podsmith', version: '9.8.7' },
      files: [
        {
          path: 'k8s/web.yaml',
          findings: [
            {
              ruleId: 'unknown-field', severity: 'error', failing: true, message: 'Unknown field `imagePu` in Container: did you mean `image`?',
              line: 9, column: 5, endLine: 9, endColumn: 12, range: { start: at(8, 4), end: at(8, 11) },
              fix: { description: 'Rename to image', edits: [{ range: { start: at(8, 4), end: at(8, 11) }, newText: 'image' }] },
            },
            {
              ruleId: 'duplicate-container-name', severity: 'warning', failing: false, message: 'Two containers are named "app", 50% alike: a,b',
              line: 11, column: 11, endLine: 11, endColumn: 14, range: { start: at(10, 10), end: at(10, 13) },
              related: [{ message: 'the first "app"', line: 7, column: 11, endLine: 7, endColumn: 14, range: { start: at(6, 10), end: at(6, 13) } }],
            },
          ],
        },
        { path: 'k8s/clean.yml', findings: [] },
        {
          path: 'k8s/hint.yaml',
          findings: [{ ruleId: 'missing-resources', severity: 'hint', failing: false, message: 'No <requests> & "limits"', line: 1, column: 1, endLine: 2, endColumn: 4, range: { start: at(0, 0), end: at(1, 3) } }],
        },
      ],
      summary: {
        files: 3, filesWithFindings: 2, findings: 3, failing: 1, error: 1, warning: 1, information: 0, hint: 1,
        byRule: { 'unknown-field': 1, 'duplicate-container-name': 1, 'missing-resources': 1 },
      },
    });
  });

  it('sarif: exact regions, rule index, level, related locations and the fix', () => {
    const log = JSON.parse(render(sarifFormatter(info())));
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
    const rules: { id: string }[] = run.tool.driver.rules;
    const [first, second, third] = run.results;
    assert.deepEqual(first, {
      ruleId: 'unknown-field',
      ruleIndex: rules.findIndex((r) => r.id === 'unknown-field'),
      level: 'error',
      message: { text: 'Unknown field `imagePu` in Container: did you mean `image`?' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'k8s/web.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 12 } } }],
      fixes: [
        {
          description: { text: 'Rename to image' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'k8s/web.yaml', uriBaseId: '%SRCROOT%' },
              replacements: [{ deletedRegion: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 12 }, insertedContent: { text: 'image' } }],
            },
          ],
        },
      ],
    });
    assert.equal(second.level, 'warning');
    assert.deepEqual(second.relatedLocations, [
      { id: 0, message: { text: 'the first "app"' }, physicalLocation: { artifactLocation: { uri: 'k8s/web.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 11, endLine: 7, endColumn: 14 } } },
    ]);
    assert.equal(third.level, 'note');
    assert.deepEqual(third.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 2, endColumn: 4 });
    for (const result of run.results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  });

  it('sarif: each rule with its description, help link into docs/rules.md and default level', () => {
    const rules: Record<string, unknown>[] = JSON.parse(render(sarifFormatter(info()))).runs[0].tool.driver.rules;
    const tag = rules.find((r) => r.id === 'image-tag')!;
    assert.equal((tag.helpUri as string).endsWith('/blob/main/docs/rules.md#image-tag'), true);
    assert.deepEqual(tag.defaultConfiguration, { level: 'warning' });
    assert.match((tag.shortDescription as { text: string }).text, /\S/);
    const notice = rules.find((r) => r.id === 'not-utf8')!;
    assert.equal((notice.helpUri as string).endsWith('/blob/main/docs/cli.md#not-utf8'), true);
    assert.deepEqual(notice.defaultConfiguration, { level: 'error' });
  });

  it('junit: a suite per file, a failure per finding at or above --fail-on, a passed case otherwise', () => {
    assert.equal(
      render(junitFormatter(info())),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="podsmith" tests="4" failures="1" errors="0">',
        '  <testsuite name="k8s/web.yaml" tests="2" failures="1" errors="0">',
        '    <testcase classname="k8s/web.yaml" name="unknown-field at 9:5">',
        '      <failure type="unknown-field" message="Unknown field `imagePu` in Container: did you mean `image`?">k8s/web.yaml:9:5 error unknown-field Unknown field `imagePu` in Container: did you mean `image`?</failure>',
        '    </testcase>',
        '    <testcase classname="k8s/web.yaml" name="duplicate-container-name at 11:11">',
        '      <system-out>k8s/web.yaml:11:11 warning duplicate-container-name Two containers are named "app", 50% alike: a,b</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="k8s/clean.yml" tests="1" failures="0" errors="0">',
        '    <testcase classname="k8s/clean.yml" name="podsmith check"/>',
        '  </testsuite>',
        '  <testsuite name="k8s/hint.yaml" tests="1" failures="0" errors="0">',
        '    <testcase classname="k8s/hint.yaml" name="missing-resources at 1:1">',
        '      <system-out>k8s/hint.yaml:1:1 hint missing-resources No &lt;requests&gt; &amp; "limits"</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
