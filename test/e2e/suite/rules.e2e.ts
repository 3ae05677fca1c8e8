import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostic, lineOf, openDocument, openText, positionOf, settledDiagnostics, waitForDiagnostics, withSetting } from './helpers';

/** The Pod rules inside a real VS Code: the findings of examples/pod-rules.yaml, related places, tags and controls. */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('Pod rules in VS Code', function () {
  after(closeAllEditors);

  it('shows the cross-field mistakes of pod-rules.yaml on their lines, with the related place', async () => {
    const document = await openDocument('pod-rules.yaml');
    const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'job-blocking-sidecar'));
    const all = diagnostics.map(describeDiagnostic).join('\n');
    const mount = diagnostics.find((d) => codeOf(d) === 'mount-not-found');
    assert.ok(mount, all);
    const at = positionOf(document, 'config            #', 0);
    assert.deepEqual([mount.range.start.line, mount.range.start.character, mount.range.end.character], [at.line, at.character, at.character + 'config'.length]);
    assert.match(mount.message, /spec.volumes defines no volume of that name/);
    const dup = diagnostics.find((d) => codeOf(d) === 'duplicate-container-name');
    assert.ok(dup && dup.range.start.line === lineOf(document, '- name: web                   #'), all);
    assert.equal(dup.relatedInformation?.[0]?.location.range.start.line, lineOf(document, '- name: web'));
    const unused = diagnostics.find((d) => codeOf(d) === 'unused-volume');
    assert.ok(unused, all);
    assert.deepEqual(unused.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.equal(unused.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('reports nothing for the clean multi-container example', async () => {
    const document = await openDocument('pod-rules-clean.yaml');
    assert.deepEqual((await settledDiagnostics(document)).map(describeDiagnostic), []);
  });

  it('honours # podsmith-disable-next-line and podsmith.rules', async () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx', '      resources: {requests: {cpu: 100m}}', ''].join('\n');
    const document = await openText(text);
    await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'image-tag'));
    await withSetting('podsmith.rules', { 'image-tag': 'off' }, async () => {
      await waitForDiagnostics(document, (d) => !d.some((x) => codeOf(x) === 'image-tag'));
    });
    const silenced = await openText(text.replace('      image: nginx', '      # podsmith-disable-next-line image-tag\n      image: nginx'));
    assert.deepEqual((await settledDiagnostics(silenced)).filter((d) => codeOf(d) === 'image-tag').map(describeDiagnostic), []);
  });
});
