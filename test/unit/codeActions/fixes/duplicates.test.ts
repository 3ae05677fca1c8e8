import { duplicateContainerNameFixes, duplicatePortNameFixes, portClashFixes } from '../../../../server/src/codeActions/duplicates';
import { duplicateContainerNameRule } from '../../../../server/src/rules/names';
import { duplicatePortNameRule, hostPortConflictRule, sharedContainerPortRule } from '../../../../server/src/rules/ports';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(duplicateContainerNameFixes, [
  {
    title: 'renames a duplicate container name to the first free one',
    rule: duplicateContainerNameRule,
    manifest: pod('  containers:', '    - {name: web, image: "web:1"}', '    - {name: web-2, image: "web:2"}', '    - {name: «web», image: "web:3"}'),
    apply: 'Rename to `web-3`',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1"}', '    - {name: web-2, image: "web:2"}', '    - {name: web-3, image: "web:3"}'),
  },
]);

fixTable(portClashFixes, [
  {
    title: 'moves a container to the next port no container of the Pod declares',
    rule: sharedContainerPortRule,
    manifest: pod('  containers:', '    - {name: web, image: "web:1", ports: [{containerPort: 8080}, {containerPort: 8081}]}', '    - {name: admin, image: "admin:1", ports: [{containerPort: «8080»}]}'),
    apply: 'Use containerPort 8082',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1", ports: [{containerPort: 8080}, {containerPort: 8081}]}', '    - {name: admin, image: "admin:1", ports: [{containerPort: 8082}]}'),
  },
  {
    title: 'moves a host port claimed twice to the next free one',
    rule: hostPortConflictRule,
    manifest: pod('  containers:', '    - {name: a, image: "a:1", ports: [{containerPort: 80, hostPort: 8080}]}', '    - {name: b, image: "b:1", ports: [{containerPort: 81, hostPort: «8080»}]}'),
    apply: 'Use hostPort 8081',
    preferred: true,
    expected: pod('  containers:', '    - {name: a, image: "a:1", ports: [{containerPort: 80, hostPort: 8080}]}', '    - {name: b, image: "b:1", ports: [{containerPort: 81, hostPort: 8081}]}'),
  },
]);

fixTable(duplicatePortNameFixes, [
  {
    title: 'renames a duplicate port name',
    rule: duplicatePortNameRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      ports:', '        - {name: http, containerPort: 80}', '        - {name: «http», containerPort: 81}'),
    apply: 'Rename to `http-2`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      ports:', '        - {name: http, containerPort: 80}', '        - {name: http-2, containerPort: 81}'),
  },
]);
