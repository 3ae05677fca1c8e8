import { deploymentStrategyFixes, duplicateEnvFixes, ephemeralContainersFixes, hostNetworkPortFixes, initContainerRestartPolicyFixes, invalidSubPathFixes, podFailurePolicyRestartFixes, probeSuccessThresholdFixes, readinessGracePeriodFixes, workloadRestartPolicyFixes } from '../../../../server/src/codeActions/ruleValues';
import { deploymentStrategyRule } from '../../../../server/src/rules/apps';
import { duplicateEnvRule } from '../../../../server/src/rules/env';
import { ephemeralContainersRule, initRestartPolicyRule } from '../../../../server/src/rules/lifecycle';
import { hostNetworkPortRule } from '../../../../server/src/rules/ports';
import { probeSuccessThresholdRule, readinessGracePeriodRule } from '../../../../server/src/rules/probes';
import { invalidSubPathRule } from '../../../../server/src/rules/volumes';
import { podFailurePolicyRule, workloadRestartPolicyRule } from '../../../../server/src/rules/workloads';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', ...spec);
const job = (...podSpec: string[]) => lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', ...podSpec);

fixTable(workloadRestartPolicyFixes, [
  {
    title: "sets a Deployment template's restartPolicy to Always",
    rule: workloadRestartPolicyRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      restartPolicy: «OnFailure»', '      containers: [{name: a, image: "a:1"}]'),
    apply: 'Change to `Always`',
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      restartPolicy: Always', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: "a Job's template restartPolicy Always: OnFailure or Never, neither preferred",
    rule: workloadRestartPolicyRule,
    manifest: job('      restartPolicy: «Always»', '      containers: [{name: a, image: "a:1"}]'),
    offers: ['Change to `Never`', 'Change to `OnFailure`'],
    apply: 'Change to `Never`',
    expected: job('      restartPolicy: Never', '      containers: [{name: a, image: "a:1"}]'),
  },
]);

fixTable(podFailurePolicyRestartFixes, [
  {
    title: 'sets restartPolicy Never where a podFailurePolicy judges the Pods',
    rule: podFailurePolicyRule,
    manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  podFailurePolicy:', '    rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]', '  template:', '    spec:', '      restartPolicy: «OnFailure»', '      containers: [{name: a, image: "a:1"}]'),
    apply: 'Change to `Never`',
    preferred: true,
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  podFailurePolicy:', '    rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]', '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: a, image: "a:1"}]'),
  },
]);

fixTable(initContainerRestartPolicyFixes, [
  {
    title: "removes an init container's restartPolicy other than Always",
    rule: initRestartPolicyRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '    - name: init', '      image: init:1', '      restartPolicy: «OnFailure»', '  containers: [{name: a, image: "a:1"}]'),
    apply: 'Remove `restartPolicy` (an init step that runs to completion)',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '    - name: init', '      image: init:1', '  containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: 'or a native sidecar that keeps running, in a flow container',
    rule: initRestartPolicyRule,
    manifest: pod('  initContainers: [{name: init, image: "init:1", restartPolicy: «Never»}]', '  containers: [{name: a, image: "a:1"}]'),
    offers: ['Remove `restartPolicy` (an init step that runs to completion)', 'Change to `Always` (a native sidecar that keeps running)'],
    apply: 'Change to `Always` (a native sidecar that keeps running)',
    expected: pod('  initContainers: [{name: init, image: "init:1", restartPolicy: Always}]', '  containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: 'the removal in a flow container takes its comma',
    rule: initRestartPolicyRule,
    manifest: pod('  initContainers: [{name: init, image: "init:1", restartPolicy: «Never»}]', '  containers: [{name: a, image: "a:1"}]'),
    apply: 'Remove `restartPolicy` (an init step that runs to completion)',
    preferred: true,
    expected: pod('  initContainers: [{name: init, image: "init:1"}]', '  containers: [{name: a, image: "a:1"}]'),
  },
]);

fixTable(probeSuccessThresholdFixes, [
  {
    title: "sets a liveness probe's successThreshold to 1",
    rule: probeSuccessThresholdRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      livenessProbe: {httpGet: {path: /, port: 80}, successThreshold: «3»}'),
    apply: 'Change to `1`',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      livenessProbe: {httpGet: {path: /, port: 80}, successThreshold: 1}'),
  },
  {
    title: 'a startup probe in block style, CRLF',
    rule: probeSuccessThresholdRule,
    crlf: true,
    manifest: pod('  containers:', '    - name: a', '      image: a:1', '      startupProbe:', '        tcpSocket: {port: 80}', '        successThreshold: «2»'),
    apply: 'Change to `1`',
    preferred: true,
    expected: pod('  containers:', '    - name: a', '      image: a:1', '      startupProbe:', '        tcpSocket: {port: 80}', '        successThreshold: 1'),
  },
]);

