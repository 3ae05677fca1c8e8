import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { layoutDiagram, overlaps } from '../../../client/src/webview/layout';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { service, settingsWith, sourceOf } from '../support/service';
import { sharedDataPath } from '../../../scripts/sharedData';

/**
 * The diagram on real manifests (../shared/corpus/real, outside the repository): every document that carries a Pod
 * gets a model, every container and volume of it is laid out once, and no two boxes overlap.
 */
const CORPUS = sharedDataPath('corpus', 'real') ?? path.resolve(__dirname, '../../../../shared/corpus/real');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

describe('diagram on the real-manifest corpus', function () {
  this.timeout(120_000);
  if (!existsSync(CORPUS)) {
    it('skipped: ../shared/corpus/real is not present on this machine');
    return;
  }

  it('draws every Pod of every file without overlapping boxes', () => {
    const settings = settingsWith();
    let pods = 0;
    const seenKinds = new Set<string>();
    for (const file of yamlFiles(CORPUS)) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const source = sourceOf(text, `file:///${file}`, settings);
      for (const doc of source.file.documents) {
        const model = service.diagram(source, source.textDocument.positionAt(doc.start), settings) as DiagramModel | null;
        if (!model) continue;
        pods++;
        seenKinds.add(model.pod.kind);
        const layout = layoutDiagram(model);
        assert.equal(layout.containers.length, model.containers.length, `${file}#${doc.index}: every container laid out`);
        assert.equal(layout.volumes.length, model.volumes.length, `${file}#${doc.index}: every volume laid out`);
        const boxes = [layout.network.rect, layout.footer.rect, ...layout.containers.map((c) => c.rect), ...layout.volumes.map((v) => v.rect)];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `${file}#${doc.index}: boxes ${i} and ${j} overlap`);
        }
      }
    }
    // The corpus holds hundreds of workloads of every pod-carrying kind but PodTemplate.
    assert.ok(pods > 200, `${pods} Pods drawn`);
    for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']) assert.ok(seenKinds.has(kind), `a ${kind} was drawn`);
  });
});
