import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import type { DiagramModel } from '../../shared/diagramTypes';
import { LspServer, REPO_ROOT } from './support/lspServer';

/**
 * A custom resource with a Pod inside (examples/rollout.yaml, an Argo Rollouts Rollout) over stdio: the Pod is
 * checked, explained and drawn like a Deployment's; the Rollout's own fields stay silent.
 */
describe('protocol: a Pod inside a custom resource', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  const TEXT = readFileSync(path.join(REPO_ROOT, 'examples', 'rollout.yaml'), 'utf8');
  const LINES = TEXT.split('\n');
  /** The position `delta` characters into the first line holding `needle`. */
  const at = (needle: string, delta = 0) => {
    const line = LINES.findIndex((l) => l.includes(needle));
    assert.ok(line >= 0, needle);
    return { line, character: LINES[line].indexOf(needle) + delta };
  };

  it('publishes no problem for the clean example, and the finding a Deployment gets for a port out of range', async () => {
    const uri = 'file:///rollout.yaml';
    assert.deepEqual(await server.open(uri, TEXT), []);
    const port = at('containerPort: 8080', 'containerPort: '.length);
    const diagnostics = await server.change(uri, [{ range: { start: port, end: { line: port.line, character: port.character + 4 } }, text: '70000' }]);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`, d.message]),
      [['port-range', `${port.line}:${port.character}-${port.line}:${port.character + 5}`, 'containerPort 70000 of container `app` is out of range: a port number is 1..65535. The API server rejects it; use the port the process listens on.']],
    );
  });

  it("hovers the Pod's fields with their scope, and nothing on the Rollout's own", async () => {
    const uri = 'file:///rollout-hover.yaml';
    await server.open(uri, TEXT);
    const containers = await server.hover(uri, at('containers:', 2));
    assert.equal((containers!.contents as MarkupContent).value.split('\n')[0], '`spec.template.spec.containers` · **Pod-level** · `Container[]`');
    const image = await server.hover(uri, at('image:', 2));
    assert.equal((image!.contents as MarkupContent).value.split('\n')[0], '`spec.template.spec.containers[app].image` · **container-level** · app container `app` · `string`');
    assert.equal(await server.hover(uri, at('setWeight: 25', 2)), null);
  });

  it('answers the diagram request with the Rollout\'s Pod', async () => {
    const uri = 'file:///rollout-diagram.yaml';
    await server.open(uri, TEXT);
    const model = (await server.diagram(uri, at('- name: app', 9))) as DiagramModel;
    assert.deepEqual([model.pod.kind, model.pod.name], ['Rollout', 'checkout']);
    assert.deepEqual(model.containers.map((c) => [c.name, c.role]), [['app', 'app']]);
  });
});
