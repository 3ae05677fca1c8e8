/**
 * GitHub workflow commands: one `::error`, `::warning` or `::notice` annotation per finding, which GitHub shows on
 * the pull request's changed lines. Values are escaped as the runner expects (`%`, CR, LF; in properties also
 * `:` and `,`).
 */
import { oneBased, type Formatter, type RunInfo } from './formatter';
import { summaryLine } from './text';

export function githubFormatter(info: RunInfo): Formatter {
  return {
    file(report) {
      let out = '';
      for (const finding of report.findings) {
        const command = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
        const start = oneBased(finding.range.start);
        const end = oneBased(finding.range.end);
        const properties = [
          `file=${escapeProperty(report.path)}`,
          `line=${start.line}`,
          `col=${start.column}`,
          `endLine=${end.line}`,
          `endColumn=${end.column}`,
          `title=${escapeProperty(`podsmith ${finding.ruleId}`)}`,
        ];
        out += `::${command} ${properties.join(',')}::${escapeData(finding.message)}\n`;
      }
      return out;
    },
    end(_reports, summary) {
      return info.quiet ? '' : `${summaryLine(summary)}\n`;
    },
  };
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
