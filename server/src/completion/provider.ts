import type { CompletionItem } from 'vscode-languageserver-types';
import type { CompletionContext } from './completionContext';

/**
 * One kind of offer: a function of the completion context that returns its items, or none where it does not
 * apply. `complete` joins the items of every provider in the order of `COMPLETION_PROVIDERS` (providers.ts), so a
 * new kind of offer is one module and one line in that list.
 */
export interface CompletionProvider {
  /** Stable name, for tests and for placing a new provider relative to the others. */
  readonly id: string;
  items(ctx: CompletionContext): CompletionItem[];
}
