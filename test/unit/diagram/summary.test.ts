import assert from 'node:assert/strict';
import { counted, summaryText } from '../../../client/src/webview/summary';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { service, settingsWith, sourceOf, yaml } from '../support/service';

function modelOf(text: string): DiagramModel {
  const settings = settingsWith();
  const model = service.diagram(sourceOf(text, 'file:///summary.yaml', settings), { line: 0, character: 0 }, settings) as DiagramModel | null;
  assert.ok(model, 'a model');
  return model;
}

/** The line above the diagram counts in words that agree with the numbers. */
describe('diagram summary line', () => {
  const CASES: [string, string, string][] = [
    [
      'one container, no volume, one problem',
      yaml('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: migrate}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: m, image: "app:1"}]'),
      'Job migrate · 1 container · 0 volumes · 1 problem',
    ],
    [
      'two containers, one volume, no problems',
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '    - {name: a, image: "a:1", resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}, volumeMounts: [{name: v, mountPath: /v}]}',
        '    - {name: b, image: "b:1", resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}, ports: [{containerPort: 81}]}',
        '  volumes: [{name: v, emptyDir: {}}]',
      ),
      'Pod p · 2 containers · 1 volume · no problems',
    ],
  ];
  for (const [what, text, expected] of CASES) {
    it(what, () => assert.equal(summaryText(modelOf(text)), expected));
  }

  it('counts in words that agree with the number (also the SVG title screen readers announce)', () => {
    assert.deepEqual([counted(0, 'volume'), counted(1, 'container'), counted(2, 'container')], ['0 volumes', '1 container', '2 containers']);
  });
});
