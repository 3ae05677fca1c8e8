import type { CodeAction, CodeActionContext, CompletionList, Hover, Range } from 'vscode-languageserver-types';
import { codeActions } from '../codeActions/codeActions';
import { complete } from '../completion/complete';
import { diagramModel } from '../diagram/diagramModel';
import { hover } from '../hover/hover';
import { codeLenses } from '../insight/codeLenses';
import { inlayHints } from '../insight/inlayHints';
import { documentSymbols } from '../navigation/documentSymbols';
import { foldingRanges } from '../navigation/foldingRanges';
import { definition, documentHighlights, prepareRename, references, rename } from '../navigation/nameNavigation';
import { selectionRanges } from '../navigation/selectionRanges';
import type { FeatureRequest } from './languageService';

/**
 * The feature modules behind the facade, one function each. Kept in one table so the facade stays a thin bind and
 * a newcomer finds every feature's entry point here.
 */
export const features = {
  hover: (req: FeatureRequest): Hover | null => hover(req),
  complete: (req: FeatureRequest): CompletionList => complete(req),
  codeActions: (req: FeatureRequest, range: Range, context: CodeActionContext): CodeAction[] => codeActions(req, range, context),
  diagram: diagramModel,
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
};
