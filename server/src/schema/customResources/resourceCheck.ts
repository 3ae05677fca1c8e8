import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { yaml12ReadingOf } from '../../document/kubectlScalars';
import type { ManifestDocument } from '../../document/manifestDocument';
import { plainValueOf } from '../../document/plainValue';
import { keyName, valueOf } from '../../document/yamlTree';
import type { CheckContext, Report, RuleDescriptor } from '../../core/rule';
import type { CustomResourceType } from '../../workspace/customResources';
import { customPodKindOf } from '../../pod/podCarriers';
import { actualTypeOf, wrongTypeMessage, yaml11Message } from '../messages';
import type { Shape, ShapeKind } from '../shapes';
import { suggest } from '../suggest';
import { compiledSchema } from './compile';
import { LIST_MAP_KEYWORD } from './structuralSchema';
import {
  crCelNotCheckedRule,
  crDuplicateItemRule,
  crInvalidEnumRule,
  crMissingRequiredRule,
  crOutOfRangeRule,
  crPatternRule,
  crSchemaMismatchRule,
  crUnknownFieldRule,
  crWrongTypeRule,
} from './rules';

/**
 * Checks a custom resource against its CRD's schema: ajv's errors (all of them) turned into findings on the exact
 * key or value, one per mistake. A value whose type, enum value or alternatives are wrong hides what ajv says below
 * it (its fields are not what the schema describes, so their errors would repeat the one mistake); on one node, the
 * first error by KEYWORD_ORDER stands for the others.
 */
export function checkCustomResource(ctx: CheckContext, type: CustomResourceType): void {
  const { doc } = ctx;
  if (type.celRules.length) reportCelRules(ctx, type);
  if (!type.schema || !type.version.schemaKey) return;
  const compiled = compiledSchema(type.version.schemaKey, type.schema);
  if (!compiled.validate) return;
  const data = plainResource(doc);
  if (data === undefined) return;
  const validate = compiled.validate;
  const embedded = embeddedPointer(doc);
  if (validate(data)) return;
  const errors = mergedRequired(relevantErrors(validate.errors ?? [])).filter((e) => !inEmbeddedKubernetesValue(e, embedded));
  const subject = `the ${type.kind} CRD`;
  // Reported in the order of the text, as every other check reports (ajv's order is the schema's).
  const reports: { rule: RuleDescriptor; finding: Report }[] = [];
  const buffered: CheckContext = { ...ctx, report: (rule, finding) => reports.push({ rule, finding }) };
  for (const error of errors) reportError(buffered, error, subject);
  reports.sort((a, b) => a.finding.start - b.finding.start);
  for (const { rule, finding } of reports) ctx.report(rule, finding);
}

/** The required fields missing from one object, as one error (one finding names them all). */
function mergedRequired(errors: ErrorObject[]): ErrorObject[] {
  const byObject = new Map<string, ErrorObject>();
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword !== 'required') {
      out.push(error);
      continue;
    }
    const known = byObject.get(error.instancePath);
    const field = String(error.params.missingProperty);
    if (known) {
      (known.params as { fields: string[] }).fields.push(field);
      continue;
    }
    const merged = { ...error, params: { ...error.params, fields: [field] } };
    byObject.set(error.instancePath, merged);
    out.push(merged);
  }
  return out;
}

/**
 * Where a custom resource of a known project embeds a Kubernetes value (a Rollout's `spec.template`), as a JSON
 * pointer: the schema walk checks that value against the Kubernetes schema, with the Pod levels, so the CRD's
 * errors there would repeat its findings.
 */
function embeddedPointer(doc: ManifestDocument): string | undefined {
  const path = customPodKindOf(doc.identity)?.customResource?.schemaPath;
  return path ? `/${path.map((step) => escape(String(step))).join('/')}` : undefined;
}

function inEmbeddedKubernetesValue(error: ErrorObject, embedded: string | undefined): boolean {
  if (!embedded) return false;
  const place = error.keyword === 'additionalProperties' ? `${error.instancePath}/${escape(String(error.params.additionalProperty))}` : error.instancePath;
  return place === embedded || place.startsWith(`${embedded}/`);
}

