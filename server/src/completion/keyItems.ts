import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
} from 'vscode-languageserver-types';
import { fieldsRejectedOn } from '../pod/containerFields';
import { resolve, typeLabel, typesOf, type ResolvedSchema } from '../schema/kubernetesSchema';
import { fieldGate, gateStage } from '../versions/featureGates';
import { TABLE_VERSIONS, fieldExistsIn, fieldRemovedIn, fieldSince, fieldsEverIn } from '../versions/fieldVersions';
import type { CompletionContext } from './completionContext';
import { fieldDocumentation, isDeprecated, scopeOf } from './documentation';
import { WELL_KNOWN_NODE_LABELS } from './nodeLabels';
import type { CompletionProvider } from './provider';
import { pullPolicyOffer } from './pullPolicyOffer';

/** Keys a person should not write: the API server fills them in. */
const SERVER_SET = new Set(['status']);
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const SERVER_SET_METADATA = new Set(['creationTimestamp', 'deletionGracePeriodSeconds', 'deletionTimestamp', 'generation', 'managedFields', 'resourceVersion', 'selfLink', 'uid']);

/** Resource names every cluster knows, offered as keys of requests and limits. */
const RESOURCE_NAMES: [string, string][] = [
  ['cpu', 'CPU, in cores: 500m is half a core.'],
  ['memory', 'Memory, in bytes: 128Mi, 1Gi.'],
  ['ephemeral-storage', 'Node-local disk for the container’s writable layer, logs and emptyDir volumes: 1Gi.'],
];


/**
 * The keys that may go at the cursor: the fields of the mapping's schema that are not written yet, required ones
 * first, each inserting the shape of its value (`key: `, a nested block, or a sequence's first `- `). Only the
 * fields the targeted Kubernetes version has; in a container, only those the API accepts for its role at that
 * version (no probes on an init step).
 */
export const keyProvider: CompletionProvider = { id: 'keys', items: keyItems };

function keyItems(ctx: CompletionContext): CompletionItem[] {
  const { cursor: context, schema, range } = ctx;
  if (context.position !== 'key' || !schema) return [];
  const node = schema.node;
  if (typesOf(node).includes('array') && node.items && context.style === 'block' && !context.itemStart) {
    // Under a sequence's key without a dash yet: the item's fields, each starting a new item.
    const item = resolve(node.items);
    if (!item.node.properties) return [];
    return fieldItems(ctx, item, true);
  }
  if (node.properties) return fieldItems(ctx, schema, false);
  if (context.path[context.path.length - 1] === 'nodeSelector') {
    return WELL_KNOWN_NODE_LABELS.filter(([name]) => !context.presentKeys.has(name)).map(([name, doc]) => ({
      label: name,
      kind: CompletionItemKind.Property,
      detail: 'well-known node label',
      documentation: `${doc}: the scheduler places the Pod only on nodes with this label and value.`,
      textEdit: { range, newText: context.hasColon ? name : `${name}: ` },
    }));
  }
  const values = node.additionalProperties;
  if (values && typeof values === 'object' && resolve(values).node.format === 'quantity') {
    return RESOURCE_NAMES.filter(([name]) => !context.presentKeys.has(name)).map(([name, doc]) => ({
      label: name,
      kind: CompletionItemKind.Property,
      detail: 'quantity',
      documentation: doc,
      textEdit: { range, newText: context.hasColon ? name : `${name}: ` },
    }));
  }
  return [];
}

