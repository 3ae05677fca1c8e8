import type { ManifestDocument } from '../document/manifestDocument';
import type { ManifestFile } from '../document/manifestFile';
import { podModelOf } from '../pod/podModel';
import { objectOf, serviceOf, type ObjectSummary } from './objects';
import { referencesOf } from './references';
import { nodeAtPath, stringMap } from '../document/yamlTree';
import { contentHash, CRD_API_VERSION, CRD_KIND } from './customResources';

/**
 * The YAML files of the workspace, parsed, and the objects they declare: what a link between documents (a Service's
 * selector, a ConfigMap reference) is checked against and navigates to. The server fills it (files read from disk,
 * replaced by the editor's text while a file is open); it is plain data, so tests build one from strings.
 *
 * Every change makes a new generation; lookups are computed once per generation.
 */
export interface IndexedObject {
  readonly uri: string;
  readonly file: ManifestFile;
  readonly doc: ManifestDocument;
  readonly object: ObjectSummary;
}

/** A pod template of the workspace: its object, the labels its Pods get and the ports its containers declare. */
export interface IndexedPod extends IndexedObject, PodSummary {}

/**
 * What other documents read of a pod template, as plain data kept with the document's text: the index is rebuilt
 * whenever a file changes what others see, and reading every Pod model again would build every document's tree.
 */
export interface PodSummary {
  readonly podLabels: ReadonlyMap<string, string>;
  /** Each container's declared ports: name (where named) and number. */
  readonly ports: readonly { readonly name?: string; readonly containerPort?: number }[];
}

/** The pod template summary of a document, or undefined when it carries no Pod. */
export function podSummaryOf(doc: ManifestDocument): PodSummary | undefined {
  return doc.kept('workspace:pod', () => {
    const pod = podModelOf(doc);
    if (!pod) return undefined;
    const metadataPath = pod.workload.templateMetadataPath ?? ['metadata'];
    return {
      podLabels: stringMap(nodeAtPath(doc.root, [...metadataPath, 'labels'])),
      ports: pod.containers.flatMap((c) => c.ports.map((p) => ({ name: p.name, containerPort: p.containerPort }))),
    };
  });
}

/**
 * Reads what the index and the checks across documents need of a document (its object, its pod template, its
 * references, a Service's selector and ports), kept with its text: called while the document's tree is built, so that the lookups built over every
 * document of the workspace never build a tree again.
 */
export function keepLinkSummaries(doc: ManifestDocument): void {
  objectOf(doc);
  podSummaryOf(doc);
  referencesOf(doc);
  serviceOf(doc);
  signatureOf(doc);
}

export class WorkspaceIndex {
  private readonly files = new Map<string, ManifestFile>();
  /**
   * Files read only for their CustomResourceDefinitions (`podsmith.crds`, which may name files outside the
   * workspace): their other objects are not the workspace's, so no link checks against them.
   */
  private readonly crdSources = new Map<string, ManifestFile>();
  private lookups: { byKind: Map<string, IndexedObject[]>; pods: IndexedPod[]; crds: IndexedObject[] } | undefined;
  /** Bumped on every change: results that depend on the index are keyed by it. */
  generation = 0;

  /**
   * Adds or replaces a file. The generation moves only when what other documents can see of it changes (its
   * objects, labels, keys, ports): typing in a container's command re-checks no other file.
   */
  setFile(file: ManifestFile): void {
    this.put(this.files, file);
  }

  removeFile(uri: string): void {
    if (this.files.delete(uri)) this.changed();
  }

  /** Adds or replaces a file read for its CRDs only (see crdSources); the generation moves when its CRDs change. */
  setCrdSource(file: ManifestFile): void {
    this.put(this.crdSources, file);
  }

  removeCrdSource(uri: string): void {
    if (this.crdSources.delete(uri)) this.changed();
  }

  /** The URIs of the files read for their CRDs only. */
  crdSourceUris(): string[] {
    return [...this.crdSources.keys()];
  }

  /**
   * The CustomResourceDefinition documents (`apiextensions.k8s.io/v1`): the workspace's files first, in file order,
   * then the CRD sources that are not also workspace files (an open or workspace file's text wins).
   */
  customResourceDefinitionDocuments(): readonly IndexedObject[] {
    return this.build().crds;
  }

