import { isMap, isPair, isScalar, isSeq, type Node, type Scalar } from 'yaml';

/**
 * Plain scalars typed the way kubectl reads them.
 *
 * Why: kubectl (and every Go client) turns YAML into JSON with sigs.k8s.io/yaml, which reads YAML with go-yaml v2:
 * YAML 1.1 rules, not the YAML 1.2 core schema the `yaml` package uses. The API server only ever sees what that
 * reading produced, so `value: yes` reaches it as the boolean true (and is rejected where a string belongs),
 * `defaultMode: 0644` as 420, `1_000` as 1000. Base-60 numbers (`1:30`) are not numbers there: go-yaml v2 reads
 * them as strings, and so do we.
 *
 * The rules below follow go-yaml v2's `resolve` for a plain scalar without a tag: a lookup of the fixed words
 * (booleans, nulls, infinities), then, for text starting with a digit or a sign, Go's integer parsing with base
 * prefixes (after dropping every `_`), then its float grammar. A timestamp stays the text it is written as.
 */
export type KubectlScalar = string | number | boolean | null;

const WORDS = new Map<string, KubectlScalar>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(word, true);
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(word, false);
for (const word of ['', '~', 'null', 'Null', 'NULL']) WORDS.set(word, null);
for (const word of ['.nan', '.NaN', '.NAN']) WORDS.set(word, Number.NaN);
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(word, Number.POSITIVE_INFINITY);
for (const word of ['-.inf', '-.Inf', '-.INF']) WORDS.set(word, Number.NEGATIVE_INFINITY);

/** First characters after which go-yaml looks further than "a string": signs, digits, the words' initials, `.`. */
const HINTED = /^[-+0-9yYnNtTfFoO~.]/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** What kubectl reads a plain (unquoted, untagged) scalar written as `text` to be. */
export function kubectlValueOf(text: string): KubectlScalar {
  if (text !== '' && !HINTED.test(text)) return text;
  if (WORDS.has(text)) return WORDS.get(text)!;
  const first = text.charCodeAt(0);
  if (first === 46 /* . */) {
    const value = DOT_FLOAT.test(text) ? Number(text) : Number.NaN;
    return Number.isFinite(value) ? value : text;
  }
  if (!/^[-+0-9]/.test(text)) return text;
  const plain = text.replace(/_/g, '');
  const signed = goParseInt(plain, true);
  if (typeof signed === 'bigint') return Number(signed);
  const unsigned = goParseInt(plain, false);
  if (typeof unsigned === 'bigint') return Number(unsigned);
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain);
    // Go reports an overflow (`1e999`) as an error, and go-yaml then keeps the text.
    if (Number.isFinite(value)) return value;
  }
  // An integer too large for 64 bits with a base prefix (no float grammar matched it): go-yaml keeps it as a big integer.
  if (unsigned === 'range') {
    const big = goParseInt(plain, false, true);
    if (typeof big === 'bigint') return Number(big);
  }
  return text;
}

/**
 * Go's strconv.ParseInt(s, 0, 64) (`signed`) or ParseUint(s, 0, 64): an optional sign (ParseInt only), then
 * `0x`/`0o`/`0b` or a leading `0` (octal) or decimal digits. 'syntax' or 'range' where Go returns that error.
 */
function goParseInt(s: string, signed: boolean, unbounded = false): bigint | 'syntax' | 'range' {
  let negative = false;
  let rest = s;
  if (signed && (rest[0] === '+' || rest[0] === '-')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '') return 'syntax';
  let base = 10n;
  if (rest[0] === '0') {
    const prefix = rest.length >= 3 ? rest[1].toLowerCase() : '';
    if (prefix === 'x') [base, rest] = [16n, rest.slice(2)];
    else if (prefix === 'o') [base, rest] = [8n, rest.slice(2)];
    else if (prefix === 'b') [base, rest] = [2n, rest.slice(2)];
    else [base, rest] = [8n, rest.slice(1)];
  }
  let value = 0n;
  for (const c of rest) {
    const digit = digitValue(c);
    if (digit === undefined || BigInt(digit) >= base) return 'syntax';
    value = value * base + BigInt(digit);
  }
  if (negative) value = -value;
  if (unbounded) return value;
  if (signed ? value < INT64_MIN || value > INT64_MAX : value > UINT64_MAX) return 'range';
  return value;
}

function digitValue(c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 122) return lower - 87;
  return undefined;
}

/** What the `yaml` package (YAML 1.2) made of a scalar whose kubectl reading differs, by node. */
const yaml12Readings = new WeakMap<Scalar, unknown>();

/**
 * The value a YAML 1.2 tool reads from `node` when kubectl reads it differently (`yes`: the string "yes"; `0644`:
 * 644), else undefined. Lets a message say both readings.
 */
export function yaml12ReadingOf(node: unknown): { readonly value: unknown } | undefined {
  if (!isScalar(node) || !yaml12Readings.has(node)) return undefined;
  return { value: yaml12Readings.get(node) };
}

/**
 * Retypes, in place, every plain untagged scalar of the tree under `root` (keys too) to kubectl's reading. The
 * walk is as deep as the tree, which the nesting limit bounds.
 */
export function typeScalarsAsKubectl(root: Node | null | undefined): void {
  if (!root) return;
  const visit = (node: unknown): void => {
    if (isScalar(node)) return retype(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(root);
}

function retype(node: Scalar): void {
  if (node.type !== 'PLAIN' || node.tag !== undefined) return;
  const source = (node as Scalar & { source?: string }).source;
  if (typeof source !== 'string') return;
  const value = kubectlValueOf(source);
  const before = node.value;
  if (Object.is(value, before)) return;
  yaml12Readings.set(node, before);
  node.value = value;
}
