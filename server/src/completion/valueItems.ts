import { CompletionItemKind, type CompletionItem, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { DocumentIdentity } from '../document/manifestDocument';
import type { Path } from '../document/yamlTree';
import { containerAtPath, containerPlace } from '../pod/containerAt';
import type { ContainerModel, PodModel } from '../pod/podModel';
import { isLifecycleHook, isProbeField } from '../pod/probes';
import { allowedRestartPolicies, initContainerRestartPolicies, NATIVE_SIDECAR_RESTART_POLICY, restrictsRestartPolicy, type PodRestartPolicy } from '../pod/restartPolicies';
import { WORKLOAD_KINDS, workloadKindByName } from '../pod/workloadKinds';
import { typesOf, type ResolvedSchema } from '../schema/kubernetesSchema';
import type { ContainerAtCursor } from './containerAtCursor';
import type { CursorContext } from './cursorContext';
import { WELL_KNOWN_NODE_LABELS } from './keyItems';
import { pullPolicyOffer } from './pullPolicyOffer';

/** What value completion needs besides the cursor: the document's identity, its Pod, and the schema there. */
export interface ValueScope {
  readonly context: CursorContext;
  readonly identity: DocumentIdentity;
  readonly pod?: PodModel;
  /** The container whose field's value is typed, when it is one. */
  readonly container?: ContainerAtCursor;
  readonly schema?: ResolvedSchema;
  readonly range: Range;
  /** Where a missing `apiVersion:` line would go (before the `kind:` line), as a zero-width range. */
  readonly apiVersionInsert?: Range;
  /** Names of a StatefulSet's volumeClaimTemplates, with their index. */
  readonly claimTemplates?: readonly [string, number][];
  /** The Kubernetes version targeted (settings.kubernetesVersion): some values exist only from a version on. */
  readonly kubernetesVersion?: string;
}


/** Fields of the Pod and its containers a `fieldRef.fieldPath` may name (the downward API). */
const FIELD_PATHS: [string, string][] = [
  ['metadata.name', "the Pod's name"],
  ['metadata.namespace', "the Pod's namespace"],
  ['metadata.uid', "the Pod's UID"],
  ["metadata.labels['app']", 'one label of the Pod'],
  ["metadata.annotations['example']", 'one annotation of the Pod'],
  ['spec.nodeName', 'the node the Pod runs on'],
  ['spec.serviceAccountName', "the Pod's service account"],
  ['status.podIP', "the Pod's IP address, shared by all its containers"],
  ['status.podIPs', "the Pod's IP addresses (dual stack)"],
  ['status.hostIP', "the node's IP address"],
];

const RESOURCE_FIELDS = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];

/** The values that fit at the cursor, or an empty list. */
export function valueItems(scope: ValueScope): CompletionItem[] {
  const path = scope.context.path;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 1 && last === 'apiVersion') return apiVersionItems(scope);
  if (path.length === 1 && last === 'kind') return kindItems(scope);
  const pod = scope.pod;
  if (pod) {
    if (last === 'name' && (path[path.length - 3] === 'volumeMounts' || path[path.length - 3] === 'volumeDevices')) {
      return volumeNameItems(scope, pod);
    }
    if (last === 'port' && (parent === 'httpGet' || parent === 'tcpSocket' || parent === 'grpc')) {
      const owner = path[path.length - 3];
      if (typeof owner === 'string' && (isProbeField(owner) || isLifecycleHook(owner))) return portItems(scope, pod, parent === 'grpc');
    }
    if ((last === 'containerName' && parent === 'resourceFieldRef') || last === 'targetContainerName') {
      return containerNameItems(scope, pod);
    }
  }
  if (last === 'fieldPath' && parent === 'fieldRef') return plainItems(scope, FIELD_PATHS);
  if (last === 'topologyKey') return plainItems(scope, WELL_KNOWN_NODE_LABELS.filter(([l]) => l !== 'kubernetes.io/os' && l !== 'kubernetes.io/arch'));
  if (last === 'resource' && parent === 'resourceFieldRef') return plainItems(scope, RESOURCE_FIELDS.map((r) => [r, '']));
  if (last === 'restartPolicy' && pod) {
    const policies = restartPolicies(scope, pod);
    if (policies) return policies;
  }
  const schema = scope.schema;
  if (!schema) return [];
  if (last === 'imagePullPolicy' && scope.container && schema.node.enum?.length) return pullPolicyItems(scope, scope.container, schema.node.enum);
  if (schema.node.enum?.length) return schema.node.enum.map((value, i) => valueItem(scope, value, { sortText: String(i).padStart(3, '0') }));
  const types = typesOf(schema.node);
  if (types.length === 1 && types[0] === 'boolean') return ['true', 'false'].map((v) => valueItem(scope, v, { kind: CompletionItemKind.Keyword }));
  return [];
}

