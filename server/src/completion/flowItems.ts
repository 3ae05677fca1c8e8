import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { shortName, type ResolvedSchema } from '../schema/kubernetesSchema';
import { shapeOfDefinition } from '../schema/shapes';
import type { CursorContext } from './cursorContext';

/**
 * A new item of a flow sequence of objects (`containers: [|]`, or after a comma): nothing is typed there yet, and
 * without a `{` the keys of the item cannot go in, so the offer is the item itself, `{...}` with the fields the API
 * server requires as tab stops. Inside the braces the keys are offered as in any flow mapping.
 */
export function flowItemSkeleton(context: CursorContext, item: ResolvedSchema | undefined, range: Range): CompletionItem | undefined {
  if (!isNewFlowItem(context) || !item?.node.properties) return undefined;
  const required = requiredFields(item);
  const name = item.definition ? shortName(item.definition) : 'item';
  const body = required.map((field, i) => `${field}: $${i + 1}`).join(', ');
  return {
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
    textEdit: { range, newText: `{${body}}$0` },
  };
}

/** The cursor is where a new item of a flow sequence goes: an item's place, nothing typed yet. */
export function isNewFlowItem(context: CursorContext): boolean {
  return context.style === 'flow' && context.position === 'value' && typeof context.path[context.path.length - 1] === 'number' && context.typed === '';
}

/** Required fields, `name` first (what a person reads an item by), then in the schema's order. */
function requiredFields(item: ResolvedSchema): string[] {
  const required = (item.definition && shapeOfDefinition(item.definition)?.required) || item.node.required || [];
  return [...required].sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : 0));
}
