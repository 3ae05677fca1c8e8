import { CompletionItemKind, type CompletionItem, type Range, type TextEdit } from 'vscode-languageserver-types';
import { mapItems, nodeAtPath, scalarString } from '../document/yamlTree';
import { belowPodSpec, containerAtPath, containerPlace } from '../pod/containerAt';
import { definedContainers, type PodModel } from '../pod/podModel';
import { isLifecycleHook, isProbeField } from '../pod/probes';
import { allowedRestartPolicies, initContainerRestartPolicies, restrictsRestartPolicy, type PodRestartPolicy } from '../pod/restartPolicies';
import { WORKLOAD_KINDS, workloadKindByName } from '../pod/workloadKinds';
import { typesOf } from '../schema/kubernetesSchema';
import type { CompletionContext } from './completionContext';
import type { ContainerAtCursor } from './containerAtCursor';
import { WELL_KNOWN_NODE_LABELS } from './nodeLabels';
import type { CompletionProvider } from './provider';
import { pullPolicyOffer } from './pullPolicyOffer';

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

export const valueProvider: CompletionProvider = { id: 'values', items: valueItems };

/** The values that fit at the cursor, or an empty list. */
function valueItems(ctx: CompletionContext): CompletionItem[] {
  if (ctx.cursor.position !== 'value') return [];
  const path = ctx.cursor.path;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 1 && last === 'apiVersion') return apiVersionItems(ctx);
  if (path.length === 1 && last === 'kind') return kindItems(ctx);
  const pod = ctx.pod;
  if (pod) {
    if (last === 'name' && (path[path.length - 3] === 'volumeMounts' || path[path.length - 3] === 'volumeDevices')) {
      return volumeNameItems(ctx, pod);
    }
    if (last === 'port' && (parent === 'httpGet' || parent === 'tcpSocket' || parent === 'grpc')) {
      const owner = path[path.length - 3];
      if (typeof owner === 'string' && (isProbeField(owner) || isLifecycleHook(owner))) return portItems(ctx, pod, parent === 'grpc');
    }
    if ((last === 'containerName' && parent === 'resourceFieldRef') || last === 'targetContainerName') {
      return containerNameItems(ctx, pod);
    }
  }
  if (last === 'fieldPath' && parent === 'fieldRef') return plainItems(ctx, FIELD_PATHS);
  if (last === 'topologyKey') return plainItems(ctx, WELL_KNOWN_NODE_LABELS.filter(([l]) => l !== 'kubernetes.io/os' && l !== 'kubernetes.io/arch'));
  if (last === 'resource' && parent === 'resourceFieldRef') return plainItems(ctx, RESOURCE_FIELDS.map((r) => [r, '']));
  if (last === 'restartPolicy' && pod) {
    const policies = restartPolicies(ctx, pod);
    if (policies) return policies;
  }
  const schema = ctx.schema;
  if (!schema) return [];
  if (last === 'imagePullPolicy' && ctx.container && schema.node.enum?.length) return pullPolicyItems(ctx, ctx.container, schema.node.enum);
  if (schema.node.enum?.length) return schema.node.enum.map((value, i) => valueItem(ctx, value, { sortText: String(i).padStart(3, '0') }));
  const types = typesOf(schema.node);
  if (types.length === 1 && types[0] === 'boolean') return ['true', 'false'].map((v) => valueItem(ctx, v, { kind: CompletionItemKind.Keyword }));
  return [];
}

function valueItem(ctx: CompletionContext, value: string, extra: Partial<CompletionItem> = {}): CompletionItem {
  const text = (ctx.cursor.needsSpace ? ' ' : '') + value;
  return { label: value, kind: CompletionItemKind.Value, textEdit: { range: ctx.range, newText: text }, filterText: value, ...extra };
}

function plainItems(ctx: CompletionContext, values: [string, string][]): CompletionItem[] {
  return values.map(([value, detail], i) => valueItem(ctx, value, { detail: detail || undefined, sortText: String(i).padStart(3, '0') }));
}

/** apiVersions of the pod-carrying kinds; the one that serves the document's kind first. */
function apiVersionItems(ctx: CompletionContext): CompletionItem[] {
  const kind = workloadKindByName(ctx.identity.kind);
  const versions = [...new Set(WORKLOAD_KINDS.map((k) => k.apiVersion))];
  return versions.map((version) => {
    const kinds = WORKLOAD_KINDS.filter((k) => k.apiVersion === version).map((k) => k.kind);
    const matches = kind?.apiVersion === version;
    return valueItem(ctx, version, {
      detail: matches ? `serves ${kind!.kind}` : kinds.join(', '),
      sortText: `${matches ? 0 : 1}_${version}`,
      preselect: matches || undefined,
    });
  });
}

/** The pod-carrying kinds; those served by the document's apiVersion first, adding apiVersion when it is missing. */
function kindItems(ctx: CompletionContext): CompletionItem[] {
  const apiVersion = ctx.identity.apiVersion;
  const apiVersionInsert = apiVersion ? undefined : apiVersionPlace(ctx);
  return WORKLOAD_KINDS.map((k, i) => {
    const matches = apiVersion === k.apiVersion;
    const item = valueItem(ctx, k.kind, {
      kind: CompletionItemKind.Class,
      detail: k.apiVersion,
      sortText: `${apiVersion && !matches ? 1 : 0}_${String(i).padStart(2, '0')}`,
    });
    if (!apiVersion && apiVersionInsert) {
      const edit: TextEdit = { range: apiVersionInsert, newText: `apiVersion: ${k.apiVersion}${ctx.lineBreak}` };
      item.additionalTextEdits = [edit];
      item.detail = `${k.apiVersion} (adds apiVersion)`;
    }
    return item;
  });
}

