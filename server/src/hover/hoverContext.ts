import { isScalar, type Node, type Scalar } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { locate, type Path, type PathSegment } from '../document/yamlTree';
import { effectiveResources, type EffectiveResources } from '../pod/effectiveResources';
import { belowPodSpec, containerAtPath, containerPlace } from '../pod/containerAt';
import { isContainerList, podModelOf, type ContainerModel, type PodModel } from '../pod/podModel';
import { containerRoles, type RoleInfo } from '../pod/roles';
import { podCarrierKey, podCarrierOfDocument } from '../pod/podCarriers';
import type { WorkloadKind } from '../pod/workloadKinds';
import { annotationIfBuilt, type FieldAnnotation, type Scope } from '../schema/annotations';
import type { ResolvedSchema } from '../schema/kubernetesSchema';
import { schemaAt, schemaRootOf, type SchemaRoot } from '../schema/schemaRoot';
import type { FeatureRequest } from '../core/featureRequest';

/**
 * Everything a hover section needs to know about the node under the cursor, worked out once per hover: where it
 * is (path, key or value), which Pod and container it belongs to, its schema and our annotation. Sections read
 * this and never walk the tree themselves.
 */
export interface HoverContext {
  readonly req: FeatureRequest;
  readonly doc: ManifestDocument;
  /** Path from the document root to the hovered key or value (a key's path ends with the key). */
  readonly path: Path;
  /** True on a key, false on a value. */
  readonly onKey: boolean;
  /** The hovered scalar (a key's scalar or a value's). */
  readonly node: Scalar;
  /** The hovered value as written, when on a value. */
  readonly value?: string;
  /** The field the path names: its last key (for a list item, the list's key). */
  readonly field?: string;
  readonly workload: WorkloadKind;
  /** The Pod model; undefined for Helm templates and documents without apiVersion. */
  readonly pod?: PodModel;
  /** Path from the PodSpec to the hovered node, when the node is inside the PodSpec. */
  readonly inPodSpec?: Path;
  /** The container the node is inside, with its path from the container's mapping. */
  readonly container?: ContainerModel;
  readonly inContainer?: Path;
  /** The schema at the path, when the path stays inside the schema. */
  readonly schema?: ResolvedSchema;
  /**
   * The upstream description for the node: the schema's own, else that of the list or map holding it (an item of
   * `args`, a label value), looked for at most two levels up.
   */
  readonly description?: string;
  /** The definition holding `field` (Container, PodSpec, ContainerPort...). */
  readonly parentDefinition?: string;
  /** Our annotation of `field` in its parent definition, when we have one. */
  readonly annotation?: FieldAnnotation;
  /** The nearest annotated field at or above the node (itself when annotated), for docs links and scope. */
  readonly nearest?: { readonly field: string; readonly annotation: FieldAnnotation };
  /** Where the node belongs. */
  readonly scope: Scope;
  /** Role of every container (memoised with the document). */
  roles(): ReadonlyMap<ContainerModel, RoleInfo>;
  /** The Pod's effective requests and limits (memoised with the document). */
  effective(): EffectiveResources | undefined;
}

/** The context of a hover at `req.offset`, or undefined where there is nothing to explain (comments, blanks, non-pod YAML). */
export function hoverContextOf(req: FeatureRequest, workload: WorkloadKind): HoverContext | undefined {
  const doc = req.doc;
  const location = locate(doc.root, req.offset);
  // Only scalars hover: a location that ends on a collection is blank space, a comment or punctuation inside it.
  if (!location || !isScalar(location.node)) return undefined;
  const node = location.node as Scalar;
  const path = location.path;
  const pod = podModelOf(doc);
  const field = lastKey(path);

  const inPodSpec = belowPodSpec(workload.podSpecPath, path);
  let container: ContainerModel | undefined;
  let inContainer: Path | undefined;
  const place = pod ? containerPlace(workload.podSpecPath, path) : undefined;
  if (pod && place) {
    container = containerAtPath(pod, path);
    if (container) inContainer = place.inContainer;
  }

  const root = schemaRootOf(doc.identity, workload);
  const schema = root ? schemaAt(root, path) : undefined;
  let parentDefinition: string | undefined;
  let annotation: FieldAnnotation | undefined;
  let nearest: HoverContext['nearest'];
  if (root && field !== undefined) {
    const fieldIndex = lastKeyIndex(path);
    parentDefinition = schemaAt(root, path.slice(0, fieldIndex))?.definition;
    if (parentDefinition) annotation = annotationIfBuilt(parentDefinition, field);
    nearest = annotation ? { field, annotation } : nearestAnnotated(root, path.slice(0, fieldIndex));
  }

  let description = schema?.description;
  for (let up = 1; !description && root && up <= 2 && up < path.length; up++) {
    description = schemaAt(root, path.slice(0, path.length - up))?.description;
  }

  return {
    req,
    description,
    doc,
    path,
    onKey: location.onKey,
    node,
    value: location.onKey ? undefined : scalarText(node),
    field,
    workload,
    pod,
    inPodSpec,
    container,
    inContainer,
    schema,
    parentDefinition,
    annotation,
    nearest,
    scope: nearest?.annotation.scope ?? structuralScope(path, workload, inPodSpec),
    roles: () => (pod ? doc.cached(`hover:roles${podCarrierKey(doc)}`, () => containerRoles(pod)) : new Map()),
    effective: () => (pod ? doc.cached(`hover:effective${podCarrierKey(doc)}`, () => effectiveResources(pod)) : undefined),
  };
}

/** The workload kind of a document, when it carries a Pod. */
export function podCarryingKindOf(doc: ManifestDocument): WorkloadKind | undefined {
  return podCarrierOfDocument(doc);
}

/**
 * Scope from the position alone, for nodes our annotations do not name (a port's containerPort, a label): inside
 * a container it is the container's, elsewhere in the PodSpec or the Pod's own object the Pod's, and in a
 * workload's own fields the controller's.
 */
function structuralScope(path: Path, workload: WorkloadKind, inPodSpec: Path | undefined): Scope {
  if (inPodSpec) return isContainerList(inPodSpec[0]) && inPodSpec.length > 1 ? 'container' : 'pod';
  if (workload.kind === 'Pod') return 'pod';
  if (workload.templateMetadataPath && startsWith(path, workload.templateMetadataPath)) return 'pod';
  return 'workload';
}

/** Walks up from `path` to the first field our annotations name (a port's `containerPort` finds the container's `ports`). */
function nearestAnnotated(root: SchemaRoot, path: Path): HoverContext['nearest'] {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    if (typeof step !== 'string') continue;
    const holder = schemaAt(root, path.slice(0, i))?.definition;
    const annotation = holder ? annotationIfBuilt(holder, step) : undefined;
    if (annotation) return { field: step, annotation };
  }
  return undefined;
}

function lastKeyIndex(path: Path): number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return i;
  return -1;
}

function lastKey(path: Path): string | undefined {
  const i = lastKeyIndex(path);
  return i >= 0 ? (path[i] as string) : undefined;
}

export function startsWith(path: Path, prefix: Path): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

function scalarText(node: Node): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return node.source ?? String(v);
}

/** True when the path (relative) is exactly `expected`, with `*` matching any one segment. */
export function pathIs(path: Path | undefined, ...expected: (PathSegment | '*')[]): boolean {
  if (!path || path.length !== expected.length) return false;
  return expected.every((e, i) => e === '*' || e === path[i]);
}
