import type { DocumentIdentity, ManifestDocument } from '../document/manifestDocument';
import type { CrdPodSite } from './crdPodSites';
import { CUSTOM_POD_KINDS } from './customPodKinds';
import { workloadKindByName, workloadKindOf, type WorkloadKind } from './workloadKinds';

const CUSTOM_BY_TYPE = new Map(CUSTOM_POD_KINDS.map((k) => [`${k.apiVersion}/${k.kind}`, k]));

/**
 * Where the Pod of a document is: the one answer every feature reads (the Pod model, the checks, hover, completion,
 * the diagram, code lenses, inlay hints, navigation). A built-in pod-carrying kind is found by its kind whatever its
 * apiVersion (a removed one is explained with today's shape); a custom resource of a known project only by its
 * exact apiVersion and kind, as another group's `Rollout` may be anything; any other custom resource by what its
 * CRD's schema says (`setCrdPodCarrier`, recorded by the facade from the workspace's CRDs).
 */
export function podCarrierOfDocument(doc: ManifestDocument): WorkloadKind | undefined {
  return podCarrierOf(doc.identity) ?? CRD_CARRIERS.get(doc.parseKey);
}

/** The pod-carrying kind an apiVersion and kind name alone (built-in kinds and known custom resources). */
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

/**
 * What the workspace's CRD of a document's kind says of its Pod (pod/crdPodSites.ts), recorded by the facade before
 * a check or a feature reads the document: the CRDs live in other files, which no check reads. Undefined clears it
 * (the CRD went away, or no longer embeds a Pod).
 */
export function setCrdPodCarrier(doc: ManifestDocument, carrier: WorkloadKind | undefined): void {
  if (carrier) CRD_CARRIERS.set(doc.parseKey, carrier);
  else CRD_CARRIERS.delete(doc.parseKey);
}

/** The pod-carrying kind a CRD makes of the document, when no built-in or known kind says where its Pod is. */
export function crdPodCarrierOf(doc: ManifestDocument): WorkloadKind | undefined {
  return podCarrierOf(doc.identity) ? undefined : CRD_CARRIERS.get(doc.parseKey);
}

/**
 * A suffix for the keys of what is memoised with a document and depends on where its Pod is (the Pod model, the
 * findings): empty unless a CRD says where, so a CRD that changes its schema gets the document read again.
 */
export function podCarrierKey(doc: ManifestDocument): string {
  const carrier = crdPodCarrierOf(doc);
  return carrier ? `@${CARRIER_KEYS.get(carrier)}` : '';
}

/** Keyed by the document's parse, so that a document an edit above moves keeps what was recorded on it. */
const CRD_CARRIERS = new WeakMap<object, WorkloadKind>();
const CARRIER_KEYS = new WeakMap<WorkloadKind, string>();
const CARRIERS_BY_KEY = new Map<string, WorkloadKind>();
const POD_TEMPLATE_SPEC = 'io.k8s.api.core.v1.PodTemplateSpec';
const POD_SPEC = 'io.k8s.api.core.v1.PodSpec';

/**
 * The pod-carrying kind a CRD makes of its resources, one object per CRD, kind and Pod site (so that what is
 * memoised per kind, the Pod levels, is built once). Only its Pod is read as Kubernetes' (for hover, completion and
 * the Pod rules); the CRD's own validation covers the rest, the Pod template included.
 */
export function crdPodCarrier(identity: { apiVersion: string; kind: string }, crdName: string, site: CrdPodSite): WorkloadKind {
  const key = `${identity.apiVersion}/${identity.kind}/${crdName}/${site.podSpecPath.join('.')}/${site.templateMetadataPath?.join('.') ?? ''}`;
  const known = CARRIERS_BY_KEY.get(key);
  if (known) return known;
  const template = site.templateMetadataPath ? site.podSpecPath.slice(0, -1) : undefined;
  const carrier: WorkloadKind = {
    kind: identity.kind,
    apiVersion: identity.apiVersion,
    podSpecPath: site.podSpecPath,
    templateMetadataPath: site.templateMetadataPath,
    removedVersions: {},
    customResource: {
      project: `CRD ${crdName}`,
      schemaPath: template ?? site.podSpecPath,
      schemaDefinition: template ? POD_TEMPLATE_SPEC : POD_SPEC,
      fromCrd: true,
    },
  };
  CARRIERS_BY_KEY.set(key, carrier);
  CARRIER_KEYS.set(carrier, String(CARRIERS_BY_KEY.size));
  return carrier;
}
