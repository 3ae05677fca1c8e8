import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { indentStyleOfDocument } from '../document/indentStyle';
import { lineBreakOf } from '../document/lineBreaks';
import { TextLines } from '../document/textLines';
import { mapItems, nodeAtPath, scalarString } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import type { DocumentIdentity } from '../document/manifestDocument';
import { podCarrierOf } from '../pod/podCarriers';
import { schemaAt, schemaRootOf } from '../schema/schemaRoot';
import type { FeatureRequest } from '../core/featureRequest';
import { containerAtCursor } from './containerAtCursor';
import { containerPatternItems } from './containerPatterns';
import { contextInText, type CursorContext } from './cursorContext';
import { documentStarters } from './documentStarters';
import { fieldSnippets } from './fieldSnippets';
import { flowItemSkeleton, isNewFlowItem } from './flowItems';
import { keyItems } from './keyItems';
import { identityOf } from './schemaContext';
import { valueItems } from './valueItems';
import { volumeItems } from './volumeItems';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Completion at a position: keys valid at the cursor's place in the Pod (and its workload), the values that fit
 * there (enums, booleans, apiVersion/kind pairs, names of the Pod's volumes, ports and containers), and the
 * multi-container patterns where a container goes. The place comes from the text (cursorContext.ts), because
 * the line being typed is rarely valid YAML yet.
 */
export function complete(req: FeatureRequest): CompletionList {
  const { doc, offset } = req;
  if (doc.isTemplate) return EMPTY;
  const lines = TextLines.of(doc);
  const context = contextInText(lines, offset);
  if (!context) return EMPTY;
  const range = req.rangeOf(context.replaceStart, context.replaceEnd);
  const identity = identityOf(doc, lines);
  const root = schemaRootOf(identity);
  const podSpecPath = podCarrierOf(identity)?.podSpecPath;
  const style = indentStyleOfDocument(doc);
  const lineBreak = lineBreakOf(doc.text);
  const items: CompletionItem[] = [];

  if (context.position === 'key') {
    if (context.path.length === 0 && !root) {
      return { isIncomplete: false, items: identity.kind ? [] : documentStarters(context, lines, range) };
    }
    if (!root) return EMPTY;
    const schema = schemaAt(root, context.path);
    const pod = podModelOf(doc);
    const container = containerAtCursor(context, podSpecPath, pod);
    if (schema) items.push(...keyItems(context, schema, style, range, { kubernetesVersion: req.settings.kubernetesVersion, container, lineBreak }));
    const list = containerListAt(context, identity);
    if (list && context.style === 'block') items.push(...containerPatternItems(req, context, list, pod, style, range));
    if (list === 'containers' && context.style === 'block') items.push(...fieldSnippets('containers-item', context, range, lineBreak));
    if (isVolumeListAt(context, identity) && context.style === 'block') items.push(...volumeItems(req, context, pod, style, range));
    if (context.style === 'block' && container && !context.itemStart && context.path.length === (podSpecPath?.length ?? 0) + 2) {
      items.push(...fieldSnippets('container-fields', context, range, lineBreak));
    }
    if (context.style === 'block' && isNewItemOf(context, 'volumeMounts')) items.push(...fieldSnippets('volumeMounts-item', context, range, lineBreak));
    return { isIncomplete: false, items };
  }

  const schema = root ? schemaAt(root, context.path) : undefined;
  const pod = root ? podModelOf(doc) : undefined;
  const kindLineIndex = firstTopLevelKey(lines, 'kind');
  const kindLine = kindLineIndex === undefined ? undefined : lines.starts[kindLineIndex];
  items.push(
    ...valueItems({
      context,
      identity,
      pod,
      container: containerAtCursor(context, podSpecPath, pod),
      schema,
      range,
      apiVersionInsert: kindLine !== undefined ? req.rangeOf(kindLine, kindLine) : undefined,
      claimTemplates: identity.kind === 'StatefulSet' ? claimTemplateNames(doc.root) : undefined,
      kubernetesVersion: req.settings.kubernetesVersion,
    }),
  );
  // A new item of a flow sequence of objects (`containers: [|]`): the item itself, and the container patterns.
  if (isNewFlowItem(context) && entryEndsAt(lines.text, offset)) {
    const skeleton = flowItemSkeleton(context, schema, range);
    if (skeleton) items.push(skeleton);
    const list = containerListAt(context, identity);
    if (list) items.push(...containerPatternItems(req, context, list, pod, style, range));
  }
  return { isIncomplete: false, items };
}

/** Nothing but spaces between the cursor and the end of the flow entry (`,`, `]` or the line's end). */
function entryEndsAt(text: string, offset: number): boolean {
  return /^[ \t]*(?:[,\]\r\n]|$)/.test(text.slice(offset, offset + 200));
}

/** The container list whose new item is at the cursor: under its key, or right after a fresh `- `. */
function containerListAt(context: CursorContext, identity: DocumentIdentity): 'containers' | 'initContainers' | undefined {
  const podSpecPath = podCarrierOf(identity)?.podSpecPath;
  if (!podSpecPath) return undefined;
  const path = context.path;
  const tail = path.slice(podSpecPath.length);
  if (!podSpecPath.every((step, i) => path[i] === step)) return undefined;
  const list = tail[0];
  if (list !== 'containers' && list !== 'initContainers') return undefined;
  if (tail.length === 1 && !context.itemStart) return list;
  if (tail.length === 2 && context.style === 'flow' && context.position === 'value' && typeof tail[1] === 'number') return list;
  if (tail.length === 2 && context.itemStart && context.presentKeys.size === 0 && context.lineIsOpen) return list;
  return undefined;
}

function isVolumeListAt(context: CursorContext, identity: DocumentIdentity): boolean {
  const podSpecPath = podCarrierOf(identity)?.podSpecPath;
  if (!podSpecPath || !podSpecPath.every((step, i) => context.path[i] === step)) return false;
  const tail = context.path.slice(podSpecPath.length);
  if (tail[0] !== 'volumes') return false;
  return (tail.length === 1 && !context.itemStart) || (tail.length === 2 && context.itemStart && context.presentKeys.size === 0 && context.lineIsOpen);
}

function firstTopLevelKey(lines: TextLines, key: string): number | undefined {
  for (let i = 0; i < lines.count; i++) {
    const s = lines.shape(i);
    if (s.indent === 0 && !s.dashes.length && s.key === key) return i;
  }
  return undefined;
}

/** metadata.name of each volumeClaimTemplates entry of a StatefulSet, with its index. */
function claimTemplateNames(root: unknown): [string, number][] {
  const names: [string, number][] = [];
  for (const [template, index] of mapItems(nodeAtPath(root, ['spec', 'volumeClaimTemplates']))) {
    const name = scalarString(nodeAtPath(template, ['metadata', 'name']));
    if (name) names.push([name, index]);
  }
  return names;
}

/** A new item of a container's `list` (`volumeMounts:` then a new line, or a fresh `- `). */
function isNewItemOf(context: CursorContext, list: string): boolean {
  const path = context.path;
  const last = path[path.length - 1];
  if (last === list && !context.itemStart) return true;
  return path[path.length - 2] === list && typeof last === 'number' && context.itemStart && context.presentKeys.size === 0 && context.lineIsOpen;
}
