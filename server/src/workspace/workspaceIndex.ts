import type { ManifestDocument } from '../document/manifestDocument';
import { documentAtIndex, documentChanges, documentCount, documentsSnapshot, type ManifestFile } from '../document/manifestFile';
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
  /**
   * Files nothing checks (read from disk, and the CRD sources): once the lookups have read a document of one, its tree
   * is let go (see letTreeGo).
   */
  private readonly neverChecked = new WeakSet<ManifestFile>();
  private lookups: { byKind: Map<string, IndexedObject[]>; pods: IndexedPod[]; crds: IndexedObject[] } | undefined;
  /** Bumped on every change: results that depend on the index are keyed by it. */
  generation = 0;
  /**
   * The generation at which each group of the lookups (`kind:<Kind>`, `pods`, `crds`; see groupsOf) last changed,
   * and the one at which they all did (a file added or removed, one whose documents were added or removed).
   */
  private readonly groupChangedAt = new Map<string, number>();
  private allChangedAt = 0;
  /** The groups read while readsOf runs. */
  private reading?: Map<string, number>;

  /**
   * Runs `read` and returns the groups of the index it read, each with the generation at which it last changed: what
   * it computed stays right while none of them changes again (`stillRight`), whatever else the generation counts.
   * This is what lets a keystroke that changes one Deployment's labels re-check the links of what reads pod
   * templates (Services), not of every document of the workspace.
   */
  readsOf(read: () => void): ReadonlyMap<string, number> {
    const outer = this.reading;
    const reads = (this.reading = new Map());
    try {
      read();
    } finally {
      this.reading = outer;
      if (outer) for (const [group, at] of reads) outer.set(group, at);
    }
    return reads;
  }

  /** True when none of the groups in `reads` (from readsOf) changed since. */
  stillRight(reads: ReadonlyMap<string, number>): boolean {
    for (const [group, at] of reads) if (this.changedAt(group) !== at) return false;
    return true;
  }

  /** The groups that changed after `generation`, or 'all'. */
  changedSince(generation: number): ReadonlySet<string> | 'all' {
    if (this.allChangedAt > generation) return 'all';
    const groups = new Set<string>();
    for (const [group, at] of this.groupChangedAt) if (at > generation) groups.add(group);
    return groups;
  }

  /** The generation at which `group` last changed. */
  changedAt(group: string): number {
    return Math.max(this.allChangedAt, this.groupChangedAt.get(group) ?? 0);
  }

  private read(group: string): void {
    this.reading?.set(group, this.changedAt(group));
  }

  /**
   * Adds or replaces a file. The generation moves only when what other documents can see of it changes (its
   * objects, labels, keys, ports): typing in a container's command re-checks no other file.
   */
  setFile(file: ManifestFile, fromDisk = false): void {
    if (fromDisk) this.neverChecked.add(file);
    this.put(this.files, file);
  }

  removeFile(uri: string): void {
    if (this.files.delete(uri)) this.changed();
  }

  /** Adds or replaces a file read for its CRDs only (see crdSources); the generation moves when its CRDs change. */
  setCrdSource(file: ManifestFile): void {
    this.neverChecked.add(file);
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
    this.read(CRDS);
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
    this.read(kindGroup(kind));
    return this.build().byKind.get(kind) ?? [];
  }

  /** Objects of a kind and name whose namespace can be the referrer's. */
  find(kind: string, name: string, namespace: string | undefined): IndexedObject[] {
    return this.objectsOfKind(kind).filter((o) => o.object.name === name && (o.object.namespace === undefined || namespace === undefined || o.object.namespace === namespace));
  }

  /** Every pod template (and Pod) of the workspace. */
  pods(): readonly IndexedPod[] {
    this.read(PODS);
    return this.build().pods;
  }

  private put(into: Map<string, ManifestFile>, file: ManifestFile): void {
    const previous = into.get(file.uri);
    if (previous === file) return;
    into.set(file.uri, file);
    // The lookups' entries read the file's latest version (IndexEntry): while every document shows the others what
    // it showed, at the same place, they stay right, and a keystroke rebuilds nothing over the workspace.
    const changed = previous ? changedGroups(previous, file) : 'all';
    if (changed === 'all' || changed.size > 0) this.changed(changed);
  }

  private changed(groups: ReadonlySet<string> | 'all' = 'all'): void {
    this.generation++;
    this.lookups = undefined;
    if (groups === 'all') this.allChangedAt = this.generation;
    else for (const group of groups) this.groupChangedAt.set(group, this.generation);
  }

  private build() {
    if (this.lookups) return this.lookups;
    const byKind = new Map<string, IndexedObject[]>();
    const pods: IndexedPod[] = [];
    const crds: IndexedObject[] = [];
    const uris = [...this.files.keys()].sort();
    for (const uri of uris) {
      const file = this.files.get(uri)!;
      const neverChecked = this.neverChecked.has(file);
      const count = documentCount(file);
      for (let position = 0; position < count; position++) {
        const doc = documentAtIndex(file, position);
        if (neverChecked) letTreeGo(doc);
        const object = objectOf(doc);
        if (!object) continue;
        const pod = podSummaryOf(doc);
        const entry = pod ? new IndexPodEntry(this.files, uri, position) : new IndexEntry(this.files, uri, position);
        if (isCrd({ object })) crds.push(entry);
        const list = byKind.get(object.kind);
        if (list) list.push(entry);
        else byKind.set(object.kind, [entry]);
        if (entry instanceof IndexPodEntry) pods.push(entry);
      }
    }
    for (const uri of [...this.crdSources.keys()].sort()) {
      if (this.files.has(uri)) continue;
      const file = this.crdSources.get(uri)!;
      const count = documentCount(file);
      for (let position = 0; position < count; position++) {
        const doc = documentAtIndex(file, position);
        letTreeGo(doc);
        const object = objectOf(doc);
        if (object && isCrd({ object })) crds.push(new IndexEntry(this.crdSources, uri, position));
      }
    }
    this.lookups = { byKind, pods, crds };
    return this.lookups;
  }
}

