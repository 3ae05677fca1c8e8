import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { service, withCursor } from '../support/service';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';

export interface HoverSeen {
  /** The Markdown shown. */
  readonly text: string;
  /** The text the hover's range covers. */
  readonly covered: string;
  /** The range as `line:col-line:col`. */
  readonly range: string;
}

/** The hover at the cursor marker `|` of `marked`, as a person sees it; null when there is none. */
export function hoverAt(marked: string): HoverSeen | null {
  const { source, position } = withCursor(marked);
  const hover: Hover | null = service.hover(source, position, DEFAULT_SETTINGS);
  if (!hover) return null;
  const text = (hover.contents as MarkupContent).value;
  const r = hover.range!;
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, source.textDocument.getText());
  return {
    text,
    covered: doc.getText(r),
    range: `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`,
  };
}