function valueItem(scope: ValueScope, value: string, extra: Partial<CompletionItem> = {}): CompletionItem {
  const text = (scope.context.needsSpace ? ' ' : '') + value;
  return { label: value, kind: CompletionItemKind.Value, textEdit: { range: scope.range, newText: text }, filterText: value, ...extra };
}

function plainItems(scope: ValueScope, values: [string, string][]): CompletionItem[] {
  return values.map(([value, detail], i) => valueItem(scope, value, { detail: detail || undefined, sortText: String(i).padStart(3, '0') }));
}

/** apiVersions of the pod-carrying kinds; the one that serves the document's kind first. */
function apiVersionItems(scope: ValueScope): CompletionItem[] {
  const kind = workloadKindByName(scope.identity.kind);
  const versions = [...new Set(WORKLOAD_KINDS.map((k) => k.apiVersion))];
  return versions.map((version) => {
    const kinds = WORKLOAD_KINDS.filter((k) => k.apiVersion === version).map((k) => k.kind);
    const matches = kind?.apiVersion === version;
    return valueItem(scope, version, {
      detail: matches ? `serves ${kind!.kind}` : kinds.join(', '),
      sortText: `${matches ? 0 : 1}_${version}`,
      preselect: matches || undefined,
    });
  });
}

/** The pod-carrying kinds; those served by the document's apiVersion first, adding apiVersion when it is missing. */
function kindItems(scope: ValueScope): CompletionItem[] {
  const apiVersion = scope.identity.apiVersion;
  return WORKLOAD_KINDS.map((k, i) => {
    const matches = apiVersion === k.apiVersion;
    const item = valueItem(scope, k.kind, {
      kind: CompletionItemKind.Class,
      detail: k.apiVersion,
      sortText: `${apiVersion && !matches ? 1 : 0}_${String(i).padStart(2, '0')}`,
    });
    if (!apiVersion && scope.apiVersionInsert) {
      const edit: TextEdit = { range: scope.apiVersionInsert, newText: `apiVersion: ${k.apiVersion}\n` };
      item.additionalTextEdits = [edit];
      item.detail = `${k.apiVersion} (adds apiVersion)`;
    }
    return item;
  });
}

function volumeNameItems(scope: ValueScope, pod: PodModel): CompletionItem[] {
  const container = containerAtPath(pod, scope.context.path);
  const mounted = new Set(container?.mounts.map((m) => m.name));
  const items = pod.volumes
    .filter((v) => v.name)
    .map((v) => {
      const source = v.sources[0];
      const already = mounted.has(v.name);
      return valueItem(scope, v.name!, {
        kind: CompletionItemKind.Reference,
        detail: `${source ? `${source} ` : ''}volume of the Pod${already ? ' (already mounted here)' : ''}`,
        documentation: 'A volume is declared once for the whole Pod under volumes; each container that mounts it sees the same files.',
        sortText: `${already ? 1 : 0}_${String(v.index).padStart(3, '0')}`,
      });
    });
  // A StatefulSet's claim templates are volumes too: each Pod gets its own claim, mounted by the template's name.
  for (const [claim, index] of scope.claimTemplates ?? []) {
    if (pod.volumes.some((v) => v.name === claim)) continue;
    const already = mounted.has(claim);
    items.push(valueItem(scope, claim, {
      kind: CompletionItemKind.Reference,
      detail: `volumeClaimTemplate: one claim per Pod${already ? ' (already mounted here)' : ''}`,
      documentation: 'Each Pod of the StatefulSet gets its own PersistentVolumeClaim from this template and keeps it across restarts.',
      sortText: `${already ? 1 : 0}_c${String(index).padStart(3, '0')}`,
    }));
  }
  return items;
}

function portItems(scope: ValueScope, pod: PodModel, numbersOnly: boolean): CompletionItem[] {
  const container = containerAtPath(pod, scope.context.path);
  const ports = container?.ports ?? [];
  const items: CompletionItem[] = [];
  for (const port of ports) {
    if (port.name && !numbersOnly) {
      items.push(valueItem(scope, port.name, {
        kind: CompletionItemKind.Reference,
        detail: `port ${port.containerPort ?? '?'} of ${container?.name ?? 'this container'}`,
        documentation: 'A named port keeps the probe right when the port number changes.',
        sortText: `0_${String(port.index).padStart(3, '0')}`,
      }));
    }
    if (port.containerPort !== undefined) {
      items.push(valueItem(scope, String(port.containerPort), {
        kind: CompletionItemKind.Value,
        detail: port.name ? `the number of port ${port.name}` : 'a declared containerPort',
        sortText: `1_${String(port.index).padStart(3, '0')}`,
      }));
    }
  }
  return items;
}

