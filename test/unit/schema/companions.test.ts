import assert from 'node:assert/strict';
import { yaml } from '../support/service';
import { schemaSummary } from './support';

/**
 * Schema validation of the companion kinds (Service, ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount,
 * Ingress, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget): the same messages as for Pods, exactly
 * where the mistake is. Each kind has a clean manifest (no finding), an unknown field with its did-you-mean, a
 * wrong type and, where the schema has one, an enum. Rows: [rule, line:col-line:col, exact message].
 */
type Expected = [code: string, range: string, message: string];

function table(kind: string, cases: readonly { name: string; text: string; expected: readonly Expected[] }[]): void {
  describe(`schema validation of a ${kind}`, () => {
    for (const c of cases) {
      it(c.name, () => assert.deepEqual(schemaSummary(c.text), c.expected, c.text));
    }
  });
}

const service = (...spec: string[]) => yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', ...spec);

table('Service', [
  {
    name: 'a valid Service has no finding (targetPort 0 or "" is defaulted to the port by the API server)',
    text: service('  type: ClusterIP', '  selector:', '    app: web', '  ports:', '    - port: 80', '      targetPort: http', '    - port: 81', '      targetPort: 0', '    - port: 82', '      targetPort: ""'),
    expected: [],
  },
  {
    name: 'tragetPort is an unknown field with did-you-mean targetPort',
    text: service('  ports:', '    - port: 80', '      tragetPort: 8080'),
    expected: [['unknown-field', '7:6-7:16', 'Unknown field `tragetPort` in ServicePort at spec.ports[0]: did you mean `targetPort`?']],
  },
  {
    name: 'type: ClusterIp is an invalid enum suggesting ClusterIP',
    text: service('  type: ClusterIp', '  ports:', '    - port: 80'),
    expected: [['invalid-enum', '5:8-5:17', '`ClusterIp` is not a valid type: did you mean ClusterIP? (one of ClusterIP, ExternalName, LoadBalancer, NodePort; values are case-sensitive)']],
  },
  {
    name: 'a port written as a string is a wrong type, on the value',
    text: service('  ports:', '    - port: "80"'),
    expected: [['wrong-type', '6:12-6:16', '`port` must be an integer, but "80" is a quoted string: remove the quotes.']],
  },
]);

const configMap = (...rest: string[]) => yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', ...rest);

table('ConfigMap', [
  { name: 'a valid ConfigMap has no finding', text: configMap('data:', '  LOG_LEVEL: info', '  app.properties: |', '    a=b', 'immutable: true'), expected: [] },
  { name: 'datas is an unknown field with did-you-mean data', text: configMap('datas:', '  LOG_LEVEL: info'), expected: [['unknown-field', '4:0-4:5', 'Unknown field `datas` in ConfigMap (the top level): did you mean `data`?']] },
  { name: 'a number as a data value is a wrong type (values are strings)', text: configMap('data:', '  PORT: 8080'), expected: [['wrong-type', '5:8-5:12', '`PORT` must be a string, but 8080 is a number: quote it ("8080").']] },
]);

const secret = (...rest: string[]) => yaml('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: credentials', ...rest);

table('Secret', [
  { name: 'a valid Secret has no finding', text: secret('type: Opaque', 'stringData:', '  password: hunter2', 'data:', '  token: aGVsbG8='), expected: [] },
  { name: 'stringdata is an unknown field with did-you-mean stringData', text: secret('stringdata:', '  password: hunter2'), expected: [['unknown-field', '4:0-4:10', 'Unknown field `stringdata` in Secret (the top level): did you mean `stringData`?']] },
  { name: 'immutable: "yes" is a wrong type', text: secret('immutable: "yes"'), expected: [['wrong-type', '4:11-4:16', '`immutable` must be a boolean (true or false), not the string "yes".']] },
]);

const claim = (...spec: string[]) => yaml('apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: data', 'spec:', ...spec);

table('PersistentVolumeClaim', [
  {
    name: 'a valid claim has no finding',
    text: claim('  accessModes: [ReadWriteOnce]', '  volumeMode: Filesystem', '  storageClassName: standard', '  resources:', '    requests:', '      storage: 10Gi'),
    expected: [],
  },
  { name: 'accesModes is an unknown field with did-you-mean accessModes', text: claim('  accesModes: [ReadWriteOnce]'), expected: [['unknown-field', '5:2-5:12', 'Unknown field `accesModes` in PersistentVolumeClaimSpec at spec: did you mean `accessModes`?']] },
  { name: 'an access mode in the wrong case is an invalid enum', text: claim('  accessModes: [ReadWriteonce]'), expected: [['invalid-enum', '5:16-5:29', '`ReadWriteonce` is not a valid accessModes: did you mean ReadWriteOnce? (one of ReadOnlyMany, ReadWriteMany, ReadWriteOnce, ReadWriteOncePod; values are case-sensitive)']] },
  { name: 'a storage request that is not a quantity is reported on the value', text: claim('  resources:', '    requests:', '      storage: 10GB'), expected: [['invalid-quantity', '7:15-7:19', '`10GB` is not a valid quantity for `storage`: `GB` is not a Kubernetes unit: write G or Gi.']] },
  { name: 'accessModes as a string is a wrong type', text: claim('  accessModes: ReadWriteOnce'), expected: [['wrong-type', '5:15-5:28', '`accessModes` must be a list (items starting with `- `), not the string ReadWriteOnce.']] },
]);

const account = (...rest: string[]) => yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: builder', ...rest);

