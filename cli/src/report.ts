/**
 * What the CLI knows about one checked file: plain JSON, so a worker thread can send it to the main thread, and
 * every output format is a function of it. Positions are the language server's (0-based lines, UTF-16 columns);
 * each format converts them to its own convention.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Severity } from '../../server/src/core/finding';

export interface ReportedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Exactly the range of the diagnostic the language server publishes for this finding. */
  readonly range: Range;
  readonly related?: readonly { readonly message: string; readonly range: Range }[];
  /** The line the finding starts on, for the text format's excerpt. */
  readonly lineText: string;
  /** The fix the editor's "fix all" would apply to this finding: safe without a person looking. */
  readonly fix?: { readonly description: string; readonly edits: readonly TextEdit[] };
}

export interface FileReport {
  /** As given or found, relative to the current directory when found in a directory; `-` reads standard input. */
  readonly path: string;
  readonly findings: readonly ReportedFinding[];
  /** Set when the file could not be read: the run ends with exit code 2. */
  readonly ioError?: string;
}

export interface RunSummary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  /** Findings at or above --fail-on. */
  readonly failing: number;
  readonly ioErrors: number;
}

export function summarize(reports: readonly FileReport[], fails: (severity: Severity) => boolean): RunSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const byRule: Record<string, number> = {};
  let failing = 0;
  let filesWithFindings = 0;
  let ioErrors = 0;
  for (const report of reports) {
    if (report.ioError) ioErrors++;
    if (report.findings.length) filesWithFindings++;
    for (const finding of report.findings) {
      bySeverity[finding.severity]++;
      byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
      if (fails(finding.severity)) failing++;
    }
  }
  return { files: reports.length, filesWithFindings, bySeverity, byRule, failing, ioErrors };
}