/** The resource as the API server receives it (kubectl's reading), read once per document text. */
function plainResource(doc: ManifestDocument): unknown {
  return doc.cached('customResource:plain', () => {
    const plain = plainValueOf(doc.root, { maxNodes: 500_000, maxDepth: 300 });
    return 'value' in plain ? plain.value : undefined;
  });
}

/**
 * Errors on the value as a whole: once one is reported, nothing else on that value or below it is (a string where
 * a mapping belongs has no fields to speak of). The alternatives (anyOf, oneOf, not) do not hide the errors of the
 * fields the schema declares beside them: those are mistakes of their own.
 */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const']);
const KEYWORD_ORDER = ['type', 'enum', 'anyOf', 'oneOf', 'not', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength'];
const COMBINATORS = /\/(anyOf|oneOf|not)(\/|$)/;

/** One error per mistake: no error under a value reported as a whole, none from inside an alternative, no repeats. */
function relevantErrors(all: readonly ErrorObject[]): ErrorObject[] {
  // What the alternatives of anyOf/oneOf/not said about each branch: the combinator's own error stands for them.
  const outer = all.filter((e) => !isInsideCombinator(e.schemaPath));
  const wholeValues = new Set<string>();
  const byValue = new Map<string, ErrorObject>();
  const others: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const error of outer) {
    const identity = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    if (VALUE_KEYWORDS.has(error.keyword)) wholeValues.add(error.instancePath);
    if (KEYWORD_ORDER.includes(error.keyword)) {
      const known = byValue.get(error.instancePath);
      if (!known || KEYWORD_ORDER.indexOf(error.keyword) < KEYWORD_ORDER.indexOf(known.keyword)) byValue.set(error.instancePath, error);
    } else {
      others.push(error);
    }
  }
  const below = (path: string) => {
    for (let at = path.lastIndexOf('/'); at >= 0; at = path.lastIndexOf('/', at - 1)) {
      if (wholeValues.has(path.slice(0, at))) return true;
      if (at === 0) break;
    }
    return false;
  };
  const kept = [...byValue.values(), ...others].filter((e) => {
    // An unknown field's place is the field itself.
    const place = e.keyword === 'additionalProperties' ? `${e.instancePath}/${escape(String(e.params.additionalProperty))}` : e.instancePath;
    if (below(place)) return false;
    // A value reported as a whole (a wrong type) gets no other error on itself.
    return VALUE_KEYWORDS.has(e.keyword) || !wholeValues.has(e.instancePath);
  });
  return kept;
}

function isInsideCombinator(schemaPath: string): boolean {
  // `#/properties/x/anyOf` is the combinator's own error; `#/properties/x/anyOf/0/...` is from inside a branch.
  const match = COMBINATORS.exec(schemaPath);
  if (!match) return false;
  return schemaPath.length > match.index + match[0].length || (match[1] === 'not' && match[2] === '/');
}

function reportError(ctx: CheckContext, error: ErrorObject, subject: string): void {
  const target = targetOf(ctx.doc.root, error.instancePath);
  if (!target) return;
  const where = readablePath(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownField(ctx, target, String(error.params.additionalProperty), error.parentSchema, where, subject);
    case 'enum':
      return invalidEnum(ctx, target.node, error.params.allowedValues as unknown[], where, subject);
    case 'type':
      return wrongType(ctx, target, error, where, subject);
    case 'required':
      return missingRequired(ctx, target, (error.params as { fields: string[] }).fields, where, subject);
    case 'pattern':
      return report(ctx, crPatternRule, target.node, `${where} must match the pattern \`${String(error.params.pattern)}\` of ${subject}, and ${describe(error.data)} does not.`, { pattern: error.params.pattern });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return report(ctx, crOutOfRangeRule, target.node, `${where} must be ${COMPARISONS[String(error.params.comparison)] ?? String(error.params.comparison)} ${String(error.params.limit)} (the ${error.keyword} of ${subject}); it is ${describe(error.data)}.`, { limit: error.params.limit });
    case 'multipleOf':
      return report(ctx, crOutOfRangeRule, target.node, `${where} must be a multiple of ${String(error.params.multipleOf)} (${subject}); it is ${describe(error.data)}.`, { limit: error.params.multipleOf });
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return countBound(ctx, target, error, where, subject);
    case 'uniqueItems':
      return duplicateItem(ctx, error.instancePath, Number(error.params.i), Number(error.params.j), where, subject, 'a set: each value once');
    case LIST_MAP_KEYWORD:
      return duplicateMapItem(ctx, target, error, subject);
    case 'anyOf':
    case 'oneOf':
    case 'not':
      return report(ctx, crSchemaMismatchRule, target.node, mismatchMessage(error.keyword, where, subject));
    default:
      return report(ctx, crSchemaMismatchRule, target.node, `${where} does not match ${subject}: ${error.message ?? error.keyword}.`);
  }
}