/**
 * A document of a file nothing checks (read from disk): what the index and the checks across documents read of it is
 * kept now, and its tree is then let go like that of a checked document (document/treeBudget.ts); a feature that
 * needs it (F12 on a key in that file) builds it again. A CRD keeps its tree: its definition, nodes and all, is read
 * from the tree again whenever the index changes (customResources.ts).
 *
 * Why: nothing ever marked such a document checked, so no tree of a workspace file was ever dropped: once an open
 * file's links were checked, every document of every YAML file read from disk kept its tree for the session (about
 * 60 bytes a character of its text).
 */
function letTreeGo(doc: ManifestDocument): void {
  if (doc.unchecked) return;
  keepLinkSummaries(doc);
  if (doc.identity.kind !== CRD_KIND || doc.identity.apiVersion !== CRD_API_VERSION) doc.markIndexed();
}

/**
 * An object of the index, read from the latest version of its file at its position there. The lookups are built
 * once per generation, and the generation stays while every document of a file shows the others the same
 * (signatureOf) at the same place: the document at that position may be a newer parse of it (a keystroke elsewhere
 * in it), whose own reading (ranges, the object's nodes) is then the one given.
 */
class IndexEntry implements IndexedObject {
  private seen?: { readonly file: ManifestFile; readonly doc: ManifestDocument; readonly object: ObjectSummary };

  constructor(
    private readonly files: ReadonlyMap<string, ManifestFile>,
    readonly uri: string,
    private readonly position: number,
  ) {}

  /** The file's latest version, its document at the position, and its object: read again once the file changed. */
  protected current(): { readonly file: ManifestFile; readonly doc: ManifestDocument; readonly object: ObjectSummary } {
    const file = this.files.get(this.uri)!;
    if (this.seen?.file !== file) {
      const doc = documentAtIndex(file, this.position);
      this.seen = { file, doc, object: objectOf(doc)! };
    }
    return this.seen;
  }

  get file(): ManifestFile {
    return this.current().file;
  }

  get doc(): ManifestDocument {
    return this.current().doc;
  }

  get object(): ObjectSummary {
    return this.current().object;
  }
}

class IndexPodEntry extends IndexEntry implements IndexedPod {
  get podLabels(): ReadonlyMap<string, string> {
    return podSummaryOf(this.doc)!.podLabels;
  }

  get ports(): PodSummary['ports'] {
    return podSummaryOf(this.doc)!.ports;
  }
}

/**
 * The groups of the lookups (see groupsOf) in which two versions of a file differ for other documents (objects,
 * labels, keys, ports), by comparing their documents' signatures: a document reused from the earlier parse compares
 * as one pointer, so a keystroke costs the signature of the document it changed. 'all' when the documents themselves
 * were added or removed (every later one moves).
 */
function changedGroups(a: ManifestFile, b: ManifestFile): ReadonlySet<string> | 'all' {
  const count = documentCount(b);
  if (documentCount(a) !== count) return 'all';
  const groups = new Set<string>();
  const compare = (i: number) => {
    const before = documentAtIndex(a, i);
    const after = documentAtIndex(b, i);
    if (signatureOf(before) === signatureOf(after)) return;
    for (const group of groupsOf(before)) groups.add(group);
    for (const group of groupsOf(after)) groups.add(group);
  };
  // A version parsed from the other shares the parses (and so the signatures) of the documents an edit left alone.
  const changes = documentChanges(documentsSnapshot(a), b);
  if (changes) for (const i of changes.changed) compare(i);
  else for (let i = 0; i < count; i++) compare(i);
  return groups;
}

const PODS = 'pods';
/** The group of the CustomResourceDefinitions (what custom resources are checked against, and where CRDs put Pods). */
export const CRDS = 'crds';
const kindGroup = (kind: string) => `kind:${kind}`;

/** The groups of the lookups a document's entries are in: its kind's objects, the pod templates, the CRDs. */
function groupsOf(doc: ManifestDocument): string[] {
  const object = objectOf(doc);
  if (!object) return [];
  const groups = [kindGroup(object.kind)];
  if (podSummaryOf(doc)) groups.push(PODS);
  if (isCrd({ object })) groups.push(CRDS);
  return groups;
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
    pod ? 'pod' : 'object',
    object.kind,
    object.name,
    object.namespace,
    [...object.labels],
    [...object.keys.keys()],
    pod ? [...pod.podLabels] : [],
    pod ? pod.ports.map((p) => [p.name, p.containerPort]) : [],
  ]);
}
