import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { service, settingsWith, sourceOf } from '../support/service';

/**
 * Completion on text as people leave it mid-edit: at every offset of each text, it answers without throwing (the
 * test service turns a caught exception into a failure), and every item replaces a range on the cursor's line
 * that holds the cursor, so accepting it never rewrites other lines.
 */
const TEXTS: [string, string][] = [
  ['unclosed flow mapping', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: a, resources: {limits: {cpu: 1\n'],
  ['unclosed quotes', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: "a\n    image: \'b\n'],
  ['CRLF line ends', 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n    ima\r\n'],
  ['tabs', 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers:\n\t- name: a\n'],
  ['block scalars with keys inside', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    args:\n    - |\n      key: value\n      [not: flow\n    \n'],
  ['anchors and aliases', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - &c\n    name: a\n    resources: &r\n      limits: {memory: 1Gi}\n  - <<: *c\n    name: b\n'],
  ['directives (a whole-stream parse)', '%YAML 1.2\n---\napiVersion: v1\nkind: Pod\nspec:\n  \n---\nkind: Job\n'],
  ['a Helm template', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  {{- range .Values.c }}\n  - name: {{ .name }}\n  {{- end }}\n'],
  ['only markers and comments', '---\n# nothing\n...\n---\n'],
  ['a key line deeper than its parent value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n     labels:\n  x\n'],
  ['a sequence at the root', '- apiVersion: v1\n  kind: Pod\n- \n'],
  ['quoted keys', '"apiVersion": v1\n\'kind\': Pod\n"spec":\n  "containers":\n  - "name": a\n    \n'],
  ['nested dashes', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - - name: a\n    - \n'],
  ['unknown kind', 'apiVersion: example.com/v1\nkind: Widget\nspec:\n  \n'],
];

describe('completion: robustness on text mid-edit', () => {
  for (const [name, text] of TEXTS) {
    it(`answers at every offset of ${name}, replacing only on the cursor's line`, () => {
      const source = sourceOf(text);
      const doc = source.textDocument;
      for (let offset = 0; offset <= text.length; offset++) {
        const position = doc.positionAt(offset);
        const list = service.complete(source, position, settingsWith());
        for (const item of list.items) {
          const range = (item.textEdit as TextEdit).range;
          const where = `${name} at ${position.line}:${position.character}, item ${item.label}`;
          assert.equal(range.start.line, position.line, where);
          assert.equal(range.end.line, position.line, where);
          assert.ok(range.start.character <= position.character && position.character <= range.end.character, where);
        }
      }
    });
  }
});
