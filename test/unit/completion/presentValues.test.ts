import assert from 'node:assert/strict';
import { contextInText } from '../../../server/src/completion/cursorContext';
import { TextLines } from '../../../server/src/document/textLines';

/** The one-line scalar values of the cursor's mapping, read from the text: what a container's offers depend on. */
function valuesAt(marked: string): Record<string, string> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const context = contextInText(TextLines.ofText(text), offset);
  assert.ok(context, 'a context');
  return Object.fromEntries(context.presentValues);
}

const HEAD = 'apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n';

describe('completion: values of the cursor\'s mapping', () => {
  const cases: [what: string, marked: string, values: Record<string, string>][] = [
    ['above and below the key being typed, its own item only', HEAD + '    - name: a\n      restartPolicy: Always\n      |\n      image: "busybox:1.37" # pinned\n    - name: b\n      image: other\n', { name: 'a', restartPolicy: 'Always', image: 'busybox:1.37' }],
    ['the first key on the dash line counts', HEAD + "  - name: 'proxy'\n    |\n", { name: 'proxy' }],
    ['nested blocks and flow values are not scalars', HEAD + '    - name: a\n      args: [x]\n      resources:\n        limits: {}\n      |\n', { name: 'a' }],
    ['at a value, the other keys of its mapping', HEAD + '    - name: a\n      imagePullPolicy: |\n      image: nginx:1.27\n', { name: 'a', image: 'nginx:1.27' }],
    ['a new item has none', HEAD + '    - name: a\n    - |\n', {}],
    ['flow style: none (completion reads the Pod model there)', HEAD.replace('initContainers:\n', 'initContainers: [{name: a, |}]\n'), {}],
  ];
  for (const [what, marked, values] of cases) {
    it(what, () => assert.deepEqual(valuesAt(marked), values));
  }
});
