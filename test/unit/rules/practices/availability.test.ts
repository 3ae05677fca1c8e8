import { lines, ruleTable } from '../support';
import { deploymentWith } from './support';

describe('rules: availability practices', () => {
  ruleTable('replicas-without-spread', 2, [
    { title: '3 replicas, nothing spreads them', manifest: deploymentWith([], ['replicas: «3»']), says: /3 replicas and nothing spreads them/ },
    { title: 'silent: topology spread constraints', manifest: deploymentWith([], ['replicas: 3'], ['topologySpreadConstraints:', '  - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}']) },
    { title: 'silent: pod anti-affinity', manifest: deploymentWith([], ['replicas: 3'], ['affinity:', '  podAntiAffinity:', '    preferredDuringSchedulingIgnoredDuringExecution: []']) },
    { title: 'silent: one replica', manifest: deploymentWith([], ['replicas: 1']) },
  ]);
  ruleTable('too-few-replicas', 3, [
    { title: 'replicas: 1', manifest: deploymentWith([], ['replicas: «1»']), says: /downtime at every rollout/ },
    { title: 'silent: not written (an autoscaler may set it)', manifest: deploymentWith([]) },
    { title: 'silent: a DaemonSet', manifest: lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: agent}', 'spec:', '  replicas: 1', '  template:', '    spec:', '      priorityClassName: node-critical', '      containers: [{name: agent, image: agent:1.0}]') },
  ]);
  ruleTable('priority-class-missing', 3, [
    { title: 'no priorityClassName: on the first key of the Pod spec', manifest: deploymentWith([]).replace('      containers:', '      «containers»:'), says: /No priorityClassName/ },
    { title: 'silent: set', manifest: deploymentWith([], [], ['priorityClassName: business-critical']) },
  ]);
});
