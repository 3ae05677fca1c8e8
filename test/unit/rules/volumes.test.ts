import assert from 'node:assert/strict';
import { findings, lines, ruleTable, unmark } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);
const web = (...mounts: string[]) => ['  containers:', '    - name: web', '      image: nginx:1.27', '      volumeMounts:', ...mounts];

describe('rules: volumes', () => {
  ruleTable('mount-not-found', 1, [
    {
      title: 'a mount of an undefined volume, naming the defined ones',
      manifest: pod(...web('        - name: «config»', '          mountPath: /etc/app', '        - name: cache', '          mountPath: /cache'), '  volumes:', '    - name: cache', '      emptyDir: {}'),
      says: /^Container `web` mounts volume `config`, but spec.volumes defines no volume of that name \(it defines `cache`\)/,
    },
    {
      title: 'a volumeDevice of an undefined volume',
      manifest: pod('  containers:', '    - name: db', '      image: postgres:16', '      volumeDevices:', '        - name: «raw»', '          devicePath: /dev/xvda'),
      says: /uses the block device of volume `raw`/,
    },
    {
      title: 'silent: a StatefulSet mounts its volumeClaimTemplates by name',
      manifest: lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  selector:', '    matchLabels: {app: db}', '  template:', '    metadata:', '      labels: {app: db}', '    spec:', '      containers:', '        - name: db', '          image: postgres:16', '          volumeMounts:', '            - name: data', '              mountPath: /var/lib/postgresql', '  volumeClaimTemplates:', '    - metadata:', '        name: data'),
    },
  ]);

  ruleTable('duplicate-volume-name', 1, [
    { title: 'two volumes named data', manifest: pod(...web('        - name: data', '          mountPath: /d'), '  volumes:', '    - name: data', '      emptyDir: {}', '    - name: «data»', '      configMap:', '        name: app'), says: /Volume name `data` is already defined/ },
    { title: 'silent: different names', manifest: pod(...web('        - name: data', '          mountPath: /d', '        - name: conf', '          mountPath: /c'), '  volumes:', '    - name: data', '      emptyDir: {}', '    - name: conf', '      configMap:', '        name: app') },
  ]);

  ruleTable('volume-source', 1, [
    { title: 'two sources: points at the second', manifest: pod(...web('        - name: data', '          mountPath: /d'), '  volumes:', '    - name: data', '      emptyDir: {}', '      «configMap»:', '        name: app'), says: /has 2 sources \(emptyDir, configMap\); a volume has exactly one/ },
    { title: 'no source', manifest: pod(...web('        - name: data', '          mountPath: /d'), '  volumes:', '    - name: «data»'), says: /Volume `data` has no source/ },
    { title: 'silent: an unknown key beside one source is the schema check\'s', manifest: pod(...web('        - name: data', '          mountPath: /d'), '  volumes:', '    - name: data', '      emptyDir: {}', '      emptydir: {}') },
  ]);

  ruleTable('duplicate-mount-path', 1, [
    { title: 'two mounts at /etc/app', manifest: pod(...web('        - name: a', '          mountPath: /etc/app', '        - name: b', '          mountPath: «/etc/app/»'), '  volumes:', '    - name: a', '      emptyDir: {}', '    - name: b', '      emptyDir: {}'), says: /already mounts something at `\/etc\/app\/`/ },
    { title: 'silent: one volume at two paths', manifest: pod(...web('        - name: a', '          mountPath: /etc/app', '        - name: a', '          mountPath: /etc/other'), '  volumes:', '    - name: a', '      emptyDir: {}') },
  ]);

  ruleTable('invalid-subpath', 1, [
    { title: 'absolute subPath (on volumeMounts, as the API server reports it)', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      «volumeMounts»:', '        - name: a', '          mountPath: /data', '          subPath: /var/data', '  volumes:', '    - name: a', '      emptyDir: {}'), says: /subPath `\/var\/data` is absolute.*Write `var\/data`/ },
    { title: 'a step up in subPathExpr', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      «volumeMounts»:', '        - name: a', '          mountPath: /data', '          subPathExpr: $(POD)/../x', '  volumes:', '    - name: a', '      emptyDir: {}'), says: /contains `\.\.`/ },
    { title: 'both subPath and subPathExpr', manifest: pod(...web('        - name: a', '          mountPath: /data', '          subPath: x', '          «subPathExpr»: $(POD)'), '  volumes:', '    - name: a', '      emptyDir: {}'), says: /mutually exclusive/ },
    { title: 'silent: relative with dots in names', manifest: pod(...web('        - name: a', '          mountPath: /data', '          subPath: conf/..data-v1/app.conf'), '  volumes:', '    - name: a', '      emptyDir: {}') },
  ]);

  ruleTable('unused-volume', 2, [
    { title: 'a volume no container mounts', manifest: pod(...web('        - name: a', '          mountPath: /data'), '  volumes:', '    - name: a', '      emptyDir: {}', '    - name: «cache»', '      emptyDir: {}'), says: /Volume `cache` is defined but no container mounts it/ },
    { title: 'silent: mounted by an init container only', manifest: pod('  initContainers:', '    - name: setup', '      image: busybox:1.36', '      volumeMounts:', '        - name: cache', '          mountPath: /c', '  containers:', '    - name: web', '      image: nginx:1.27', '  volumes:', '    - name: cache', '      emptyDir: {}') },
  ]);

  it('unused-volume is faded (tag unnecessary)', () => {
    const { text } = unmark(pod('  containers:', '    - name: web', '      image: nginx:1.27', '  volumes:', '    - name: cache', '      emptyDir: {}'));
    assert.deepEqual(findings(text, 'unused-volume')[0].tags, [1]);
  });
});
