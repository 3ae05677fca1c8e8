import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { keyName, pairOf, valueOf } from '../document/yamlTree';
import type { ContainerModel, PodModel } from './podModel';

/**
 * The effective security settings of each container: the Pod's securityContext holds defaults and Pod-only
 * settings, a container's securityContext holds its own settings and overrides the shared ones. For every field
 * this says the value a container runs with and where it comes from (the container, the Pod, or the default), so
 * the hover, the Pod Security Standard checks and the diagram all read one answer.
 *
 * Facts of the API (k8s.io/api core/v1 PodSecurityContext and SecurityContext), not our annotations: the lists
 * below decide behaviour, so they do not wait for the annotations build.
 */

/** Fields in both securityContexts: the Pod's value is the default, a container's own value wins. */
export const SHARED_FIELDS = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions'] as const;
/** Fields only a container's securityContext has. */
export const CONTAINER_ONLY_FIELDS = ['privileged', 'allowPrivilegeEscalation', 'capabilities', 'readOnlyRootFilesystem', 'procMount'] as const;
/** Fields only the Pod's securityContext has: they act on what all containers share. */
export const POD_ONLY_FIELDS = ['fsGroup', 'fsGroupChangePolicy', 'supplementalGroups', 'supplementalGroupsPolicy', 'sysctls', 'seLinuxChangePolicy'] as const;

export type SharedField = (typeof SHARED_FIELDS)[number];

/** Where an effective value comes from. */
export type SettingSource = 'container' | 'pod' | 'default';

/** A field as written in one securityContext. */
export interface WrittenField {
  readonly key: Node;
  /** The value node (a scalar, or a mapping such as seccompProfile). */
  readonly node: Node;
  /** The value as plain JSON (numbers, booleans, strings, objects). */
  readonly value: unknown;
}

export interface EffectiveSetting {
  readonly field: string;
  readonly source: SettingSource;
  /** The value the container runs with, as plain JSON; undefined when it is the default. */
  readonly value?: unknown;
  /** Where the value is written (the container's or the Pod's field). */
  readonly written?: WrittenField;
  /** For a shared field the container sets: the Pod's value it overrides, when the Pod sets one too. */
  readonly overrides?: WrittenField;
}

export interface ContainerSecurity {
  readonly container: ContainerModel;
  /** The container's securityContext key and mapping, when written. */
  readonly contextKey?: Node;
  readonly context?: YAMLMap<unknown, unknown>;
  /** The container's own fields, as written. */
  readonly own: ReadonlyMap<string, WrittenField>;
}

export interface PodSecuritySettings {
  /** The Pod's securityContext key and mapping, when written. */
  readonly contextKey?: Node;
  readonly context?: YAMLMap<unknown, unknown>;
  /** The Pod's own fields, as written. */
  readonly own: ReadonlyMap<string, WrittenField>;
  /** Every container, in the Pod model's order (init, app, ephemeral). */
  readonly containers: readonly ContainerSecurity[];
}

const memo = new WeakMap<PodModel, PodSecuritySettings>();

/** The security settings of a Pod and its containers, read once per Pod model. */
export function podSecurityOf(pod: PodModel): PodSecuritySettings {
  let found = memo.get(pod);
  if (!found) {
    const podPair = pairOf(pod.podSpec, 'securityContext');
    found = {
      ...readContext(podPair),
      containers: pod.containers.map((container) => ({ container, ...readContext(pairOf(container.node, 'securityContext')) })),
    };
    memo.set(pod, found);
  }
  return found;
}

function readContext(pair: Pair<unknown, unknown> | undefined) {
  const own = new Map<string, WrittenField>();
  const context = pair && isMap(pair.value) ? (pair.value as YAMLMap<unknown, unknown>) : undefined;
  for (const item of context?.items ?? []) {
    const name = keyName(item);
    const node = item.value;
    if (!name || !isNodeWithRange(node) || isNull(node)) continue;
    own.set(name, { key: item.key as Node, node, value: plainValue(node) });
  }
  return { contextKey: pair?.key as Node | undefined, context, own };
}