  /** The file of the index at `uri` (its latest version). */
  fileOf(uri: string): ManifestFile | undefined {
    return this.files.get(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  get size(): number {
    return this.files.size;
  }

  /** Objects of a kind, in file and document order. */
  objectsOfKind(kind: string): readonly IndexedObject[] {
    return this.build().byKind.get(kind) ?? [];
  }

  /** Objects of a kind and name whose namespace can be the referrer's. */
  find(kind: string, name: string, namespace: string | undefined): IndexedObject[] {
    return this.objectsOfKind(kind).filter((o) => o.object.name === name && (o.object.namespace === undefined || namespace === undefined || o.object.namespace === namespace));
  }

  /** Every pod template (and Pod) of the workspace. */
  pods(): readonly IndexedPod[] {
    return this.build().pods;
  }

  private put(into: Map<string, ManifestFile>, file: ManifestFile): void {
    const previous = into.get(file.uri);
    if (previous === file) return;
    into.set(file.uri, file);
    this.lookups = undefined;
    if (!previous || !sameSignature(previous, file)) this.generation++;
  }

  private changed(): void {
    this.generation++;
    this.lookups = undefined;
  }

  private build() {
    if (this.lookups) return this.lookups;
    const byKind = new Map<string, IndexedObject[]>();
    const pods: IndexedPod[] = [];
    const crds: IndexedObject[] = [];
    const uris = [...this.files.keys()].sort();
    for (const uri of uris) {
      const file = this.files.get(uri)!;
      for (const doc of file.documents) {
        // Entries are kept per document object (one that an edit neither changed nor moved keeps its object): the
        // lookups of an open file are built again after each keystroke in it, and that must not cost the file.
        let entries = ENTRIES.get(doc);
        if (!entries || entries.uri !== uri || entries.index !== this) {
          entries = entriesOf(this, uri, doc);
          ENTRIES.set(doc, entries);
        }
        const { object, pod } = entries;
        if (!object) continue;
        if (isCrd(object)) crds.push(object);
        const list = byKind.get(object.object.kind);
        if (list) list.push(object);
        else byKind.set(object.object.kind, [object]);
        if (pod) pods.push(pod);
      }
    }
    for (const uri of [...this.crdSources.keys()].sort()) {
      if (this.files.has(uri)) continue;
      const file = this.crdSources.get(uri)!;
      for (const doc of file.documents) {
        const object = objectOf(doc);
        if (object && isCrd({ object })) crds.push({ uri, file, doc, object });
      }
    }
    this.lookups = { byKind, pods, crds };
    return this.lookups;
  }
}

interface DocumentEntries {
  readonly index: WorkspaceIndex;
  readonly uri: string;
  readonly object?: IndexedObject;
  readonly pod?: IndexedPod;
}

const ENTRIES = new WeakMap<ManifestDocument, DocumentEntries>();

/** What the index reads of a document: its object, and for a pod template the labels its Pods get and its ports. */
function entriesOf(index: WorkspaceIndex, uri: string, doc: ManifestDocument): DocumentEntries {
  const object = objectOf(doc);
  if (!object) return { index, uri };
  // The file is read when asked: the entry outlives versions of its file that keep this document.
  const entry: IndexedObject = { uri, doc, object, get file() { return index.fileOf(uri)!; } };
  const pod = podSummaryOf(doc);
  if (!pod) return { index, uri, object: entry };
  return { index, uri, object: entry, pod: { uri, doc, object, ...pod, get file() { return index.fileOf(uri)!; } } };
}

/**
 * Whether two versions of a file show other documents the same (objects, labels, keys, ports), document by
 * document: a document reused from the earlier parse compares as one pointer, so a keystroke costs the signature
 * of the document it changed (joining every document's signature cost the whole file).
 */
function sameSignature(a: ManifestFile, b: ManifestFile): boolean {
  if (a.documents.length !== b.documents.length) return false;
  return a.documents.every((doc, i) => signatureOf(doc) === signatureOf(b.documents[i]));
}

function signatureOf(doc: ManifestDocument): string {
  return doc.kept('workspace:signature', () => documentSignature(doc));
}

function isCrd(entry: { object: ObjectSummary }): boolean {
  return entry.object.kind === CRD_KIND && entry.object.apiVersion === CRD_API_VERSION;
}

function documentSignature(doc: ManifestDocument): string {
  const object = objectOf(doc);
  if (!object) return '';
  // A CRD's whole content matters to its resources (their schema): any change to its text is a change.
  if (isCrd({ object })) return `crd:${contentHash(doc.text)}:${doc.text.length}`;
  const pod = podSummaryOf(doc);
  return JSON.stringify([
    object.kind,
    object.name,
    object.namespace,
    [...object.labels],
    [...object.keys.keys()],
    pod ? [...pod.podLabels] : [],
    pod ? pod.ports.map((p) => [p.name, p.containerPort]) : [],
  ]);
}
