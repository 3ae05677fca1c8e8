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
  {
    title: 'an init container reusing an app container name, in block style, CRLF',
    rule: duplicateContainerNameRule,
    crlf: true,
    manifest: pod('  initContainers:', '    - name: web', '      image: init:1', '  containers:', '    - name: «web»', '      image: web:1'),
    offers: ['Rename to `web-2`'],
    apply: 'Rename to `web-2`',
    preferred: true,
    expected: pod('  initContainers:', '    - name: web', '      image: init:1', '  containers:', '    - name: web-2', '      image: web:1'),
  },
  {
    title: 'no edit on a name that came through an alias',
    rule: duplicateContainerNameRule,
    manifest: pod('  containers:', '    - &web {name: web, image: "web:1"}', '    - «*web»'),
    offers: [],
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
  {
    title: 'a native sidecar and an app container on one port, in block style',
    rule: sharedContainerPortRule,
    manifest: pod('  initContainers:', '    - name: proxy', '      image: proxy:1', '      restartPolicy: Always', '      ports:', '        - containerPort: 8080', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: «8080»'),
    offers: ['Use containerPort 8081'],
    apply: 'Use containerPort 8081',
    preferred: true,
    expected: pod('  initContainers:', '    - name: proxy', '      image: proxy:1', '      restartPolicy: Always', '      ports:', '        - containerPort: 8080', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: 8081'),
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
  {
    title: 'a port name kept within 15 characters, in block style',
    rule: duplicatePortNameRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      ports:', '        - name: metrics-portal', '          containerPort: 80', '        - name: «metrics-portal»', '          containerPort: 81'),
    apply: 'Rename to `metrics-porta-2`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      ports:', '        - name: metrics-portal', '          containerPort: 80', '        - name: metrics-porta-2', '          containerPort: 81'),
  },
]);
