import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { yaml12ReadingOf } from '../document/kubectlScalars';
import type { PathSegment } from '../document/yamlTree';
import { parseQuantity, quantityMistake } from '../pod/quantity';
import type { CheckContext } from '../core/rule';
import type { Severity } from '../core/finding';
import type { KindLevels } from './levels';
import { actualTypeOf, expectedTypeOf, requiredReason, wrongTypeMessage, yaml11Message } from './messages';
import {
  featureGateOffRule,
  fieldVersionRule,
  intOrStringRule,
  invalidEnumRule,
  invalidQuantityRule,
  misplacedFieldRule,
  missingRequiredRule,
  unknownFieldRule,
  wrongTypeRule,
} from './schemaRules';
import { shortDefinitionName, type Shape } from './shapes';
import { suggest } from './suggest';
import { defaultedBeforeValidation, intOrStringMistake } from './valueGrammar';
import type { FieldNote, GateNote, VersionDelta } from './versions';

const POD_SPEC = 'io.k8s.api.core.v1.PodSpec';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const PLACEHOLDER = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;
/** Required fields whose value may be the empty string: an HTTP header's value and a sysctl's value. */
const EMPTY_ALLOWED = new Set(['HTTPHeader.value', 'Sysctl.value']);

/**
 * Validates one document's tree against its kind's shape, reporting each mistake once, exactly where it is.
 *
 * How it stays exact and quiet: a finding lands on the key (unknown or misplaced field), on the value (wrong
 * type, enum, quantity) or on the key that owns a mapping (missing field); the walk never descends into a value
 * it has reported, so one mistake makes one finding. It walks the resolved view (aliases followed, merge keys
 * applied, see document/resolvedView.ts); an alias left there was cut (a cycle, an alias bomb) and is skipped. An explicit null counts as absent, as for the API server.
 *
 * How it stays fast: shapes are compiled lookup tables (see shapes.ts); per node the walk does a Map lookup and
 * a type test, keeps one path stack, and builds strings only when it reports.
 */
export class SchemaWalk {
  private readonly path: PathSegment[] = [];

  constructor(
    private readonly ctx: CheckContext,
    private readonly levels: KindLevels | undefined,
    /** Where the target Kubernetes version differs from the schema's. */
    private readonly delta: VersionDelta,
  ) {}

  /**
   * Validates the document's root mapping against the kind's shape; or, for a custom resource, the Kubernetes
   * value it embeds: the mapping at `at` (its key `owner`), against that value's shape.
   */
  run(root: YAMLMap, shape: Shape, at: readonly PathSegment[] = [], owner?: Scalar): void {
    this.path.push(...at);
    this.object(root, shape, owner);
    this.path.length = 0;
  }

  private value(node: unknown, shape: Shape, key: Scalar | undefined, name: string): void {
    if (isAlias(node)) return;
    switch (shape.kind) {
      case 'any':
        return;
      case 'object':
        if (isMap(node)) this.object(node, shape, key);
        else this.wrongType(node, shape, key, name);
        return;
      case 'map':
        if (isMap(node)) this.map(node, shape);
        else this.wrongType(node, shape, key, name);
        return;
      case 'array':
        if (isSeq(node)) {
          const element = shape.element!;
          const items = node.items;
          for (let i = 0; i < items.length; i++) {
            const item = items[i];
            if (isScalar(item) && item.value === null) continue;
            this.path.push(i);
            this.value(item, element, undefined, name);
            this.path.pop();
          }
        } else {
          this.wrongType(node, shape, key, name);
        }
        return;
      default:
        if (isScalar(node)) this.scalar(node, shape, key, name);
        else this.wrongType(node, shape, key, name);
    }
  }

