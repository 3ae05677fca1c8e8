/**
 * Helm (Go template) directives inside YAML: `{{ .Values.image }}`, `{{- if .Values.enabled }}`.
 *
 * Why: a chart's template is not YAML until Helm renders it, so parsing it raw reports errors the person never
 * made. We blank out each directive with characters of the same length (offsets and line numbers stay exact),
 * parse what is left, and treat the document as a template: it gets YAML syntax checks only, since the values and
 * keys the directives produce are unknown.
 */
export interface MaskResult {
  readonly text: string;
  readonly masked: boolean;
}

const OPEN = '{{';
const CLOSE = '}}';

export function maskTemplateDirectives(text: string): MaskResult {
  let open = text.indexOf(OPEN);
  if (open === -1) return { text, masked: false };
  const parts: string[] = [];
  let copied = 0;
  while (open !== -1) {
    const close = text.indexOf(CLOSE, open + 2);
    const end = close === -1 ? text.length : close + 2;
    parts.push(text.slice(copied, open));
    parts.push(placeholderFor(text, open, end));
    copied = end;
    open = close === -1 ? -1 : text.indexOf(OPEN, end);
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), masked: true };
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
