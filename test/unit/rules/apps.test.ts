import { lines, ruleTable } from './support';

/** An apps/v1 workload of `kind` with `spec` lines before a valid selector and template. */
const app = (kind: string, ...spec: string[]) => lines(`apiVersion: apps/v1`, `kind: ${kind}`, 'metadata: {name: w}', 'spec:', ...spec, '  selector: {matchLabels: {app: w}}', '  template:', '    metadata: {labels: {app: w}}', '    spec:', '      containers: [{name: a, image: "a:1"}]');

describe('rules: apps (upstream ValidateDeploymentSpec, ValidateDaemonSetSpec, ValidateStatefulSetSpec, ValidateReplicaSetSpec)', () => {
  ruleTable('workload-number', 1, [
    { title: 'negative replicas, minReadySeconds and revisionHistoryLimit', manifest: app('Deployment', '  replicas: «-1»', '  minReadySeconds: «-5»', '  revisionHistoryLimit: «-2»'), says: /is -\d+; it must be 0 or more/ },
    { title: 'a progress deadline not above minReadySeconds', manifest: app('Deployment', '  minReadySeconds: 30', '  progressDeadlineSeconds: «30»'), says: /progressDeadlineSeconds \(30\) must be greater than minReadySeconds \(30\)/ },
    { title: 'a negative StatefulSet ordinal start and partition', manifest: app('StatefulSet', '  ordinals: {start: «-1»}', '  updateStrategy:', '    rollingUpdate: {partition: «-3»}') },
    { title: 'negative ReplicaSet replicas', manifest: app('ReplicaSet', '  replicas: «-3»') },
    { title: 'a negative DaemonSet minReadySeconds', manifest: app('DaemonSet', '  minReadySeconds: «-1»') },
    { title: 'silent: zeros and a deadline after readiness', manifest: app('Deployment', '  replicas: 0', '  minReadySeconds: 10', '  revisionHistoryLimit: 0', '  progressDeadlineSeconds: 600') },
  ]);

  ruleTable('deployment-strategy', 1, [
    { title: 'Recreate with rollingUpdate', manifest: app('Deployment', '  strategy:', '    type: Recreate', '    «rollingUpdate»: {maxSurge: 1}'), says: /may not be set when the strategy type is Recreate/ },
    { title: 'both limits 0', manifest: app('Deployment', '  strategy:', '    rollingUpdate: {maxSurge: "0%", maxUnavailable: «0»}'), says: /both 0/ },
    { title: 'maxUnavailable over 100%', manifest: app('Deployment', '  strategy:', '    rollingUpdate: {maxUnavailable: «"150%"»}'), says: /at most 100%/ },
    { title: 'silent: maxUnavailable 0 with the default surge', manifest: app('Deployment', '  strategy:', '    rollingUpdate: {maxUnavailable: 0}') },
  ]);

  ruleTable('update-strategy', 1, [
    { title: 'a DaemonSet with maxUnavailable 0 and the default surge of 0', manifest: app('DaemonSet', '  updateStrategy:', '    rollingUpdate: {maxUnavailable: «0»}'), says: /maxSurge defaults to 0 here/ },
    { title: 'a DaemonSet with maxUnavailable over 100%', manifest: app('DaemonSet', '  updateStrategy:', '    type: RollingUpdate', '    rollingUpdate: {maxUnavailable: «"101%"»}') },
    { title: 'a StatefulSet OnDelete with rollingUpdate', manifest: app('StatefulSet', '  updateStrategy:', '    type: OnDelete', '    «rollingUpdate»: {partition: 1}'), says: /applies only to the RollingUpdate strategy/ },
    { title: 'a StatefulSet maxUnavailable of 0 at 1.35', manifest: app('StatefulSet', '  updateStrategy:', '    rollingUpdate: {maxUnavailable: «0»}'), settings: { kubernetesVersion: '1.35' }, says: /MaxUnavailableStatefulSet on by default/ },
    { title: 'silent: a StatefulSet maxUnavailable of 0 at 1.34, where the field is dropped', manifest: app('StatefulSet', '  updateStrategy:', '    rollingUpdate: {maxUnavailable: 0}'), settings: { kubernetesVersion: '1.34' } },
    { title: 'silent: a DaemonSet surging one Pod with none unavailable', manifest: app('DaemonSet', '  updateStrategy:', '    rollingUpdate: {maxUnavailable: 0, maxSurge: 1}') },
    { title: 'a DaemonSet surging while maxUnavailable defaults to 1', manifest: app('DaemonSet', '  updateStrategy:', '    rollingUpdate: {maxSurge: «1»}'), says: /either surges or takes Pods down.*defaults to 1/ },
    { title: 'a DaemonSet surging over 100%', manifest: app('DaemonSet', '  updateStrategy:', '    rollingUpdate: {maxUnavailable: 0, maxSurge: «"120%"»}'), says: /at most 100%/ },
  ]);

  const withDeadline = (kind: string) => lines('apiVersion: apps/v1', `kind: ${kind}`, 'metadata: {name: w}', 'spec:', '  selector: {matchLabels: {app: w}}', '  template:', '    metadata: {labels: {app: w}}', '    spec:', '      «activeDeadlineSeconds»: 3600', '      containers: [{name: a, image: "a:1"}]');
  ruleTable('template-active-deadline', 1, [
    { title: 'in a Deployment', manifest: withDeadline('Deployment'), says: /A Deployment keeps its Pods running/ },
    { title: 'in a StatefulSet', manifest: withDeadline('StatefulSet') },
    { title: 'in a DaemonSet', manifest: withDeadline('DaemonSet') },
    { title: 'in a ReplicaSet', manifest: withDeadline('ReplicaSet') },
    { title: 'silent: in a Job', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      activeDeadlineSeconds: 3600', '      restartPolicy: Never', '      containers: [{name: a, image: "a:1"}]') },
  ]);

  const statefulSet = (...spec: string[]) => lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', ...spec, '  selector: {matchLabels: {app: db}}', '  template:', '    metadata: {labels: {app: db}}', '    spec:', '      containers: [{name: a, image: "a:1"}]');
  ruleTable('statefulset-spec', 1, [
    { title: 'a serviceName that is no DNS label', manifest: statefulSet('  serviceName: «db.headless»'), says: /serviceName `db.headless` is not a DNS-1123 label/ },
    { title: 'a claim template without access modes lands on its spec', manifest: statefulSet('  volumeClaimTemplates:', '    - metadata: {name: data}', '      «spec»:', '        resources: {requests: {storage: 1Gi}}'), says: /at least one access mode/ },
    { title: 'empty requests: the finding lands on resources, the map upstream names', manifest: statefulSet('  volumeClaimTemplates:', '    - metadata: {name: data}', '      spec:', '        accessModes: [ReadWriteOnce]', '        «resources»:', '          requests: {}') },
    { title: 'a claim template without a storage request', manifest: statefulSet('  volumeClaimTemplates:', '    - metadata: {name: data}', '      spec:', '        accessModes: [ReadWriteOnce]', '        «resources»: {}'), says: /needs resources.requests.storage/ },
    { title: 'a zero storage request, ReadWriteOncePod with another mode, a bad class name', manifest: statefulSet('  volumeClaimTemplates:', '    - metadata: {name: data}', '      spec:', '        «accessModes»: [ReadWriteOncePod, ReadOnlyMany]', '        storageClassName: «Fast_SSD»', '        resources: {requests: {storage: «"0"»}}') },
    { title: 'silent: a headless service name and a complete claim template', manifest: statefulSet('  serviceName: db-headless', '  volumeClaimTemplates:', '    - metadata: {name: data}', '      spec:', '        accessModes: [ReadWriteOnce]', '        storageClassName: fast-ssd', '        resources: {requests: {storage: 10Gi}}') },
  ]);
});
