import { isMap, isScalar, isSeq, visit, type Document, type YAMLError } from 'yaml';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';

export const yamlSyntaxRule: RuleDescriptor = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Text that is not valid YAML cannot be applied, and every later check would read a guess.',
  example: 'args: ["--port", "8080"   # the [ is never closed',
  fix: 'Fix the YAML where the message points (the opening bracket or quote that is never closed, a tab in the indentation...); nothing else is checked in that part of the file until then.',
};

export const duplicateKeyRule: RuleDescriptor = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'YAML forbids a key twice in one mapping; Kubernetes rejects it in strict mode and other tools keep only one of them.',
  example: 'metadata:\n  name: web\n  name: api   # the second name',
  fix: 'Keep one of the two keys: kubectl refuses a key written twice, and other tools silently keep the last one.',
};

/** Reports the parser's errors with messages a person can act on, exact to the offending token. */
export const yamlSyntaxCheck: Check = {
  name: 'yaml-syntax',
  rules: [yamlSyntaxRule, duplicateKeyRule],
  appliesTo: 'yaml',
  run(ctx: CheckContext) {
    if (!ctx.settings.yamlSyntax) return;
    const { doc } = ctx;
    // Found once per document: a text with many unclosed brackets has as many errors, and searching the tree again
    // for each one was quadratic (seconds on a 10,000-character line of `[`).
    let openers: Openers | undefined;
    let duplicates: Map<number, DuplicateKey> | undefined;
    let reportedExhaustion = false;
    for (const error of doc.yaml.errors) {
      if (error.code === 'RESOURCE_EXHAUSTION') {
        // The parser gives up at each level of a too-deep nesting; one finding says it all.
        if (reportedExhaustion) continue;
        reportedExhaustion = true;
      }
      const [start, end] = errorSpan(error, doc.text.length);
      if (error.code === 'DUPLICATE_KEY') {
        const [keyStart, keyEnd, firstAt] = (duplicates ??= duplicateKeys(doc.yaml)).get(start) ?? [start, end, undefined];
        const key = doc.text.slice(keyStart, keyEnd).trim();
        // kubectl applies every merge key of a mapping, in order (see document/resolvedView.ts): not a duplicate.
        if (key === '<<') continue;
        ctx.report(duplicateKeyRule, {
          message: `Duplicate key \`${key}\`: a mapping may hold each key once. Kubernetes rejects the object in strict mode, and tools that accept it silently keep only one of the values. Remove or rename one of them.`,
          start: keyStart,
          end: keyEnd,
          related: firstAt ? [{ start: firstAt[0], end: firstAt[1], message: `\`${key}\` is first set here` }] : undefined,
        });
        continue;
      }
      const opener = unclosedOpener((openers ??= unclosedOpeners(doc.yaml, doc.text)), error, start);
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

/** The span of a duplicate key and, when found, of the first key with the same name in the same mapping. */
type DuplicateKey = [number, number, [number, number] | undefined];

/**
 * Every repeated scalar key of the document, by the offset where it starts, found in one walk (a file with
 * thousands of repeated keys must not search the tree once per key).
 */
function duplicateKeys(yaml: Document.Parsed): Map<number, DuplicateKey> {
  const found = new Map<number, DuplicateKey>();
  visit(yaml, {
    Map(_, map) {
      const firstByValue = new Map<unknown, [number, number, number]>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range) continue;
        const first = firstByValue.get(key.value);
        if (first) found.set(key.range[0], [key.range[0], key.range[1], [first[0], first[1]]]);
        else firstByValue.set(key.value, key.range);
      }
    },
  });
  return found;
}

/** Offsets of the unclosed openers of a document, by kind, ascending. */
interface Openers {
  readonly brackets: number[];
  readonly quotes: number[];
}

/** Every unclosed flow collection and quoted scalar of the document. */
function unclosedOpeners(yaml: Document.Parsed, text: string): Openers {
  const found: Openers = { brackets: [], quotes: [] };
  visit(yaml, (_, node) => {
    // Pairs with a missing key or value hand null to the visitor.
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return;
    const first = text[range[0]];
    if (!'[{"\''.includes(first)) return;
    const isFlow = (isSeq(node) || isMap(node)) && node.flow;
    const isQuoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    if (!isFlow && !isQuoted) return;
    const last = text.slice(range[0], range[1]).trimEnd().slice(-1);
    const closed = first === '[' ? last === ']' : first === '{' ? last === '}' : last === first && range[1] - range[0] > 1;
    if (!closed) (isFlow ? found.brackets : found.quotes).push(range[0]);
  });
  found.brackets.sort((a, b) => a - b);
  found.quotes.sort((a, b) => a - b);
  return found;
}

/**
 * For "never closed" errors the parser points where it gave up, often lines below the mistake; the person needs
 * the opening bracket or quote: the last unclosed one before that point. Returns its offset, or undefined for
 * other errors.
 */
function unclosedOpener(openers: Openers, error: YAMLError, at: number): number | undefined {
  const message = error.message;
  let candidates: number[];
  if (/end with a \]|end with a \}|flow (sequence|mapping|collection)/i.test(message)) candidates = openers.brackets;
  else if (/closing "?quote|Missing closing/i.test(message)) candidates = openers.quotes;
  else return undefined;
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? candidates[lo - 1] : undefined;
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
  RESOURCE_EXHAUSTION: 'This document nests too deeply for Podsmith to read it; no Kubernetes object comes close. Look for runaway brackets or indentation here.',
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
