import { lines, ruleTable } from './support';

const configMap = (...metadata: string[]) => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', ...metadata);
const pod = (...metadata: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', ...metadata, 'spec:', '  containers:', '    - name: app', '      image: app:1.0');

describe('rules: object metadata (upstream ValidateObjectMeta, ValidateFinalizers, ValidateOwnerReferences)', () => {
  ruleTable('missing-name', 1, [
    { title: 'neither name nor generateName', manifest: lines('apiVersion: v1', 'kind: Pod', '«metadata»:', '  labels: {app: web}', 'spec:', '  containers: [{name: a, image: "a:1"}]'), says: /no metadata.name \(nor metadata.generateName\)/ },
    { title: 'an empty name', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: «""»') },
    { title: 'no metadata at all lands on the first line', manifest: lines('«apiVersion»: v1', 'kind: ConfigMap', 'data: {a: b}') },
    { title: 'silent: generateName alone', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  generateName: migrate-') },
    { title: 'silent: kinds whose names we do not judge', manifest: lines('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {}') },
  ]);

  ruleTable('invalid-metadata-name', 1, [
    { title: 'a generateName with upper case', manifest: configMap('  generateName: «Web-»'), says: /generateName `Web-` is not a valid prefix/ },
    { title: 'a generateName starting with a dash', manifest: configMap('  generateName: «-web»') },
    { title: 'silent: a generateName ending with a dash', manifest: configMap('  generateName: web-') },
  ]);

  ruleTable('invalid-finalizer', 1, [
    { title: 'a finalizer without a domain', manifest: configMap('  name: c', '  finalizers: [«cleanup»]'), says: /no domain prefix/ },
    { title: 'a finalizer that is no qualified name', manifest: configMap('  name: c', '  finalizers: [«"example.com/clean up"»]') },
    { title: 'orphan and foregroundDeletion together', manifest: configMap('  name: c', '  finalizers: [orphan, «foregroundDeletion»]'), says: /exclude each other/ },
    { title: 'silent: built-in and prefixed finalizers', manifest: configMap('  name: c', '  finalizers: [kubernetes, orphan, example.com/cleanup]') },
  ]);

  ruleTable('owner-reference', 1, [
    { title: 'an empty uid and name', manifest: configMap('  name: c', '  ownerReferences:', '    - apiVersion: apps/v1', '      kind: ReplicaSet', '      name: «""»', '      uid: «""»'), says: /owner reference's (name|uid) is empty/ },
    { title: 'an apiVersion without a version', manifest: configMap('  name: c', '  ownerReferences:', '    - {apiVersion: «apps/», kind: ReplicaSet, name: web, uid: 1f2e}'), says: /names no version/ },
    { title: 'an Event as owner', manifest: configMap('  name: c', '  ownerReferences:', '    - «apiVersion»: v1', '      kind: Event', '      name: e', '      uid: 1f2e') },
    { title: 'two controllers', manifest: configMap('  name: c', '  «ownerReferences»:', '    - {apiVersion: apps/v1, kind: ReplicaSet, name: a, uid: "1", controller: true}', '    - {apiVersion: apps/v1, kind: ReplicaSet, name: b, uid: "2", controller: true}'), says: /2 owner references set controller: true/ },
    { title: 'silent: one controller and one other owner', manifest: configMap('  name: c', '  ownerReferences:', '    - {apiVersion: apps/v1, kind: ReplicaSet, name: a, uid: "1", controller: true}', '    - {apiVersion: v1, kind: ConfigMap, name: b, uid: "2", controller: false}') },
  ]);

  ruleTable('reserved-annotation', 1, [
    { title: 'a pod deletion cost that is no integer', manifest: pod('  name: p', '  annotations:', '    controller.kubernetes.io/pod-deletion-cost: «high»'), says: /not a 32-bit integer/ },
    { title: 'a pod deletion cost above 32 bits on a template', manifest: lines('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata: {name: r}', 'spec:', '  template:', '    metadata:', '      annotations:', '        controller.kubernetes.io/pod-deletion-cost: «"2147483648"»') },
    { title: 'a mirror Pod without nodeName', manifest: pod('  name: p', '  «annotations»:', '    kubernetes.io/config.mirror: "abc"'), says: /mirror of a static Pod/ },
    { title: 'annotations over 256 KiB', manifest: configMap('  name: c', '  «annotations»:', `    a: "${'x'.repeat(262144)}"`), says: /at most 262144/ },
    { title: 'the critical-pod annotation is a warning', manifest: pod('  name: p', '  annotations:', '    «scheduler.alpha.kubernetes.io/critical-pod»: ""'), severity: 2, says: /no effect since Kubernetes 1\.16/ },
    { title: 'silent: a negative cost, a ConfigMap with any cost', manifest: pod('  name: p', '  annotations:', '    controller.kubernetes.io/pod-deletion-cost: "-100"') },
  ]);

  ruleTable('label-selector', 1, [
    { title: 'a Deployment selector requirement with Exists and values', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchExpressions:', '      - key: app', '        operator: Exists', '        «values»: [web]', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'), says: /only asks whether the label is there/ },
    { title: 'a selector requirement key that is no label key', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchExpressions: [{key: «"a b"», operator: DoesNotExist}]', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers: [{name: a, image: "a:1"}]') },
  ]);
});

describe('rules: labels of a CronJob\'s Job template', () => {
  ruleTable('invalid-label', 1, [
    { title: 'a Job template label value with a space', manifest: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "0 2 * * *"', '  jobTemplate:', '    metadata:', '      «labels»: {team: data team}', '    spec:', '      template:', '        spec:', '          restartPolicy: OnFailure', '          containers: [{name: a, image: "a:1"}]'), says: /Job template label value/ },
  ]);
});
