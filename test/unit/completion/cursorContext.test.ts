import assert from 'node:assert/strict';
import { contextInText } from '../../../server/src/completion/cursorContext';
import { TextLines } from '../../../server/src/document/textLines';

/** The context at the `|` of a text: where the person is typing, read from indentation and flow brackets. */
function contextAt(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const context = contextInText(TextLines.ofText(text), offset);
  if (!context) return undefined;
  return {
    position: context.position,
    path: context.path.join('.'),
    typed: context.typed,
    replaced: text.slice(context.replaceStart, context.replaceEnd),
    keys: [...context.presentKeys].sort().join(','),
    style: context.style,
  };
}

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n';

describe('completion: cursor context from text', () => {
  const cases: [string, string, ReturnType<typeof contextAt>][] = [
    ['empty document', '|', { position: 'key', path: '', typed: '', replaced: '', keys: '', style: 'block' }],
    ['partial top-level key', 'apiVersion: v1\nki|', { position: 'key', path: '', typed: 'ki', replaced: 'ki', keys: 'apiVersion', style: 'block' }],
    ['top-level keys below count as present', '|\nkind: Pod\nspec: {}\n', { position: 'key', path: '', typed: '', replaced: '', keys: 'kind,spec', style: 'block' }],
    ['blank line under spec, by its indentation', POD_HEAD + '  |\n', { position: 'key', path: 'spec', typed: '', replaced: '', keys: '', style: 'block' }],
    [
      'partial key in a container (tree reads it as a scalar continuation)',
      POD_HEAD + '  containers:\n  - name: app\n    image: nginx\n    imagePu|\n',
      { position: 'key', path: 'spec.containers.0', typed: 'imagePu', replaced: 'imagePu', keys: 'image,name', style: 'block' },
    ],
    [
      'second container, indented sequence style',
      POD_HEAD + '  containers:\n    - name: a\n      image: x\n    - name: b\n      |\n',
      { position: 'key', path: 'spec.containers.1', typed: '', replaced: '', keys: 'name', style: 'block' },
    ],
    [
      'a new item right after the dash',
      POD_HEAD + '  containers:\n  - name: a\n  - |\n',
      { position: 'key', path: 'spec.containers.1', typed: '', replaced: '', keys: '', style: 'block' },
    ],
    [
      'new item keys below the dash count as present',
      POD_HEAD + '  containers:\n  - |\n    image: nginx\n',
      { position: 'key', path: 'spec.containers.0', typed: '', replaced: '', keys: 'image', style: 'block' },
    ],
    [
      'under a sequence key, without a dash',
      POD_HEAD + '  containers:\n    |\n',
      { position: 'key', path: 'spec.containers', typed: '', replaced: '', keys: '', style: 'block' },
    ],
    [
      'back at the PodSpec column after a container',
      POD_HEAD + '  containers:\n  - name: a\n    image: b\n  |\n',
      { position: 'key', path: 'spec', typed: '', replaced: '', keys: 'containers', style: 'block' },
    ],
    [
      'deep: a probe handler of the second container',
      POD_HEAD + '  containers:\n  - name: a\n  - name: b\n    readinessProbe:\n      httpGet:\n        |\n',
      { position: 'key', path: 'spec.containers.1.readinessProbe.httpGet', typed: '', replaced: '', keys: '', style: 'block' },
    ],
    [
      'value of a key, partly typed, word after the cursor replaced too',
      POD_HEAD + '  containers:\n  - name: a\n    imagePullPolicy: If|Not\n',
      { position: 'value', path: 'spec.containers.0.imagePullPolicy', typed: 'If', replaced: 'IfNot', keys: '', style: 'block' },
    ],
    ['value right after the colon', 'apiVersion: apps/v1\nkind:|', { position: 'value', path: 'kind', typed: '', replaced: '', keys: '', style: 'block' }],
    [
      'value on a dash line',
      POD_HEAD + '  containers:\n  - name: a\n    volumeMounts:\n    - name: |\n',
      { position: 'value', path: 'spec.containers.0.volumeMounts.0.name', typed: '', replaced: '', keys: '', style: 'block' },
    ],
    [
      'cursor inside an existing key keeps the rest of the word in the range',
      POD_HEAD + '  restart|Policy: Always\n',
      { position: 'key', path: 'spec', typed: 'restart', replaced: 'restartPolicy', keys: '', style: 'block' },
    ],
    ['under a key with a scalar value: no place', 'metadata:\n  name: web\n    |\n', undefined],
    ['in a comment', '# a comment |\n', undefined],
    [
      'Deployment template spec',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        |\n',
      { position: 'key', path: 'spec.template.spec.containers.0', typed: '', replaced: '', keys: 'name', style: 'block' },
    ],
    [
      'second document of a stream starts its own tree',
      'kind: Service\nspec:\n  ports: []\n---\napiVersion: v1\n|',
      { position: 'key', path: '', typed: '', replaced: '', keys: 'apiVersion', style: 'block' },
    ],
    [
      'flow mapping: key position after a comma',
      POD_HEAD + '  securityContext: {runAsNonRoot: true, run|}\n',
      { position: 'key', path: 'spec.securityContext', typed: 'run', replaced: 'run', keys: 'runAsNonRoot', style: 'flow' },
    ],
    [
      'flow mapping nested: value position',
      POD_HEAD + '  containers:\n  - {name: a, image: b, imagePullPolicy: |}\n',
      { position: 'value', path: 'spec.containers.0.imagePullPolicy', typed: '', replaced: '', keys: '', style: 'flow' },
    ],
    [
      'flow mapping: keys after the cursor count as present',
      POD_HEAD + '  containers:\n  - name: a\n    resources: {limits: {|, memory: 1Gi}}\n',
      { position: 'key', path: 'spec.containers.0.resources.limits', typed: '', replaced: '', keys: 'memory', style: 'flow' },
    ],
    [
      'a whole document in flow style, over lines',
      '{"apiVersion": "v1", "kind": "Pod",\n "spec": {"containers": [{"name": "a", "ima|"}]}}\n',
      { position: 'key', path: 'spec.containers.0', typed: 'ima', replaced: 'ima', keys: 'name', style: 'flow' },
    ],
    [
      'block lines after a closed flow collection are block again',
      POD_HEAD + '  nodeSelector: {disk: ssd}\n  |\n',
      { position: 'key', path: 'spec', typed: '', replaced: '', keys: 'nodeSelector', style: 'block' },
    ],
  ];
  for (const [name, marked, expected] of cases) {
    it(name, () => assert.deepEqual(contextAt(marked), expected));
  }
});