  private object(map: YAMLMap, shape: Shape, owner: Scalar | undefined): void {
    const items = map.items as Pair[];
    const definition = shape.definition;
    const notes = definition !== undefined ? this.delta.get(definition) : undefined;
    let merged = false;
    /** Fields that unknown keys of this mapping are typos of: a missing one of them is that same mistake. */
    let suggested: string[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const pair = items[i];
      const key = pair.key;
      // A complex or empty key is a syntax matter (the YAML check reports it), not a field.
      if (!isScalar(key) || key.value === null || key.value === undefined) continue;
      const name = typeof key.value === 'string' ? key.value : String(key.value);
      if (name === '<<') {
        // A merge key left in the resolved view could not be applied (its alias was cut): its fields may be the required ones.
        merged = true;
        continue;
      }
      const note = notes?.get(name);
      // A field the target version lacks is reported once, and its value is not looked into.
      if (note && this.versionMismatch(key, name, note)) continue;
      const field = shape.fields.get(name);
      if (!field) {
        if (note?.kind !== 'extra') {
          const suggestion = this.unknown(key, name, shape);
          if (suggestion) (suggested ??= []).push(suggestion);
        }
        continue;
      }
      const value = pair.value;
      if (value === null || value === undefined || (isScalar(value) && value.value === null)) {
        if (shape.required.includes(name)) this.requiredNull(key, name, shape);
        continue;
      }
      // The API server treats a required string written as "" like a missing one (a volume's hostPath.path, an
      // env var's name), except for the few values that may be empty.
      if (isScalar(value) && value.value === '' && shape.required.includes(name) && !EMPTY_ALLOWED.has(`${shortDefinitionName(shape.definition)}.${name}`)) {
        this.requiredNull(key, name, shape);
        continue;
      }
      if (shape.definition === POD_SPEC && name === 'containers' && isSeq(value) && value.items.length === 0) {
        this.report(missingRequiredRule, key, `\`containers\` is empty: a Pod needs at least one container.`, { field: name });
        continue;
      }
      if (isScalar(value) && defaultedBeforeValidation(definition, name, value.value)) continue;
      this.path.push(name);
      this.value(value, field, key, name);
      this.path.pop();
    }
    const required = shape.required;
    if (merged || required.length === 0) return;
    for (let r = 0; r < required.length; r++) {
      const field = required[r];
      if (!hasKey(items, field) && !suggested?.includes(field)) this.missing(map, owner, field, shape);
    }
  }

  private map(map: YAMLMap, shape: Shape): void {
    const element = shape.element!;
    if (element.kind === 'any') return;
    const items = map.items as Pair[];
    for (let i = 0; i < items.length; i++) {
      const pair = items[i];
      const value = pair.value;
      if (value === null || value === undefined || (isScalar(value) && value.value === null)) continue;
      const key = isScalar(pair.key) ? pair.key : undefined;
      const name = key ? String(key.value) : '';
      this.path.push(name);
      this.value(value, element, key, name);
      this.path.pop();
    }
  }

  private scalar(node: Scalar, shape: Shape, key: Scalar | undefined, name: string): void {
    const v = node.value;
    if (v === null || v === undefined) return;
    // `${NAME}` alone is a placeholder for envsubst-style tools, filled in before the manifest is applied.
    if (typeof v === 'string' && v.charCodeAt(0) === 36 /* $ */ && PLACEHOLDER.test(v)) return;
    switch (shape.kind) {
      case 'string':
        if (typeof v !== 'string') return this.wrongType(node, shape, key, name);
        // An empty string is left alone: the API server fills in the default (restartPolicy, imagePullPolicy,
        // protocol, dnsPolicy...) before it validates, so `""` means "the default" there.
        if (shape.enumValues && v !== '' && !shape.enumValues.has(v)) this.invalidEnum(node, v, shape, name);
        return;
      case 'integer':
        if (typeof v !== 'number' || !Number.isInteger(v)) return this.wrongType(node, shape, key, name);
        if (shape.format === 'int32' && (v < INT32_MIN || v > INT32_MAX)) {
          this.report(wrongTypeRule, node, `${subjectOf(name, key)} is out of range: ${sourceOf(node)} does not fit in a 32-bit integer (${INT32_MIN} to ${INT32_MAX}).`, {
            expectedType: 'integer',
            actualType: 'number',
            format: 'int32',
          });
        }
        return;
      case 'number':
        if (typeof v !== 'number') this.wrongType(node, shape, key, name);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') this.wrongType(node, shape, key, name);
        return;
      case 'int-or-string': {
        if (typeof v === 'number' ? !Number.isInteger(v) : typeof v !== 'string') return this.wrongType(node, shape, key, name);
        const mistake = intOrStringMistake(name, v as string | number);
        if (mistake) this.report(intOrStringRule, node, `${subjectOf(name, key)}: ${mistake}.`, { value: v });
        return;
      }
      case 'quantity':
        if (typeof v === 'number') return;
        if (typeof v !== 'string') return this.wrongType(node, shape, key, name);
        if (!parseQuantity(v)) {
          this.report(invalidQuantityRule, node, `\`${v}\` is not a valid quantity for ${subjectOf(name, key)}: ${quantityMistake(v)}.`, { value: v });
        }
        return;
    }
  }

