import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { diagnosticsOf, service, withCursor, yaml } from '../support/service';

/** Snippets come from the server, each only where it fits (they used to appear in every completion list). */
const POD = (...tail: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ...tail);

function snippetsAt(marked: string): CompletionItem[] {
  const { source, position } = withCursor(marked);
  return service.complete(source, position, DEFAULT_SETTINGS).items.filter((i) => i.kind === 15);
}

function accepted(marked: string, label: string): string {
  const { source, position } = withCursor(marked);
  const item = service.complete(source, position, DEFAULT_SETTINGS).items.find((i) => i.label === label)!;
  const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  // Placeholders as their defaults, as VS Code inserts them.
  const text = edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
  return TextDocument.applyEdits(source.textDocument, [{ range: edit.range, newText: text }]);
}

describe('completion: snippets where they fit', () => {
  it('inside a container: the probes and resources, nothing for whole manifests or volumes', () => {
    assert.deepEqual(snippetsAt(POD('      |')).map((i) => i.label), ['k8s-probe-http', 'k8s-probe-tcp', 'k8s-probe-exec', 'k8s-probe-grpc', 'k8s-resources']);
  });

  it('in volumeMounts: a mount; inside a mount: nothing', () => {
    assert.deepEqual(snippetsAt(POD('      volumeMounts:', '        - |')).map((i) => i.label), ['k8s-volume-mount']);
    assert.deepEqual(snippetsAt(POD('      volumeMounts:', '        - name: cache', '          |')).map((i) => i.label), []);
  });

  it('under metadata: no snippet at all', () => {
    assert.deepEqual(snippetsAt(yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  |')).map((i) => i.label), []);
  });

  it('a probe snippet accepted in a container leaves a manifest without errors and no blank line', () => {
    const after = accepted(POD('      |'), 'k8s-probe-http');
    assert.ok(after.includes('      readinessProbe:\n        httpGet:\n          path: /healthz\n'), after);
    assert.ok(!/\n[ \t]+\n/.test(after), 'no whitespace-only line');
  });

  it('a mount accepted after a dash is the item, aligned past the dash', () => {
    const after = accepted(POD('      volumeMounts:', '        - |', '  volumes:', '    - name: cache', '      emptyDir: {}'), 'k8s-volume-mount');
    assert.ok(after.includes('        - name: cache\n          mountPath: /cache\n  volumes:'), after);
    assert.deepEqual(diagnosticsOf(after).filter((d) => d.severity === 1).map((d) => d.message), []);
  });
});
