/**
 * The text format, as a compiler prints: `path:line:col severity rule message`, the line with a caret under the
 * finding, and a closing summary line. Colour only when asked (the CLI asks on a terminal).
 */
import type { ReportedFinding, RunSummary } from '../report';
import { oneBased, plural, type Formatter, type RunInfo } from './formatter';

const STYLE = { red: 31, yellow: 33, blue: 34, cyan: 36, bold: 1, dim: 2 } as const;

export function textFormatter(info: RunInfo): Formatter {
  const paint = (style: keyof typeof STYLE, text: string) => (info.color ? `\u001b[${STYLE[style]}m${text}\u001b[0m` : text);
  const severityStyle = (finding: ReportedFinding) => (finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'blue');
  return {
    file(report) {
      let out = '';
      for (const finding of report.findings) {
        const { line, column } = oneBased(finding.range.start);
        const where = paint('bold', `${report.path}:${line}:${column}`);
        out += `${where} ${paint(severityStyle(finding), finding.severity)} ${paint('dim', finding.ruleId)} ${finding.message}\n`;
        out += excerpt(finding, (text) => paint(severityStyle(finding), text), (text) => paint('dim', text));
      }
      return out;
    },
    end(_reports, summary) {
      if (info.quiet) return '';
      let out = '';
      if (info.summary && Object.keys(summary.byRule).length) {
        const rules = Object.entries(summary.byRule).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        const width = Math.max(...rules.map(([id]) => id.length));
        out += '\nFindings by rule:\n';
        for (const [id, count] of rules) out += `  ${id.padEnd(width)}  ${count}\n`;
      }
      return out + `${summaryLine(summary)}\n`;
    },
  };
}

/** `  12 | the line` and `     |    ^^^^` under the finding (to the end of its first line when it spans several). */
function excerpt(finding: ReportedFinding, mark: (text: string) => string, gutter: (text: string) => string): string {
  const { start, end } = finding.range;
  const text = finding.lineText;
  const number = String(start.line + 1);
  const pad = ' '.repeat(number.length);
  const from = Math.min(start.character, text.length);
  const to = end.line === start.line ? Math.min(end.character, text.length) : text.length;
  // Tabs before the finding are kept in the caret line so the caret lines up wherever the terminal's tab stops are.
  const lead = text.slice(0, from).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, to - from));
  return `${gutter(` ${number} |`)} ${text}\n${gutter(` ${pad} |`)} ${lead}${mark(carets)}\n`;
}

export function summaryLine(summary: RunSummary): string {
  const total = summary.bySeverity.error + summary.bySeverity.warning + summary.bySeverity.information + summary.bySeverity.hint;
  const files = plural(summary.files, 'file');
  if (total === 0) return `No problems in ${files}.`;
  const parts = [plural(summary.bySeverity.error, 'error'), plural(summary.bySeverity.warning, 'warning')];
  if (summary.bySeverity.information) parts.push(`${summary.bySeverity.information} information`);
  if (summary.bySeverity.hint) parts.push(plural(summary.bySeverity.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${summary.filesWithFindings} of ${files}.`;
}
