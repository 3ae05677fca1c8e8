import { invalidContainerNameFixes, invalidVolumeNameFixes } from '../../../../server/src/codeActions/nameFormats';
import { invalidContainerNameRule, invalidVolumeNameRule } from '../../../../server/src/rules/names';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(invalidContainerNameFixes, [
  {
    title: 'renames an invalid container name to the nearest DNS-1123 label',
    rule: invalidContainerNameRule,
    manifest: pod('  containers:', '    - name: «Web_App»', '      image: web:1'),
    apply: 'Rename to `web-app`',
    preferred: true,
    expected: pod('  containers:', '    - name: web-app', '      image: web:1'),
  },
  {
    title: 'the nearest label made unique in the Pod, in a flow container',
    rule: invalidContainerNameRule,
    manifest: pod('  containers:', '    - {name: web, image: "web:1"}', '    - {name: «Web», image: "web:2"}'),
    apply: 'Rename to `web-2`',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1"}', '    - {name: web-2, image: "web:2"}'),
  },
  {
    title: 'a quoted name keeps its quotes',
    rule: invalidContainerNameRule,
    manifest: pod('  containers:', "    - name: «'Web.App'»", '      image: web:1'),
    apply: 'Rename to `web-app`',
    preferred: true,
    expected: pod('  containers:', "    - name: 'web-app'", '      image: web:1'),
  },
]);

fixTable(invalidVolumeNameFixes, [
  {
    title: 'renames an invalid volume name together with every mount of it',
    rule: invalidVolumeNameRule,
    manifest: pod('  containers:', '    - name: a', '      image: a:1', '      volumeMounts: [{name: app_data, mountPath: /a}]', '    - name: b', '      image: b:1', '      volumeMounts:', '        - name: "app_data"', '          mountPath: /b', '  volumes:', '    - name: «app_data»', '      emptyDir: {}'),
    apply: 'Rename to `app-data` (and its 2 mounts)',
    preferred: true,
    expected: pod('  containers:', '    - name: a', '      image: a:1', '      volumeMounts: [{name: app-data, mountPath: /a}]', '    - name: b', '      image: b:1', '      volumeMounts:', '        - name: "app-data"', '          mountPath: /b', '  volumes:', '    - name: app-data', '      emptyDir: {}'),
  },
  {
    title: 'a mount that a merge key copies is renamed where it is written, once (the copy follows it)',
    rule: invalidVolumeNameRule,
    manifest: pod('  containers:', '    - &main', '      name: a', '      image: a:1', '      volumeMounts:', '        - name: app_data', '          mountPath: /a', '  initContainers:', '    - <<: *main', '      name: b', '  volumes:', '    - name: «app_data»', '      emptyDir: {}'),
    offers: ['Rename to `app-data` (and its mount)'],
    apply: 'Rename to `app-data` (and its mount)',
    preferred: true,
    expected: pod('  containers:', '    - &main', '      name: a', '      image: a:1', '      volumeMounts:', '        - name: app-data', '          mountPath: /a', '  initContainers:', '    - <<: *main', '      name: b', '  volumes:', '    - name: app-data', '      emptyDir: {}'),
  },
  {
    title: 'a volume no container mounts: the name alone',
    rule: invalidVolumeNameRule,
    manifest: pod('  containers:', '    - {name: a, image: "a:1", volumeMounts: [{name: app_data, mountPath: /a}]}', '  volumes:', '    - name: «app_data»', '      emptyDir: {}', '    - name: Logs', '      emptyDir: {}'),
    apply: 'Rename to `app-data` (and its mount)',
    preferred: true,
    expected: pod('  containers:', '    - {name: a, image: "a:1", volumeMounts: [{name: app-data, mountPath: /a}]}', '  volumes:', '    - name: app-data', '      emptyDir: {}', '    - name: Logs', '      emptyDir: {}'),
  },
  {
    title: 'an unmounted volume is renamed alone',
    rule: invalidVolumeNameRule,
    manifest: pod('  containers:', '    - {name: a, image: "a:1"}', '  volumes:', '    - name: «Logs»', '      emptyDir: {}'),
    apply: 'Rename to `logs`',
    preferred: true,
    expected: pod('  containers:', '    - {name: a, image: "a:1"}', '  volumes:', '    - name: logs', '      emptyDir: {}'),
    brings: [],
  },
]);
