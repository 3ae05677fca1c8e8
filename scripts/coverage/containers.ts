import type { CoverageEntry } from './entry';

/** Containers, init containers, native sidecars and ephemeral containers: validateContainers and its helpers. */
const containers: CoverageEntry[] = [
  { upstream: 'validateContainerCommon', error: 'spec.containers[*].name: required', rule: 'missing-required' },
  { upstream: 'validateContainerCommon', error: 'spec.containers[*].name: not a DNS-1123 label', rule: 'invalid-container-name' },
  { upstream: 'validateContainers', error: 'spec.containers[*].name: duplicate among init, app and ephemeral containers', rule: 'duplicate-container-name' },
  { upstream: 'validateInitContainers', error: 'spec.initContainers[*].name: duplicate of an app container', rule: 'duplicate-container-name' },
  { upstream: 'validateContainerCommon', error: 'spec.containers[*].imagePullPolicy: not Always, IfNotPresent or Never', rule: 'invalid-enum' },
  { upstream: 'validateContainerCommon', error: 'spec.containers[*].terminationMessagePolicy: not File or FallbackToLogsOnError', rule: 'invalid-enum' },
  { upstream: 'validateContainerPorts', error: 'spec.containers[*].ports[*].containerPort: outside 1..65535', rule: 'port-range' },
  { upstream: 'validateContainerPorts', error: 'spec.containers[*].ports[*].hostPort: outside 1..65535', rule: 'port-range' },
  { upstream: 'validateContainerPorts', error: 'spec.containers[*].ports[*].name: not an IANA service name', rule: 'invalid-port-name' },
  { upstream: 'validateContainerPorts', error: 'spec.containers[*].ports[*].name: duplicate in one container', rule: 'duplicate-port-name' },
  { upstream: 'validateContainerPorts', error: 'spec.containers[*].ports[*].protocol: not TCP, UDP or SCTP', rule: 'invalid-enum' },
  { upstream: 'AccumulateUniqueHostPorts', error: 'spec.containers[*].ports[*].hostPort: same hostPort, protocol and hostIP twice in the Pod', rule: 'host-port-conflict' },
  { upstream: 'validateInitContainers', error: 'spec.initContainers[*].livenessProbe/readinessProbe/startupProbe: forbidden on an init container that is not a sidecar', rule: 'init-container-field' },
  { upstream: 'validateInitContainers', error: 'spec.initContainers[*].lifecycle: forbidden on an init container that is not a sidecar', rule: 'init-container-field' },
  { upstream: 'validateInitContainers', error: 'spec.initContainers[*].restartPolicy: only Always', rule: 'init-container-restart-policy' },
  { upstream: 'validateContainers', error: 'spec.containers[*].restartPolicy: set on an app container outside the rules the version allows', rule: 'container-restart-policy' },
  { upstream: 'validateEphemeralContainers', error: 'spec.ephemeralContainers: added through the ephemeralcontainers subresource, not on create', rule: 'ephemeral-containers-in-manifest' },
  { upstream: 'ValidatePodSpec', error: 'spec.containers: required, at least one', rule: 'missing-required' },
  { upstream: 'validateContainerCommon', error: 'spec.containers[*].image: required', rule: 'missing-required' },
  { upstream: 'validateContainerOnlyForPod', error: 'spec.containers[*].image: leading or trailing whitespace (Pods only)', rule: 'image-whitespace' },
  { upstream: 'validatePullPolicy', error: 'imagePullPolicy: required', notApplicable: 'the API server fills in the pull policy from the image tag' },
  { upstream: 'validateContainerCommon', error: 'terminationMessagePolicy: required', notApplicable: 'the API server fills in File' },
  { upstream: 'validateContainerPorts', error: 'ports[*].containerPort: required', rule: 'missing-required' },
  { upstream: 'validateContainerPorts', error: 'ports[*].protocol: required', notApplicable: 'the API server fills in TCP' },
  { upstream: 'validatePodHostNetworkDeps', error: 'ports[*].hostPort: not equal to containerPort with hostNetwork', rule: 'host-network-port' },
  { upstream: 'validateEphemeralContainers', error: 'ephemeralContainers[*].targetContainerName: not a container of the Pod', rule: 'ephemeral-containers-in-manifest' },
];

export default containers;
