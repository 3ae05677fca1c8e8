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
]);
