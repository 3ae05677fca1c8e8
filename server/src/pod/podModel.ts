import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { isTrue, keyName, mapItems, nodeAtPath, pairOf, scalarString, valueOf, type Path } from '../document/yamlTree';
import { parseQuantity, type Quantity } from './quantity';
import { podCarrierKey, podCarrierOfDocument } from './podCarriers';
import { isNativeSidecarPolicy } from './restartPolicies';
import type { WorkloadKind } from './workloadKinds';

/**
 * The Pod of one document, read once: its containers, volumes, mounts, ports and resources, each with the node it
 * came from so that rules, hover, completion and the diagram can point at it. Values that are malformed are left
 * undefined (the schema check reports them); the model never throws.
 */

/** The PodSpec's container lists, in the order the model lists their containers (and the Pod starts them). */
export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

export function isContainerList(name: unknown): name is ContainerList {
  return (CONTAINER_LISTS as readonly unknown[]).includes(name);
}

export interface PortModel {
  readonly node: YAMLMap<unknown, unknown>;
  readonly index: number;
  readonly containerPort?: number;
  readonly hostPort?: number;
  readonly hostIP?: string;
  readonly name?: string;
  /** As written, or TCP when absent (the API's default). */
  readonly protocol: string;
}

export interface MountModel {
  readonly node: YAMLMap<unknown, unknown>;
  readonly index: number;
  readonly name?: string;
  readonly mountPath?: string;
  readonly readOnly: boolean;
  readonly subPath?: string;
}

export interface ResourceList {
  /** By resource name (cpu, memory, nvidia.com/gpu...); only well-formed quantities. */
  readonly values: ReadonlyMap<string, Quantity>;
  /** The node of each entry's value, for pointing at it. */
  readonly nodes: ReadonlyMap<string, Node>;
  /** The node of each entry's key (the resource's name). */
  readonly keys: ReadonlyMap<string, Node>;
}

export interface ContainerModel {
  readonly node: YAMLMap<unknown, unknown>;
  /** Path from the document root to the container's mapping. */
  readonly path: Path;
  readonly list: ContainerList;
  /** Index in its list. */
  readonly index: number;
  readonly name?: string;
  readonly nameNode?: Node;
  readonly image?: string;
  /** The container-level restartPolicy as written. */
  readonly restartPolicy?: string;
  /** An init container with restartPolicy Always: starts in order, then runs beside the app containers. */
  readonly isNativeSidecar: boolean;
  readonly ports: readonly PortModel[];
  readonly mounts: readonly MountModel[];
  readonly requests: ResourceList;
  readonly limits: ResourceList;
}

export interface VolumeModel {
  readonly node: YAMLMap<unknown, unknown>;
  readonly index: number;
  readonly name?: string;
  readonly nameNode?: Node;
  /** The volume source keys written (emptyDir, configMap...): exactly one is valid. */
  readonly sources: readonly string[];
}

export interface PodModel {
  readonly workload: WorkloadKind;
  readonly podSpecPath: Path;
  /** The PodSpec mapping, when the document has one. */
  readonly podSpec?: YAMLMap<unknown, unknown>;
  /** The key of the PodSpec (`spec:` of a Pod, `spec:` under `template:` of a workload): where errors about the whole PodSpec point. */
  readonly podSpecKey?: Node;
  /** metadata.name of the object (for templates, of the workload). */
  readonly name?: string;
  /** Init containers (native sidecars included), then app containers, then ephemeral containers. */
  readonly containers: readonly ContainerModel[];
  readonly volumes: readonly VolumeModel[];
  /** The Pod's restartPolicy as written. */
  readonly restartPolicy?: string;
  readonly hostNetwork: boolean;
  readonly hostPID: boolean;
  readonly hostIPC: boolean;
  /** spec.hostUsers as written (the default, true, when undefined): false runs the Pod in its own user namespace. */
  readonly hostUsers?: boolean;
  readonly shareProcessNamespace: boolean;
  /** spec.os.name as written (linux, windows): the API then rejects the other system's fields. */
  readonly osName?: string;
  /** spec.terminationGracePeriodSeconds as written, else the API's default of 30. */
  readonly terminationGracePeriodSeconds: number;
  /** Pod-level resources (spec.resources), when set. */
  readonly podRequests?: ResourceList;
  readonly podLimits?: ResourceList;
  /** spec.overhead, when set. */
  readonly overhead?: ResourceList;
}

const VOLUME_NON_SOURCE_KEYS = new Set(['name']);

/** The Pod model of a document that carries a Pod (`podCarrierOfDocument`), memoised with the document. */
export function podModelOf(doc: ManifestDocument): PodModel | undefined {
  return doc.cached(`podModel${podCarrierKey(doc)}`, () => buildPodModel(doc));
}

