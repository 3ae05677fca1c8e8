import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { mapItems, nodeAtPath, pairOf, scalarString, valueOf, type Path } from '../document/yamlTree';
import { podCarrierOfDocument } from '../pod/podCarriers';
import { checkLabelMap, checkLabelSelector, firstKeySpan, invalidLabelRule, labelSelectorRule, spanAndRelated } from './labels';
import { dns1035LabelProblem, dns1123LabelProblem, dns1123SubdomainProblem, qualifiedNameProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { hasPlaceholder, spanOf } from './support';

export const invalidMetadataNameRule: RuleDescriptor = {
  id: 'invalid-metadata-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Object names follow a grammar per kind (DNS subdomain for most, DNS label for StatefulSets, Services and Namespaces, at most 52 characters for CronJobs); the API server rejects others.',
  example: 'kind: Deployment\nmetadata:\n  name: My_App',
  fix: 'Use lowercase letters, digits, \'-\' (and \'.\' where the kind allows it): `my-app`.',
};

export const invalidAnnotationKeyRule: RuleDescriptor = {
  id: 'invalid-annotation-key',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Annotation keys are qualified names like label keys (an optional DNS prefix and \'/\', then at most 63 characters); the API server rejects others. Values are free text.',
  example: 'metadata:\n  annotations:\n    "prometheus.io scrape": "true"',
  fix: 'Use letters, digits, \'-\', \'_\' and \'.\' in the name part, e.g. `prometheus.io/scrape`.',
};

export const missingNameRule: RuleDescriptor = {
  id: 'missing-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Every object needs metadata.name, or metadata.generateName for the API server to make a unique name from; without either the API server rejects it.',
  example: 'kind: Pod\nmetadata:\n  labels: {app: web}',
  fix: 'Add `name: my-pod` under metadata (or `generateName: my-pod-` for a generated name).',
};

export const finalizerRule: RuleDescriptor = {
  id: 'invalid-finalizer',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Finalizers are qualified names with a domain prefix (example.com/cleanup), except the built-in kubernetes, orphan and foregroundDeletion, and orphan and foregroundDeletion exclude each other; the API server rejects others.',
  example: 'metadata:\n  finalizers: [cleanup]',
  fix: 'Prefix the finalizer with a domain you own: `example.com/cleanup`.',
};

export const ownerReferenceRule: RuleDescriptor = {
  id: 'owner-reference',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'An owner reference names its owner by apiVersion (with a version), kind, name and uid, none of them empty, and at most one owner may be the controller; the API server rejects others.',
  example: 'ownerReferences:\n  - apiVersion: apps/v1\n    kind: ReplicaSet\n    name: web\n    uid: ""',
  fix: 'Fill in the owner\'s apiVersion, kind, name and uid (from `kubectl get <kind> <name> -o yaml`), and mark one reference at most as the controller.',
};

export const reservedAnnotationRule: RuleDescriptor = {
  id: 'reserved-annotation',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The API server checks some annotations of its own: controller.kubernetes.io/pod-deletion-cost must be a 32-bit integer, a mirror Pod must name its node, and all annotations together may hold at most 256 KiB.',
  example: 'annotations:\n  controller.kubernetes.io/pod-deletion-cost: high',
  fix: 'Write the deletion cost as an integer, e.g. "100".',
};

interface NameRule {
  readonly grammar: string;
  readonly problem: (name: string) => string | undefined;
  readonly maxLength?: { readonly length: number; readonly why: string };
}

const SUBDOMAIN: NameRule = { grammar: 'a DNS-1123 subdomain', problem: dns1123SubdomainProblem };

/** Kinds whose names follow another grammar than the DNS subdomain most kinds use. */
const NAME_RULES: Record<string, NameRule> = {
  // A StatefulSet's Pods are named <name>-<ordinal> and that name is their hostname, a DNS label.
  StatefulSet: { grammar: 'a DNS-1123 label', problem: dns1123LabelProblem },
  Service: { grammar: 'a DNS-1035 label', problem: dns1035LabelProblem },
  Namespace: { grammar: 'a DNS-1123 label', problem: dns1123LabelProblem },
  // The CronJob controller appends an 11-character suffix to name each Job, which must stay within 63.
  CronJob: { ...SUBDOMAIN, maxLength: { length: 52, why: 'the controller appends an 11-character suffix to name each Job, and that name must stay within 63' } },
  // A Job's name becomes the value of the job-name label on its Pods, and label values have at most 63 characters.
  Job: { ...SUBDOMAIN, maxLength: { length: 63, why: 'the name becomes the value of the `job-name` label on its Pods, and label values have at most 63 characters' } },
};

/**
 * Kinds whose name grammar we know. Others differ (RBAC names are path segments and allow ':'; custom resources
 * choose their own), so their names are left alone.
 */
const NAMED_KINDS = new Set([
  'Pod', 'PodTemplate', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Namespace',
  'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume',
]);

/** The finalizers the API server knows without a domain prefix. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const MIRROR_POD = 'kubernetes.io/config.mirror';
const CRITICAL_POD = 'scheduler.alpha.kubernetes.io/critical-pod';
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** Object metadata: names per kind, namespaces, labels and annotations, finalizers, owner references, selectors. */
export const metadataCheck: Check = {
  name: 'metadata',
  rules: [invalidMetadataNameRule, missingNameRule, invalidLabelRule, labelSelectorRule, invalidAnnotationKeyRule, reservedAnnotationRule, finalizerRule, ownerReferenceRule],
  appliesTo: 'kubernetes',
  run(ctx) {
    const root = ctx.doc.root;
    const kind = ctx.doc.identity.kind ?? '';
    const metadata = valueOf(root, 'metadata');
    if (NAMED_KINDS.has(kind)) checkName(ctx, kind);
    const namespaceNode = valueOf(metadata, 'namespace');
    if (isScalar(namespaceNode) && typeof namespaceNode.value === 'string' && !hasPlaceholder(namespaceNode.value)) {
      const problem = dns1123LabelProblem(namespaceNode.value);
      const span = spanOf(namespaceNode);
      if (problem && span) {
        ctx.report(invalidMetadataNameRule, {
          message: `The namespace \`${namespaceNode.value}\` is not a valid namespace name: it must be a DNS-1123 label, and ${problem}. The API server rejects the object.`,
          ...span,
        });
      }
    }
    checkLabelMap(ctx, metadata, 'labels', 'label');
    checkAnnotations(ctx, metadata, kind === 'Pod' ? 'pod' : 'object');
    checkFinalizers(ctx, metadata);
    checkOwnerReferences(ctx, metadata);
    const workload = podCarrierOfDocument(ctx.doc);
    if (workload?.templateMetadataPath) {
      const templateMetadata = nodeAtPath(root, workload.templateMetadataPath);
      checkLabelMap(ctx, templateMetadata, 'labels', 'Pod template label');
      checkAnnotations(ctx, templateMetadata, 'template');
    }
    if (workload) checkLabelMap(ctx, nodeAtPath(root, workload.podSpecPath), 'nodeSelector', 'nodeSelector label');
    if (kind === 'CronJob') {
      const jobMetadata = nodeAtPath(root, ['spec', 'jobTemplate', 'metadata']);
      checkLabelMap(ctx, jobMetadata, 'labels', 'Job template label');
      checkAnnotations(ctx, jobMetadata, 'object');
    }
    // A Service selects its Pods with a plain map of labels.
    if (kind === 'Service' && ctx.doc.identity.apiVersion === 'v1') checkLabelMap(ctx, valueOf(root, 'spec'), 'selector', 'selector label');
    const selectorParent: Path = kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    if (workload && kind !== 'Pod' && kind !== 'PodTemplate') checkLabelSelector(ctx, nodeAtPath(root, selectorParent), 'selector', 'selector');
  },
};

function checkName(ctx: CheckContext, kind: string): void {
  const metadataPair = pairOf(ctx.doc.root, 'metadata');
  const metadata = metadataPair?.value;
  const nameNode = valueOf(metadata, 'name');
  const generateNode = valueOf(metadata, 'generateName');
  const rule = NAME_RULES[kind] ?? SUBDOMAIN;
  const name = scalarString(nameNode);
  const generateName = scalarString(generateNode);
  if (!name && !generateName) {
    // An empty or missing name: upstream names metadata.name, which lands on metadata (or the object when absent).
    const span = spanOf(isScalar(nameNode) ? nameNode : undefined) ?? spanOf(metadataPair?.key) ?? firstKeySpan(ctx.doc.root);
    if (span && !isNullAlias(nameNode)) {
      ctx.report(missingNameRule, {
        message: `This ${kind} has no metadata.name (nor metadata.generateName), and the API server requires one of them. Add \`name:\` under metadata.`,
        ...span,
      });
    }
    return;
  }
  if (isScalar(nameNode) && typeof nameNode.value === 'string' && !hasPlaceholder(nameNode.value) && name) {
    const problem = rule.problem(name);
    const span = spanOf(nameNode);
    if (span && problem) {
      ctx.report(invalidMetadataNameRule, {
        message: `The name \`${name}\` is not valid for a ${kind}: it must be ${rule.grammar}, and ${problem}. The API server rejects the object.`,
        ...span,
      });
    } else if (span && rule.maxLength && name.length > rule.maxLength.length) {
      ctx.report(invalidMetadataNameRule, {
        message: `The name \`${name}\` is ${name.length} characters long; a ${kind} name may have at most ${rule.maxLength.length}, because ${rule.maxLength.why}. The API server rejects the object; shorten the name.`,
        ...span,
      });
    }
  }
  if (isScalar(generateNode) && typeof generateNode.value === 'string' && generateName && !hasPlaceholder(generateName)) {
    // A prefix may end with '-': the API server appends random characters to it.
    const masked = generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName;
    const problem = rule.problem(masked);
    const span = spanOf(generateNode);
    if (problem && span) {
      ctx.report(invalidMetadataNameRule, {
        message: `The generateName \`${generateName}\` is not a valid prefix for a ${kind} name: names must be ${rule.grammar}, and ${problem.replace(/a letter or digit$/, 'a letter or digit (a final \'-\' is allowed in a prefix)')}. The API server rejects the object.`,
        ...span,
      });
    }
  }
}

/** `name: ~` written through an alias we cannot read is not ours to judge. */
function isNullAlias(node: unknown): boolean {
  return node !== undefined && !isScalar(node) && !isMap(node) && !isSeq(node);
}

function checkAnnotations(ctx: CheckContext, metadata: unknown, owner: 'pod' | 'template' | 'object'): void {
  const pair = pairOf(metadata, 'annotations');
  const annotations = pair?.value;
  if (!isMap(annotations)) return;
  let bytes = 0;
  for (const entry of annotations.items as Pair<unknown, unknown>[]) {
    const key = entry.key;
    const keyText = scalarString(key);
    const valueText = scalarString(entry.value);
    bytes += (keyText?.length ?? 0) + (valueText?.length ?? 0);
    if (!isScalar(key) || typeof key.value !== 'string' || hasPlaceholder(key.value)) continue;
    // The API server checks the key in lower case: upper-case letters are allowed in annotation keys.
    const problem = qualifiedNameProblem(key.value.toLowerCase());
    const span = spanOf(key);
    if (problem && span) {
      ctx.report(invalidAnnotationKeyRule, {
        message: `The annotation key \`${key.value}\` is not valid: ${problem}. Annotation keys follow the label-key rules (an optional DNS-subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.'); only values are free text. The API server rejects the object.`,
        ...spanAndRelated(pair, span),
      });
    }
    if (owner !== 'object' && key.value === POD_DELETION_COST && valueText !== undefined && !hasPlaceholder(valueText)) {
      const cost = /^[+-]?\d+$/.test(valueText.trim()) ? Number(valueText.trim()) : NaN;
      const valueSpan = spanOf(entry.value);
      if (!(Number.isInteger(cost) && cost >= -(2 ** 31) && cost < 2 ** 31) && valueSpan) {
        ctx.report(reservedAnnotationRule, {
          message: `The pod deletion cost \`${valueText}\` is not a 32-bit integer; the API server rejects it. Write a whole number between -2147483648 and 2147483647 (Pods with a lower cost are removed first when a ReplicaSet scales down).`,
          ...valueSpan,
        });
      }
    }
    if (owner !== 'object' && key.value === CRITICAL_POD && span) {
      ctx.report(reservedAnnotationRule, {
        message: `The annotation ${CRITICAL_POD} has had no effect since Kubernetes 1.16; the API server warns about it. Set spec.priorityClassName (system-cluster-critical or system-node-critical) instead.`,
        ...span,
        severity: 'warning',
      });
    }
    if (owner === 'pod' && key.value === MIRROR_POD && !scalarString(valueOf(valueOf(ctx.doc.root, 'spec'), 'nodeName'))) {
      const keySpan = spanOf(pair?.key);
      if (keySpan) {
        ctx.report(reservedAnnotationRule, {
          message: `The annotation ${MIRROR_POD} marks a mirror of a static Pod, which the API server accepts only with spec.nodeName set to the node that runs it. Remove the annotation (the kubelet sets it on mirror Pods), or set spec.nodeName.`,
          ...keySpan,
          related: [{ ...spanOf(key)!, message: 'the mirror Pod annotation' }],
        });
      }
    }
  }
  const keySpan = spanOf(pair?.key);
  if (bytes > MAX_ANNOTATIONS_BYTES && keySpan) {
    ctx.report(reservedAnnotationRule, {
      message: `The annotations hold ${bytes} bytes of keys and values; the API server accepts at most ${MAX_ANNOTATIONS_BYTES} (256 KiB) per object. Move large data to a ConfigMap.`,
      ...keySpan,
    });
  }
}

function checkFinalizers(ctx: CheckContext, metadata: unknown): void {
  const list = valueOf(metadata, 'finalizers');
  if (!isSeq(list)) return;
  const seen = new Map<string, { start: number; end: number }>();
  for (const item of list.items) {
    const name = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
    const span = spanOf(item);
    if (name === undefined || !span || hasPlaceholder(name)) continue;
    seen.set(name, span);
    const problem = qualifiedNameProblem(name);
    if (problem) {
      ctx.report(finalizerRule, { message: `The finalizer \`${name}\` is not valid: ${problem}. The API server rejects the object.`, ...span });
    } else if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      ctx.report(finalizerRule, {
        message: `The finalizer \`${name}\` has no domain prefix and is not one of the built-in finalizers (kubernetes, orphan, foregroundDeletion); the API server rejects it. Prefix it with a domain you own, e.g. \`example.com/${name}\`.`,
        ...span,
      });
    }
  }
  const orphan = seen.get('orphan');
  const foreground = seen.get('foregroundDeletion');
  if (orphan && foreground) {
    ctx.report(finalizerRule, {
      message: 'The finalizers orphan and foregroundDeletion exclude each other: one keeps the dependents, the other deletes them first. The API server rejects both together; keep one.',
      ...foreground,
      related: [{ ...orphan, message: 'the orphan finalizer' }],
    });
  }
}

function checkOwnerReferences(ctx: CheckContext, metadata: unknown): void {
  const pair = pairOf(metadata, 'ownerReferences');
  const controllers: { start: number; end: number; message: string }[] = [];
  for (const [ref] of mapItems(pair?.value)) {
    const apiVersion = scalarString(valueOf(ref, 'apiVersion'));
    const kind = scalarString(valueOf(ref, 'kind'));
    const reportField = (field: string, why: string) => {
      const span = spanOf(valueOf(ref, field));
      if (span) ctx.report(ownerReferenceRule, { message: `The owner reference's ${field} ${why}; the API server rejects it.`, ...span });
    };
    const parts = apiVersion?.split('/') ?? [];
    if (apiVersion !== undefined && !hasPlaceholder(apiVersion) && (parts.length > 2 || parts[parts.length - 1] === '')) {
      reportField('apiVersion', `\`${apiVersion}\` names no version (write group/version, e.g. apps/v1, or v1 for the core group)`);
    }
    for (const field of ['kind', 'name', 'uid']) if (scalarString(valueOf(ref, field)) === '') reportField(field, 'is empty');
    if (apiVersion === 'v1' && kind === 'Event') {
      const span = firstKeySpan(ref);
      if (span) ctx.report(ownerReferenceRule, { message: 'A v1 Event cannot own other objects; the API server rejects an owner reference to one.', ...span });
    }
    const controller = pairOf(ref, 'controller');
    if (controller && isScalar(controller.value) && controller.value.value === true) {
      const span = spanOf(controller.value);
      if (span) controllers.push({ ...span, message: `controller: true (${kind ?? 'owner'} ${scalarString(valueOf(ref, 'name')) ?? ''})`.trim() });
    }
  }
  const listKey = spanOf(pair?.key);
  if (controllers.length > 1 && listKey) {
    ctx.report(ownerReferenceRule, {
      message: `${controllers.length} owner references set controller: true; an object has at most one controller, so the API server rejects it. Keep controller: true on one reference.`,
      ...listKey,
      related: controllers,
    });
  }
}
