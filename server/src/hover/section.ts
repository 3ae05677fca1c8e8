import type { HoverContext } from './hoverContext';

/**
 * One part of a hover: a small module that looks at the context and returns a Markdown block, or undefined when
 * it has nothing to say about this node. The hover joins the blocks of every section in the order of
 * `HOVER_SECTIONS` (sections/index.ts), so a new concern (say, the effective securityContext of a container) is one
 * new module and one line in that list.
 */
export interface HoverSection {
  /** Stable name, for tests and for placing a new section relative to the others. */
  readonly id: string;
  render(ctx: HoverContext): string | undefined;
}