function volumeNameItems(ctx: CompletionContext, pod: PodModel): CompletionItem[] {
  const container = containerAtPath(pod, ctx.cursor.path);
  const mounted = new Set(container?.mounts.map((m) => m.name));
  const items = pod.volumes
    .filter((v) => v.name)
    .map((v) => {
      const source = v.sources[0];
      const already = mounted.has(v.name);
      return valueItem(ctx, v.name!, {
        kind: CompletionItemKind.Reference,
        detail: `${source ? `${source} ` : ''}volume of the Pod${already ? ' (already mounted here)' : ''}`,
        documentation: 'A volume is declared once for the whole Pod under volumes; each container that mounts it sees the same files.',
        sortText: `${already ? 1 : 0}_${String(v.index).padStart(3, '0')}`,
      });
    });
  // A StatefulSet's claim templates are volumes too: each Pod gets its own claim, mounted by the template's name.
  for (const [claim, index] of ctx.identity.kind === 'StatefulSet' ? claimTemplateNames(ctx.doc.root) : []) {
    if (pod.volumes.some((v) => v.name === claim)) continue;
    const already = mounted.has(claim);
    items.push(valueItem(ctx, claim, {
      kind: CompletionItemKind.Reference,
      detail: `volumeClaimTemplate: one claim per Pod${already ? ' (already mounted here)' : ''}`,
      documentation: 'Each Pod of the StatefulSet gets its own PersistentVolumeClaim from this template and keeps it across restarts.',
      sortText: `${already ? 1 : 0}_c${String(index).padStart(3, '0')}`,
    }));
  }
  return items;
}

function portItems(ctx: CompletionContext, pod: PodModel, numbersOnly: boolean): CompletionItem[] {
  const container = containerAtPath(pod, ctx.cursor.path);
  const ports = container?.ports ?? [];
  const items: CompletionItem[] = [];
  for (const port of ports) {
    if (port.name && !numbersOnly) {
      items.push(valueItem(ctx, port.name, {
        kind: CompletionItemKind.Reference,
        detail: `port ${port.containerPort ?? '?'} of ${container?.name ?? 'this container'}`,
        documentation: 'A named port keeps the probe right when the port number changes.',
        sortText: `0_${String(port.index).padStart(3, '0')}`,
      }));
    }
    if (port.containerPort !== undefined) {
      items.push(valueItem(ctx, String(port.containerPort), {
        kind: CompletionItemKind.Value,
        detail: port.name ? `the number of port ${port.name}` : 'a declared containerPort',
        sortText: `1_${String(port.index).padStart(3, '0')}`,
      }));
    }
  }
  return items;
}

function containerNameItems(ctx: CompletionContext, pod: PodModel): CompletionItem[] {
  const own = containerAtPath(pod, ctx.cursor.path);
  return definedContainers(pod)
    .filter((c) => c.name)
    .map((c, i) => valueItem(ctx, c.name!, {
      kind: CompletionItemKind.Reference,
      detail: `${c.list === 'initContainers' ? 'init container' : 'container'}${c === own ? ' (this one)' : ''}`,
      sortText: String(i).padStart(3, '0'),
    }));
}

/** The pull policies, the one the API fills in for this container's image preselected and named as the default. */
function pullPolicyItems(ctx: CompletionContext, container: ContainerAtCursor, values: readonly string[]): CompletionItem[] {
  const offer = pullPolicyOffer(container.image);
  return values.map((value, i) => {
    const isDefault = value === offer.defaultPolicy;
    return valueItem(ctx, value, {
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

function restartPolicies(ctx: CompletionContext, pod: PodModel): CompletionItem[] | undefined {
  const path = ctx.cursor.path;
  const below = belowPodSpec(pod.podSpecPath, path);
  if (!below) return undefined;
  if (below.length === 1) {
    // A bare Pod accepts every policy: the schema's enum offers them.
    if (!restrictsRestartPolicy(pod.workload)) return undefined;
    return plainItems(ctx, allowedRestartPolicies(pod.workload).map((policy) => [policy, podRestartDetail(pod.workload.kind, policy)]));
  }
  const place = containerPlace(pod.podSpecPath, path);
  return place?.list === 'initContainers' && place.inContainer.length === 1 ? initRestartPolicies(ctx) : undefined;
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
function initRestartPolicies(ctx: CompletionContext): CompletionItem[] {
  const policies = initContainerRestartPolicies(ctx.kubernetesVersion);
  return policies.map((policy, i) => valueItem(ctx, policy, { ...INIT_POLICY_WORDS[policy], sortText: String(i).padStart(3, '0') }));
}

/** Where a missing `apiVersion:` line goes: before the `kind:` line, as a zero-width range. */
function apiVersionPlace(ctx: CompletionContext): Range | undefined {
  const lines = ctx.lines;
  for (let i = 0; i < lines.count; i++) {
    const s = lines.shape(i);
    if (s.indent === 0 && !s.dashes.length && s.key === 'kind') return ctx.req.rangeOf(lines.starts[i], lines.starts[i]);
  }
  return undefined;
}

/** metadata.name of each volumeClaimTemplates entry of a StatefulSet, with its index. */
function claimTemplateNames(root: unknown): [string, number][] {
  const names: [string, number][] = [];
  for (const [template, index] of mapItems(nodeAtPath(root, ['spec', 'volumeClaimTemplates']))) {
    const name = scalarString(nodeAtPath(template, ['metadata', 'name']));
    if (name) names.push([name, index]);
  }
  return names;
}
