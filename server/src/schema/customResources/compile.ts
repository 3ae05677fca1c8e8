import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { PlainValue } from '../../document/plainValue';
import { LIST_MAP_KEYWORD, toJsonSchema, type SchemaProblem } from './structuralSchema';

/**
 * Compiles a CRD version's schema with ajv, once per schema content: the cache is keyed by the registry's
 * `schemaKey` (a hash of the schema), so the same schema in two files, or a CRD that was edited and then put back,
 * compiles once. `retainCompiled` drops the entries no CRD of the workspace uses any more.
 *
 * Why ajv is safe here: it writes a validation function from the schema, and its code generator quotes every value
 * it takes from the schema; on top of that the schema it sees is rebuilt from a list of keywords
 * (structuralSchema.ts), and its patterns go through `boundedPattern` (see there). A schema that makes ajv throw is
 * a problem of the CRD, reported once, never an exception of the check.
 */
export interface CompiledSchema {
  readonly validate?: ValidateFunction;
  readonly problem?: SchemaProblem;
  /** Patterns the validator does not test (they do not compile in JavaScript, or may take exponential time). */
  readonly uncheckedPatterns: readonly UncheckedPattern[];
  /** How long the compile took, in milliseconds (for the bench and the report). */
  readonly compileMs: number;
}

export interface UncheckedPattern {
  readonly pattern: string;
  readonly reason: 'syntax' | 'backtracking';
}

/** Values longer than this are not tested against a pattern: a bound on a pattern's cost whatever it is. */
export const MAX_PATTERN_INPUT = 4096;

/** The most compiled schemas kept at once, beside retainCompiled's pruning (the CLI and tests never prune). */
const MAX_CACHED = 256;

const cache = new Map<string, CompiledSchema>();
let stats = { compiles: 0, hits: 0 };

/** Compiles (or finds compiled) the schema with this key. Never throws. */
export function compiledSchema(schemaKey: string, schema: Readonly<Record<string, PlainValue>>): CompiledSchema {
  const known = cache.get(schemaKey);
  if (known) {
    stats.hits++;
    // Most recently used last, so the bound drops the oldest.
    cache.delete(schemaKey);
    cache.set(schemaKey, known);
    return known;
  }
  stats.compiles++;
  const compiled = compile(schema as Record<string, PlainValue>);
  cache.set(schemaKey, compiled);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return compiled;
}

/** Forgets the compiled schemas whose key is not in `live` (the CRDs of the workspace now). */
export function retainCompiled(live: ReadonlySet<string>): void {
  for (const key of [...cache.keys()]) if (!live.has(key)) cache.delete(key);
}

/** How many schemas were compiled and how many lookups found one compiled, since the start (or the last reset). */
export function compileStats(): { compiles: number; hits: number; cached: number } {
  return { ...stats, cached: cache.size };
}

export function resetCompileCache(): void {
  cache.clear();
  stats = { compiles: 0, hits: 0 };
}

let collecting: UncheckedPattern[] | undefined;

function compile(schema: Record<string, PlainValue>): CompiledSchema {
  const started = performance.now();
  const converted = toJsonSchema(schema);
  if ('problem' in converted) return { problem: converted.problem, uncheckedPatterns: [], compileMs: performance.now() - started };
  const unchecked: UncheckedPattern[] = [];
  collecting = unchecked;
  try {
    const validate = ajv().compile(converted.schema);
    return { validate, uncheckedPatterns: unchecked, compileMs: performance.now() - started };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problem: { message: `the schema cannot be compiled (${reason})`, path: [] }, uncheckedPatterns: [], compileMs: performance.now() - started };
  } finally {
    collecting = undefined;
  }
}

let instance: Ajv | undefined;

/** One ajv for every schema: compiled functions are kept by our cache, not by ajv (addUsedSchema: false). */
function ajv(): Ajv {
  if (instance) return instance;
  instance = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    validateFormats: false,
    addUsedSchema: false,
    ownProperties: true,
    // Patterns are Go (RE2) syntax: read them without the u flag, which refuses escapes RE2 accepts (`\-`).
    unicodeRegExp: false,
    code: { regExp: boundedPattern, optimize: false },
  });
  instance.addKeyword({
    keyword: LIST_MAP_KEYWORD,
    type: 'array',
    schemaType: 'array',
    errors: true,
    validate: listMapKeys,
  });
  return instance;
}

