import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { shortName, type ResolvedSchema } from '../schema/kubernetesSchema';
import { shapeOfDefinition } from '../schema/shapes';
import type { CompletionContext } from './completionContext';
import { isNewFlowItem } from './newItemPlaces';
import type { CompletionProvider } from './provider';

/**
 * A new item of a flow sequence of objects (`containers: [|]`, or after a comma): nothing is typed there yet, and
 * without a `{` the keys of the item cannot go in, so the offer is the item itself, `{...}` with the fields the API
 * server requires as tab stops. Inside the braces the keys are offered as in any flow mapping.
 */
export const flowItemProvider: CompletionProvider = { id: 'flow-item', items: (ctx) => flowItemSkeleton(ctx) };

function flowItemSkeleton(ctx: CompletionContext): CompletionItem[] {
  const item = ctx.schema;
  if (!isNewFlowItem(ctx) || !item?.node.properties) return [];
  const required = requiredFields(item);
  const name = item.definition ? shortName(item.definition) : 'item';
  const body = required.map((field, i) => `${field}: $${i + 1}`).join(', ');
  return [{
    label: `{${required.map((field) => `${field}: `).join(', ')}}`,
    kind: CompletionItemKind.Snippet,
    detail: required.length ? `new ${name} · ${required.join(', ')} required` : `new ${name}`,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `A new ${name} in flow style${required.length ? `, with the fields the API server requires (${required.map((f) => `\`${f}\``).join(', ')})` : ''}. Completion inside the braces offers its other fields.`,
    },
    sortText: '0',
    filterText: '{',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: ctx.range, newText: `{${body}}$0` },
  }];
}

/** Required fields, `name` first (what a person reads an item by), then in the schema's order. */
function requiredFields(item: ResolvedSchema): string[] {
  const required = (item.definition && shapeOfDefinition(item.definition)?.required) || item.node.required || [];
  return [...required].sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : 0));
}
