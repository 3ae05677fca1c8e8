import { isMap, isScalar, isSeq } from 'yaml';
import type { Shape } from './shapes';

/**
 * The words of schema findings: what a value is, what a field expects, and why a required field matters. Kept
 * apart from the walk so that the walk stays a plain loop and every sentence a person reads is in one place.
 */

/** What a YAML value is, as the API server will see it (YAML 1.2 core schema: quotes make a string). */
export type ActualType = 'string' | 'number' | 'boolean' | 'null' | 'mapping' | 'list' | 'unknown';

export function actualTypeOf(node: unknown): ActualType {
  if (isMap(node)) return 'mapping';
  if (isSeq(node)) return 'list';
  if (!isScalar(node)) return 'unknown';
  const v = node.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'unknown';
}

/** The expected type as a word for `data.expectedType`. */
export function expectedTypeOf(shape: Shape): string {
  switch (shape.kind) {
    case 'object':
    case 'map':
      return 'mapping';
    case 'array':
      return 'list';
    default:
      return shape.kind;
  }
}

/** "a mapping of names to strings", "a list", "an integer"... */
function expectedWords(shape: Shape): string {
  switch (shape.kind) {
    case 'object':
      return 'a mapping (key: value lines)';
    case 'map':
      return shape.element?.kind === 'string' ? 'a mapping of names to strings' : 'a mapping of names to values';
    case 'array':
      return 'a list (items starting with `- `)';
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'int-or-string':
      return 'an integer or a string';
    case 'quantity':
      return 'a quantity (such as 500m or 128Mi)';
    default:
      return 'a value';
  }
}


/**
 * The sentence for a value of the wrong type. `subject` names the field (`` `replicas` ``); `source` is the
 * value as written.
 */
export function wrongTypeMessage(subject: string, shape: Shape, actual: ActualType, source: string, quoted: boolean): string {
  const expected = expectedWords(shape);
  if (actual === 'mapping' || actual === 'list') {
    if (shape.kind === 'array') return `${subject} must be ${expected}, not a mapping: write each item on its own line starting with \`- \`.`;
    return `${subject} must be ${expected}, not a ${actual}.`;
  }
  if (shape.kind === 'object' || shape.kind === 'map' || shape.kind === 'array') {
    return `${subject} must be ${expected}, not the ${actual} ${source}.`;
  }
  switch (shape.kind) {
    case 'integer':
    case 'number':
    case 'int-or-string':
      if (actual === 'string' && quoted && /^[+-]?\d+(\.\d+)?$/.test(source.slice(1, -1))) {
        return `${subject} must be ${expected}, but ${source} is a quoted string: remove the quotes.`;
      }
      if (actual === 'number') return `${subject} must be a whole number, not ${source}.`;
      return `${subject} must be ${expected}, not the ${actual} ${source}.`;
    case 'boolean':
      if (actual === 'string' && quoted && /^(true|false)$/i.test(source.slice(1, -1))) {
        return `${subject} must be a boolean (true or false), but ${source} is a quoted string: remove the quotes.`;
      }
      return `${subject} must be a boolean (true or false), not the ${actual} ${source}.`;
    case 'string':
    case 'quantity':
      if (actual === 'number' || actual === 'boolean') {
        return `${subject} must be ${expected}, but ${source} is a ${actual}: quote it ("${source.replace(/"/g, '\\"')}").`;
      }
      return `${subject} must be ${expected}, not the ${actual} ${source}.`;
    default:
      return `${subject} must be ${expected}, not the ${actual} ${source}.`;
  }
}

/**
 * A plain scalar kubectl reads differently from YAML 1.2 (`yes`, `0644`; see document/kubectlScalars.ts) where a
 * string belongs: what the API server receives, and the way out.
 */
export function yaml11Message(subject: string, shape: Shape, source: string, kubectlValue: unknown, yaml12Value: unknown): string {
  const reading = typeof kubectlValue === 'boolean' ? `the boolean ${kubectlValue}` : kubectlValue === null ? 'null' : `the number ${String(kubectlValue)}`;
  const other = typeof yaml12Value === 'string' ? `the string "${yaml12Value}"` : `${String(yaml12Value)}`;
  return `${subject} must be ${expectedWords(shape)}, but kubectl reads the unquoted \`${source}\` as ${reading} (YAML 1.1 rules; YAML 1.2 tools read ${other}), and the API server rejects it: quote it ("${source.replace(/"/g, '\\"')}").`;
}

/** Own words for required fields people forget, by `Definition.field` (short definition names). */
const REQUIRED_REASONS: Readonly<Record<string, string>> = {
  'PodSpec.containers': 'a Pod needs at least one container',
  'Container.image': 'the API server requires an image for every container of a Pod or Pod template',
  'EphemeralContainer.image': 'the API server requires an image for every container, ephemeral ones included',
  'Container.name': 'every container needs a name, unique within the Pod',
  'EphemeralContainer.name': 'every container needs a name, unique within the Pod',
  'DeploymentSpec.selector': 'the Deployment finds its Pods with it; it must match spec.template.metadata.labels',
  'StatefulSetSpec.selector': 'the StatefulSet finds its Pods with it; it must match spec.template.metadata.labels',
  'DaemonSetSpec.selector': 'the DaemonSet finds its Pods with it; it must match spec.template.metadata.labels',
  'ReplicaSetSpec.selector': 'the ReplicaSet finds its Pods with it; it must match spec.template.metadata.labels',
  'DeploymentSpec.template': 'the controller creates its Pods from this template',
  'StatefulSetSpec.template': 'the controller creates its Pods from this template',
  'DaemonSetSpec.template': 'the controller creates its Pods from this template',
  'JobSpec.template': 'the Job creates its Pods from this template',
  'CronJobSpec.schedule': 'it says when the CronJob creates a Job, in cron format (such as "*/5 * * * *")',
  'CronJobSpec.jobTemplate': 'it is the Job the CronJob creates on each run',
  'CronJob.spec': 'it holds the schedule and the Job template',
  'Pod.spec': 'it holds the containers, and a Pod needs at least one',
  'Deployment.spec': 'it holds the selector and the Pod template',
  'StatefulSet.spec': 'it holds the selector and the Pod template',
  'DaemonSet.spec': 'it holds the selector and the Pod template',
  'ReplicaSet.spec': 'it holds the selector and the Pod template',
  'Job.spec': 'it holds the Pod template',
  'PodTemplate.template': 'it holds the Pod spec with the containers',
  'PodTemplateSpec.spec': 'the Pods are made from it, and it holds their containers',
  'JobTemplateSpec.spec': 'it holds the Pod template of the Jobs',
  'Volume.name': 'containers mount a volume by its name',
  'VolumeMount.name': 'a mount names the Pod volume it shows in this container',
  'VolumeMount.mountPath': 'a mount says where the volume appears inside the container',
  'ContainerPort.containerPort': 'it is the port number the container listens on',
  'EnvVar.name': 'an environment variable needs a name',
};

export function requiredReason(definitionShortName: string | undefined, field: string): string | undefined {
  return definitionShortName ? REQUIRED_REASONS[`${definitionShortName}.${field}`] : undefined;
}
