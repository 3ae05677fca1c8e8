import { mountNotFoundFixes, unusedVolumeFixes } from '../../../../server/src/codeActions/volumes';
import { mountNotFoundRule, unusedVolumeRule } from '../../../../server/src/rules/volumes';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(mountNotFoundFixes, [
  {
    title: 'defines the emptyDir volume a mount refers to, creating spec.volumes',
    rule: mountNotFoundRule,
    manifest: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts:', '    - name: «scratch»', '      mountPath: /tmp'),
    apply: 'Add an emptyDir volume `scratch` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts:', '    - name: scratch', '      mountPath: /tmp', '  volumes:', '  - name: scratch', '    emptyDir: {}'),
  },
  {
    title: 'a flow list of volumes without a trailing comma: the new volume follows the last one',
    rule: mountNotFoundRule,
    manifest: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts: [{name: «cache», mountPath: /cache}]', '  volumes: [{name: data, emptyDir: {}}]'),
    apply: 'Add an emptyDir volume `cache` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts: [{name: cache, mountPath: /cache}]', '  volumes: [{name: data, emptyDir: {}}, {name: cache, emptyDir: {}}]'),
  },
  {
    title: 'a flow list of volumes with a trailing comma: the new volume follows the last one, the comma stays last',
    rule: mountNotFoundRule,
    manifest: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts: [{name: «cache», mountPath: /cache}]', '  volumes: [{name: data, emptyDir: {}}, ]'),
    apply: 'Add an emptyDir volume `cache` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts: [{name: cache, mountPath: /cache}]', '  volumes: [{name: data, emptyDir: {}}, {name: cache, emptyDir: {}}, ]'),
  },
  {
    title: 'a CRLF document: the new volume’s lines end in CRLF too',
    rule: mountNotFoundRule,
    crlf: true,
    manifest: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts:', '    - name: «cache»', '      mountPath: /cache', '  volumes:', '  - name: data', '    emptyDir: {}'),
    apply: 'Add an emptyDir volume `cache` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '  - name: web', '    image: web:1', '    volumeMounts:', '    - name: cache', '      mountPath: /cache', '  volumes:', '  - name: data', '    emptyDir: {}', '  - name: cache', '    emptyDir: {}'),
  },
  {
    title: 'appended to the volumes list there is, CRLF',
    rule: mountNotFoundRule,
    crlf: true,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts:', '        - {name: data, mountPath: /data}', '        - {name: «cache», mountPath: /cache}', '  volumes:', '    - name: data', '      emptyDir: {}'),
    offers: ['Add an emptyDir volume `cache` to spec.volumes'],
    apply: 'Add an emptyDir volume `cache` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts:', '        - {name: data, mountPath: /data}', '        - {name: cache, mountPath: /cache}', '  volumes:', '    - name: data', '      emptyDir: {}', '    - name: cache', '      emptyDir: {}'),
  },
  {
    title: 'written into a flow volumes list, which keeps its trailing comma',
    rule: mountNotFoundRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts: [{name: data, mountPath: /data}, {name: «cache», mountPath: /cache}]', '  volumes: [{name: data, emptyDir: {}},]'),
    apply: 'Add an emptyDir volume `cache` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts: [{name: data, mountPath: /data}, {name: cache, mountPath: /cache}]', '  volumes: [{name: data, emptyDir: {}}, {name: cache, emptyDir: {}},]'),
  },
  {
    title: 'an empty volumes key is filled',
    rule: mountNotFoundRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts:', '        - {name: «cache», mountPath: /cache}', '  volumes:'),
    apply: 'Add an emptyDir volume `cache` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts:', '        - {name: cache, mountPath: /cache}', '  volumes:', '    - name: cache', '      emptyDir: {}'),
  },
  {
    title: 'a name that needs quotes is quoted',
    rule: mountNotFoundRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts:', '        - {name: «"yes"», mountPath: /cache}'),
    apply: 'Add an emptyDir volume `yes` to spec.volumes',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts:', '        - {name: "yes", mountPath: /cache}', '  volumes:', '    - name: "yes"', '      emptyDir: {}'),
  },
  {
    title: 'a PodSpec written in flow style gets a flow volumes list',
    rule: mountNotFoundRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: web, image: "web:1", volumeMounts: [{name: «cache», mountPath: /c}]}], restartPolicy: Always}'),
    apply: 'Add an emptyDir volume `cache` to spec.volumes',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: web, image: "web:1", volumeMounts: [{name: cache, mountPath: /c}]}], restartPolicy: Always, volumes: [{name: cache, emptyDir: {}}]}'),
  },
]);

fixTable(unusedVolumeFixes, [
  {
    title: 'removes an unused volume with its lines, keeping the others',
    rule: unusedVolumeRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts: [{name: data, mountPath: /data}]', '  volumes:', '    - name: «cache»', '      emptyDir: {}', '    - name: data', '      emptyDir: {}'),
    apply: 'Remove the unused volume `cache`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts: [{name: data, mountPath: /data}]', '  volumes:', '    - name: data', '      emptyDir: {}'),
  },
  {
    title: 'removes the volumes key with its only, unused volume',
    rule: unusedVolumeRule,
    manifest: pod('  volumes:', '    - name: «cache»', '      emptyDir: {}', '  containers:', '    - {name: web, image: "web:1"}'),
    apply: 'Remove the unused volume `cache`',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'an item of a flow list is removed with its comma',
    rule: unusedVolumeRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts: [{name: data, mountPath: /data}]', '  volumes: [{name: «cache», emptyDir: {}}, {name: data, emptyDir: {}}]'),
    apply: 'Remove the unused volume `cache`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      volumeMounts: [{name: data, mountPath: /data}]', '  volumes: [{name: data, emptyDir: {}}]'),
  },
  {
    title: 'CRLF: the lines go with their line ends',
    rule: unusedVolumeRule,
    crlf: true,
    manifest: pod('  volumes:', '    - name: «cache»', '      emptyDir: {}', '  containers:', '    - {name: web, image: "web:1"}'),
    apply: 'Remove the unused volume `cache`',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1"}'),
  },
]);
