import { isScalar } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { nodeAtPath, scalarString } from '../document/yamlTree';

/**
 * How many Pods the document's owner runs from its template, in words for the diagram's header. Only what is
 * written is read; defaults are named as defaults so that the picture never claims more than the manifest says.
 */
export function replicasSummary(doc: ManifestDocument, kind: string): string | undefined {
  const root = doc.root;
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet': {
      const replicas = integerAt(root, ['spec', 'replicas']);
      if (replicas === undefined) return '1 replica (default)';
      return `${replicas} ${replicas === 1 ? 'replica' : 'replicas'}`;
    }
    case 'DaemonSet':
      return 'one Pod on each eligible node';
    case 'Job':
      return jobSummary(root, ['spec']);
    case 'CronJob': {
      const schedule = scalarString(nodeAtPath(root, ['spec', 'schedule']));
      const job = jobSummary(root, ['spec', 'jobTemplate', 'spec']);
      return schedule ? `a Job on schedule "${schedule}", ${job}` : `a Job per schedule, ${job}`;
    }
    case 'PodTemplate':
      return 'a template: runs no Pod by itself';
    default:
      return undefined;
  }
}

function jobSummary(root: unknown, specPath: string[]): string {
  const completions = integerAt(root, [...specPath, 'completions']);
  const parallelism = integerAt(root, [...specPath, 'parallelism']);
  return `${completions ?? 1} ${completions === 1 || completions === undefined ? 'completion' : 'completions'}, ${parallelism ?? 1} at a time`;
}

function integerAt(root: unknown, path: string[]): number | undefined {
  const node = nodeAtPath(root, path);
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}
