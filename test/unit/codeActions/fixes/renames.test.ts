import { invalidEnumFixes, unknownFieldFixes } from '../../../../server/src/codeActions/renames';
import { invalidEnumRule, unknownFieldRule } from '../../../../server/src/schema/schemaRules';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(unknownFieldFixes, [
  {
    title: 'a typo of a field of the same level is renamed to it',
    rule: unknownFieldRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      «imagePulPolicy»: Always'),
    offers: ['Rename to `imagePullPolicy`'],
    apply: 'Rename to `imagePullPolicy`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: Always'),
  },
  {
    title: 'a quoted key keeps its quotes',
    rule: unknownFieldRule,
    manifest: pod('  «"restartPolicey"»: Never', '  containers:', '    - {name: web, image: "web:1"}'),
    apply: 'Rename to `restartPolicy`',
    preferred: true,
    expected: pod('  "restartPolicy": Never', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'a key in a flow mapping is renamed in place',
    rule: unknownFieldRule,
    manifest: pod('  containers:', '    - {name: web, image: "web:1", «imagePulPolicy»: Always}'),
    apply: 'Rename to `imagePullPolicy`',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1", imagePullPolicy: Always}'),
  },
  {
    title: 'CRLF line ends stay',
    rule: unknownFieldRule,
    crlf: true,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      «imagePulPolicy»: Always', '      ports: [{containerPort: 80}]'),
    apply: 'Rename to `imagePullPolicy`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: Always', '      ports: [{containerPort: 80}]'),
  },
  {
    title: "a typo of another level's field is renamed and moved where it belongs",
    rule: unknownFieldRule,
    manifest: pod('  containers:', '    - name: a', '      image: a:1', '      «nodeSelecter»:', '        disk: ssd'),
    offers: ['Rename to `nodeSelector` and move it to the Pod (spec)'],
    apply: 'Rename to `nodeSelector` and move it to the Pod (spec)',
    preferred: true,
    expected: pod('  containers:', '    - name: a', '      image: a:1', '  nodeSelector:', '    disk: ssd'),
  },
  {
    title: "a typo of a container's field in the PodSpec: one rename-and-move per container",
    rule: unknownFieldRule,
    manifest: pod('  «imagePulPolicy»: Always', '  containers:', '    - name: web', '      image: web:1', '    - name: log', '      image: log:1'),
    offers: ['Rename to `imagePullPolicy` and move it into container `web`', 'Rename to `imagePullPolicy` and move it into container `log`'],
    apply: 'Rename to `imagePullPolicy` and move it into container `log`',
    expected: pod('  containers:', '    - name: web', '      image: web:1', '    - name: log', '      image: log:1', '      imagePullPolicy: Always'),
  },
  {
    title: 'no rename when the field it is close to is already there',
    rule: unknownFieldRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: Always', '      «imagePulPolicy»: Never'),
    offers: [],
  },
  {
    title: 'no edit on a key that came through an alias (the anchored original gets the fix)',
    rule: unknownFieldRule,
    manifest: pod('  containers:', '    - &web', '      name: web', '      image: web:1', '      imagePulPolicy: Always', '  initContainers:', '    - «*web»'),
    offers: [],
  },
  {
    title: 'two typos in the file: one action renames both',
    rule: unknownFieldRule,
    manifest: pod('  «restartPolicey»: Never', '  containers:', '    - name: web', '      image: web:1', '      imagePulPolicy: Always'),
    offers: ['Rename to `restartPolicy`', 'Fix all unknown-field problems in the file'],
    apply: 'Fix all unknown-field problems in the file',
    expected: pod('  restartPolicy: Never', '  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: Always'),
  },
]);

fixTable(invalidEnumFixes, [
  {
    title: 'a value in the wrong case: the close match first and preferred, then every other allowed value; quotes kept',
    rule: invalidEnumRule,
    manifest: pod("  restartPolicy: «'never'»", '  containers:', '    - {name: web, image: "web:1"}'),
    offers: ['Change to `Never`', 'Change to `Always`', 'Change to `OnFailure`'],
    apply: 'Change to `Never`',
    preferred: true,
    expected: pod("  restartPolicy: 'Never'", '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'no close match: each allowed value, none preferred',
    rule: invalidEnumRule,
    manifest: pod('  restartPolicy: «sometimes»', '  containers:', '    - {name: web, image: "web:1"}'),
    offers: ['Change to `Always`', 'Change to `Never`', 'Change to `OnFailure`'],
    apply: 'Change to `OnFailure`',
    expected: pod('  restartPolicy: OnFailure', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'a value in a flow mapping, CRLF',
    rule: invalidEnumRule,
    crlf: true,
    manifest: pod('  containers:', '    - {name: web, image: "web:1", imagePullPolicy: «always»}'),
    apply: 'Change to `Always`',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1", imagePullPolicy: Always}'),
  },
  {
    title: 'a finding of the second document is fixed at its own lines',
    rule: invalidEnumRule,
    manifest: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data: {a: "1"}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: «always»'),
    apply: 'Change to `Always`',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data: {a: "1"}', '---', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: Always'),
  },
  {
    title: 'asked at the cursor, without the diagnostic',
    rule: invalidEnumRule,
    manifest: pod('  restartPolicy: nev‸er', '  containers:', '    - {name: web, image: "web:1"}'),
    offers: ['Change to `Never`', 'Change to `Always`', 'Change to `OnFailure`'],
    apply: 'Change to `Never`',
    preferred: true,
    expected: pod('  restartPolicy: Never', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'two wrong values in two documents: one action fixes both',
    rule: invalidEnumRule,
    manifest: lines(...pod('  restartPolicy: «never»', '  containers:', '    - {name: web, image: "web:1"}').trimEnd().split('\n'), '---', ...pod('  containers:', '    - {name: web, image: "web:1", imagePullPolicy: always}').trimEnd().split('\n')),
    offers: ['Change to `Never`', 'Change to `Always`', 'Change to `OnFailure`', 'Fix all invalid-enum problems in the file'],
    apply: 'Fix all invalid-enum problems in the file',
    expected: lines(...pod('  restartPolicy: Never', '  containers:', '    - {name: web, image: "web:1"}').trimEnd().split('\n'), '---', ...pod('  containers:', '    - {name: web, image: "web:1", imagePullPolicy: Always}').trimEnd().split('\n')),
  },
]);