const COMPARISONS: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'above', '<': 'below' };

interface Target {
  /** The node of the value. */
  readonly node: Node;
  /** Its pair, when the value is a mapping's. */
  readonly pair?: Pair;
}

/** The node a JSON pointer of the plain resource names, in the document's tree (one step per segment). */
function targetOf(root: unknown, pointer: string): Target | undefined {
  if (!root) return undefined;
  let node: unknown = root;
  let pair: Pair | undefined;
  if (pointer === '') return { node: node as Node };
  for (const raw of pointer.slice(1).split('/')) {
    const segment = unescape(raw);
    if (isMap(node)) {
      pair = node.items.find((p) => isPair(p) && keyName(p) === segment) as Pair | undefined;
      node = pair?.value;
    } else if (isSeq(node)) {
      pair = undefined;
      node = node.items[Number(segment)];
    } else {
      return undefined;
    }
    if (!node || !(node as Node).range) return undefined;
  }
  return { node: node as Node, pair };
}

function unknownField(ctx: CheckContext, target: Target, field: string, parentSchema: unknown, where: string, subject: string): void {
  const pair = isMap(target.node) ? target.node.items.find((p) => isPair(p) && keyName(p) === field) : undefined;
  const key = pair && isScalar(pair.key) ? pair.key : undefined;
  if (!key) return;
  const declared = Object.keys(((parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
  const lower = new Map(declared.map((d) => [d.toLowerCase(), d]));
  const suggestion = suggest(field, declared, lower);
  const place = where === 'the resource' ? 'at the top level' : `in ${where}`;
  const list = declared.length ? ` Its fields: ${declared.slice(0, 12).join(', ')}${declared.length > 12 ? ', ...' : ''}.` : ` ${capitalised(subject)} declares no fields here: everything written here is dropped.`;
  const message = suggestion
    ? `Unknown field \`${field}\` ${place}: did you mean \`${suggestion}\`? ${capitalised(subject)} does not declare it, and the API server rejects it (strict field validation) or drops it.`
    : `Unknown field \`${field}\` ${place}: ${subject} does not declare it, and the API server rejects it (strict field validation) or drops it.${list}`;
  report(ctx, crUnknownFieldRule, key, message, suggestion ? { field, suggestion } : { field });
}

function invalidEnum(ctx: CheckContext, node: Node, allowed: unknown[], where: string, subject: string): void {
  const value = isScalar(node) ? node.value : undefined;
  const words = allowed.filter((a) => a !== null).map((a) => (typeof a === 'string' ? (a === '' ? '""' : a) : JSON.stringify(a)));
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  const suggestion = typeof value === 'string' ? suggest(value, strings, new Map(strings.map((s) => [s.toLowerCase(), s]))) : undefined;
  const message = suggestion
    ? `${describe(value)} is not a value ${subject} allows for ${where}: did you mean ${suggestion}? (one of ${words.join(', ')}; values are case-sensitive)`
    : `${describe(value)} is not a value ${subject} allows for ${where}: use one of ${words.join(', ')}.`;
  report(ctx, crInvalidEnumRule, node, message, suggestion ? { allowed: strings, suggestion } : { allowed: strings });
}

function wrongType(ctx: CheckContext, target: Target, error: ErrorObject, where: string, subject: string): void {
  const expected = expectedKind(error.params.type);
  const node = target.node;
  const actual = actualTypeOf(node);
  const key = target.pair && isScalar(target.pair.key) ? (target.pair.key as Scalar) : undefined;
  const name = `\`${where}\``;
  if (actual === 'null') {
    // Not an error for the API server: a null where the schema is not nullable is pruned, as if it were not there.
    report(ctx, crWrongTypeRule, node, `${name} is null, which ${subject} does not allow here (no nullable: true): the API server drops the field, as if it were not written.`, undefined, 'warning');
    return;
  }
  const scalar = isScalar(node) ? node : undefined;
  const source = scalar ? sourceOf(scalar) : '';
  const quoted = !!scalar && (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE');
  const shape = { kind: expected, fields: new Map(), lowerCaseFields: new Map(), fieldNames: [], required: [] } as Shape;
  const yaml12 = scalar ? yaml12ReadingOf(scalar) : undefined;
  const message =
    yaml12 && typeof yaml12.value === 'string'
      ? yaml11Message(name, shape, source, scalar!.value, yaml12.value)
      : wrongTypeMessage(name, shape, actual, source, quoted);
  const at = scalar ?? key ?? node;
  const span = scalar || key ? undefined : firstLineOf(ctx.doc, node);
  report(ctx, crWrongTypeRule, at, `${message} (The type comes from ${subject}.)`, { expectedType: expected, actualType: actual }, undefined, span);
}

function missingRequired(ctx: CheckContext, target: Target, fields: string[], where: string, subject: string): void {
  const owner = target.pair && isScalar(target.pair.key) ? target.pair.key : undefined;
  const anchor = owner ?? (where === 'the resource' ? valueOf(ctx.doc.root, 'kind') : firstKeyOf(target.node)) ?? target.node;
  const what = where === 'the resource' ? 'This resource' : `\`${where}\``;
  const names = fields.map((f) => `\`${f}\``);
  const list = names.length === 1 ? `the field ${names[0]}` : `the fields ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  report(ctx, crMissingRequiredRule, anchor, `${what} is missing ${list}, which ${subject} requires.`, { fields });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countBound(ctx: CheckContext, target: Target, error: ErrorObject, where: string, subject: string): void {
  const limit = Number(error.params.limit);
  const keyword = error.keyword;
  const unit = keyword.endsWith('Length') ? 'character' : keyword.endsWith('Items') ? 'item' : 'field';
  const most = keyword.startsWith('max');
  const count = (n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const actual = Array.isArray(error.data) ? error.data.length : typeof error.data === 'string' ? [...error.data].length : error.data && typeof error.data === 'object' ? Object.keys(error.data).length : 0;
  const node = target.node;
  // A collection spans lines: the key names it.
  const at = isScalar(node) ? node : target.pair && isScalar(target.pair.key) ? target.pair.key : node;
  const span = isScalar(at) ? undefined : firstLineOf(ctx.doc, node);
  report(ctx, crOutOfRangeRule, at as Node, `${where} must have ${most ? 'at most' : 'at least'} ${count(limit)} (${subject}); it has ${actual}.`, { limit }, undefined, span);
}

function duplicateItem(ctx: CheckContext, listPointer: string, later: number, first: number, where: string, subject: string, what: string): void {
  const list = targetOf(ctx.doc.root, listPointer);
  if (!list || !isSeq(list.node)) return;
  const [a, b] = later > first ? [first, later] : [later, first];
  const item = list.node.items[b] as Node | undefined;
  const original = list.node.items[a] as Node | undefined;
  if (!item?.range || !original?.range) return;
  report(ctx, crDuplicateItemRule, item, `This item repeats item ${a + 1} of ${where}, which ${subject} declares ${what}.`, { first: a }, undefined, firstLineOf(ctx.doc, item), [
    { start: original.range[0], end: firstLineEnd(ctx.doc, original), message: 'the first one' },
  ]);
}

function duplicateMapItem(ctx: CheckContext, target: Target, error: ErrorObject, subject: string): void {
  const pointer = error.instancePath;
  const listPointer = pointer.slice(0, pointer.lastIndexOf('/'));
  const later = Number(pointer.slice(pointer.lastIndexOf('/') + 1));
  const keys = (error.params.keys as string[]).map((k, i) => `${k}: ${JSON.stringify((error.params.values as unknown[])[i] ?? null)}`).join(', ');
  void target;
  duplicateItem(ctx, listPointer, later, Number(error.params.first), readablePath(listPointer), subject, `a map keyed by ${(error.params.keys as string[]).join(', ')} (this one has the same ${keys})`);
}

function mismatchMessage(keyword: string, where: string, subject: string): string {
  if (keyword === 'anyOf') return `${where} matches none of the forms ${subject} allows here (anyOf).`;
  if (keyword === 'oneOf') return `${where} must match exactly one of the forms ${subject} allows here (oneOf): it matches none, or more than one.`;
  return `${where} has a form ${subject} forbids here (not).`;
}

/** The CEL rules once per resource, on `kind`: the API server evaluates them, Podsmith cannot. */
function reportCelRules(ctx: CheckContext, type: CustomResourceType): void {
  if (!ctx.isEnabled(crCelNotCheckedRule)) return;
  const kind = valueOf(ctx.doc.root, 'kind');
  if (!kind?.range) return;
  const count = type.celRules.length;
  const listed = type.celRules.slice(0, 3).map((r) => `\`${r.rule}\`${r.path.length ? ` on ${r.path.join('.')}` : ''}`);
  const message = `${count} CEL rule${count === 1 ? '' : 's'} of the ${type.kind} CRD (x-kubernetes-validations) ${count === 1 ? 'was' : 'were'} not checked offline: ${listed.join('; ')}${count > 3 ? '; ...' : ''}. The API server evaluates ${count === 1 ? 'it' : 'them'} when the resource is applied.`;
  report(ctx, crCelNotCheckedRule, kind, message, { rules: type.celRules.map((r) => r.rule) });
}

function report(ctx: CheckContext, rule: RuleDescriptor, node: Node, message: string, data?: Record<string, unknown>, severity?: 'warning', span?: [number, number], related?: { start: number; end: number; message: string }[]): void {
  const [start, end] = span ?? [node.range![0], node.range![1]];
  ctx.report(rule, { start, end, message, ...(data ? { data } : {}), ...(severity ? { severity } : {}), ...(related ? { related } : {}) });
}

/** `/spec/ports/0/name` as `spec.ports[0].name`; the root as "the resource". */
function readablePath(pointer: string): string {
  if (pointer === '') return 'the resource';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = unescape(raw);
    out += /^\d+$/.test(segment) ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}

/** ajv's `type` param ("integer", "integer,string", or a list) as the Shape kind whose words say it. */
function expectedKind(type: unknown): ShapeKind {
  const types = (Array.isArray(type) ? type : String(type).split(',')).filter((t) => t !== 'null');
  if (types.includes('integer') && types.includes('string')) return 'int-or-string';
  const [first] = types;
  if (first === 'object') return 'object';
  if (first === 'array') return 'array';
  return (first as ShapeKind) ?? 'string';
}

function sourceOf(node: Scalar): string {
  const source = (node as Scalar & { source?: string }).source;
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(String(node.value));
  if (node.type === 'QUOTE_SINGLE') return `'${String(node.value)}'`;
  return typeof source === 'string' && source !== '' ? source : String(node.value);
}

function firstKeyOf(node: Node): Node | undefined {
  if (!isMap(node)) return undefined;
  const first = node.items[0];
  return first && isScalar(first.key) ? first.key : undefined;
}

/** [start, end of the first line) of a node that spans lines (a mapping item), so a finding does not cover a block. */
function firstLineOf(doc: ManifestDocument, node: Node): [number, number] {
  return [node.range![0], firstLineEnd(doc, node)];
}

function firstLineEnd(doc: ManifestDocument, node: Node): number {
  const [start, end] = node.range!;
  const newline = doc.text.indexOf('\n', start);
  const lineEnd = newline < 0 || newline > end ? end : newline;
  return doc.text.slice(start, lineEnd).trimEnd().length + start;
}