  /**
   * Reports what the target version says of a field: absent (too new or removed: true, the walk stops there), or
   * there but behind a gate that is off by default (a warning, and the value is still checked).
   */
  private versionMismatch(key: Scalar, name: string, note: FieldNote): boolean {
    const target = this.ctx.settings.kubernetesVersion;
    switch (note.kind) {
      case 'too-new':
        this.report(
          fieldVersionRule,
          key,
          `\`${name}\` exists from Kubernetes ${note.since}; your target podsmith.kubernetesVersion is ${target}, whose API server does not know it (it rejects or drops the field).`,
          { field: name, since: note.since },
        );
        return true;
      case 'removed': {
        const instead = note.replacement ? `: use ${note.replacement} instead` : '';
        this.report(
          fieldVersionRule,
          key,
          `\`${name}\` was removed in Kubernetes ${note.removedIn}; your target podsmith.kubernetesVersion is ${target}, whose API server does not know it${instead}.`,
          { field: name, removedIn: note.removedIn },
        );
        return true;
      }
      case 'extra':
        if (note.gate) this.gateOff(key, name, note.gate);
        return false;
      case 'gate-off':
        this.gateOff(key, name, note.gate);
        return false;
    }
  }

  private gateOff(key: Scalar, name: string, gate: GateNote): void {
    const target = this.ctx.settings.kubernetesVersion;
    this.report(
      featureGateOffRule,
      key,
      `\`${name}\` depends on the feature gate ${gate.name}, which is ${gate.state.stage} and off by default in Kubernetes ${target} (your target podsmith.kubernetesVersion): unless your cluster turns the gate on, the API server silently drops the field and the Pod runs without it.`,
      { field: name, gate: gate.name, stage: gate.state.stage },
    );
  }

  /** Reports an unknown key; returns the field of this mapping it is a typo of, if any. */
  private unknown(key: Scalar, name: string, shape: Shape): string | undefined {
    const place = this.levels?.misplacement(name, this.path);
    if (place) {
      this.report(misplacedFieldRule, key, `\`${name}\` belongs to ${place.label} (${place.displayPath}): ${place.reason}.`, {
        misplaced: true,
        field: name,
        home: place.home,
        level: place.level,
        targetPath: place.targetPath,
      });
      return undefined;
    }
    const suggestion = suggest(name, shape.fieldNames, shape.lowerCaseFields);
    const where = this.where(shape);
    const near = suggestion ? undefined : this.levels?.nearMisplacement(name, this.path);
    if (near) {
      const { suggestion: other, place } = near;
      this.report(
        unknownFieldRule,
        key,
        `Unknown field \`${name}\` in ${where}: did you mean \`${other}\`? It belongs to ${place.label} (${place.displayPath}): ${place.reason}.`,
        { field: name, suggestion: other, misplaced: true, home: place.home, level: place.level, targetPath: place.targetPath },
      );
      return undefined;
    }
    const message = suggestion
      ? `Unknown field \`${name}\` in ${where}: did you mean \`${suggestion}\`?`
      : `Unknown field \`${name}\` in ${where}. The API server rejects fields it does not know (or drops them), so it would have no effect.`;
    this.report(unknownFieldRule, key, message, suggestion ? { field: name, suggestion } : { field: name });
    return suggestion;
  }

  private invalidEnum(node: Scalar, value: string, shape: Shape, name: string): void {
    const allowed = [...shape.enumValues!];
    const lower = new Map(allowed.map((a) => [a.toLowerCase(), a]));
    const suggestion = suggest(value, allowed, lower);
    const list = allowed.map((a) => (a === '' ? '""' : a)).join(', ');
    const message = suggestion
      ? `\`${value}\` is not a valid ${name}: did you mean ${suggestion}? (one of ${list}; values are case-sensitive)`
      : `\`${value}\` is not a valid ${name}: use one of ${list}.`;
    this.report(invalidEnumRule, node, message, suggestion ? { allowed, suggestion } : { allowed });
  }

