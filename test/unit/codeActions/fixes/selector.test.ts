import { emptySelectorFixes, selectorMismatchFixes } from '../../../../server/src/codeActions/selector';
import { emptySelectorRule, selectorMismatchRule } from '../../../../server/src/rules/workloads';
import { fixTable, lines } from '../support/fixTable';

const deployment = (...spec: string[]) => lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', ...spec, '    spec:', '      containers: [{name: a, image: "a:1"}]');

fixTable(selectorMismatchFixes, [
  {
    title: "sets the template's label to the value the selector requires",
    rule: selectorMismatchRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      «labels»:', '        app: api', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    apply: "Set the template's label to `app: web`",
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: 'adds a label the selector requires to the Pod template',
    rule: selectorMismatchRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '      tier: "front"', '  template:', '    metadata:', '      «labels»:', '        app: web', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    apply: 'Add the label `tier: "front"` to the Pod template',
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '      tier: "front"', '  template:', '    metadata:', '      labels:', '        app: web', '        tier: "front"', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: "no edit through an alias: the template's labels are the Deployment's, anchored above",
    rule: selectorMismatchRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', 'spec:', '  selector:', '    matchLabels:', '      app: web', '      tier: front', '  template:', '    metadata:', '      «labels»: *labels', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
    offers: [],
  },
  {
    title: 'or point the selector at the value the template has',
    rule: selectorMismatchRule,
    manifest: deployment('  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      «labels»:', '        app: api'),
    offers: ["Set the template's label to `app: web`", 'Change the selector to `app: api`'],
    apply: 'Change the selector to `app: api`',
    expected: deployment('  selector:', '    matchLabels:', '      app: api', '  template:', '    metadata:', '      labels:', '        app: api'),
  },
  {
    title: 'a template without labels gets the labels key, flow selector, CRLF',
    rule: selectorMismatchRule,
    crlf: true,
    manifest: deployment('  selector: {matchLabels: {app: web}}', '  template:', '    «metadata»:', '      annotations: {team: shop}'),
    apply: 'Add the label `app: web` to the Pod template',
    preferred: true,
    expected: deployment('  selector: {matchLabels: {app: web}}', '  template:', '    metadata:', '      annotations: {team: shop}', '      labels:', '        app: web'),
  },
  {
    title: 'flow labels get the label inside their braces',
    rule: selectorMismatchRule,
    manifest: deployment('  selector: {matchLabels: {app: web, tier: front}}', '  template:', '    metadata: {«labels»: {app: web}}'),
    apply: 'Add the label `tier: front` to the Pod template',
    preferred: true,
    expected: deployment('  selector: {matchLabels: {app: web, tier: front}}', '  template:', '    metadata: {labels: {app: web, tier: front}}'),
  },
]);

fixTable(emptySelectorFixes, [
  {
    title: "fills an empty selector with the Pod template's labels",
    rule: emptySelectorRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  «selector»: {}', '  template:', '    metadata: {labels: {app: d, tier: web}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    apply: "Match the Pod template's labels",
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d, tier: web}}', '  template:', '    metadata: {labels: {app: d, tier: web}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    title: "the template's labels written from their values where they come through an alias",
    rule: emptySelectorRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', '    tier: "2"', 'spec:', '  «selector»: {}', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
    apply: "Match the Pod template's labels",
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', '    tier: "2"', 'spec:', '  selector: {matchLabels: {app: web, tier: "2"}}', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers:', '        - {name: web, image: "web:1"}'),
  },
  {
    title: 'an empty block selector: matchLabels written under it',
    rule: emptySelectorRule,
    manifest: deployment('  «selector»: {matchLabels: {}}', '  template:', '    metadata:', '      labels:', '        app: d'),
    apply: "Match the Pod template's labels",
    preferred: true,
    expected: deployment('  selector: {matchLabels: {app: d}}', '  template:', '    metadata:', '      labels:', '        app: d'),
  },
]);
