import type { CodeAction, CodeActionContext, CompletionList, Hover, Range } from 'vscode-languageserver-types';
import { codeActions } from '../codeActions/codeActions';
import { complete } from '../completion/complete';
import { diagramModel } from '../diagram/diagramModel';
import { hover } from '../hover/hover';
import { codeLenses, keepPodLens } from '../insight/codeLenses';
import { inlayHints } from '../insight/inlayHints';
import { documentSymbols, keepOutline } from '../navigation/documentSymbols';
import { foldingRanges, keepFoldingSpans } from '../navigation/foldingRanges';
import { definition, documentHighlights, prepareRename, references, rename } from '../navigation/nameNavigation';
import { selectionRanges } from '../navigation/selectionRanges';
import type { FeatureRequest } from '../core/featureRequest';
import type { ManifestDocument } from '../document/manifestDocument';
import type { PodsmithSettings } from '../core/settings';

/**
 * The feature modules behind the facade, one function each. Kept in one table so the facade stays a thin bind and
 * a newcomer finds every feature's entry point here; the facade takes another table as an option (tests do).
 */
export interface Features {
  hover(req: FeatureRequest): Hover | null;
  complete(req: FeatureRequest): CompletionList;
  codeActions(req: FeatureRequest, range: Range, context: CodeActionContext): CodeAction[];
  diagram(req: FeatureRequest): unknown;
  definition: typeof definition;
  references: typeof references;
  documentHighlights: typeof documentHighlights;
  prepareRename: typeof prepareRename;
  rename: typeof rename;
  documentSymbols: typeof documentSymbols;
  foldingRanges: typeof foldingRanges;
  selectionRanges: typeof selectionRanges;
  inlayHints: typeof inlayHints;
  codeLenses: typeof codeLenses;
  /**
   * Keeps what the editor asks of every document of a file right after opening it (its Outline symbol, folding spans
   * and code lens), computed on the tree the check built: asked later, each would build every tree again.
   */
  keepDocumentViews(doc: ManifestDocument, settings: PodsmithSettings): void;
}

export const FEATURES: Features = {
  hover: (req) => hover(req),
  complete: (req) => complete(req),
  codeActions: (req, range, context) => codeActions(req, range, context),
  diagram: (req) => diagramModel(req),
  definition,
  references,
  documentHighlights,
  prepareRename,
  rename,
  documentSymbols,
  foldingRanges,
  selectionRanges,
  inlayHints,
  codeLenses,
  keepDocumentViews(doc, settings) {
    keepOutline(doc);
    keepFoldingSpans(doc);
    keepPodLens(doc, settings);
  },
};
