import { nodeAtPath } from '../../document/yamlTree';
import type { ManifestDocument } from '../../document/manifestDocument';

/**
 * What the practice rules share beyond the Pod model: values read at a path. Which Pods serve is
 * `pod/restartPolicies.ts`'s (`servesUntilStopped`), which containers keep running `pod/runTogether.ts`'s.
 */

/** The number written at `path` from the document root, when it is an integer. */
export function integerAt(doc: ManifestDocument, path: readonly (string | number)[]): number | undefined {
  const node = nodeAtPath(doc.root, [...path]) as { value?: unknown } | undefined;
  return typeof node?.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}
