import { emptySelectorFixes, selectorMismatchFixes } from '../../../../server/src/codeActions/selector';
import { emptySelectorRule, selectorMismatchRule } from '../../../../server/src/rules/workloads';
import { fixTable, lines } from '../support/fixTable';

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
]);
