import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import { WORKLOAD_KINDS } from '../pod/workloadKinds';
import snippets from '../../../snippets/kubernetes.code-snippets.json';
import type { CompletionContext } from './completionContext';
import type { CompletionProvider } from './provider';

interface SnippetEntry {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/**
 * What a document with no kind yet can start with: a whole skeleton of a pod-carrying kind (the same text as the
 * contributed snippets, so there is one source), or the `apiVersion` and `kind` keys. Offered only where the
 * document is empty or holds nothing but those keys: a YAML file of another tool gets no Kubernetes keys.
 */
export const documentStarterProvider: CompletionProvider = { id: 'document-starters', items: documentStarters };

function documentStarters(ctx: CompletionContext): CompletionItem[] {
  const { cursor: context, range } = ctx;
  // Only at the top of a document whose kind we do not know yet: a kind we know gets its schema's keys instead.
  if (context.position !== 'key' || context.path.length !== 0 || ctx.root || ctx.identity.kind) return [];
  const others = [...context.presentKeys].filter((k) => k !== 'apiVersion' && k !== 'kind');
  if (others.length) return [];
  const items: CompletionItem[] = [];
  if (context.presentKeys.size === 0 && isEmptyBesides(ctx) && context.column === 0) {
    for (const entry of Object.values(snippets as Record<string, SnippetEntry>)) {
      const kind = /^kind: (\w+)$/.exec(entry.body[1] ?? '')?.[1];
      if (!kind) continue;
      items.push({
        label: `${kind} manifest`,
        kind: CompletionItemKind.Snippet,
        detail: entry.prefix,
        documentation: entry.description,
        filterText: `${kind} ${entry.prefix}`,
        sortText: `2_${entry.prefix}`,
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
        textEdit: { range, newText: entry.body.join(ctx.lineBreak) },
      });
    }
  }
  if (!context.presentKeys.has('apiVersion')) {
    const versions = [...new Set(WORKLOAD_KINDS.map((k) => k.apiVersion))];
    items.push({
      label: 'apiVersion',
      kind: CompletionItemKind.Property,
      detail: 'string · required',
      documentation: 'The API group and version that serve the kind: v1 for Pod, apps/v1 for Deployment, batch/v1 for Job.',
      sortText: '0_apiVersion',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: context.hasColon ? 'apiVersion' : `apiVersion: \${1|${versions.join(',')}|}` },
    });
  }
  if (!context.presentKeys.has('kind')) {
    items.push({
      label: 'kind',
      kind: CompletionItemKind.Property,
      detail: 'string · required',
      documentation: 'The kind of object: Pod, or a workload that makes Pods from a template (Deployment, StatefulSet, Job...).',
      sortText: '0_kind',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: context.hasColon ? 'kind' : `kind: \${1|${WORKLOAD_KINDS.map((k) => k.kind).join(',')}|}` },
    });
  }
  return items;
}

/** True when the document holds nothing but comments, markers and the word at the cursor. */
function isEmptyBesides(ctx: CompletionContext): boolean {
  const { text: all } = ctx.lines;
  const text = all.slice(0, ctx.cursor.replaceStart) + all.slice(ctx.cursor.replaceEnd);
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line) || /^(---|\.\.\.)\s*$/.test(line));
}
