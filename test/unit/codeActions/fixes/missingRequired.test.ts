import { missingRequiredFixes } from '../../../../server/src/codeActions/missingRequired';
import { missingRequiredRule } from '../../../../server/src/schema/schemaRules';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(missingRequiredFixes, [
  {
    title: 'adds containers with one container, its image placeholder selected',
    rule: missingRequiredRule,
    manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', 'spec:', '  template:', '    «spec»:', '      restartPolicy: Never'),
    apply: 'Add `containers` with one container',
    preferred: true,
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: app', '          image: IMAGE'),
    selects: '10:17-10:22',
  },
  {
    title: 'adds a container name derived from its image (registry and tag dropped)',
    rule: missingRequiredRule,
    manifest: pod('  containers:', '    - «image: registry.io/team/api:v2»', '      args: [serve]'),
    apply: 'Add `name: api`',
    preferred: true,
    expected: pod('  containers:', '    - name: api', '      image: registry.io/team/api:v2', '      args: [serve]'),
  },
  {
    title: 'adds a derived container name made unique in the Pod',
    rule: missingRequiredRule,
    manifest: pod('  containers:', '    - {name: nginx, image: "nginx:1.27"}', '    - {«image: "nginx:1.27"»}'),
    apply: 'Add `name: nginx-2`',
    preferred: true,
    expected: pod('  containers:', '    - {name: nginx, image: "nginx:1.27"}', '    - {name: nginx-2, image: "nginx:1.27"}'),
  },
  {
    title: 'adds a missing image as a selected placeholder',
    rule: missingRequiredRule,
    manifest: pod('  containers:', '    - «name: web»', '      ports: [{containerPort: 80}]'),
    apply: 'Add `image` (a placeholder to replace)',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      ports: [{containerPort: 80}]', '      image: IMAGE'),
    selects: '8:13-8:18',
  },
  {
    title: 'fills an empty containers key with one container',
    rule: missingRequiredRule,
    manifest: pod('  «containers»:'),
    apply: 'Add a container to `containers`',
    preferred: true,
    expected: pod('  containers:', '    - name: app', '      image: IMAGE'),
    selects: '7:13-7:18',
  },
  {
    title: 'writes a placeholder after an empty image key, before its comment',
    rule: missingRequiredRule,
    manifest: pod('  containers:', '    - name: web', '      «image»: # which one?'),
    apply: 'Write a placeholder image to replace',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: IMAGE # which one?'),
    selects: '7:13-7:18',
  },
  {
    title: "the new container's missing-resources hint shows when that rule is on (the skeleton asks for nothing more)",
    rule: missingRequiredRule,
    settings: { profile: 'recommended' },
    manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', 'spec:', '  template:', '    «spec»:', '      restartPolicy: Never'),
    apply: 'Add `containers` with one container',
    preferred: true,
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: app', '          image: IMAGE'),
    selects: '10:17-10:22',
    brings: ['missing-resources@9:16'],
  },
  {
    title: "a selector written from the template labels' values where they come through an alias",
    rule: missingRequiredRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', '«spec»:', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
    apply: "Add `selector` matching the template's labels",
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
  },
]);
