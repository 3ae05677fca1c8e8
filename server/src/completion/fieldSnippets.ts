import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import snippets from '../../../snippets/kubernetes.code-snippets.json';
import { atBlockKey, type CompletionContext } from './completionContext';
import { containerListAt, isNewItemOf } from './newItemPlaces';
import type { CompletionProvider } from './provider';

/**
 * The snippets of snippets/kubernetes.code-snippets.json that fill a place inside a Pod: a probe or the resources
 * of a container, a mount of volumeMounts, a plain container of containers. VS Code would offer a contributed
 * snippet everywhere (inside a volumeMount, under metadata); the server offers each one only where it fits, so the
 * file is not contributed. Whole manifests come from documentStarters.ts; the multi-container patterns and volumes,
 * fitted to the Pod, from containerPatterns.ts and volumeItems.ts.
 */
interface SnippetEntry {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/** Where a snippet fits: as keys of a container, or as a new item of a list. */
export type SnippetPlace = 'container-fields' | 'containers-item' | 'volumeMounts-item';

const PLACES: Readonly<Record<string, SnippetPlace>> = {
  'k8s-probe-http': 'container-fields',
  'k8s-probe-tcp': 'container-fields',
  'k8s-probe-exec': 'container-fields',
  'k8s-probe-grpc': 'container-fields',
  'k8s-resources': 'container-fields',
  'k8s-container': 'containers-item',
  'k8s-volume-mount': 'volumeMounts-item',
};

/** A plain container, where a new item of `containers` goes. */
export const containerSnippetProvider: CompletionProvider = {
  id: 'container-snippet',
  items: (ctx) => (atBlockKey(ctx) && containerListAt(ctx) === 'containers' ? fieldSnippets('containers-item', ctx) : []),
};

/** Probes and resources, among the keys of a container. */
export const containerFieldSnippetProvider: CompletionProvider = {
  id: 'container-field-snippets',
  items: (ctx) =>
    atBlockKey(ctx) && ctx.container && !ctx.cursor.itemStart && ctx.cursor.path.length === (ctx.podSpecPath?.length ?? 0) + 2 ? fieldSnippets('container-fields', ctx) : [],
};

/** A mount, where a new item of a container's volumeMounts goes. */
export const mountSnippetProvider: CompletionProvider = {
  id: 'mount-snippet',
  items: (ctx) => (atBlockKey(ctx) && isNewItemOf(ctx.cursor, 'volumeMounts') ? fieldSnippets('volumeMounts-item', ctx) : []),
};

/** The snippets that fit `place`, indented for the cursor's column (a new item's body goes past its dash), with the document's line break. */
function fieldSnippets(place: SnippetPlace, ctx: CompletionContext): CompletionItem[] {
  const { cursor: context, range, lineBreak } = ctx;
  const items: CompletionItem[] = [];
  for (const [name, entry] of Object.entries(snippets as Record<string, SnippetEntry>)) {
    if (PLACES[entry.prefix] !== place) continue;
    // Items start with `- `; after a dash the person typed, the body goes without it, aligned past the dash.
    const body = place !== 'container-fields' && context.itemStart ? entry.body.map((line, i) => (i === 0 ? line.replace(/^- /, '') : line.replace(/^ {2}/, ''))) : entry.body;
    const pad = ' '.repeat(context.column);
    items.push({
      label: entry.prefix,
      kind: CompletionItemKind.Snippet,
      detail: name,
      documentation: entry.description,
      filterText: `${entry.prefix} ${name}`,
      sortText: `4_${entry.prefix}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: body.map((line, i) => (i === 0 ? line : pad + line)).join(lineBreak) },
    });
  }
  return items;
}
