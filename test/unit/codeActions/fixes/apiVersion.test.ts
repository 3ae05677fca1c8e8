import { apiVersionFixes } from '../../../../server/src/codeActions/apiVersion';
import { removedApiVersionRule, unknownApiVersionRule } from '../../../../server/src/schema/schemaRules';
import { fixTable, lines } from '../support/fixTable';

fixTable(apiVersionFixes, [
  {
    title: 'replaces a removed apiVersion and adds the selector apps/v1 requires, from the template labels',
    rule: removedApiVersionRule,
    manifest: lines('apiVersion: «extensions/v1beta1»', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 2', '  template:', '    metadata:', '      labels:', '        app: web', '        tier: "front"', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
    apply: 'Use `apiVersion: apps/v1` and add the selector it requires',
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', '      app: web', '      tier: "front"', '  template:', '    metadata:', '      labels:', '        app: web', '        tier: "front"', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
  },
  {
    title: 'a version never served: the served one, with the selector apps/v1 requires',
    rule: unknownApiVersionRule,
    manifest: lines('apiVersion: «apps/v2»', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
    offers: ['Use `apiVersion: apps/v1` and add the selector it requires'],
    apply: 'Use `apiVersion: apps/v1` and add the selector it requires',
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
  },
  {
    title: 'a Job needs no selector; two such documents: one action fixes both',
    rule: unknownApiVersionRule,
    manifest: lines('apiVersion: «batch/v2»', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: a, image: "a:1"}]', '---', 'apiVersion: apps/v2', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    offers: ['Use `apiVersion: batch/v1`', 'Fix all unknown-api-version problems in the file'],
    apply: 'Fix all unknown-api-version problems in the file',
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: a, image: "a:1"}]', '---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: "the selector written from the template labels' values where they come through an alias",
    rule: removedApiVersionRule,
    manifest: lines('apiVersion: «extensions/v1beta1»', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', 'spec:', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
    apply: 'Use `apiVersion: apps/v1` and add the selector it requires',
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
  },
  {
    title: 'a workload that has its selector gets only the apiVersion, quotes kept, CRLF',
    rule: removedApiVersionRule,
    crlf: true,
    manifest: lines('apiVersion: «"apps/v1beta2"»', 'kind: DaemonSet', 'metadata: {name: agent}', 'spec:', '  selector: {matchLabels: {app: agent}}', '  template:', '    metadata: {labels: {app: agent}}', '    spec:', '      containers: [{name: agent, image: "agent:1"}]'),
    offers: ['Use `apiVersion: apps/v1`'],
    apply: 'Use `apiVersion: apps/v1`',
    preferred: true,
    expected: lines('apiVersion: "apps/v1"', 'kind: DaemonSet', 'metadata: {name: agent}', 'spec:', '  selector: {matchLabels: {app: agent}}', '  template:', '    metadata: {labels: {app: agent}}', '    spec:', '      containers: [{name: agent, image: "agent:1"}]'),
  },
]);
