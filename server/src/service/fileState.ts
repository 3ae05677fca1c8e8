import { documentChanges, documentsSnapshot, fileLineage, type DocumentChanges, type DocumentsSnapshot, type ManifestFile } from '../document/manifestFile';

/**
 * What the facade keeps about a file from one check of it to the next (the documents that show diagnostics, where
 * CRDs put Pods), so that the next version is brought up to date by the documents an edit changed
 * (document/manifestFile.ts, `documentChanges`) instead of by visiting every document again.
 *
 * Why: a keystroke parses and checks one document, but every per-file step that visited each document (memo
 * lookups, placing, recording) cost the whole file on every keystroke: about 1,000 documents' worth of lookups.
 *
 * Kept per file lineage (the versions of one open document parsed one from another), one state per kind, and only
 * while some version of the file lives.
 */
export class KeptPerFile<S> {
  private readonly kept = new WeakMap<object, { readonly snapshot: DocumentsSnapshot | undefined; readonly state: S }>();

  /**
   * The state kept for an earlier version of `file` and what changed since, when `usable` accepts that state (the
   * same settings, the same workspace generation...); undefined when every document must be visited.
   */
  since(file: ManifestFile, usable: (state: S) => boolean): { readonly state: S; readonly changes: DocumentChanges } | undefined {
    const last = this.kept.get(fileLineage(file));
    if (!last || !usable(last.state)) return undefined;
    const changes = documentChanges(last.snapshot, file);
    return changes && { state: last.state, changes };
  }

  /** Keeps `state` as what holds for `file` now. */
  keep(file: ManifestFile, state: S): void {
    this.kept.set(fileLineage(file), { snapshot: documentsSnapshot(file), state });
  }
}

/** The indices of every document of a file: what is visited when nothing is kept. */
export function everyIndex(count: number): number[] {
  const indices = new Array<number>(count);
  for (let i = 0; i < count; i++) indices[i] = i;
  return indices;
}