/**
 * ajv's regular expression engine: JavaScript's, for patterns that cannot take exponential time and values up to
 * MAX_PATTERN_INPUT characters. A pattern JavaScript cannot read (RE2's `(?i)`), or one whose quantified group holds
 * another quantifier or an alternative (`(a+)+`, `(a|a)*`: exponential backtracking), is not tested (every value
 * passes), and the CRD says so.
 */
function boundedPattern(pattern: string, flags: string): { test(value: string): boolean; toString(): string } {
  let regExp: RegExp | undefined;
  let reason: UncheckedPattern['reason'] | undefined;
  try {
    regExp = new RegExp(pattern, flags);
  } catch {
    reason = 'syntax';
  }
  if (regExp && mayBacktrackExponentially(pattern)) reason = 'backtracking';
  if (reason) collecting?.push({ pattern, reason });
  const usable = reason ? undefined : regExp;
  return {
    test: (value: string) => !usable || value.length > MAX_PATTERN_INPUT || usable.test(value),
    // ajv keys its compiled patterns by this text.
    toString: () => `/${pattern}/${flags}`,
  };
}
boundedPattern.code = 'podsmith.boundedPattern';

/**
 * True when a group that is quantified (`*`, `+`, `{n,}`, `{n,m}`) holds a quantifier or an alternative, or the
 * pattern uses a backreference: the shapes that make a backtracking engine take exponential time. One pass over the
 * pattern with a stack of groups.
 */
export function mayBacktrackExponentially(pattern: string): boolean {
  const groups: { risky: boolean }[] = [];
  let lastGroupRisky = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (inClass) {
      if (ch === '\\') i++;
      else if (ch === ']') inClass = false;
      continue;
    }
    const repeats = repeatsAt(pattern, i);
    if (repeats !== undefined) {
      if (repeats && lastGroupRisky) return true;
      if (repeats && groups.length) groups[groups.length - 1].risky = true;
      lastGroupRisky = false;
      continue;
    }
    lastGroupRisky = false;
    if (ch === '\\') {
      const next = pattern.charCodeAt(i + 1);
      if (next >= 49 && next <= 57) return true; // \1 to \9: a backreference
      i++;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      groups.push({ risky: false });
    } else if (ch === ')') {
      const group = groups.pop();
      lastGroupRisky = group?.risky ?? false;
      // What makes the inner group risky makes the outer one risky too.
      if (lastGroupRisky && groups.length) groups[groups.length - 1].risky = true;
    } else if (ch === '|' && groups.length) {
      groups[groups.length - 1].risky = true;
    }
  }
  return false;
}

/**
 * At a quantifier: whether it repeats (`*`, `+`, `{2}`, `{1,}`, `{0,3}`) or not (`?`, `{1}`, `{0,1}`); undefined
 * when `pattern[i]` is no quantifier.
 */
function repeatsAt(pattern: string, i: number): boolean | undefined {
  const ch = pattern[i];
  if (ch === '*' || ch === '+') return true;
  if (ch === '?') return false;
  if (ch !== '{') return undefined;
  const close = pattern.indexOf('}', i);
  if (close < 0 || close - i > 24) return undefined;
  const [low, high, ...rest] = pattern.slice(i + 1, close).split(',');
  const isCount = (text: string) => text.length > 0 && [...text].every((c) => c >= '0' && c <= '9');
  if (rest.length || !isCount(low) || (high !== undefined && high !== '' && !isCount(high))) return undefined;
  const most = high === undefined ? Number(low) : high === '' ? Infinity : Number(high);
  return most > 1;
}

/** The `x-kubernetes-list-type: map` check: no two items with the same values of the key fields. */
function listMapKeys(keys: string[], data: unknown, _parent?: unknown, context?: { instancePath: string }): boolean {
  if (!Array.isArray(data)) return true;
  const seen = new Map<string, number>();
  const errors: ErrorObject[] = [];
  data.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
    const values = keys.map((key) => (item as Record<string, unknown>)[key]);
    const identity = JSON.stringify(values);
    const first = seen.get(identity);
    if (first === undefined) {
      seen.set(identity, index);
      return;
    }
    errors.push({
      keyword: LIST_MAP_KEYWORD,
      instancePath: `${context?.instancePath ?? ''}/${index}`,
      schemaPath: '',
      params: { keys, values, first },
      message: 'duplicate item',
    });
  });
  (listMapKeys as { errors?: ErrorObject[] }).errors = errors;
  return errors.length === 0;
}
