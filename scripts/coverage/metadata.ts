import type { CoverageEntry } from './entry';

/** Object metadata: names, namespaces, labels, annotations, finalizers, owner references, label selectors. */
const metadata: CoverageEntry[] = [
  { upstream: 'ValidateObjectMeta', error: 'metadata.name: name or generateName is required', rule: 'missing-name' },
  { upstream: 'ValidateObjectMeta', error: 'metadata.name: not the grammar of the kind (DNS subdomain, DNS label for StatefulSet)', rule: 'invalid-metadata-name' },
  { upstream: 'ValidateObjectMeta', error: 'metadata.generateName: not a valid prefix of the kind\'s names', rule: 'invalid-metadata-name' },
  { upstream: 'ValidateObjectMeta', error: 'metadata.namespace: not a DNS-1123 label', rule: 'invalid-metadata-name' },
  { upstream: 'ValidateObjectMeta', error: 'metadata.namespace: forbidden on cluster-scoped kinds', notApplicable: 'no pod-carrying kind is cluster-scoped' },
  { upstream: 'ValidateLabels', error: 'metadata.labels: key not a qualified name', rule: 'invalid-label' },
  { upstream: 'ValidateLabels', error: 'metadata.labels: value not a label value', rule: 'invalid-label' },
  { upstream: 'ValidateAnnotations', error: 'metadata.annotations: key not a qualified name (checked in lower case)', rule: 'invalid-annotation-key' },
  { upstream: 'ValidateAnnotationsSize', error: 'metadata.annotations: keys and values over 256 KiB together', rule: 'reserved-annotation' },
  { upstream: 'ValidatePodSpecificAnnotations', error: 'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: not a 32-bit integer', rule: 'reserved-annotation' },
  { upstream: 'ValidatePodSpecificAnnotations', error: 'metadata.annotations[kubernetes.io/config.mirror]: requires spec.nodeName', rule: 'reserved-annotation' },
  { upstream: 'warningsForPodSpecAndMeta', error: 'metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: no effect since 1.16 (warning)', rule: 'reserved-annotation' },
  { upstream: 'ValidateFinalizers', error: 'metadata.finalizers[*]: not a qualified name', rule: 'invalid-finalizer' },
  { upstream: 'ValidateFinalizerName', error: 'metadata.finalizers[*]: neither a standard finalizer nor domain-qualified', rule: 'invalid-finalizer' },
  { upstream: 'ValidateFinalizers', error: 'metadata.finalizers: orphan and foregroundDeletion together', rule: 'invalid-finalizer' },
  { upstream: 'ValidateOwnerReferences', error: 'metadata.ownerReferences[*].apiVersion: no version', rule: 'owner-reference' },
  { upstream: 'ValidateOwnerReferences', error: 'metadata.ownerReferences[*].kind: empty', rule: 'owner-reference' },
  { upstream: 'ValidateOwnerReferences', error: 'metadata.ownerReferences[*].name: empty', rule: 'owner-reference' },
  { upstream: 'ValidateOwnerReferences', error: 'metadata.ownerReferences[*].uid: empty', rule: 'owner-reference' },
  { upstream: 'ValidateOwnerReferences', error: 'metadata.ownerReferences[*]: a v1 Event may not be an owner', rule: 'owner-reference' },
  { upstream: 'ValidateOwnerReferences', error: 'metadata.ownerReferences: more than one with controller: true', rule: 'owner-reference' },
  { upstream: 'ValidateOwnerReferences', error: 'metadata.ownerReferences[*]: apiVersion, kind, name or uid missing', rule: 'missing-required' },
  { upstream: 'ValidateObjectMeta', error: 'metadata.resourceVersion, uid, creationTimestamp and the like: set by the server', notApplicable: 'the server clears or ignores them on create' },
  { upstream: 'ValidateObjectMetaUpdate', error: 'metadata.name, namespace, uid, creationTimestamp: immutable', notApplicable: 'update-only' },
  { upstream: 'ValidateLabelSelector', error: 'selector.matchLabels: keys and values as labels', rule: 'invalid-label' },
  { upstream: 'ValidateLabelSelectorRequirement', error: 'selector.matchExpressions[*].values: required for In and NotIn', rule: 'label-selector' },
  { upstream: 'ValidateLabelSelectorRequirement', error: 'selector.matchExpressions[*].values: forbidden for Exists and DoesNotExist', rule: 'label-selector' },
  { upstream: 'ValidateLabelSelectorRequirement', error: 'selector.matchExpressions[*].operator: not In, NotIn, Exists or DoesNotExist', rule: 'label-selector' },
  { upstream: 'ValidateLabelSelectorRequirement', error: 'selector.matchExpressions[*].key: not a qualified name', rule: 'label-selector' },
  { upstream: 'ValidateLabelSelectorRequirement', error: 'selector.matchExpressions[*].values[*]: not a label value', rule: 'label-selector' },
];

export default metadata;
