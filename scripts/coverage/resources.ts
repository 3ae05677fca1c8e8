import type { CoverageEntry } from './entry';

/** Resources: validateResourceRequirements and the names, huge pages, Pod-level resources, resize and claims. */
const resources: CoverageEntry[] = [
  { upstream: 'validateContainerResourceName', error: 'resources.limits/requests[name]: not a qualified name', rule: 'resource-name' },
  { upstream: 'validateContainerResourceName', error: 'resources.limits/requests[name]: not a standard resource for containers', rule: 'resource-name' },
  { upstream: 'validateContainerResourceName', error: 'resources.limits/requests[name]: not an extended resource name', rule: 'resource-name' },
  { upstream: 'validatePodResourceName', error: 'spec.resources.limits/requests[name]: not supported at Pod level (cpu, memory, huge pages)', rule: 'resource-name' },
  { upstream: 'ValidateResourceQuantityValue', error: 'resources.limits/requests[name]: negative', rule: 'negative-quantity' },
  { upstream: 'ValidateResourceQuantityValue', error: 'resources.limits/requests[name]: not an integer for an integer (extended) resource', rule: 'extended-resource' },
  { upstream: 'validateResourceRequirements', error: 'resources.requests: above the limit', rule: 'request-exceeds-limit' },
  { upstream: 'validateResourceRequirements', error: 'resources.requests: not equal to the limit of a resource that cannot be overcommitted', rule: 'extended-resource' },
  { upstream: 'validateResourceRequirements', error: 'resources.limits: required for a resource that cannot be overcommitted', rule: 'extended-resource' },
  { upstream: 'validateResourceQuantityHugePageValue', error: 'resources.limits/requests[hugepages-*]: not a multiple of the page size', rule: 'hugepages-resource' },
  { upstream: 'validateResourceRequirements', error: 'resources: huge pages without cpu or memory', rule: 'hugepages-resource' },
  { upstream: 'validateResourceClaimNames', error: 'resources.claims[*]: name required', rule: 'missing-required' },
  { upstream: 'validateResourceClaimNames', error: 'resources.claims[*]: duplicate, or the whole claim beside one of its requests', rule: 'resource-claims' },
  { upstream: 'validateResourceClaimNames', error: 'resources.claims[*].request: not a DNS-1123 label', rule: 'resource-claims' },
  { upstream: 'validateResourceClaimNames', error: 'resources.claims[*]: not one of spec.resourceClaims', rule: 'resource-claims' },
  { upstream: 'validatePodResourceClaim', error: 'spec.resourceClaims[*].name: required', rule: 'missing-required' },
  { upstream: 'validatePodResourceClaim', error: 'spec.resourceClaims[*].name: duplicate, or not a DNS-1123 label', rule: 'resource-claims' },
  { upstream: 'validatePodResourceClaim', error: 'spec.resourceClaims[*]: both or neither of resourceClaimName and resourceClaimTemplateName', rule: 'resource-claims' },
  { upstream: 'validatePodResourceClaim', error: 'spec.resourceClaims[*].resourceClaimName / resourceClaimTemplateName: not a DNS subdomain', rule: 'resource-claims' },
  { upstream: 'validatePodResources', error: 'spec.resources.claims: forbidden at Pod level', rule: 'pod-resources' },
  { upstream: 'validatePodResourceConsistency', error: 'spec.resources.requests[name]: below the containers\' aggregate requests', rule: 'pod-resources' },
  { upstream: 'validatePodResourceConsistency', error: 'container limits[name]: above the Pod\'s limit', rule: 'pod-resources' },
  { upstream: 'validateOverhead', error: 'spec.overhead[name]: not a container resource name, or negative', rule: 'resource-name' },
  { upstream: 'validateResizePolicy', error: 'resizePolicy[*]: resource named twice', rule: 'resize-policy' },
  { upstream: 'validateResizePolicy', error: 'resizePolicy: resourceName or restartPolicy empty', rule: 'missing-required' },
  { upstream: 'validateResizePolicy', error: 'resizePolicy: resourceName not cpu or memory', rule: 'resize-policy' },
  { upstream: 'validateResizePolicy', error: 'resizePolicy: restartPolicy not NotRequired or RestartContainer', rule: 'resize-policy' },
  { upstream: 'validateResizePolicy', error: 'resizePolicy: RestartContainer in a Pod with restartPolicy Never', rule: 'resize-policy' },
  { upstream: 'validateInitContainers', error: 'initContainers[*].resizePolicy: forbidden on init containers', notApplicable: 'only without the InPlacePodVerticalScaling gate, on by default (beta) from 1.33' },
  { upstream: 'warnings.GetWarningsForPod', error: 'memory or storage amounts of a fraction of a byte (a warning)', rule: 'fractional-bytes' },
];

export default resources;
