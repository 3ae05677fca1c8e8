import { ManifestDocument } from '../../../server/src/document/manifestDocument';
import { podModelOf, type PodModel } from '../../../server/src/pod/podModel';

/** The Pod model of one manifest (throws when the text is not a pod-carrying kind: a test mistake). */
export function podOf(text: string): PodModel {
  const pod = podModelOf(ManifestDocument.parse({ offset: 0, text }, 0));
  if (!pod) throw new Error('not a pod-carrying manifest');
  return pod;
}

export function lines(...parts: string[]): string {
  return parts.join('\n') + '\n';
}
