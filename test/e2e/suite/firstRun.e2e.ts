import * as assert from 'node:assert/strict';
import { closeAllEditors, describeDiagnostic, openDocument, positionOf, waitForDiagnostics, waitForHover } from './helpers';

/**
 * What a new user meets first in the examples, as found by trying them in VS Code: messages read as sentences,
 * a misplaced key's hover does not contradict its diagnostic, and the Pod's figures name who they come from.
 */
describe('first run through the examples', function () {
  after(closeAllEditors);

  it('pod-rules.yaml: a message that opens with a container starts with a capital; whitespace is named in words', async () => {
    const document = await openDocument('pod-rules.yaml');
    const diagnostics = await waitForDiagnostics(document, (d) => d.length >= 10);
    // Field names keep their case (`readinessProbe is not allowed...`); the word "container" is not one.
    for (const d of diagnostics) {
      assert.doesNotMatch(d.message, /^(container|init container|native sidecar|ephemeral container) /, `a sentence: ${describeDiagnostic(d)}`);
    }
    assert.ok(diagnostics.some((d) => d.message.startsWith("Container 'web' mounts volume 'config'")), diagnostics.map(describeDiagnostic).join('\n'));
    const label = diagnostics.find((d) => d.range.start.line === positionOf(document, 'team: web shop').line);
    assert.ok(label, 'a finding on the label value');
    assert.ok(label.message.includes('is not valid: it contains a space.'), label.message);
  });

  it('schema-mistakes.yaml: the hover on replicas inside the Pod template says where it belongs, not "Pod-level"', async () => {
    const document = await openDocument('schema-mistakes.yaml');
    const position = positionOf(document, 'replicas: 2', 1);
    const text = await waitForHover(document, position, (t) => t.includes('is not a field of'));
    assert.ok(text.includes('`replicas` is not a field of `PodSpec` (`spec.template.spec`): it has no effect here.'), text);
    assert.ok(text.includes("It belongs to the Deployment's spec: `spec.replicas`."), text);
    assert.ok(!text.includes('Pod-level'), text);
  });

  it("multi-container-pod.yaml: an init container has no share in the app containers' sum", async () => {
    const document = await openDocument('multi-container-pod.yaml');
    const position = positionOf(document, 'resources:', 1);
    const text = await waitForHover(document, position, (t) => t.includes("Pod's effective requests"));
    assert.ok(text.includes('memory 224 MiB (sum of app containers and native sidecars; `render-config` does not run then, so it is not part of it)'), text);
    assert.ok(text.includes('memory unbounded (init container `render-config` sets no memory limit)'), text);
  });
});
