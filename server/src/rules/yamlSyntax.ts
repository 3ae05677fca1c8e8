import { isMap, isScalar, isSeq, visit, type Document, type YAMLError } from 'yaml';
import type { Check, CheckContext, RuleDescriptor } from './rule';

export const yamlSyntaxRule: RuleDescriptor = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  rationale: 'Text that is not valid YAML cannot be applied, and every later check would read a guess.',
};

export const duplicateKeyRule: RuleDescriptor = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  rationale: 'YAML forbids a key twice in one mapping; Kubernetes rejects it in strict mode and other tools keep only one of them.',
};

/** Reports the parser's errors with messages a person can act on, exact to the offending token. */
export const yamlSyntaxCheck: Check = {
  name: 'yaml-syntax',
  rules: [yamlSyntaxRule, duplicateKeyRule],
  appliesTo: 'yaml',
  run(ctx: CheckContext) {
    if (!ctx.settings.yamlSyntax) return;
    const { doc } = ctx;
    for (const error of doc.yaml.errors) {
      const [start, end] = errorSpan(error, doc.text.length);
      if (error.code === 'DUPLICATE_KEY') {
        const [keyStart, keyEnd, firstAt] = duplicateKeySpan(doc.yaml, start) ?? [start, end, undefined];
        const key = doc.text.slice(keyStart, keyEnd).trim();
        ctx.report(duplicateKeyRule, {
          message: `Duplicate key \`${key}\`: a mapping may hold each key once. Kubernetes rejects the object in strict mode, and tools that accept it silently keep only one of the values. Remove or rename one of them.`,
          start: keyStart,
          end: keyEnd,
          related: firstAt ? [{ start: firstAt[0], end: firstAt[1], message: `\`${key}\` is first set here` }] : undefined,
        });
        continue;
      }
      const opener = unclosedOpener(doc.yaml, doc.text, error, start);
      if (opener !== undefined) {
        const char = doc.text[opener];
        const closer = char === '[' ? ']' : char === '{' ? '}' : char;
        const what = char === '[' ? 'flow sequence' : char === '{' ? 'flow mapping' : 'quoted string';
        ctx.report(yamlSyntaxRule, {
          message: `YAML syntax error: this \`${char}\` is never closed: a ${what} must end with \`${closer}\`${char === '"' || char === "'" ? ' on the same value' : ', and its lines must be indented deeper than its key'}.`,
          start: opener,
          end: opener + 1,
          related: [{ start, end, message: 'the parser noticed the missing closer here' }],
        });
        continue;
      }
      ctx.report(yamlSyntaxRule, { message: describeYamlError(error, doc.isTemplate), start, end });
    }
  },
};

function errorSpan(error: YAMLError, length: number): [number, number] {
  let [start, end] = error.pos;
  start = Math.max(0, Math.min(start, length));
  end = Math.max(start, Math.min(end, length));
  if (end === start && start < length) end = start + 1;
  return [start, end];
}

/** The key of a duplicate and, when found, the first key with the same name in the same mapping. */
function duplicateKeySpan(yaml: Document.Parsed, at: number): [number, number, [number, number] | undefined] | undefined {
  let found: [number, number, [number, number] | undefined] | undefined;
  visit(yaml, {
    Map(_, map) {
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range || key.range[0] !== at) continue;
        const first = map.items.find((p) => isScalar(p.key) && p.key.value === key.value && p.key !== key);
        const firstRange = first && isScalar(first.key) && first.key.range ? first.key.range : undefined;
        found = [key.range[0], key.range[1], firstRange ? [firstRange[0], firstRange[1]] : undefined];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * For "never closed" errors the parser points where it gave up, often lines below the mistake; the person needs
 * the opening bracket or quote. Returns its offset, or undefined for other errors.
 */
function unclosedOpener(yaml: Document.Parsed, text: string, error: YAMLError, at: number): number | undefined {
  const message = error.message;
  let openers: string;
  if (/end with a \]|end with a \}|flow (sequence|mapping|collection)/i.test(message)) openers = '[{';
  else if (/closing "?quote|Missing closing/i.test(message)) openers = `"'`;
  else return undefined;
  let best: number | undefined;
  visit(yaml, (_, node) => {
    const range = (node as { range?: [number, number, number] }).range;
    if (!range || range[0] > at) return;
    const first = text[range[0]];
    if (!openers.includes(first)) return;
    const isFlow = (isSeq(node) || isMap(node)) && node.flow;
    const isQuoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    if (!isFlow && !isQuoted) return;
    const last = text.slice(range[0], range[1]).trimEnd().slice(-1);
    const closed = first === '[' ? last === ']' : first === '{' ? last === '}' : last === first && range[1] - range[0] > 1;
    if (!closed && (best === undefined || range[0] > best)) best = range[0];
  });
  return best;
}

/** The parser's codes, in words that say what to do. Unknown codes keep the parser's own message. */
const EXPLANATIONS: Record<string, string> = {
  BAD_INDENT: 'Bad indentation: this line is not aligned with its siblings or its parent. Indent it with spaces to the level of the mapping or list it belongs to.',
  TAB_AS_INDENT: 'A tab is used for indentation; YAML allows only spaces there. Replace the tab with spaces.',
  MISSING_CHAR: 'Something is missing here',
  MULTILINE_IMPLICIT_KEY: 'A key may not span lines: the previous line probably lacks a `:` or this line is indented too far.',
  BLOCK_AS_IMPLICIT_KEY: 'A nested block cannot be a key. Check for a missing `:` on the line above, or a wrong indentation.',
  UNEXPECTED_TOKEN: 'Unexpected text here',
  BAD_SCALAR_START: 'A plain value cannot start with this character; quote the value.',
  BAD_DQ_ESCAPE: 'Unknown escape sequence in a double-quoted string; use `\\\\` for a backslash, or single quotes.',
  ALIAS_PROPS: 'An alias (`*name`) cannot have a tag or an anchor.',
  BAD_ALIAS: 'This alias does not refer to an anchor defined before it.',
  DUPLICATE_KEY: 'Duplicate key.',
  KEY_OVER_1024_CHARS: 'A key written without `?` may be at most 1024 characters long.',
  TAG_RESOLVE_FAILED: 'This tag cannot be resolved.',
  BAD_COLLECTION_TYPE: 'This value does not match the collection type its tag requires.',
  IMPOSSIBLE: 'The parser could not read this.',
};

function describeYamlError(error: YAMLError, isTemplate: boolean): string {
  const base = EXPLANATIONS[error.code];
  // The parser's own sentence names the exact token ("Missing closing "quote"); keep it beside our advice.
  const own = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
  let message: string;
  if (!base) message = `YAML syntax error: ${own}`;
  else if (base.endsWith('here') || base.endsWith('missing here')) message = `YAML syntax error: ${base}: ${own}`;
  else message = `YAML syntax error: ${base}${own && !base.includes(own) ? ` (${own})` : ''}`;
  if (isTemplate) message += ' Template directives ({{ ... }}) were read as blank text.';
  return message;
}
