import { lines, ruleTable } from './support';

const podResources = (...container: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ...container);
const pod = (...resources: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      resources:', ...resources);

describe('rules: resources', () => {
  ruleTable('request-exceeds-limit', 1, [
    { title: 'memory request above its limit', manifest: pod('        «requests»:', '          memory: 512Mi', '        limits:', '          memory: 256Mi'), says: /memory request \(512 MiB\) of container `web` is above its limit \(256 MiB\)/ },
    { title: 'cpu in different units', manifest: pod('        «requests»:', '          cpu: 1.5', '        limits:', '          cpu: 1000m'), says: /cpu request \(1.5 CPU\)/ },
    { title: 'silent: equal amounts in different units', manifest: pod('        requests:', '          cpu: 500m', '          memory: 1Gi', '        limits:', '          cpu: "0.5"', '          memory: 1024Mi') },
    { title: 'silent: only a limit (the request defaults to it)', manifest: pod('        limits:', '          memory: 256Mi') },
    { title: 'pod-level resources too', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  resources:', '    «requests»: {cpu: 2}', '    limits: {cpu: 1}', '  containers:', '    - name: web', '      image: nginx:1.27'), says: /the Pod \(spec.resources\)/ },
  ]);

  ruleTable('negative-quantity', 1, [
    { title: 'a negative cpu request', manifest: pod('        requests:', '          cpu: «-100m»'), says: /is negative \(-100m\)/ },
    { title: 'silent: zero', manifest: pod('        requests:', '          cpu: 0') },
  ]);

  ruleTable('fractional-bytes', 2, [
    { title: 'memory: 100m', manifest: pod('        limits:', '          memory: «100m»'), says: /fraction of a byte.*Did you mean `100Mi`/ },
    { title: 'silent: memory: 100M', manifest: pod('        limits:', '          memory: 100M') },
    { title: 'silent: cpu: 100m', manifest: pod('        limits:', '          cpu: 100m') },
  ]);

  ruleTable('memory-without-unit', 2, [
    { title: 'memory: 12, a YAML number', manifest: pod('        limits:', '          memory: «12»'), says: /^The memory limit `12` of container `web` has no unit, so it is 12 bytes: no container can run in that\. Did you mean `12Mi` \(mebibytes\) or `12Gi` \(gibibytes\)\?$/ },
    { title: 'memory: "512", a quoted string, as a request', manifest: pod('        requests:', '          memory: «"512"»'), says: /^The memory request `512` of container `web` has no unit, so it is 512 bytes: the scheduler reserves almost nothing\. Did you mean `512Mi` \(mebibytes\) or `512Gi` \(gibibytes\)\?$/ },
    { title: 'ephemeral-storage: 2', manifest: pod('        requests:', '          ephemeral-storage: «2»'), says: /ephemeral-storage request `2` .* 2 bytes/ },
    { title: 'just below 1Mi: only Mi is suggested', manifest: pod('        limits:', '          memory: «1048575»'), says: /1048575 bytes: .* Did you mean `1048575Mi` \(mebibytes\)\?$/ },
    { title: 'pod-level resources too', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  resources: {limits: {memory: «64»}}', '  containers:', '    - name: web', '      image: nginx:1.27'), says: /memory limit `64` of the Pod \(spec.resources\)/ },
    { title: 'silent: exactly 1Mi in plain bytes', manifest: pod('        limits:', '          memory: 1048576') },
    { title: 'silent: 128Mi in plain bytes', manifest: pod('        limits:', '          memory: 134217728') },
    { title: 'silent: a unit', manifest: pod('        requests:', '          memory: 12Mi', '          ephemeral-storage: 2G') },
    { title: 'silent: a quoted exponent', manifest: pod('        limits:', '          memory: "5e3"') },
    { title: 'silent: zero', manifest: pod('        requests:', '          memory: 0') },
    { title: 'silent: cpu: 2 (cores)', manifest: pod('        limits:', '          cpu: 2') },
    { title: 'silent: a fraction is fractional-bytes\' finding, not this one', manifest: pod('        limits:', '          memory: 0.5') },
  ]);

  ruleTable('extended-resource', 1, [
    { title: 'request differs from limit', manifest: pod('        «requests»:', '          nvidia.com/gpu: 1', '        limits:', '          nvidia.com/gpu: 2'), says: /request \(1\) of container `web` differs from its limit \(2\)/ },
    { title: 'a request without a limit', manifest: podResources('      «resources»:', '        requests:', '          nvidia.com/gpu: 1'), says: /has no limit/ },
    { title: 'a fraction of a device', manifest: pod('        limits:', '          nvidia.com/gpu: «0.5»'), says: /not a whole number/ },
    { title: 'silent: only the limit', manifest: pod('        limits:', '          nvidia.com/gpu: 1') },
    { title: 'huge pages: request differs from limit', manifest: pod('        «requests»:', '          hugepages-2Mi: 100Mi', '          memory: 64Mi', '        limits:', '          hugepages-2Mi: 200Mi', '          memory: 64Mi'), says: /Huge pages cannot be overcommitted/ },
    { title: 'silent: huge pages equal in different units', manifest: pod('        requests:', '          hugepages-2Mi: 100Mi', '        limits:', '          hugepages-2Mi: 104857600') },
    { title: 'silent: request equal to limit', manifest: pod('        requests:', '          nvidia.com/gpu: 2', '        limits:', '          nvidia.com/gpu: "2"') },
  ]);

  ruleTable('missing-resources', 4, [
    { title: 'a container without resources', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: «web»', '      image: nginx:1.27'), says: /sets no resource requests or limits/ },
    { title: 'silent: requests only', manifest: pod('        requests:', '          cpu: 100m') },
    { title: 'silent: switched off in the settings', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27'), settings: { rules: { 'missing-resources': 'off' } } },
    { title: 'raised to a warning in the settings', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: «web»', '      image: nginx:1.27'), settings: { rules: { 'missing-resources': 'warning' } }, severity: 2 },
  ]);
});

describe('rules: missing-resources scope', () => {
  ruleTable('missing-resources', 4, [
    {
      title: 'an init step that exits is left alone; a native sidecar is reported',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  initContainers:', '    - name: setup', '      image: busybox:1.36', '    - name: «proxy»', '      image: envoy:1.0', '      restartPolicy: Always', '  containers:', '    - name: web', '      image: nginx:1.27', '      resources: {requests: {cpu: 100m}}'),
    },
    { title: 'silent: Pod-level resources cover every container', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  resources: {requests: {cpu: "1"}}', '  containers:', '    - name: web', '      image: nginx:1.27') },
  ]);
});
