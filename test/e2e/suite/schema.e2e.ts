import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostic, lineOf, openDocument, openText, positionOf, settledDiagnostics, waitForDiagnostics, withSetting } from './helpers';

/** Schema validation inside a real VS Code: the teaching messages reach the person's editor, on the right words. */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('schema validation in VS Code', function () {
  after(closeAllEditors);

  it('shows each mistake of schema-mistakes.yaml on its marked line', async () => {
    const document = await openDocument('schema-mistakes.yaml');
    const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'misplaced-field'));
    const volumes = diagnostics.find((d) => codeOf(d) === 'misplaced-field' && d.message.startsWith("'volumes'"));
    assert.ok(volumes, diagnostics.map(describeDiagnostic).join('\n'));
    assert.equal(volumes.message, "'volumes' belongs to the Pod (spec.template.spec.volumes): volumes are defined once for the Pod and mounted into containers with volumeMounts.");
    const key = positionOf(document, 'volumes:                        #');
    assert.deepEqual([volumes.range.start.line, volumes.range.start.character, volumes.range.end.character], [key.line, key.character, key.character + 'volumes'.length]);
    const typo = diagnostics.find((d) => codeOf(d) === 'unknown-field' && d.range.start.line === lineOf(document, 'imagePullPolice:'));
    assert.ok(typo, diagnostics.map(describeDiagnostic).join('\n'));
    assert.match(typo.message, /did you mean 'imagePullPolicy'\?/);
    const cron = diagnostics.find((d) => codeOf(d) === 'removed-api-version');
    assert.ok(cron && cron.range.start.line === lineOf(document, 'apiVersion: batch/v1beta1'), diagnostics.map(describeDiagnostic).join('\n'));
  });

  it('reports nothing for a valid Deployment', async () => {
    const document = await openDocument('deployment.yaml');
    const diagnostics = (await settledDiagnostics(document)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(diagnostics.map(describeDiagnostic), []);
  });

  it('turns a rule off through podsmith.rules', async () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  label: {}', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n');
    const document = await openText(text);
    await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'unknown-field'));
    await withSetting('podsmith.rules', { 'unknown-field': 'off' }, async () => {
      await waitForDiagnostics(document, (d) => !d.some((x) => codeOf(x) === 'unknown-field'));
    });
  });
});