function buildPodModel(doc: ManifestDocument): PodModel | undefined {
  const workload = podCarrierOfDocument(doc);
  if (!workload || doc.isTemplate) return undefined;
  const root = doc.root;
  const specNode = nodeAtPath(root, workload.podSpecPath);
  const podSpec = isMap(specNode) ? (specNode as YAMLMap<unknown, unknown>) : undefined;
  const containers: ContainerModel[] = [];
  for (const list of CONTAINER_LISTS) {
    for (const [node, index] of mapItems(valueOf(podSpec, list))) {
      containers.push(readContainer(node, [...workload.podSpecPath, list, index], list, index));
    }
  }
  const volumes: VolumeModel[] = [];
  for (const [node, index] of mapItems(valueOf(podSpec, 'volumes'))) {
    const nameNode = valueOf(node, 'name');
    const sources: string[] = [];
    for (const pair of node.items) {
      const key = keyName(pair);
      if (key && !VOLUME_NON_SOURCE_KEYS.has(key)) sources.push(key);
    }
    volumes.push({ node, index, name: scalarString(nameNode), nameNode, sources });
  }
  const podResources = valueOf(podSpec, 'resources');
  return {
    workload,
    podSpecPath: workload.podSpecPath,
    podSpec,
    podSpecKey: pairOf(nodeAtPath(root, workload.podSpecPath.slice(0, -1)) ?? root, String(workload.podSpecPath[workload.podSpecPath.length - 1]))?.key as Node | undefined,
    name: scalarString(nodeAtPath(root, ['metadata', 'name'])),
    containers,
    volumes,
    restartPolicy: scalarString(valueOf(podSpec, 'restartPolicy')),
    hostNetwork: isTrue(valueOf(podSpec, 'hostNetwork')),
    hostPID: isTrue(valueOf(podSpec, 'hostPID')),
    hostIPC: isTrue(valueOf(podSpec, 'hostIPC')),
    hostUsers: booleanOf(valueOf(podSpec, 'hostUsers')),
    shareProcessNamespace: isTrue(valueOf(podSpec, 'shareProcessNamespace')),
    osName: scalarString(nodeAtPath(podSpec, ['os', 'name'])),
    terminationGracePeriodSeconds: integer(valueOf(podSpec, 'terminationGracePeriodSeconds')) ?? DEFAULT_GRACE_PERIOD_SECONDS,
    podRequests: podResources ? readResources(valueOf(podResources, 'requests')) : undefined,
    podLimits: podResources ? readResources(valueOf(podResources, 'limits')) : undefined,
    overhead: pairOf(podSpec, 'overhead') ? readResources(valueOf(podSpec, 'overhead')) : undefined,
  };
}

function readContainer(node: YAMLMap<unknown, unknown>, path: Path, list: ContainerList, index: number): ContainerModel {
  const nameNode = valueOf(node, 'name');
  const restartPolicy = scalarString(valueOf(node, 'restartPolicy'));
  const ports: PortModel[] = [];
  for (const [port, i] of mapItems(valueOf(node, 'ports'))) {
    ports.push({
      node: port,
      index: i,
      containerPort: integer(valueOf(port, 'containerPort')),
      hostPort: integer(valueOf(port, 'hostPort')),
      hostIP: scalarString(valueOf(port, 'hostIP')),
      name: scalarString(valueOf(port, 'name')),
      protocol: scalarString(valueOf(port, 'protocol')) ?? 'TCP',
    });
  }
  const mounts: MountModel[] = [];
  for (const [mount, i] of mapItems(valueOf(node, 'volumeMounts'))) {
    mounts.push({
      node: mount,
      index: i,
      name: scalarString(valueOf(mount, 'name')),
      mountPath: scalarString(valueOf(mount, 'mountPath')),
      readOnly: isTrue(valueOf(mount, 'readOnly')),
      subPath: scalarString(valueOf(mount, 'subPath')),
    });
  }
  const resources = valueOf(node, 'resources');
  return {
    node,
    path,
    list,
    index,
    name: scalarString(nameNode),
    nameNode,
    image: scalarString(valueOf(node, 'image')),
    restartPolicy,
    isNativeSidecar: isNativeSidecarPolicy(list, restartPolicy),
    ports,
    mounts,
    requests: readResources(valueOf(resources, 'requests')),
    limits: readResources(valueOf(resources, 'limits')),
  };
}

export function readResources(node: unknown): ResourceList {
  const values = new Map<string, Quantity>();
  const nodes = new Map<string, Node>();
  const keys = new Map<string, Node>();
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyName(pair);
      const value = pair.value;
      if (!key || !isScalar(value)) continue;
      nodes.set(key, value);
      keys.set(key, pair.key as Node);
      const q = parseQuantity(value.value);
      if (q) values.set(key, q);
    }
  }
  return { values, nodes, keys };
}

/** The grace period the API server fills in when a Pod does not set one. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 30;

function booleanOf(node: Node | undefined): boolean | undefined {
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

function integer(node: Node | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}


/** App containers: the `containers` list. */
export function appContainers(pod: PodModel): ContainerModel[] {
  return pod.containers.filter((c) => c.list === 'containers');
}

/** The containers a manifest defines to run: init and app (ephemeral containers are added to a live Pod). */
export function definedContainers(pod: PodModel): ContainerModel[] {
  return pod.containers.filter((c) => c.list !== 'ephemeralContainers');
}

/** Init containers in order, native sidecars included. */
export function initContainers(pod: PodModel): ContainerModel[] {
  return pod.containers.filter((c) => c.list === 'initContainers');
}

/** The volume named `name`. */
export function volumeNamed(pod: PodModel, name: string): VolumeModel | undefined {
  return pod.volumes.find((v) => v.name === name);
}

/** Every container that mounts the volume named `name`, with the mount. */
export function mountsOf(pod: PodModel, name: string): { container: ContainerModel; mount: MountModel }[] {
  const out: { container: ContainerModel; mount: MountModel }[] = [];
  for (const container of pod.containers) {
    for (const mount of container.mounts) if (mount.name === name) out.push({ container, mount });
  }
  return out;
}
