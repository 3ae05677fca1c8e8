import { misplacedFieldFixes } from '../../../../server/src/codeActions/misplacedField';
import { misplacedFieldRule } from '../../../../server/src/schema/schemaRules';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(misplacedFieldFixes, [
  {
    title: 'moves volumes written in a container to the PodSpec, appending to its volumes list',
    rule: misplacedFieldRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  containers:', '    - name: web', '      image: shop:1.4.2', '      volumeMounts:', '        - {name: cache, mountPath: /cache}', '        - {name: data, mountPath: /data}', '      # scratch space', '      «volumes»:', '        - name: data # the shop data', '          emptyDir: {}', '  volumes:', '    - name: cache', '      emptyDir: {}'),
    apply: 'Move `volumes` to the Pod (spec)',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  containers:', '    - name: web', '      image: shop:1.4.2', '      volumeMounts:', '        - {name: cache, mountPath: /cache}', '        - {name: data, mountPath: /data}', '      # scratch space', '  volumes:', '    - name: cache', '      emptyDir: {}', '    - name: data # the shop data', '      emptyDir: {}'),
  },
  {
    title: 'moves nodeSelector out of the last container (4 spaces, compact lists) to the end of the PodSpec',
    rule: misplacedFieldRule,
    manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '    name: report', 'spec:', '    template:', '        spec:', '            restartPolicy: Never', '            containers:', '            -   name: report', '                image: report:2.0', '                «nodeSelector»:', '                    disk: ssd'),
    apply: 'Move `nodeSelector` to the Pod (spec.template.spec)',
    preferred: true,
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '    name: report', 'spec:', '    template:', '        spec:', '            restartPolicy: Never', '            containers:', '            -   name: report', '                image: report:2.0', '            nodeSelector:', '                disk: ssd'),
  },
  {
    title: 'merges a flow nodeSelector of a container into the PodSpec nodeSelector',
    rule: misplacedFieldRule,
    manifest: pod('  containers:', '  - name: a', '    image: a:1', '    «nodeSelector»: {disk: ssd}', '  nodeSelector:', '    zone: a'),
    apply: 'Move `nodeSelector` to the Pod (spec)',
    preferred: true,
    expected: pod('  containers:', '  - name: a', '    image: a:1', '  nodeSelector:', '    zone: a', '    disk: ssd'),
  },
  {
    title: 'moves env written in the PodSpec into the container chosen among several',
    rule: misplacedFieldRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '    - name: worker', '      image: worker:1', '  «env»:', '    - name: MODE', '      value: fast'),
    offers: ['Move `env` into container `web`', 'Move `env` into container `worker`'],
    apply: 'Move `env` into container `worker`',
    expected: pod('  containers:', '    - name: web', '      image: web:1', '    - name: worker', '      image: worker:1', '      env:', '        - name: MODE', '          value: fast'),
  },
  {
    title: 'moves a one-line PodSpec field into a flow-style container',
    rule: misplacedFieldRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: f}', 'spec:', '  containers:', '  - {name: a, image: "a:1"}', '  «ports»: [{containerPort: 80}]'),
    apply: 'Move `ports` into container `a`',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: f}', 'spec:', '  containers:', '  - {name: a, image: "a:1", ports: [{containerPort: 80}]}'),
  },
  {
    title: 'moves a Pod security setting out of a container, creating the Pod securityContext',
    rule: misplacedFieldRule,
    manifest: pod('  containers:', '    - name: a', '      image: a:1', '      securityContext:', '        «fsGroup»: 2000', '        runAsUser: 1000'),
    apply: 'Move `fsGroup` to the Pod (spec.securityContext)',
    preferred: true,
    expected: pod('  containers:', '    - name: a', '      image: a:1', '      securityContext:', '        runAsUser: 1000', '  securityContext:', '    fsGroup: 2000'),
  },
  {
    title: 'moves a container security setting from the Pod into the securityContext it creates in the container',
    rule: misplacedFieldRule,
    manifest: pod('  securityContext:', '    runAsNonRoot: true', '    «privileged»: false', '  containers:', '    - name: a', '      image: a:1'),
    apply: 'Move `privileged` into the securityContext of container `a`',
    preferred: true,
    expected: pod('  securityContext:', '    runAsNonRoot: true', '  containers:', '    - name: a', '      image: a:1', '      securityContext:', '        privileged: false'),
  },
  {
    title: "no move into a mapping that comes through an alias (it would be written into the alias's line)",
    rule: misplacedFieldRule,
    manifest: pod('  nodeSelector: *sel', '  containers:', '    - name: a', '      image: a:1', '      «nodeSelector»:', '        zone: a').replace('  name: p\n', '  name: p\n  labels: &sel\n    disk: ssd\n'),
    offers: [],
  },
]);
