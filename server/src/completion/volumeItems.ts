import { isMap, isSeq } from 'yaml';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Range, type TextEdit } from 'vscode-languageserver-types';
import { valueOf } from '../document/yamlTree';
import { appContainers, type ContainerModel, type PodModel } from '../pod/podModel';
import { primaryContainer } from '../pod/roles';
import type { FeatureRequest } from '../service/languageService';
import { itemText, mappingLines, type BlockValue } from './blockText';
import type { CursorContext } from './cursorContext';
import type { IndentStyle } from './indentStyle';
import { TextLines } from './textLines';

/**
 * Volumes, offered where an item of the Pod's `volumes` goes, each with its matching mount: a volume is declared
 * once for the Pod and is visible only in the containers that mount it, so the item also adds a volumeMounts
 * entry to the app container.
 */
interface VolumeKind {
  readonly source: string;
  readonly baseName: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
  readonly body: BlockValue;
  readonly why: string;
}

const KINDS: readonly VolumeKind[] = [
  { source: 'emptyDir', baseName: 'cache', mountPath: '/cache', readOnly: false, body: { sizeLimit: '${1:1Gi}' }, why: 'Scratch space that lives as long as the Pod; every container that mounts it shares its files.' },
  { source: 'configMap', baseName: 'config', mountPath: '/etc/config', readOnly: true, body: { name: '${1:app-config}' }, why: 'Each key of the ConfigMap becomes a file in the mounted directory.' },
  { source: 'secret', baseName: 'credentials', mountPath: '/etc/credentials', readOnly: true, body: { secretName: '${1:app-credentials}' }, why: 'Each key of the Secret becomes a file, kept in memory on the node.' },
  { source: 'persistentVolumeClaim', baseName: 'data', mountPath: '/data', readOnly: false, body: { claimName: '${1:app-data}' }, why: 'Storage that outlives the Pod, claimed by name.' },
];

export function volumeItems(req: FeatureRequest, context: CursorContext, pod: PodModel | undefined, style: IndentStyle, range: Range): CompletionItem[] {
  const app = pod ? primaryContainer(appContainers(pod)) : undefined;
  const lines = TextLines.of(req.doc);
  const taken = new Set(pod?.volumes.map((v) => v.name));
  return KINDS.map((kind, i) => {
    let name = kind.baseName;
    for (let n = 2; taken.has(name); n++) name = `${kind.baseName}-${n}`;
    const body: Record<string, BlockValue> = { name, [kind.source]: kind.body };
    const text = context.itemStart
      ? mappingLines(body, context.column, style).map((line, n) => (n === 0 ? line.trimStart() : line)).join('\n')
      : itemText(body, context.column, style);
    const mount = app ? mountEdit(req, lines, app, name, kind, style) : undefined;
    const where = mount ? `, mounted in ${app!.name ?? 'the app container'} at ${kind.mountPath}` : '';
    return {
      label: `${kind.source} volume`,
      kind: CompletionItemKind.Snippet,
      detail: `volume ${name}${where}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${kind.why} A volume belongs to the Pod; a container sees it only where it mounts it${mount ? `, so this also adds the mount to ${app!.name ?? 'the app container'}` : ': add a volumeMounts entry to the container that needs it'}.`,
      },
      filterText: `${kind.source} volume`,
      sortText: `3_${i}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: text + '$0' },
      additionalTextEdits: mount ? [mount] : undefined,
    };
  });
}

/** A volumeMounts entry for the container: after its last mount, or a new volumeMounts key after its last field. */
function mountEdit(req: FeatureRequest, lines: TextLines, container: ContainerModel, name: string, kind: VolumeKind, style: IndentStyle): TextEdit | undefined {
  const mount: Record<string, BlockValue> = { name, mountPath: kind.mountPath };
  if (kind.readOnly) mount.readOnly = 'true';
  const mounts = valueOf(container.node, 'volumeMounts');
  if (isSeq(mounts) && !mounts.flow && mounts.items.length) {
    const last = mounts.items[mounts.items.length - 1];
    if (!isMap(last) || last.flow || !last.range) return undefined;
    const keyColumn = columnOf(lines, last.range[0]);
    const at = endOfContent(lines.text, last.range[1]);
    const text = itemText(mount, keyColumn - 2, style);
    return { range: req.rangeOf(at, at), newText: `\n${' '.repeat(keyColumn - 2)}${text}` };
  }
  if (mounts !== undefined || container.node.flow || !container.node.range) return undefined;
  const keyColumn = columnOf(lines, container.node.range[0]);
  const at = endOfContent(lines.text, container.node.range[1]);
  const text = mappingLines({ volumeMounts: [mount] }, keyColumn, style).join('\n');
  return { range: req.rangeOf(at, at), newText: `\n${text}` };
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