  private wrongType(node: unknown, shape: Shape, key: Scalar | undefined, name: string): void {
    const actual = actualTypeOf(node);
    if (actual === 'null' || actual === 'unknown') return;
    const scalar = isScalar(node) ? node : undefined;
    const source = scalar ? sourceOf(scalar) : '';
    const quoted = !!scalar && (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE');
    // Scalars hold kubectl's reading (YAML 1.1): say so where a YAML 1.2 tool would have read a string.
    const yaml12 = scalar ? yaml12ReadingOf(scalar) : undefined;
    const message =
      yaml12 && typeof yaml12.value === 'string'
        ? yaml11Message(subjectOf(name, key), shape, source, scalar!.value, yaml12.value)
        : wrongTypeMessage(subjectOf(name, key), shape, actual, source, quoted);
    // A collection where a scalar belongs spans many lines: point at its key (or the item's first line) instead.
    const target = scalar ?? key ?? (node as Node);
    const data: Record<string, unknown> = { expectedType: expectedTypeOf(shape), actualType: actual };
    if (scalar && quoted) data.quoted = true;
    if (yaml12) data.yaml11 = true;
    this.report(wrongTypeRule, target, message, data, scalar || key ? undefined : firstLine(node as Node));
  }

  private requiredNull(key: Scalar, name: string, shape: Shape): void {
    const reason = requiredReason(shortDefinitionName(shape.definition), name);
    this.report(missingRequiredRule, key, `\`${name}\` is empty, but it is required${reason ? `: ${reason}` : ''}.`, { field: name });
  }

  private missing(map: YAMLMap, owner: Scalar | undefined, field: string, shape: Shape): void {
    const short = shortDefinitionName(shape.definition);
    const reason = requiredReason(short, field);
    const [start, end] = anchorOf(map, owner, this.path.length === 0);
    const what = owner ? `\`${String(owner.value)}\`` : this.path.length === 0 ? `This ${short ?? 'object'}` : `This ${itemWord(short)}`;
    const message = `${what} is missing the required field \`${field}\`${reason ? `: ${reason}` : ''}.`;
    this.ctx.report(missingRequiredRule, { message, start, end, data: { field, parentPath: [...this.path] } });
  }

  /** "Container at spec.containers[0]", "the top level". */
  private where(shape: Shape): string {
    const short = shortDefinitionName(shape.definition);
    const at = pathText(this.path);
    if (!at) return short ? `${short} (the top level)` : 'the top level';
    return short ? `${short} at ${at}` : at;
  }

  private report(
    rule: Parameters<CheckContext['report']>[0],
    node: Node,
    message: string,
    data?: Record<string, unknown>,
    span?: [number, number],
    severity?: Severity,
  ): void {
    const [start, end] = span ?? [node.range![0], node.range![1]];
    this.ctx.report(rule, { message, start, end, data, severity });
  }
}

function hasKey(items: readonly Pair[], field: string): boolean {
  for (let i = 0; i < items.length; i++) {
    const key = items[i].key;
    if (isScalar(key) && key.value === field) return true;
  }
  return false;
}

/**
 * Where a missing field is reported: on the key that owns the mapping; for a list item, on its `name` (key to
 * value) or its first key; for the document's root, on `kind`.
 */
function anchorOf(map: YAMLMap, owner: Scalar | undefined, isRoot: boolean): [number, number] {
  if (owner?.range) return [owner.range[0], owner.range[1]];
  const items = map.items as Pair[];
  const preferred = isRoot ? 'kind' : 'name';
  const pair = items.find((p) => isScalar(p.key) && p.key.value === preferred) ?? items[0];
  if (pair && isScalar(pair.key) && pair.key.range) {
    const value = pair.value as Node | null;
    const end = value && value.range && value.range[1] > pair.key.range[0] ? value.range[1] : pair.key.range[1];
    return [pair.key.range[0], end];
  }
  return firstLine(map);
}

function firstLine(node: Node): [number, number] {
  const [start, end] = node.range!;
  return [start, Math.min(end, start + 1)];
}

function itemWord(short: string | undefined): string {
  switch (short) {
    case 'Container':
    case 'EphemeralContainer':
      return 'container';
    case 'Volume':
      return 'volume';
    case 'VolumeMount':
      return 'volume mount';
    case 'ContainerPort':
      return 'port';
    case 'EnvVar':
      return 'environment variable';
    default:
      return short ? `${short} item` : 'item';
  }
}

function subjectOf(name: string, key: Scalar | undefined): string {
  return key ? `\`${name}\`` : `each item of \`${name}\``;
}

function sourceOf(node: Scalar): string {
  const source = (node as Scalar & { source?: string }).source;
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(String(node.value));
  if (node.type === 'QUOTE_SINGLE') return `'${String(node.value)}'`;
  return typeof source === 'string' && source !== '' ? source : String(node.value);
}

/** `spec.containers[0].ports[1]`. */
export function pathText(path: readonly PathSegment[]): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out ? `.${step}` : step;
  return out;
}
