import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { CheckContext, RuleDescriptor } from '../../core/rule';

/**
 * A check across documents: it reads one document and the workspace index, and reports on the one document (a
 * reference whose target is missing, a selector that selects nothing). Run by the facade after the document's own
 * checks, never memoised with the document alone, since another file can change its answer.
 */
export interface LinkContext extends CheckContext {
  readonly index: WorkspaceIndex;
}

export interface LinkCheck {
  readonly name: string;
  readonly rules: readonly RuleDescriptor[];
  run(ctx: LinkContext): void;
}
