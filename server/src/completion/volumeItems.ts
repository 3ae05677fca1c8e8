import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { appContainers } from '../pod/podModel';
import { primaryContainer } from '../pod/roles';
import { itemLines, mappingLines } from '../document/blockWriter';
import type { YamlValue } from '../document/flowWriter';
import { mountEdit } from './podEdits';
import { atBlockKey, type CompletionContext } from './completionContext';
import { isVolumeListAt } from './newItemPlaces';
import type { CompletionProvider } from './provider';

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
  readonly body: YamlValue;
  readonly why: string;
}

const KINDS: readonly VolumeKind[] = [
  { source: 'emptyDir', baseName: 'cache', mountPath: '/cache', readOnly: false, body: { sizeLimit: '${1:1Gi}' }, why: 'Scratch space that lives as long as the Pod; every container that mounts it shares its files.' },
  { source: 'configMap', baseName: 'config', mountPath: '/etc/config', readOnly: true, body: { name: '${1:app-config}' }, why: 'Each key of the ConfigMap becomes a file in the mounted directory.' },
  { source: 'secret', baseName: 'credentials', mountPath: '/etc/credentials', readOnly: true, body: { secretName: '${1:app-credentials}' }, why: 'Each key of the Secret becomes a file, kept in memory on the node.' },
  { source: 'persistentVolumeClaim', baseName: 'data', mountPath: '/data', readOnly: false, body: { claimName: '${1:app-data}' }, why: 'Storage that outlives the Pod, claimed by name.' },
];

export const volumeProvider: CompletionProvider = { id: 'volumes', items: volumeItems };

function volumeItems(ctx: CompletionContext): CompletionItem[] {
  if (!atBlockKey(ctx) || !isVolumeListAt(ctx)) return [];
  const { req, cursor: context, pod, style, range, lineBreak: eol } = ctx;
  const app = pod ? primaryContainer(appContainers(pod)) : undefined;
  const taken = new Set(pod?.volumes.map((v) => v.name));
  return KINDS.map((kind, i) => {
    let name = kind.baseName;
    for (let n = 2; taken.has(name); n++) name = `${kind.baseName}-${n}`;
    const body: Record<string, YamlValue> = { name, [kind.source]: kind.body };
    const text = (context.itemStart ? mappingLines(body, context.column, style) : itemLines(body, context.column, style)).join(eol).trimStart();
    const mountBody: Record<string, YamlValue> = { name, mountPath: kind.mountPath };
    if (kind.readOnly) mountBody.readOnly = 'true';
    const mount = app ? mountEdit(req, app, mountBody, style) : undefined;
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
