import { isMap, isScalar } from 'yaml';
import { nodeAtPath, type Path } from '../document/yamlTree';
import { workloadKindByName } from '../pod/workloadKinds';
import {
  dns1035LabelProblem,
  dns1123LabelProblem,
  dns1123SubdomainProblem,
  labelValueProblem,
  qualifiedNameProblem,
} from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from './rule';
import { deref, hasPlaceholder, spanOf } from './support';

export const invalidMetadataNameRule: RuleDescriptor = {
  id: 'invalid-metadata-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Object names follow a grammar per kind (DNS subdomain for most, DNS label for StatefulSets, Services and Namespaces, at most 52 characters for CronJobs); the API server rejects others.',
  example: 'kind: Deployment\nmetadata:\n  name: My_App',
  fix: 'Use lowercase letters, digits, \'-\' (and \'.\' where the kind allows it): `my-app`.',
};

export const invalidLabelRule: RuleDescriptor = {
  id: 'invalid-label',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Label keys are qualified names and values at most 63 characters of letters, digits, \'-\', \'_\' and \'.\'; the API server rejects others.',
  example: 'metadata:\n  labels:\n    app: my app',
  fix: 'Use letters, digits, \'-\', \'_\' and \'.\' only, starting and ending with a letter or digit: `my-app`.',
};

export const invalidAnnotationKeyRule: RuleDescriptor = {
  id: 'invalid-annotation-key',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Annotation keys are qualified names like label keys (an optional DNS prefix and \'/\', then at most 63 characters); the API server rejects others. Values are free text.',
  example: 'metadata:\n  annotations:\n    "prometheus.io scrape": "true"',
  fix: 'Use letters, digits, \'-\', \'_\' and \'.\' in the name part, e.g. `prometheus.io/scrape`.',
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

/** Object names per kind, and label keys and values wherever labels are set or matched. */
export const metadataCheck: Check = {
  name: 'metadata',
  rules: [invalidMetadataNameRule, invalidLabelRule, invalidAnnotationKeyRule],
  appliesTo: 'kubernetes',
  run(ctx) {
    const root = ctx.doc.root;
    const kind = ctx.doc.identity.kind ?? '';
    const nameNode = nodeAtPath(root, ['metadata', 'name']);
    if (NAMED_KINDS.has(kind) && isScalar(nameNode) && typeof nameNode.value === 'string' && !hasPlaceholder(nameNode.value)) {
      const name = nameNode.value;
      const rule = NAME_RULES[kind] ?? SUBDOMAIN;
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
    const namespaceNode = nodeAtPath(root, ['metadata', 'namespace']);
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
    checkLabels(ctx, ['metadata', 'labels'], 'label');
    checkAnnotationKeys(ctx, ['metadata', 'annotations']);
    const workload = workloadKindByName(kind);
    if (workload?.templateMetadataPath) {
      checkLabels(ctx, [...workload.templateMetadataPath, 'labels'], 'Pod template label');
      checkAnnotationKeys(ctx, [...workload.templateMetadataPath, 'annotations']);
    }
    // A Service selects its Pods with a plain map of labels.
    if (kind === 'Service' && ctx.doc.identity.apiVersion === 'v1') checkLabels(ctx, ['spec', 'selector'], 'selector label');
    const selectorPath = kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'selector'] : ['spec', 'selector'];
    if (workload && kind !== 'Pod') checkLabels(ctx, [...selectorPath, 'matchLabels'], 'selector label');
  },
};

function checkAnnotationKeys(ctx: CheckContext, path: Path): void {
  const annotations = deref(nodeAtPath(ctx.doc.root, path), ctx.doc);
  if (!isMap(annotations)) return;
  for (const pair of annotations.items) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || hasPlaceholder(key.value)) continue;
    // The API server checks the key in lower case: upper-case letters are allowed in annotation keys.
    const problem = qualifiedNameProblem(key.value.toLowerCase());
    const span = spanOf(key);
    if (!problem || !span) continue;
    ctx.report(invalidAnnotationKeyRule, {
      message: `The annotation key \`${key.value}\` is not valid: ${problem}. Annotation keys follow the label-key rules (an optional DNS-subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.'); only values are free text. The API server rejects the object.`,
      ...span,
    });
  }
}

function checkLabels(ctx: CheckContext, path: Path, what: string): void {
  const labels = deref(nodeAtPath(ctx.doc.root, path), ctx.doc);
  if (!isMap(labels)) return;
  for (const pair of labels.items) {
    const key = pair.key;
    if (isScalar(key) && typeof key.value === 'string' && !hasPlaceholder(key.value)) {
      const problem = qualifiedNameProblem(key.value);
      const span = spanOf(key);
      if (problem && span) {
        ctx.report(invalidLabelRule, {
          message: `The ${what} key \`${key.value}\` is not valid: ${problem}. A key is an optional DNS-subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.'. The API server rejects the object.`,
          ...span,
        });
      }
    }
    const value = pair.value;
    // Numbers and booleans are the schema check's finding (label values are strings); only strings are read here.
    if (isScalar(value) && typeof value.value === 'string' && !hasPlaceholder(value.value)) {
      const problem = labelValueProblem(value.value);
      const span = spanOf(value);
      if (problem && span) {
        ctx.report(invalidLabelRule, {
          message: `The ${what} value \`${value.value}\` is not valid: ${problem}. Label values are empty or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. The API server rejects the object.`,
          ...span,
        });
      }
    }
  }
}
