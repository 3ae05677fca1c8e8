/**
 * Helm (Go template) directives inside YAML: `{{ .Values.image }}`, `{{- if .Values.enabled }}`.
 *
 * Why: a chart's template is not YAML until Helm renders it, so parsing it raw reports errors the person never
 * made. We blank out each directive that stands where YAML structure is (a whole line of `{{- if }}`, the start of
 * a value, anything in a flow collection) with characters of the same length (offsets and line numbers stay
 * exact), parse what is left, and treat the document as a template: it gets YAML syntax checks only, since the
 * values and keys the directives produce are unknown.
 *
 * A `{{` that is text is left alone, and does not make a template: inside a quoted scalar (a Prometheus alert's
 * `"{{ $labels.instance }} is down"`, `args: ["--format={{.Name}}"]`), in a block scalar, in a comment, or in the
 * middle of a plain scalar (`- --format={{.Name}}`). kubectl reads all of those as the text they are. A directive
 * inside quotes that holds the quote itself (`"{{ include "name" . }}"`) does break the quoting: it is structure.
 * An unclosed `{{` is masked to the end of its line at most.
 */
export interface MaskResult {
  readonly text: string;
  readonly masked: boolean;
}

const OPEN = '{{';
const CLOSE = '}}';

export function maskTemplateDirectives(text: string): MaskResult {
  if (!text.includes(OPEN)) return { text, masked: false };
  const directives = structuralDirectives(text);
  if (directives.length === 0) return { text, masked: false };
  const parts: string[] = [];
  let copied = 0;
  for (const [start, end] of directives) {
    parts.push(text.slice(copied, start));
    parts.push(placeholderFor(text, start, end));
    copied = end;
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), masked: true };
}

/**
 * The [start, end) of every directive that stands where YAML structure is, in one pass over the text that follows
 * quotes, comments, block scalars and flow brackets.
 */
function structuralDirectives(text: string): [number, number][] {
  const found: [number, number][] = [];
  let quote: '"' | "'" | undefined;
  let flowDepth = 0;
  /** The indentation a block scalar's content lines must exceed, while inside one. */
  let blockParent: number | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const indent = indentOf(text, lineStart, lineEnd);
    if (blockParent !== undefined && !quote) {
      // A block scalar's content: every line more indented than its parent, and blank lines.
      if (indent === lineEnd - lineStart || text.slice(lineStart + indent, lineEnd).trim() === '' || indent > blockParent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockParent = undefined;
    }
    /** True where a new token may start: a value, a key, a list item, a flow item. */
    let tokenStart = true;
    let blockIndicator = false;
    let i = lineStart;
    while (i < lineEnd) {
      const c = text[i];
      if (text.startsWith(OPEN, i)) {
        const close = closeOf(text, i, lineEnd);
        const inDirective = text.slice(i + 2, close === undefined ? lineEnd : close);
        // In quotes a directive is text unless it holds the quote (Helm renders it before YAML reads the quotes).
        const structural = quote ? close !== undefined && inDirective.includes(quote) : tokenStart || flowDepth > 0;
        if (structural) {
          const end = close === undefined ? lineEnd : close + 2;
          found.push([i, end]);
          i = end;
          tokenStart = false;
          continue;
        }
      }
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
      } else if (quote === "'") {
        if (c === "'") {
          if (text[i + 1] === "'") i++;
          else quote = undefined;
        }
      } else if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        break;
      } else if ((c === '"' || c === "'") && tokenStart) {
        quote = c;
      } else if ((c === '[' || c === '{') && (tokenStart || flowDepth > 0)) {
        flowDepth++;
        tokenStart = true;
      } else if ((c === ']' || c === '}') && flowDepth > 0) {
        flowDepth--;
        tokenStart = false;
      } else if (c === ',' && flowDepth > 0) {
        tokenStart = true;
      } else if ((c === ':' || c === '-' || c === '?') && (isBlank(text[i + 1]) || i + 1 === lineEnd)) {
        // `key: `, `- `, `? `: what follows starts a token (a `-` inside a word is no indicator).
        if (c === ':' || tokenStart) tokenStart = true;
      } else if ((c === '|' || c === '>') && tokenStart && flowDepth === 0) {
        blockIndicator = true;
        tokenStart = false;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') {
        tokenStart = false;
        if (blockIndicator && c !== '+' && c !== '-' && !(c >= '1' && c <= '9')) blockIndicator = false;
      }
      i++;
    }
    if (blockIndicator && !quote) blockParent = parentIndent(text, lineStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return found;
}

/**
 * Where the directive opened at `open` closes: its `}}` on the same line, else undefined (unclosed). A `}}` on a
 * later line is no evidence: flow mappings end that way (`{limits: {memory: 8Mi}}`).
 */
function closeOf(text: string, open: number, lineEnd: number): number | undefined {
  const close = text.indexOf(CLOSE, open + 2);
  return close !== -1 && close < lineEnd ? close : undefined;
}

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text[i] === ' ') i++;
  return i - start;
}

/** The column of the node that owns a block scalar started on this line: the key after any `- `, else the last `-`. */
function parentIndent(text: string, start: number, end: number): number {
  let i = start + indentOf(text, start, end);
  let dash = i - start;
  while (text[i] === '-' && isBlank(text[i + 1])) {
    dash = i - start;
    i++;
    while (text[i] === ' ') i++;
  }
  const rest = text.slice(i, end);
  return /^[|>]/.test(rest) ? dash : i - start;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === undefined;
}

/**
 * A directive alone on its line (control flow, `include ... | nindent`) becomes blank space; one inside a line
 * stands for a scalar, so it becomes a plain word of the same length. Newlines inside a directive are kept.
 */
function placeholderFor(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  const aloneOnLine = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  const fill = aloneOnLine ? ' ' : 'x';
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text[i];
    out += c === '\n' || c === '\r' ? c : fill;
  }
  return out;
}
