/**
 * The JSON format (schema in docs/cli.md): every file with its findings, each with the language server's exact
 * range (0-based, as LSP) and the same place 1-based (as editors and compilers show it), and the totals.
 */
import type { Range } from 'vscode-languageserver-types';
import type { FileReport, ReportedFinding } from '../report';
import { oneBased, type Formatter, type RunInfo } from './formatter';

export const JSON_FORMAT_VERSION = 1;

export function jsonFormatter(info: RunInfo): Formatter {
  return {
    file: () => '',
    end(reports, summary) {
      const document = {
        version: JSON_FORMAT_VERSION,
        tool: { name: 'podsmith', version: info.toolVersion },
        files: reports.map((report) => fileJson(report, info)),
        summary: {
          files: summary.files,
          filesWithFindings: summary.filesWithFindings,
          findings: summary.bySeverity.error + summary.bySeverity.warning + summary.bySeverity.information + summary.bySeverity.hint,
          failing: summary.failing,
          error: summary.bySeverity.error,
          warning: summary.bySeverity.warning,
          information: summary.bySeverity.information,
          hint: summary.bySeverity.hint,
          byRule: summary.byRule,
        },
      };
      return `${JSON.stringify(document, null, 2)}\n`;
    },
  };
}

function fileJson(report: FileReport, info: RunInfo) {
  return {
    path: report.path,
    ...(report.ioError ? { error: report.ioError } : {}),
    findings: report.findings.map((finding) => findingJson(finding, info)),
  };
}

function findingJson(finding: ReportedFinding, info: RunInfo) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    failing: info.fails(finding.severity),
    message: finding.message,
    ...place(finding.range),
    range: finding.range,
    ...(finding.related ? { related: finding.related.map((r) => ({ message: r.message, ...place(r.range), range: r.range })) } : {}),
    ...(finding.fix ? { fix: { description: finding.fix.description, edits: finding.fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } } : {}),
  };
}

function place(range: Range) {
  const start = oneBased(range.start);
  const end = oneBased(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
