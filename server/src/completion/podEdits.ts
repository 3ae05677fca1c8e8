import { isMap, isSeq, type Node } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { pairOf, valueOf } from '../document/yamlTree';
import type { ContainerModel, PodModel } from '../pod/podModel';
import type { FeatureRequest } from '../service/languageService';
import { itemText, mappingLines, type BlockValue } from './blockText';
import type { IndentStyle } from './indentStyle';
import type { TextLines } from './textLines';

/**
 * Edits elsewhere in the Pod that an inserted item needs to be complete: the mount of a new volume in the app
 * container, the volume a new sidecar shares. They go into existing block collections (after their last item) or
 * add the key; anything in flow style or malformed gets no edit (the item's documentation says what to add).
 */

/** A volumeMounts entry for the container: after its last mount, or a new volumeMounts key after its last field. */
export function mountEdit(req: FeatureRequest, lines: TextLines, container: ContainerModel, mount: Record<string, BlockValue>, style: IndentStyle): TextEdit | undefined {
  const mounts = valueOf(container.node, 'volumeMounts');
  if (mounts !== undefined) return appendItem(req, lines, mounts, mount, style);
  if (container.node.flow || !container.node.range) return undefined;
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
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const last = seq.items[seq.items.length - 1];
  if (!isMap(last) || last.flow || !last.range) return undefined;
  const dash = columnOf(lines, last.range[0]) - 2;
  const at = endOfContent(lines.text, last.range[1]);
  return { range: req.rangeOf(at, at), newText: `\n${' '.repeat(dash)}${itemText(item, dash, style)}` };
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
