/**
 * JUnit XML, for CI systems that show test reports: one test suite per file, one test case per finding (a failure
 * when it is at or above --fail-on, else a passed case that carries its message), and one passed case for a file
 * without findings.
 */
import type { FileReport } from '../report';
import { oneBased, type Formatter, type RunInfo } from './formatter';

export function junitFormatter(info: RunInfo): Formatter {
  return {
    file: () => '',
    end(reports, summary) {
      const suites = reports.map((report) => suite(report, info));
      const tests = suites.reduce((n, s) => n + s.tests, 0);
      const errors = summary.ioErrors;
      let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
      out += `<testsuites name="podsmith" tests="${tests}" failures="${summary.failing}" errors="${errors}">\n`;
      for (const s of suites) out += s.xml;
      return `${out}</testsuites>\n`;
    },
  };
}

function suite(report: FileReport, info: RunInfo): { tests: number; xml: string } {
  const name = attr(report.path);
  const cases: string[] = [];
  let failures = 0;
  for (const finding of report.findings) {
    const { line, column } = oneBased(finding.range.start);
    const caseName = attr(`${finding.ruleId} at ${line}:${column}`);
    const detail = text(`${report.path}:${line}:${column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
    if (info.fails(finding.severity)) {
      failures++;
      cases.push(`    <testcase classname="${name}" name="${caseName}">\n      <failure type="${attr(finding.ruleId)}" message="${attr(finding.message)}">${detail}</failure>\n    </testcase>\n`);
    } else {
      cases.push(`    <testcase classname="${name}" name="${caseName}">\n      <system-out>${detail}</system-out>\n    </testcase>\n`);
    }
  }
  let errors = 0;
  if (report.ioError) {
    errors = 1;
    cases.push(`    <testcase classname="${name}" name="read">\n      <error message="${attr(report.ioError)}"/>\n    </testcase>\n`);
  }
  if (cases.length === 0) cases.push(`    <testcase classname="${name}" name="podsmith check"/>\n`);
  const xml = `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('')}  </testsuite>\n`;
  return { tests: cases.length, xml };
}

/** XML text: the five special characters escaped, and characters XML 1.0 cannot hold left out. */
function text(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
