import type { DocumentIdentity } from '../document/manifestDocument';
import { CUSTOM_POD_KINDS } from './customPodKinds';
import { workloadKindByName, workloadKindOf, type WorkloadKind } from './workloadKinds';

const CUSTOM_BY_TYPE = new Map(CUSTOM_POD_KINDS.map((k) => [`${k.apiVersion}/${k.kind}`, k]));

/**
 * Where the Pod of a document is: the one answer every feature reads (the Pod model, the checks, hover, completion,
 * the diagram, code lenses, inlay hints, navigation). A built-in pod-carrying kind is found by its kind whatever its
 * apiVersion (a removed one is explained with today's shape); a custom resource only by its exact apiVersion and
 * kind, as another group's `Rollout` may be anything.
 */
export function podCarrierOf(identity: DocumentIdentity): WorkloadKind | undefined {
  if (!identity.apiVersion || !identity.kind) return undefined;
  return customPodKindOf(identity) ?? workloadKindByName(identity.kind);
}

/** The pod-carrying kind of a document written with an apiVersion that serves it (Kubernetes', or the project's). */
export function servedPodCarrierOf(identity: DocumentIdentity): WorkloadKind | undefined {
  return customPodKindOf(identity) ?? workloadKindOf(identity);
}

/** The custom resource of a known project with a Pod inside, for its exact apiVersion and kind. */
export function customPodKindOf(identity: DocumentIdentity): WorkloadKind | undefined {
  return identity.apiVersion && identity.kind ? CUSTOM_BY_TYPE.get(`${identity.apiVersion}/${identity.kind}`) : undefined;
}
