import assert from 'node:assert/strict';
import { coveredText, diagnosticsOf, settingsWith } from '../../support/service';
import { lines } from '../support';

/**
 * The Deployment a new user writes (issue 18): eleven risks, each a finding Podsmith should give. Under strict at
 * least ten of them are reported, and under the default profile (recommended) at least six at warning or above.
 */
const text = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: shop',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels:',
  '      app: shop',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: shop',
  '    spec:',
  '      hostNetwork: true',
  '      serviceAccount: shop',
  '      containers:',
  '        - name: shop',
  '          image: registry.example/shop:1.4.2',
  '          ports:',
  '            - containerPort: 22',
  '          env:',
  '            - name: DB_PASSWORD',
  '              value: s3cr3t-pa55',
  '          securityContext:',
  '            capabilities:',
  '              add: [SYS_ADMIN]',
  '          resources:',
  '            limits:',
  '              cpu: 500m',
  '          livenessProbe:',
  '            httpGet:',
  '              path: /healthz',
  '              port: 8080',
  '          volumeMounts:',
  '            - name: docker',
  '              mountPath: /var/run/docker.sock',
  '      volumes:',
  '        - name: docker',
  '          hostPath:',
  '            path: /var/run/docker.sock',
);

/** Each risk, and the findings (rule id and the text it covers) any one of which reports it. */
const RISKS: [string, [string, string][]][] = [
  ['hostNetwork', [['host-namespaces', 'true']]],
  ['the Docker socket mounted', [['runtime-socket-mount', '/var/run/docker.sock']]],
  ['the socket mounted writable', [['writable-host-path', '/var/run/docker.sock']]],
  ['SYS_ADMIN added', [['dangerous-capabilities', 'SYS_ADMIN']]],
  ['a literal DB_PASSWORD', [['secret-in-env', 's3cr3t-pa55']]],
  ['port 22', [['ssh-port', '22']]],
  ['the deprecated serviceAccount field', [['deprecated-service-account', 'serviceAccount']]],
  ['no memory request', [['memory-request-missing', 'resources']]],
  ['no memory limit', [['memory-limit-missing', 'resources']]],
  ['no readiness probe', [['readiness-probe-missing', 'shop']]],
  ['a liveness probe on an undeclared port', [['probe-port-undeclared', '8080']]],
];

function reported(profile: 'recommended' | 'strict', atLeastWarning: boolean): string[] {
  const found = diagnosticsOf(text, settingsWith({ profile })).filter((d) => !atLeastWarning || (d.severity ?? 1) <= 2);
  const seen = new Set(found.map((d) => `${d.code} ${coveredText(text, d)}`));
  return RISKS.filter(([, ways]) => ways.some(([rule, covered]) => seen.has(`${rule} ${covered}`))).map(([risk]) => risk);
}

describe("rules: the new user's Deployment (issue 18)", () => {
  it('strict reports every one of its 11 risks', () => {
    assert.deepEqual(reported('strict', false), RISKS.map(([risk]) => risk));
  });

  it('the default profile reports 7 of them at warning or above, the practices that catch real incidents', () => {
    assert.deepEqual(reported('recommended', true), [
      'hostNetwork', 'the Docker socket mounted', 'SYS_ADMIN added', 'a literal DB_PASSWORD', 'port 22', 'the deprecated serviceAccount field',
      'a liveness probe on an undeclared port',
    ]);
    assert.equal(diagnosticsOf(text, settingsWith()).filter((d) => (d.severity ?? 1) <= 2).length, 7);
  });

  it('the api profile reports none of them: the API server accepts it all', () => {
    assert.deepEqual(diagnosticsOf(text, settingsWith({ profile: 'api' })), []);
  });
});
