import type { Range } from 'vscode-languageserver-types';
import type { FeatureRequest } from '../core/featureRequest';
import { indentStyleOfDocument, type IndentStyle } from '../document/indentStyle';
import { lineBreakOf } from '../document/lineBreaks';
import type { DocumentIdentity, ManifestDocument } from '../document/manifestDocument';
import { TextLines } from '../document/textLines';
import type { Path } from '../document/yamlTree';
import { podCarrierOf } from '../pod/podCarriers';
import { podModelOf, type PodModel } from '../pod/podModel';
import type { ResolvedSchema } from '../schema/kubernetesSchema';
import { schemaAt, schemaRootOf, type SchemaRoot } from '../schema/schemaRoot';
import { containerAtCursor, type ContainerAtCursor } from './containerAtCursor';
import { contextInText, type CursorContext } from './cursorContext';
import { identityOf } from './schemaContext';

/**
 * Everything a completion provider needs to know about the cursor's place, worked out once per request (as
 * hover's HoverContext is): where the cursor is in the text, the document's kind and schema there, its Pod and the
 * container being written, the target version, and how new text is written (indentation, line break). Providers
 * read this and never work any of it out again.
 */
export interface CompletionContext {
  readonly req: FeatureRequest;
  readonly doc: ManifestDocument;
  /** The document's lines, with their shapes read on demand. */
  readonly lines: TextLines;
  /** Key or value, the path, the word being typed, the keys already there: read from the text (cursorContext.ts). */
  readonly cursor: CursorContext;
  /** The word being typed, which every item replaces. */
  readonly range: Range;
  readonly identity: DocumentIdentity;
  /** The document's schema, for a kind we have one of (the kind's current apiVersion when the written one is wrong). */
  readonly root?: SchemaRoot;
  /** The schema at the cursor's path. */
  readonly schema?: ResolvedSchema;
  /** Where the kind keeps its PodSpec, for a kind that carries a Pod. */
  readonly podSpecPath?: Path;
  /** The Pod model; only for a document of a kind we have a schema of. */
  readonly pod?: PodModel;
  /** The container whose key or value is being typed. */
  readonly container?: ContainerAtCursor;
  /** The targeted Kubernetes version: keys and values follow it. */
  readonly kubernetesVersion: string;
  /** The document's indentation and line break, for every multi-line insertion. */
  readonly style: IndentStyle;
  readonly lineBreak: string;
}

/** The context of a completion at `req.offset`, or undefined where nothing is offered (a Helm template, a comment). */
export function completionContextOf(req: FeatureRequest): CompletionContext | undefined {
  const { doc, offset } = req;
  if (doc.isTemplate) return undefined;
  const lines = TextLines.of(doc);
  const cursor = contextInText(lines, offset);
  if (!cursor) return undefined;
  const identity = identityOf(doc, lines);
  const root = schemaRootOf(identity);
  const podSpecPath = podCarrierOf(identity)?.podSpecPath;
  const pod = root ? podModelOf(doc) : undefined;
  return {
    req,
    doc,
    lines,
    cursor,
    range: req.rangeOf(cursor.replaceStart, cursor.replaceEnd),
    identity,
    root,
    schema: root ? schemaAt(root, cursor.path) : undefined,
    podSpecPath,
    pod,
    container: containerAtCursor(cursor, podSpecPath, pod),
    kubernetesVersion: req.settings.kubernetesVersion,
    style: indentStyleOfDocument(doc),
    lineBreak: lineBreakOf(doc.text),
  };
}

/** True in block style at a key's place inside a document we have a schema of: where keys and block items go. */
export function atBlockKey(ctx: CompletionContext): boolean {
  return ctx.cursor.position === 'key' && ctx.cursor.style === 'block' && !!ctx.root;
}
