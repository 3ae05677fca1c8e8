import { lines, ruleTable } from './support';

const pod = (...env: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      env:', ...env);

describe('rules: env', () => {
  ruleTable('duplicate-env', 2, [
    { title: 'LOG_LEVEL twice', manifest: pod('        - name: LOG_LEVEL', '          value: info', '        - name: «LOG_LEVEL»', '          value: debug'), says: /already set in container `web`; the last entry silently wins/ },
    { title: 'silent: names differ in case', manifest: pod('        - name: LOG_LEVEL', '          value: info', '        - name: log_level', '          value: debug') },
  ]);

  ruleTable('env-value-source', 1, [
    { title: 'value and valueFrom', manifest: pod('        - name: PASSWORD', '          value: secret', '          «valueFrom»:', '            secretKeyRef: {name: db, key: password}'), says: /sets both value and valueFrom/ },
    { title: 'two sources', manifest: pod('        - name: PASSWORD', '          valueFrom:', '            secretKeyRef: {name: db, key: password}', '            «configMapKeyRef»: {name: db, key: password}'), says: /has 2 sources \(secretKeyRef, configMapKeyRef\)/ },
    { title: 'no source', manifest: pod('        - name: PASSWORD', '          «valueFrom»: {}'), says: /names no source/ },
    { title: 'silent: an empty value beside valueFrom', manifest: pod('        - name: NODE', '          value: ""', '          valueFrom:', '            fieldRef: {fieldPath: spec.nodeName}') },
  ]);
});
