/**
 * The diagram draws at most DIAGRAM_LIMITS of a Pod and says on the Pod what it left out: 50,000 containers made a
 * 55 MB answer no one could read. The first elements are drawn, in start order, with every mount between them.
 */
import assert from 'node:assert/strict';
import { DIAGRAM_LIMITS } from '../../../server/src/diagram/diagramModel';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, sourceOf } from '../support/service';

function diagramOf(text: string): DiagramModel {
  return service.diagram(sourceOf(text), { line: 2, character: 12 }, DEFAULT_SETTINGS) as DiagramModel;
}

describe('diagram: bounded for huge Pods', () => {
  it('draws a Pod within the limits whole, with no notice', () => {
    const model = diagramOf(['apiVersion: v1', 'kind: Pod', 'metadata: {name: small}', 'spec:', '  containers:', ...Array.from({ length: DIAGRAM_LIMITS.containers }, (_, i) => `  - {name: c${i}, image: a:1}`), ''].join('\n'));
    assert.equal(model.containers.length, DIAGRAM_LIMITS.containers);
    assert.deepEqual(model.pod.problems.filter((p) => p.ruleId === 'diagram-bound'), []);
  });

  it('draws the first containers and volumes, only mounts between drawn ones, and says what it left out', () => {
    const containers = 1500;
    const volumes = 250;
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: crowd}',
      'spec:',
      '  volumes:',
      ...Array.from({ length: volumes }, (_, i) => `  - {name: v${i}, emptyDir: {}}`),
      '  containers:',
      ...Array.from({ length: containers }, (_, i) => `  - {name: c${i}, image: nginx:1.27, ports: [{containerPort: 80}], volumeMounts: [{name: v${(i * 7) % volumes}, mountPath: /d}]}`),
      '',
    ].join('\n');
    const model = diagramOf(text);
    assert.deepEqual(model.containers.map((c) => c.name).slice(0, 3), ['c0', 'c1', 'c2']);
    assert.equal(model.containers.length, DIAGRAM_LIMITS.containers);
    assert.equal(model.volumes.length, DIAGRAM_LIMITS.volumes);
    const drawn = new Set([...model.containers.map((c) => c.id), ...model.volumes.map((v) => v.id)]);
    assert.ok(model.edges.every((e) => drawn.has(e.container) && drawn.has(e.volume)), 'every edge joins two drawn elements');
    // Container i mounts volume 7i mod 250: of the first 100, those with 7i mod 250 < 100 reach a drawn volume
    // (i 0-14, 36-49, 72-85: 43); the other 57 mounts are left out.
    assert.equal(model.edges.length, 43);
    assert.ok([model.pod, ...model.containers, ...model.volumes].every((e) => e.problems.length <= DIAGRAM_LIMITS.problemsPerElement + 1));
    const notice = model.pod.problems[0];
    assert.equal(notice.ruleId, 'diagram-bound');
    assert.equal(notice.severity, 'information');
    assert.match(notice.message, /^This Pod is too large to draw whole: the diagram leaves out 1,400 containers, 150 volumes, 57 mounts, [0-9,]+ problems \(it draws at most 100 containers, 100 volumes, 300 mounts, 20 ports per container and 20 problems per element\)\. Every one is still checked\.$/);
    assert.ok(JSON.stringify(model).length < 1_000_000, `the answer is ${JSON.stringify(model).length} characters`);
  });
});
