import assert from 'node:assert/strict';
import { findings, lines, ruleTable, unmark } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);

describe('rules: names', () => {
  ruleTable('duplicate-container-name', 1, [
    {
      title: 'a container name used again by an init container',
      manifest: pod('  initContainers:', '    - name: web', '      image: busybox:1.36', '  containers:', '    - name: «web»', '      image: nginx:1.27'),
      says: /Container name `web` is already used by init container `web`.*share one set of names/,
    },
    {
      title: 'silent: distinct names across lists',
      manifest: pod('  initContainers:', '    - name: setup', '      image: busybox:1.36', '  containers:', '    - name: web', '      image: nginx:1.27'),
    },
  ]);

  it('duplicate-container-name points back to the first name', () => {
    const { text } = unmark(pod('  containers:', '    - name: web', '      image: a:1', '    - name: web', '      image: b:1'));
    const [d] = findings(text, 'duplicate-container-name');
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.range.start.line, r.location.range.start.character, r.message]), [[6, 12, '`web` is first used here']]);
  });

  ruleTable('invalid-container-name', 1, [
    { title: 'uppercase and underscore', manifest: pod('  containers:', '    - name: «Web_Server»', '      image: nginx:1.27'), says: /not a valid DNS-1123 label: it has uppercase letters/ },
    { title: 'trailing dash', manifest: pod('  containers:', '    - name: «web-»', '      image: nginx:1.27'), says: /must start and end with a letter or digit/ },
    { title: 'silent: lowercase with dashes and digits', manifest: pod('  containers:', '    - name: web-server-2', '      image: nginx:1.27') },
  ]);

  ruleTable('invalid-volume-name', 1, [
    {
      title: 'underscore in a volume name',
      manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      volumeMounts:', '        - name: app_data', '          mountPath: /data', '  volumes:', '    - name: «app_data»', '      emptyDir: {}'),
      says: /Volume name `app_data` is not a valid DNS-1123 label: it contains `_`/,
    },
    { title: 'silent: valid volume name', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      volumeMounts:', '        - name: app-data', '          mountPath: /data', '  volumes:', '    - name: app-data', '      emptyDir: {}') },
  ]);

  ruleTable('invalid-port-name', 1, [
    { title: 'longer than 15 characters', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - name: «metrics-endpoint»', '          containerPort: 9090'), says: /16 characters long; a port name has at most 15/ },
    { title: 'no letter', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - name: «8080»', '          containerPort: 8080'), says: /no letter/ },
    { title: 'double dash', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - name: «http--alt»', '          containerPort: 8080'), says: /'--'/ },
    { title: 'silent: 15 characters exactly', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - name: metrics-endpoin', '          containerPort: 9090') },
  ]);
});

describe('rules: metadata', () => {
  const deployment = (name: string) => lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27');
  ruleTable('invalid-metadata-name', 1, [
    { title: 'uppercase in a Deployment name', manifest: deployment('«My-App»'), says: /must be a DNS-1123 subdomain, and it has uppercase letters/ },
    { title: 'silent: dots are fine in a Deployment name', manifest: deployment('web.v2') },
    { title: 'a dot in a StatefulSet name (a DNS label)', manifest: lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: «db.v2»', 'spec: {}'), says: /must be a DNS-1123 label/ },
    { title: 'a Service name starting with a digit', manifest: lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: «1web»', 'spec: {}'), says: /DNS-1035 label.*starts with a digit/ },
    { title: 'a CronJob name over 52 characters', manifest: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata:', `  name: «${'a'.repeat(53)}»`), says: /53 characters long; a CronJob name may have at most 52/ },
    { title: 'silent: a CronJob name of 52 characters', manifest: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata:', `  name: ${'a'.repeat(52)}`) },
    { title: 'silent: RBAC names may hold colons', manifest: lines('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: system:metrics-reader') },
  ]);

  ruleTable('invalid-label', 1, [
    { title: 'a value with a space', manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  «labels»:', '    app: my app'), says: /label value `my app` is not valid: it contains a space\. Label values are empty or at most 63/ },
    { title: 'a key with two slashes', manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  «labels»:', '    a/b/c: x'), says: /more than one '\/'/ },
    { title: 'a Pod template label value over 63 characters', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: d', 'spec:', '  template:', '    metadata:', '      «labels»:', `        app: ${'x'.repeat(64)}`), says: /Pod template label value .* 64 characters long/ },
    { title: 'silent: prefixed keys, dots, underscores and empty values', manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  labels:', '    app.kubernetes.io/name: my_app.v1', '    tier: ""') },
  ]);
});

describe('rules: envsubst placeholders', () => {
  const manifest = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: ${APP_NAME}', '  labels:', '    app: ${APP}', 'spec:', '  selector:', '    matchLabels: {app: $APP}', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - name: ${APP}-web', '          image: nginx:1.27');
  for (const rule of ['invalid-metadata-name', 'invalid-label', 'invalid-container-name', 'selector-mismatch']) {
    ruleTable(rule, 1, [{ title: `silent: ${rule} leaves \${NAME} placeholders to the tool that fills them in`, manifest }]);
  }
});

describe('rules: namespaces, annotations and Service selectors', () => {
  ruleTable('invalid-metadata-name', 1, [
    { title: 'an underscore in the namespace', manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  namespace: «team_a»'), says: /namespace `team_a` is not a valid namespace name: it must be a DNS-1123 label/ },
    { title: 'silent: a valid namespace', manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  namespace: team-a') },
  ]);
  ruleTable('invalid-annotation-key', 1, [
    { title: 'a space in an annotation key', manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  «annotations»:', '    prometheus.io scrape: "true"'), says: /annotation key `prometheus.io scrape` is not valid: it contains a space; only letters/ },
    { title: 'on a Pod template', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: d', 'spec:', '  template:', '    metadata:', '      «annotations»:', '        a/b/c: x') },
    { title: 'silent: upper case, dots and any value', manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  annotations:', '    kubectl.kubernetes.io/last-applied-configuration: "{ any text }"', '    Example.com/Owner: Team A') },
  ]);
  ruleTable('invalid-label', 1, [
    { title: 'a Service selector value with a slash', manifest: lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  «selector»:', '    app: web/v2'), says: /selector label value/ },
    { title: 'silent: a valid Service selector', manifest: lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app.kubernetes.io/name: web') },
  ]);
});
