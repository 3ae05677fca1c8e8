import type { Finding } from '../core/finding';
import { code } from './fix';
import { indentationOf, lineBreakOf, lineStart } from '../document/lineBreaks';
import type { Edit } from '../document/textEdit';

const DIRECTIVE = /^([ \t]*#\s*podsmith-disable-next-line\b)([^\r\n]*)$/;

/**
 * Silences one finding's rule on its line: `# podsmith-disable-next-line <rule-id>` above the line, at its
 * indentation; a directive already on the line above gets the id added instead of a second comment.
 */
export function disableRuleFix(text: string, finding: Finding): { title: string; edits: Edit[] } {
  const start = lineStart(text, finding.start);
  const title = `Disable ${code(finding.ruleId)} for this line`;
  if (start > 0) {
    const previousStart = lineStart(text, start - 1);
    const previous = text.slice(previousStart, start).replace(/\r?\n$/, '');
    const match = DIRECTIVE.exec(previous);
    if (match) {
      const ids = match[2].trim();
      if (ids === '') return { title, edits: [] };
      const end = previousStart + previous.length;
      return { title, edits: [{ start: end, end, newText: ` ${finding.ruleId}` }] };
    }
  }
  const eol = lineBreakOf(text);
  const indent = indentationOf(text, finding.start);
  return { title, edits: [{ start, end: start, newText: `${indent}# podsmith-disable-next-line ${finding.ruleId}${eol}` }] };
}
