import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../document/manifestDocument';
import type { ManifestFile } from '../document/manifestFile';
import type { Finding } from './finding';
import type { PodsmithSettings } from './settings';

/** A text document and its parse: what every feature takes. */
export interface ParsedSource {
  readonly textDocument: TextDocument;
  readonly file: ManifestFile;
}

/**
 * What a feature module sees: the document under the position, the settings, helpers to place results in the file,
 * and the findings of any document of the file. The facade builds it; features never reach back into the facade.
 */
export interface FeatureRequest {
  readonly source: ParsedSource;
  readonly doc: ManifestDocument;
  /** The request's position as an offset relative to `doc`. */
  readonly offset: number;
  readonly settings: PodsmithSettings;
  /** A file range for a [start, end) span relative to `doc`. */
  rangeOf(start: number, end: number): Range;
  /**
   * The findings of a document of this file under the request's settings (memoised on the document), from the
   * checks the facade was given: fixes and the diagram read the same findings the diagnostics show.
   */
  findingsOf(doc: ManifestDocument): readonly Finding[];
  /** The CRD that defines the document's apiVersion and kind, when the facade was given a workspace that has it. */
  readonly customResource?: CustomResourceView;
}

/**
 * What hover and completion read of a custom resource's CRD (the facade finds it in the workspace's CRD registry):
 * the served version's schema as plain data, and where the CRD is.
 */
export interface CustomResourceView {
  /** The served version's `openAPIV3Schema`. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** The CRD's metadata.name (`widgets.example.com`), else its group and kind. */
  readonly crdName: string;
  /** The file of the CRD and the line (0-based) where its document starts. */
  readonly definedAt: { readonly uri: string; readonly line: number };
}
