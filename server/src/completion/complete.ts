import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { FeatureRequest } from '../core/featureRequest';
import { completionContextOf } from './completionContext';
import { COMPLETION_PROVIDERS } from './providers';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Completion at a position: keys valid at the cursor's place in the Pod (and its workload), the values that fit
 * there (enums, booleans, apiVersion/kind pairs, names of the Pod's volumes, ports and containers), and the
 * multi-container patterns where a container goes. The place comes from the text (cursorContext.ts), because the
 * line being typed is rarely valid YAML yet; it is worked out once (completionContext.ts), and each provider of
 * providers.ts reads it.
 */
export function complete(req: FeatureRequest): CompletionList {
  const ctx = completionContextOf(req);
  if (!ctx) return EMPTY;
  const items = COMPLETION_PROVIDERS.flatMap((provider) => provider.items(ctx));
  const lead = ctx.cursor.lead;
  return { isIncomplete: false, items: lead ? items.map((item) => led(item, lead)) : items };
}

/** The item written `lead` further right: the cursor is at an item's dash column, its keys go at the key column. */
function led(item: CompletionItem, lead: string): CompletionItem {
  const edit = item.textEdit;
  return edit && 'range' in edit ? { ...item, textEdit: { ...edit, newText: lead + edit.newText } } : item;
}