function fieldItems(ctx: CompletionContext, parent: ResolvedSchema, newItem: boolean): CompletionItem[] {
  const { cursor: context, range } = ctx;
  const properties = parent.node.properties!;
  const required = new Set(parent.node.required ?? []);
  const atRoot = context.path.length === 0;
  const { container, kubernetesVersion: version } = ctx;
  const rejected = container ? fieldsRejectedOn(container.list, container.isNativeSidecar, version) : undefined;
  const items: CompletionItem[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (!newItem && context.presentKeys.has(name)) continue;
    if (rejected?.has(name)) continue;
    // A field newer than the targeted version would be an error the moment it is inserted.
    if (parent.definition && fieldExistsIn(parent.definition, name, version) === false) continue;
    if (atRoot && SERVER_SET.has(name)) continue;
    if (parent.definition === OBJECT_META && SERVER_SET_METADATA.has(name)) continue;
    const field = resolve(raw);
    const deprecated = isDeprecated(field.description);
    const fieldScope = scopeOf(parent.definition, name);
    const isRequired = required.has(name);
    const pull = container && name === 'imagePullPolicy' ? pullPolicyOffer(container.image) : undefined;
    const versionNote = parent.definition ? versionDetail(parent.definition, name, version) : undefined;
    const detail = [typeLabel(field), fieldScope, isRequired ? 'required' : undefined, versionNote, pull?.note].filter(Boolean).join(' · ');
    const item: CompletionItem = {
      label: newItem ? `- ${name}` : name,
      kind: CompletionItemKind.Property,
      detail,
      documentation: fieldDocumentation(parent.definition, name, field.description),
      sortText: `${deprecated ? 2 : isRequired ? 0 : 1}_${name}`,
      filterText: name,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      // imagePullPolicy: the image's default is the first choice; with no image yet, no choice is made for the person.
      textEdit: { range, newText: keyText(name, field, ctx, newItem, pull && (pull.defaultPolicy ? [pull.defaultPolicy] : null)) },
    };
    if (deprecated) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  if (parent.definition) items.push(...olderFieldItems(ctx, parent.definition, properties, newItem));
  return items;
}

/**
 * Fields the targeted version has that a newer one removed, so the schema (the newest) lacks them: offered with the
 * version they end in, and no value shape (the schema does not know it).
 */
function olderFieldItems(ctx: CompletionContext, definition: string, properties: object, newItem: boolean): CompletionItem[] {
  const { cursor: context, range, kubernetesVersion: version } = ctx;
  const items: CompletionItem[] = [];
  for (const name of fieldsEverIn(definition)) {
    if (name in properties || (!newItem && context.presentKeys.has(name)) || !fieldExistsIn(definition, name, version)) continue;
    const removedIn = fieldRemovedIn(definition, name);
    const detail = [removedIn && `removed in ${removedIn}`, versionDetail(definition, name, version)].filter(Boolean).join(' · ');
    const prefix = newItem ? '- ' : '';
    items.push({
      label: `${prefix}${name}`,
      kind: CompletionItemKind.Property,
      detail,
      sortText: `1_${name}`,
      filterText: name,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: context.hasColon ? name : `${prefix}${name}: $0` },
    });
  }
  return items;
}

/** `since 1.33, alpha: off by default` for a field newer than the oldest targeted version or behind a gate that is off. */
function versionDetail(definition: string, name: string, version: string): string | undefined {
  const gated = fieldGate(definition, name);
  const state = gated && gateStage(gated.gate, version);
  const off = state && !state.onByDefault ? `${state.stage}: off by default` : undefined;
  // A field of the oldest targeted version may be older still: only a later start is worth saying.
  const first = fieldSince(definition, name);
  const since = first !== TABLE_VERSIONS[0] ? first : undefined;
  if (!since && !off) return undefined;
  return [since && `since ${since}`, off].filter(Boolean).join(', ');
}

/**
 * The text a key inserts: the key and the beginning of its value, indented from the key's column. `first` puts
 * those enum values first among the choices; null offers no choice (a plain tab stop).
 */
function keyText(name: string, field: ResolvedSchema, ctx: CompletionContext, newItem: boolean, first?: readonly string[] | null): string {
  const { cursor: context, style, lineBreak: eol } = ctx;
  if (context.hasColon) return name;
  const shape = valueShape(field);
  const scalar = first === null ? '$0' : scalarPlaceholder(field, first);
  if (context.style === 'flow') {
    return shape === 'object' ? `${name}: {$0}` : shape === 'array' ? `${name}: [$0]` : `${name}: ${scalar}`;
  }
  const column = context.column + (newItem ? 2 : 0);
  const prefix = newItem ? '- ' : '';
  if (!context.lineIsOpen || shape === 'scalar') return `${prefix}${name}: ${scalar}`;
  if (shape === 'object') return `${prefix}${name}:${eol}${' '.repeat(column + style.unit)}$0`;
  const dash = column + style.sequenceIndent;
  return `${prefix}${name}:${eol}${' '.repeat(dash)}- $0`;
}

function valueShape(field: ResolvedSchema): 'object' | 'array' | 'scalar' {
  const node = field.node;
  if (node.format) return 'scalar';
  const types = typesOf(node);
  if (types.length === 1 && types[0] === 'array') return 'array';
  if (types.length === 1 && types[0] === 'object') return 'object';
  return 'scalar';
}

function scalarPlaceholder(field: ResolvedSchema, first: readonly string[] = []): string {
  const node = field.node;
  if (node.enum?.length) {
    const values = [...first.filter((v) => node.enum!.includes(v)), ...node.enum.filter((v) => !first.includes(v))];
    return `\${1|${values.map((v) => v.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
  }
  if (typesOf(node).length === 1 && typesOf(node)[0] === 'boolean') return '${1|true,false|}';
  return '$0';
}
