import { wrongTypeFixes } from '../../../../server/src/codeActions/scalarTypes';
import { wrongTypeRule } from '../../../../server/src/schema/schemaRules';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(wrongTypeFixes, [
  {
    title: 'unquotes a quoted port number',
    rule: wrongTypeRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: «"8080"»'),
    apply: 'Remove the quotes: `8080`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: 8080'),
  },
  {
    title: 'quotes a number where an environment value (a string) belongs',
    rule: wrongTypeRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      env:', '        - {name: PORT, value: «8080»}'),
    apply: 'Quote `8080` to make it a string',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      env:', '        - {name: PORT, value: "8080"}'),
  },
  {
    title: 'quotes a label value written as a number',
    rule: wrongTypeRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  labels:', '    version: «2»', 'spec:', '  containers:', '    - {name: web, image: "web:1"}'),
    apply: 'Quote `2` to make it a string',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  labels:', '    version: "2"', 'spec:', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'a quoted boolean where a boolean belongs loses its single quotes',
    rule: wrongTypeRule,
    manifest: pod("  hostNetwork: «'true'»", '  containers:', '    - {name: web, image: "web:1"}'),
    offers: ['Remove the quotes: `true`'],
    apply: 'Remove the quotes: `true`',
    preferred: true,
    expected: pod('  hostNetwork: true', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'a boolean where a string belongs is quoted, in a flow mapping, CRLF',
    rule: wrongTypeRule,
    crlf: true,
    manifest: pod('  nodeSelector: {gpu: «true»}', '  containers:', '    - {name: web, image: "web:1"}'),
    apply: 'Quote `true` to make it a string',
    preferred: true,
    expected: pod('  nodeSelector: {gpu: "true"}', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    title: 'no fix for a quoted word where a number belongs (its meaning is not clear)',
    rule: wrongTypeRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: «"http"»'),
    offers: [],
  },
  {
    title: 'no fix for a mapping where a string belongs',
    rule: wrongTypeRule,
    manifest: pod('  containers:', '    - name: web', '      «image»: {name: web}'),
    offers: [],
  },
  {
    title: 'two wrong types in the file: one action fixes both',
    rule: wrongTypeRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      ports: [{containerPort: «"80"»}]', '      env: [{name: PORT, value: 80}]'),
    offers: ['Remove the quotes: `80`', 'Fix all wrong-type problems in the file'],
    apply: 'Fix all wrong-type problems in the file',
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      ports: [{containerPort: 80}]', '      env: [{name: PORT, value: "80"}]'),
  },
  {
    title: 'no edit on a value that came through an alias',
    rule: wrongTypeRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      ports: [&port {containerPort: "80"}]', '    - name: log', '      image: log:1', '      ports: [«*port»]'),
    offers: [],
  },
]);
