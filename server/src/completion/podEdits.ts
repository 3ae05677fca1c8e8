import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { pairOf, valueOf } from '../document/yamlTree';
import type { ContainerModel, PodModel } from '../pod/podModel';
import type { FeatureRequest } from '../core/featureRequest';
import { itemText, mappingLines, type BlockValue } from './blockText';
import { flowText } from './flowText';
import type { IndentStyle } from './indentStyle';
import type { TextLines } from './textLines';

/**
 * Edits elsewhere in the Pod that an inserted item needs to be complete: the mount of a new volume in the app
 * container, the volume a new sidecar shares. They go into existing collections (after their last item, in the
 * collection's own style) or add the key; a Pod spec in flow style or anything malformed gets no edit (the item's
 * documentation then says what to add).
 */

/** A volumeMounts entry for the container: after its last mount, or a new volumeMounts key after its last field. */
export function mountEdit(req: FeatureRequest, lines: TextLines, container: ContainerModel, mount: Record<string, BlockValue>, style: IndentStyle): TextEdit | undefined {
  const mounts = valueOf(container.node, 'volumeMounts');
  if (mounts !== undefined) return appendItem(req, lines, mounts, mount, style);
  if (container.node.flow) return appendFlowEntry(req, lines, container.node, `volumeMounts: [${flowText(mount)}]`);
  if (!container.node.range) return undefined;
  const keyColumn = columnOf(lines, container.node.range[0]);
  const at = endOfContent(lines.text, container.node.range[1]);
  return { range: req.rangeOf(at, at), newText: `\n${mappingLines({ volumeMounts: [mount] }, keyColumn, style).join('\n')}` };
}

/**
 * A volume for the Pod: after its last volume, or, without a volumes key, a new one on the line before
 * `containers` (an edit there never touches the container being written below it).
 */
export function volumeEdit(req: FeatureRequest, lines: TextLines, pod: PodModel, volume: Record<string, BlockValue>, style: IndentStyle): TextEdit | undefined {
  const podSpec = pod.podSpec;
  if (!podSpec || podSpec.flow) return undefined;
  const volumes = valueOf(podSpec, 'volumes');
  if (volumes !== undefined) return appendItem(req, lines, volumes, volume, style);
  const containers = pairOf(podSpec, 'containers');
  const key = containers?.key as Node | undefined;
  if (!key?.range) return undefined;
  const column = columnOf(lines, key.range[0]);
  const lineStart = lines.starts[lines.lineAt(key.range[0])];
  if (lines.text.slice(lineStart, key.range[0]).trim() !== '') return undefined;
  return { range: req.rangeOf(lineStart, lineStart), newText: `${mappingLines({ volumes: [volume] }, column, style).join('\n')}\n` };
}

function appendItem(req: FeatureRequest, lines: TextLines, seq: Node, item: Record<string, BlockValue>, style: IndentStyle): TextEdit | undefined {
  if (isSeq(seq) && seq.flow) return appendFlowEntry(req, lines, seq, flowText(item));
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const last = seq.items[seq.items.length - 1];
  if (!isMap(last) || last.flow || !last.range) return undefined;
  const dash = columnOf(lines, last.range[0]) - 2;
  const at = endOfContent(lines.text, last.range[1]);
  return { range: req.rangeOf(at, at), newText: `\n${' '.repeat(dash)}${itemText(item, dash, style)}` };
}

/**
 * `entry` as the last entry of a flow collection (`{a: 1}` or `[x]`): right after the last entry's value (before
 * any comment or line break that follows it), else right after the opening bracket of an empty one. Anything the
 * parser could not close, or an entry without a position, gets no edit.
 */
function appendFlowEntry(req: FeatureRequest, lines: TextLines, collection: Node, entry: string): TextEdit | undefined {
  if (!(isMap(collection) || isSeq(collection)) || !collection.flow || !collection.range) return undefined;
  const [open, close] = isMap(collection) ? ['{', '}'] : ['[', ']'];
  const text = lines.text;
  if (text[collection.range[0]] !== open || text[collection.range[1] - 1] !== close) return undefined;
  const items = collection.items as unknown[];
  if (items.length === 0) return { range: req.rangeOf(collection.range[0] + 1, collection.range[0] + 1), newText: entry };
  const end = entryEnd(items[items.length - 1]);
  if (end === undefined || end <= collection.range[0] || end >= collection.range[1]) return undefined;
  // A trailing comma (`{a: 1, }`) already separates the new entry.
  const trailingComma = /^[ \t]*,/.test(text.slice(end, collection.range[1]));
  if (trailingComma) {
    const comma = text.indexOf(',', end) + 1;
    return { range: req.rangeOf(comma, comma), newText: ` ${entry}` };
  }
  return { range: req.rangeOf(end, end), newText: `, ${entry}` };
}

/** Where a flow entry's text ends: its value's, or its key's when the value is empty. */
function entryEnd(entry: unknown): number | undefined {
  if (isPair(entry)) return entryEnd(entry.value) ?? entryEnd(entry.key);
  const range = (entry as Node | null | undefined)?.range;
  return range ? range[1] : undefined;
}

/** A block node's range runs over the newline after it; an insertion goes right after its last character. */
function endOfContent(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

function columnOf(lines: TextLines, offset: number): number {
  return offset - lines.starts[lines.lineAt(offset)];
}
