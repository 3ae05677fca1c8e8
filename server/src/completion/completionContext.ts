import type { Range } from 'vscode-languageserver-types';
import type { FeatureRequest } from '../core/featureRequest';
import { indentStyleOfDocument, type IndentStyle } from '../document/indentStyle';
import { lineBreakOf } from '../document/lineBreaks';
import type { DocumentIdentity, ManifestDocument } from '../document/manifestDocument';
import { TextLines } from '../document/textLines';
import type { Path } from '../document/yamlTree';
import { podCarrierOf, podCarrierOfDocument } from '../pod/podCarriers';
import { podModelOf, type PodModel } from '../pod/podModel';
import { crdAsResolvedSchema, crdSchemaAt } from '../schema/crdSchema';
import type { ResolvedSchema } from '../schema/kubernetesSchema';
import { relativeToRoot, schemaAt, schemaRootOf, type SchemaRoot } from '../schema/schemaRoot';
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
  /**
   * The schema at the cursor's path: Kubernetes' where it describes the document (all of a Kubernetes kind, the Pod
   * template of a custom resource), else the CRD's when the workspace has it (a custom resource's own fields).
   */
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
  const carrier = podCarrierOf(identity) ?? podCarrierOfDocument(doc);
  const root = schemaRootOf(identity, carrier);
  const podSpecPath = carrier?.podSpecPath;
  const pod = root ? podModelOf(doc) : undefined;
  return {
    req,
    doc,
    lines,
    cursor,
    range: req.rangeOf(cursor.replaceStart, cursor.replaceEnd),
    identity,
    root,
    schema: schemaAtCursor(req, root, cursor.path),
    podSpecPath,
    pod,
    container: containerAtCursor(cursor, podSpecPath, pod),
    kubernetesVersion: req.settings.kubernetesVersion,
    style: indentStyleOfDocument(doc),
    lineBreak: lineBreakOf(doc.text),
  };
}

function schemaAtCursor(req: FeatureRequest, root: SchemaRoot | undefined, path: Path): ResolvedSchema | undefined {
  if (root && relativeToRoot(root, path)) return schemaAt(root, path);
  const own = req.customResource && crdSchemaAt(req.customResource.schema, path);
  return own ? crdAsResolvedSchema(own) : undefined;
}

/** True in block style at a key's place inside a document we have a schema of: where keys and block items go. */
export function atBlockKey(ctx: CompletionContext): boolean {
  return ctx.cursor.position === 'key' && ctx.cursor.style === 'block' && !!ctx.root;
}