/** The effective value of `field` for one container: its own, else the Pod's (shared fields), else the default. */
export function effectiveSetting(pod: PodSecuritySettings, container: ContainerSecurity, field: string): EffectiveSetting {
  const own = container.own.get(field);
  const podValue = isShared(field) ? pod.own.get(field) : undefined;
  if (own) return { field, source: 'container', value: own.value, written: own, overrides: podValue };
  if (podValue) return { field, source: 'pod', value: podValue.value, written: podValue };
  return { field, source: 'default' };
}

/** The security settings of one container, by the model's container. */
export function containerSecurity(pod: PodSecuritySettings, container: ContainerModel): ContainerSecurity | undefined {
  return pod.containers.find((c) => c.container === container);
}

/** Which containers take the Pod's value of a shared field, and which set their own. */
export function inheritanceOf(pod: PodSecuritySettings, field: string): { inherit: ContainerSecurity[]; override: ContainerSecurity[] } {
  const inherit: ContainerSecurity[] = [];
  const override: ContainerSecurity[] = [];
  for (const c of pod.containers) (c.own.has(field) ? override : inherit).push(c);
  return { inherit, override };
}

export function isShared(field: string): field is SharedField {
  return (SHARED_FIELDS as readonly string[]).includes(field);
}

/** What a field means when nobody sets it, in a few words (for "from the default: ..."). */
export function defaultMeaning(field: string): string | undefined {
  return DEFAULTS[field];
}

const DEFAULTS: Record<string, string> = {
  runAsUser: "the user the image's USER line names (root when it names none)",
  runAsGroup: "the image's group (root's group when it names none)",
  runAsNonRoot: 'not checked: the container may run as root',
  seLinuxOptions: 'a label the container runtime picks',
  seccompProfile: 'Unconfined, unless the kubelet runs with --seccomp-default (then RuntimeDefault)',
  appArmorProfile: "the runtime's default profile on nodes with AppArmor",
  windowsOptions: 'none (Windows only)',
  privileged: 'false',
  allowPrivilegeEscalation: 'true (unless the container is privileged or has CAP_SYS_ADMIN, where it is always true)',
  capabilities: "the container runtime's default set",
  readOnlyRootFilesystem: 'false: the container may write to its own filesystem',
  procMount: 'Default: /proc is masked',
  fsGroup: 'none: volume files keep their owner',
  fsGroupChangePolicy: 'Always: ownership is changed at every mount',
  supplementalGroups: 'none besides those of the image',
  supplementalGroupsPolicy: 'Merge',
  sysctls: 'none',
  seLinuxChangePolicy: 'Recursive relabelling',
};

/** A value in a few characters, for hovers and messages: `1000`, `true`, `RuntimeDefault`, `{type: Localhost, ...}`. */
export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return 'unset';
  if (typeof value !== 'object') return String(value);
  const record = value as Record<string, unknown>;
  // Profiles are known by their type; the rest of the mapping is detail.
  if ((field === 'seccompProfile' || field === 'appArmorProfile') && typeof record.type === 'string') {
    return record.localhostProfile ? `${record.type} (${String(record.localhostProfile)})` : record.type;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]`;
  const parts = Object.entries(record).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
  return `{${parts.join(', ')}}`;
}

function plainValue(node: Node): unknown {
  try {
    return (node as unknown as { toJSON(): unknown }).toJSON();
  } catch {
    return undefined;
  }
}

function isNodeWithRange(value: unknown): value is Node {
  return !!value && typeof value === 'object' && Array.isArray((value as Node).range);
}

function isNull(node: Node): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined);
}

/** The value node under `key` of a securityContext's field (e.g. capabilities → drop), for pointing at it. */
export function subField(field: WrittenField | undefined, key: string): Node | undefined {
  return field ? valueOf(field.node, key) : undefined;
}