fixTable(readinessGracePeriodFixes, [
  {
    title: 'removes terminationGracePeriodSeconds from a readiness probe',
    rule: readinessGracePeriodRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      readinessProbe:', '        tcpSocket: {port: 80}', '        «terminationGracePeriodSeconds»: 10', '        periodSeconds: 5'),
    apply: 'Remove `terminationGracePeriodSeconds` from the readiness probe',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      readinessProbe:', '        tcpSocket: {port: 80}', '        periodSeconds: 5'),
  },
  {
    title: 'in a flow probe, with its comma',
    rule: readinessGracePeriodRule,
    manifest: pod('  containers:', '    - name: a', '      image: a:1', '      readinessProbe: {tcpSocket: {port: 80}, «terminationGracePeriodSeconds»: 10}'),
    apply: 'Remove `terminationGracePeriodSeconds` from the readiness probe',
    preferred: true,
    expected: pod('  containers:', '    - name: a', '      image: a:1', '      readinessProbe: {tcpSocket: {port: 80}}'),
  },
]);

fixTable(hostNetworkPortFixes, [
  {
    title: 'makes hostPort equal containerPort under hostNetwork',
    rule: hostNetworkPortRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  containers:', '    - name: a', '      image: a:1', '      ports: [{containerPort: 9100, hostPort: «9200»}]'),
    apply: 'Set hostPort to 9100 (the containerPort)',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  containers:', '    - name: a', '      image: a:1', '      ports: [{containerPort: 9100, hostPort: 9100}]'),
  },
  {
    title: 'or leave the hostPort out, in block style',
    rule: hostNetworkPortRule,
    manifest: pod('  hostNetwork: true', '  containers:', '    - name: a', '      image: a:1', '      ports:', '        - containerPort: 9100', '          hostPort: «9200»'),
    offers: ['Set hostPort to 9100 (the containerPort)', 'Remove `hostPort`'],
    apply: 'Remove `hostPort`',
    expected: pod('  hostNetwork: true', '  containers:', '    - name: a', '      image: a:1', '      ports:', '        - containerPort: 9100'),
  },
]);

fixTable(invalidSubPathFixes, [
  {
    title: 'makes an absolute subPath relative to the volume',
    rule: invalidSubPathRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      «volumeMounts»:', "        - {name: v, mountPath: /etc/app, subPath: '/config/app'}", '  volumes: [{name: v, emptyDir: {}}]'),
    apply: 'Make it relative: `config/app`',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      volumeMounts:', "        - {name: v, mountPath: /etc/app, subPath: 'config/app'}", '  volumes: [{name: v, emptyDir: {}}]'),
  },
  {
    title: 'no fix for a path that climbs out of the volume',
    rule: invalidSubPathRule,
    manifest: pod('  containers:', '    - name: a', '      image: a:1', '      «volumeMounts»:', '        - {name: v, mountPath: /etc/app, subPath: ../config}', '  volumes: [{name: v, emptyDir: {}}]'),
    offers: [],
  },
]);

fixTable(deploymentStrategyFixes, [
  {
    title: 'removes rollingUpdate from a Recreate strategy',
    rule: deploymentStrategyRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    type: Recreate', '    «rollingUpdate»:', '      maxSurge: 1', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    apply: 'Remove `rollingUpdate` (Recreate does not use it)',
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    type: Recreate', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: 'lets one surge Pod through when both rollout limits are 0',
    rule: deploymentStrategyRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    rollingUpdate: {maxSurge: "0%", maxUnavailable: «0»}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    apply: 'Set `maxSurge: 1` (full capacity during the rollout)',
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
]);

fixTable(duplicateEnvFixes, [
  {
    title: 'removes the earlier of two entries of one environment variable',
    rule: duplicateEnvRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      env:', '        - name: MODE', '          value: slow', '        - name: LEVEL', '          value: "2"', '        - name: «MODE»', '          value: fast'),
    apply: 'Remove the earlier entry (the later one is the one in effect)',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      env:', '        - name: LEVEL', '          value: "2"', '        - name: MODE', '          value: fast'),
  },
  {
    title: 'the earlier item of a flow list goes with its comma',
    rule: duplicateEnvRule,
    manifest: pod('  containers:', '    - name: a', '      image: a:1', '      env: [{name: MODE, value: slow}, {name: «MODE», value: fast}]'),
    apply: 'Remove the earlier entry (the later one is the one in effect)',
    preferred: true,
    expected: pod('  containers:', '    - name: a', '      image: a:1', '      env: [{name: MODE, value: fast}]'),
  },
]);

fixTable(ephemeralContainersFixes, [
  {
    title: 'removes ephemeralContainers from a manifest',
    rule: ephemeralContainersRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: "a:1"}]', '  «ephemeralContainers»:', '    - name: debug', '      image: busybox:1.36', '  hostname: h'),
    apply: 'Remove `ephemeralContainers` (add them to a running Pod with kubectl debug)',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: "a:1"}]', '  hostname: h'),
  },
]);
