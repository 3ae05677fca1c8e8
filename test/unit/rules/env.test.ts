import { lines, ruleTable } from './support';

const pod = (...env: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      env:', ...env);

describe('rules: env', () => {
  ruleTable('duplicate-env', 2, [
    { title: 'LOG_LEVEL twice', manifest: pod('        - name: LOG_LEVEL', '          value: info', '        - name: «LOG_LEVEL»', '          value: debug'), says: /already set in container `web`; the last entry silently wins/ },
    { title: 'silent: names differ in case', manifest: pod('        - name: LOG_LEVEL', '          value: info', '        - name: log_level', '          value: debug') },
  ]);

  ruleTable('env-value-source', 1, [
    { title: 'value and valueFrom', manifest: pod('        - name: PASSWORD', '          value: secret', '          «valueFrom»:', '            secretKeyRef: {name: db, key: password}'), says: /sets both value and valueFrom/ },
    { title: 'two sources (on valueFrom, as the API server reports it)', manifest: pod('        - name: PASSWORD', '          «valueFrom»:', '            secretKeyRef: {name: db, key: password}', '            configMapKeyRef: {name: db, key: password}'), says: /has 2 sources \(secretKeyRef, configMapKeyRef\)/ },
    { title: 'value beside two sources: one finding, for the value', manifest: pod('        - name: PASSWORD', '          value: x', '          «valueFrom»:', '            secretKeyRef: {name: db, key: password}', '            configMapKeyRef: {name: db, key: password}'), says: /sets both value and valueFrom/ },
    { title: 'no source', manifest: pod('        - name: PASSWORD', '          «valueFrom»: {}'), says: /names no source/ },
    { title: 'silent: an empty value beside valueFrom', manifest: pod('        - name: NODE', '          value: ""', '          valueFrom:', '            fieldRef: {fieldPath: spec.nodeName}') },
  ]);

  ruleTable('invalid-env-name', 1, [
    { title: 'a name with =', manifest: pod('        - name: «A=B»', '          value: x'), says: /contains '='/ },
    { title: 'a name with a control character', manifest: pod('        - name: «"A\\tB"»', '          value: x'), says: /outside printable ASCII/ },
    { title: 'a name starting with a digit before 1.32', manifest: pod('        - name: «1A»', '          value: x'), settings: { kubernetesVersion: '1.31' }, says: /before Kubernetes 1.32.*1.31/ },
    { title: 'an envFrom prefix with =', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      envFrom:', '        - prefix: «a=»', '          configMapRef: {name: app}'), says: /envFrom prefix/ },
    { title: 'silent: digits, spaces and punctuation from 1.32', manifest: pod('        - name: 1st value:x', '          value: x', '        - name: my.env-name', '          value: y') },
    { title: 'silent: dotted names before 1.32', manifest: pod('        - name: my.env-name', '          value: y'), settings: { kubernetesVersion: '1.31' } },
  ]);

  ruleTable('env-reference', 1, [
    { title: 'a secret key with a space', manifest: pod('        - name: P', '          valueFrom:', '            secretKeyRef:', '              name: db', '              key: «pass word»'), says: /not a Secret key/ },
    { title: 'a configMap key ..', manifest: pod('        - name: P', '          valueFrom:', '            configMapKeyRef:', '              name: app', '              key: «..a»'), says: /starts with '\.\.'/ },
    { title: 'a configMap name that is not a subdomain', manifest: pod('        - name: P', '          valueFrom:', '            configMapKeyRef:', '              name: «App_Config»', '              key: a'), says: /not a ConfigMap name/ },
    { title: 'a secretKeyRef without a name', manifest: pod('        - name: P', '          valueFrom:', '            «secretKeyRef»:', '              key: a'), says: /names no Secret/ },
    {
      title: 'envFrom with both refs (on envFrom)',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      «envFrom»:', '        - configMapRef: {name: a}', '          secretRef: {name: b}'),
      says: /both a configMapRef and a secretRef/,
    },
    {
      title: 'envFrom with neither (on envFrom)',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      «envFrom»:', '        - configMapRef: {name: a-}', '        - prefix: X_'),
      says: /names no source/,
    },
    { title: 'envFrom configMapRef without a name', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      envFrom:', '        - «configMapRef»: {optional: true}'), says: /names no ConfigMap/ },
    { title: 'silent: valid references', manifest: pod('        - name: P', '          valueFrom:', '            secretKeyRef: {name: db.prod, key: .password_1}') },
  ]);

  ruleTable('downward-api-field', 1, [
    { title: 'metadata.labels whole in an env var', manifest: pod('        - name: L', '          valueFrom:', '            fieldRef:', '              fieldPath: «metadata.labels»'), says: /cannot be used in an environment variable/ },
    { title: 'an unsupported version', manifest: pod('        - name: L', '          valueFrom:', '            fieldRef:', '              apiVersion: v2', '              fieldPath: «metadata.name»'), says: /not a Pod API version/ },
    { title: 'status.phase (a Pod field, not offered to env)', manifest: pod('        - name: L', '          valueFrom:', '            fieldRef:', '              fieldPath: «status.phase»'), says: /cannot be used/ },
    { title: 'a subscript on a field that takes none', manifest: pod('        - name: L', '          valueFrom:', '            fieldRef:', "              fieldPath: «metadata.name['x']»"), says: /only metadata.labels/ },
    { title: 'a memory divisor of 1024 (not 1Ki)', manifest: pod('        - name: M', '          valueFrom:', '            resourceFieldRef:', '              resource: limits.memory', '              divisor: «1024»'), says: /only 1 or one unit/ },
    { title: 'silent: env fields, a label by key, cpu divisor 1m, no containerName', manifest: pod('        - {name: N, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}', '        - {name: IP, valueFrom: {fieldRef: {fieldPath: status.podIPs}}}', "        - {name: APP, valueFrom: {fieldRef: {fieldPath: \"metadata.labels['app.kubernetes.io/name']\"}}}", '        - {name: C, valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 1m}}}') },
  ]);
});