function containerNameItems(scope: ValueScope, pod: PodModel): CompletionItem[] {
  const own = containerAtPath(pod, scope.context.path);
  return pod.containers
    .filter((c) => c.name && c.list !== 'ephemeralContainers')
    .map((c, i) => valueItem(scope, c.name!, {
      kind: CompletionItemKind.Reference,
      detail: `${c.list === 'initContainers' ? 'init container' : 'container'}${c === own ? ' (this one)' : ''}`,
      sortText: String(i).padStart(3, '0'),
    }));
}

/** The pull policies, the one the API fills in for this container's image preselected and named as the default. */
function pullPolicyItems(scope: ValueScope, container: ContainerAtCursor, values: readonly string[]): CompletionItem[] {
  const offer = pullPolicyOffer(container.image);
  return values.map((value, i) => {
    const isDefault = value === offer.defaultPolicy;
    return valueItem(scope, value, {
      sortText: String(i).padStart(3, '0'),
      detail: isDefault ? `the default for this image (${value === 'Always' ? 'untagged or :latest' : 'it names a version'})` : offer.defaultPolicy ? undefined : offer.note,
      preselect: isDefault || undefined,
    });
  });
}

/** What each Pod restart policy does in a kind that restricts them (a controller rejects the others). */
function podRestartDetail(kind: string, policy: PodRestartPolicy): string {
  if (policy === 'Always') return `the only policy a ${kind} accepts: its Pods run until replaced`;
  return policy === 'OnFailure' ? 'a failed container is restarted in the same Pod' : 'a failed Pod is replaced by a new one, up to backoffLimit';
}

function restartPolicies(scope: ValueScope, pod: PodModel): CompletionItem[] | undefined {
  const path = scope.context.path;
  const at = pod.podSpecPath.length;
  const inPodSpec = pod.podSpecPath.every((step, i) => path[i] === step);
  if (!inPodSpec) return undefined;
  if (path.length === at + 1) {
    // A bare Pod accepts every policy: the schema's enum offers them.
    if (!restrictsRestartPolicy(pod.workload)) return undefined;
    return plainItems(scope, allowedRestartPolicies(pod.workload).map((policy) => [policy, podRestartDetail(pod.workload.kind, policy)]));
  }
  const place = containerPlace(pod.podSpecPath, path);
  return place?.list === 'initContainers' && place.inContainer.length === 1 ? initRestartPolicies(scope) : undefined;
}

const GATED_INIT_POLICY = "Overrides the Pod's restartPolicy for this init step only. It relies on the ContainerRestartRules feature gate (beta, on by default from Kubernetes 1.35); clusters that turn it off reject the Pod.";

const INIT_POLICY_WORDS: Readonly<Record<PodRestartPolicy, { detail: string; documentation: string }>> = {
  Always: {
    detail: 'makes this init container a native sidecar',
    documentation: 'It starts in the init sequence, then keeps running beside the app containers until they stop.',
  },
  OnFailure: {
    detail: 'a failed init step is retried in place (ContainerRestartRules gate)',
    documentation: `The kubelet restarts this init container until it succeeds; the next init step and the app containers wait for it. ${GATED_INIT_POLICY}`,
  },
  Never: {
    detail: 'a failed init step is not retried: the Pod fails (ContainerRestartRules gate)',
    documentation: `If this init container fails, it is not restarted and the Pod fails without starting its app containers. ${GATED_INIT_POLICY}`,
  },
};

/**
 * An init container's restartPolicy: Always (a native sidecar) first; from 1.35, where the ContainerRestartRules
 * gate is on by default, also OnFailure and Never, which override the Pod's policy for this one init step (the
 * lifecycle rule init-container-restart-policy warns that they rely on the gate).
 */
function initRestartPolicies(scope: ValueScope): CompletionItem[] {
  const policies = scope.kubernetesVersion ? initContainerRestartPolicies(scope.kubernetesVersion) : [NATIVE_SIDECAR_RESTART_POLICY];
  return policies.map((policy, i) => valueItem(scope, policy, { ...INIT_POLICY_WORDS[policy], sortText: String(i).padStart(3, '0') }));
}
