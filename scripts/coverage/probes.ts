import type { CoverageEntry } from './entry';

/** Probes and lifecycle hooks: validateProbe and its callers, validateHandler, validateLifecycle, the actions. */
const probes: CoverageEntry[] = [
  { upstream: 'validateHandler', error: 'probe: must specify a handler type', rule: 'probe-handler' },
  { upstream: 'validateHandler', error: 'probe.<handler>: more than one handler type', rule: 'probe-handler' },
  { upstream: 'validateHandler', error: 'lifecycle.postStart/preStop: must specify a handler type', rule: 'lifecycle-handler' },
  { upstream: 'validateHandler', error: 'lifecycle.postStart/preStop.<handler>: more than one handler type', rule: 'lifecycle-handler' },
  { upstream: 'validateExecAction', error: 'exec.command: required', rule: 'handler-action' },
  { upstream: 'validateHTTPGetAction', error: 'httpGet.path: required', notApplicable: 'the API server fills in "/" when the path is empty' },
  { upstream: 'validateHTTPGetAction', error: 'httpGet.port: not a port number or name', rule: 'probe-port' },
  { upstream: 'validateHTTPGetAction', error: 'httpGet.scheme: not HTTP or HTTPS', rule: 'invalid-enum' },
  { upstream: 'validateHTTPGetAction', error: 'httpGet.httpHeaders: a name that is not an HTTP header name', rule: 'handler-action' },
  { upstream: 'validateTCPSocketAction', error: 'tcpSocket.port: not a port number or name', rule: 'probe-port' },
  { upstream: 'validateGRPCAction', error: 'grpc.port: outside 1..65535', rule: 'probe-port' },
  { upstream: 'validateSleepAction', error: 'sleep: seconds negative (zero before 1.33) or above terminationGracePeriodSeconds', rule: 'handler-action' },
  { upstream: 'validateProbe', error: 'probe.initialDelaySeconds / timeoutSeconds / periodSeconds / successThreshold / failureThreshold: negative', rule: 'probe-timing' },
  { upstream: 'validateProbe', error: 'probe.terminationGracePeriodSeconds: not greater than 0', rule: 'probe-timing' },
  { upstream: 'validateLivenessProbe', error: 'livenessProbe.successThreshold: not 1', rule: 'probe-success-threshold' },
  { upstream: 'validateStartupProbe', error: 'startupProbe.successThreshold: not 1', rule: 'probe-success-threshold' },
  { upstream: 'validateReadinessProbe', error: 'readinessProbe.terminationGracePeriodSeconds: must not be set', rule: 'readiness-probe-grace-period' },
  { upstream: 'validateInitContainers', error: 'initContainers[*].lifecycle / probes: forbidden without restartPolicy Always', rule: 'init-container-field' },
  { upstream: 'validateEphemeralContainers', error: 'ephemeralContainers[*]: probes, lifecycle, ports, resources cannot be set', rule: 'ephemeral-containers-in-manifest' },
];

export default probes;