table('ServiceAccount', [
  { name: 'a valid ServiceAccount has no finding', text: account('automountServiceAccountToken: false', 'imagePullSecrets:', '  - name: registry'), expected: [] },
  { name: 'a typo of automountServiceAccountToken is an unknown field with did-you-mean', text: account('automountServiceAcountToken: false'), expected: [['unknown-field', '4:0-4:27', 'Unknown field `automountServiceAcountToken` in ServiceAccount (the top level): did you mean `automountServiceAccountToken`?']] },
  { name: 'automountServiceAccountToken: "false" is a wrong type', text: account('automountServiceAccountToken: "false"'), expected: [['wrong-type', '4:30-4:37', '`automountServiceAccountToken` must be a boolean (true or false), but "false" is a quoted string: remove the quotes.']] },
]);

const ingress = (...spec: string[]) => yaml('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', 'spec:', ...spec);
const rule = (pathType: string, port: string) => [
  '  rules:',
  '    - host: example.com',
  '      http:',
  '        paths:',
  '          - path: /',
  `            pathType: ${pathType}`,
  '            backend:',
  '              service:',
  '                name: web',
  '                port:',
  `                  ${port}`,
];

table('Ingress', [
  { name: 'a valid Ingress has no finding', text: ingress('  ingressClassName: nginx', ...rule('Prefix', 'number: 80')), expected: [] },
  { name: 'an invalid pathType suggests the right case', text: ingress(...rule('prefix', 'number: 80')), expected: [['invalid-enum', '10:22-10:28', '`prefix` is not a valid pathType: did you mean Prefix? (one of Exact, ImplementationSpecific, Prefix; values are case-sensitive)']] },
  { name: 'a typo in the backend port suggests number', text: ingress(...rule('Prefix', 'numbr: 80')), expected: [['unknown-field', '15:18-15:23', 'Unknown field `numbr` in ServiceBackendPort at spec.rules[0].http.paths[0].backend.service.port: did you mean `number`?']] },
  { name: 'a port number written as a string is a wrong type', text: ingress(...rule('Prefix', 'number: "80"')), expected: [['wrong-type', '15:26-15:30', '`number` must be an integer, but "80" is a quoted string: remove the quotes.']] },
]);

const policy = (...spec: string[]) => yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: deny', 'spec:', ...spec);

table('NetworkPolicy', [
  {
    name: 'a valid NetworkPolicy has no finding',
    text: policy('  podSelector: {}', '  policyTypes: [Ingress]', '  ingress:', '    - from:', '        - podSelector:', '            matchLabels: {app: web}', '      ports:', '        - protocol: TCP', '          port: http'),
    expected: [],
  },
  { name: 'podSelectr is an unknown field with did-you-mean podSelector', text: policy('  podSelectr: {}'), expected: [['unknown-field', '5:2-5:12', 'Unknown field `podSelectr` in NetworkPolicySpec at spec: did you mean `podSelector`?']] },
  { name: 'a protocol in lower case is an invalid enum', text: policy('  podSelector: {}', '  ingress:', '    - ports:', '        - protocol: tcp'), expected: [['invalid-enum', '8:20-8:23', '`tcp` is not a valid protocol: did you mean TCP? (one of SCTP, TCP, UDP; values are case-sensitive)']] },
  { name: 'ingress as a mapping is a wrong type', text: policy('  podSelector: {}', '  ingress:', '    from: []'), expected: [['wrong-type', '6:2-6:9', '`ingress` must be a list (items starting with `- `), not a mapping: write each item on its own line starting with `- `.']] },
]);

const hpa = (...spec: string[]) => yaml('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: web', 'spec:', ...spec);
const target = ['  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', '    name: web'];

table('HorizontalPodAutoscaler', [
  {
    name: 'a valid HorizontalPodAutoscaler has no finding',
    text: hpa(...target, '  minReplicas: 2', '  maxReplicas: 10', '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target:', '          type: Utilization', '          averageUtilization: 70'),
    expected: [],
  },
  { name: 'maxReplica is an unknown field with did-you-mean maxReplicas', text: hpa(...target, '  maxReplica: 10'), expected: [['unknown-field', '9:2-9:12', 'Unknown field `maxReplica` in HorizontalPodAutoscalerSpec at spec: did you mean `maxReplicas`?']] },
  { name: 'maxReplicas: "10" is a wrong type', text: hpa(...target, '  maxReplicas: "10"'), expected: [['wrong-type', '9:15-9:19', '`maxReplicas` must be an integer, but "10" is a quoted string: remove the quotes.']] },
]);

const pdb = (...spec: string[]) => yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: web', 'spec:', ...spec);

table('PodDisruptionBudget', [
  { name: 'a valid PodDisruptionBudget has no finding', text: pdb('  minAvailable: 50%', '  unhealthyPodEvictionPolicy: AlwaysAllow', '  selector:', '    matchLabels: {app: web}'), expected: [] },
  { name: 'minAvailabe is an unknown field with did-you-mean minAvailable', text: pdb('  minAvailabe: 1'), expected: [['unknown-field', '5:2-5:13', 'Unknown field `minAvailabe` in PodDisruptionBudgetSpec at spec: did you mean `minAvailable`?']] },
  { name: 'an unhealthyPodEvictionPolicy in the wrong case is an invalid enum', text: pdb('  maxUnavailable: 1', '  unhealthyPodEvictionPolicy: alwaysAllow'), expected: [['invalid-enum', '6:30-6:41', '`alwaysAllow` is not a valid unhealthyPodEvictionPolicy: did you mean AlwaysAllow? (one of AlwaysAllow, IfHealthyBudget; values are case-sensitive)']] },
  { name: 'a selector written as a list is a wrong type', text: pdb('  maxUnavailable: 1', '  selector:', '    - app: web'), expected: [['wrong-type', '6:2-6:10', '`selector` must be a mapping (key: value lines), not a list.']] },
]);
