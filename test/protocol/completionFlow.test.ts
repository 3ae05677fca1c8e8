import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

/** Completion over LSP in a flow sequence of containers: the new item with its required fields, and the patterns. */
describe('protocol: completion of a new item in a flow sequence', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  it('offers a {name, image} skeleton and the container patterns after a comma in containers: [...]', async () => {
    const uri = 'file:///flow-completion.yaml';
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers: [{name: app, image: nginx:1.27}, ]'].join('\n') + '\n';
    await server.open(uri, text);
    const position: Position = { line: 5, character: 47 };
    const list = (await server.complete(uri, position)) as CompletionList;
    server.close(uri);
    const items: CompletionItem[] = list.items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['{name: , image: }', 'sidecar: log shipper', 'ambassador: local proxy', 'adapter: metrics exporter'],
    );
    const skeleton = items[0].textEdit as TextEdit;
    assert.equal(skeleton.newText, '{name: $1, image: $2}$0');
    assert.deepEqual(skeleton.range, { start: position, end: position });
    assert.equal(items[0].insertTextFormat, 2, 'a snippet');
  });
});
