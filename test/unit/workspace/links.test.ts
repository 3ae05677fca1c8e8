import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SegmentedText } from '../../../server/src/document/segmentedText';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service } from '../support/service';

/** A small workspace in three files (test/fixtures/workspace): a Deployment, two Services, two ConfigMaps. */
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/workspace', name), 'utf8');
const DEPLOYMENT = fixture('deployment.yaml');
const SERVICES = fixture('services.yaml');
const CONFIGMAPS = fixture('configmaps.yaml');

function workspace() {
  const index = new WorkspaceIndex();
  const sources = new Map<string, ReturnType<typeof open>>();
  function open(uri: string, text: string) {
    const textDocument = TextDocument.create(uri, 'yaml', 1, text);
    const source = { textDocument, file: service.parse(textDocument, DEFAULT_SETTINGS) };
    index.setFile(source.file);
    return source;
  }
  sources.set('deployment', open('file:///ws/deployment.yaml', DEPLOYMENT));
  sources.set('services', open('file:///ws/services.yaml', SERVICES));
  sources.set('configmaps', open('file:///ws/configmaps.yaml', CONFIGMAPS));
  return { index, sources };
}

const linkCodes = new Set(['missing-config-key', 'object-not-in-workspace', 'service-selects-nothing', 'service-target-port']);
function linkDiagnostics(name: string, settings = DEFAULT_SETTINGS) {
  const { index, sources } = workspace();
  const source = sources.get(name)!;
  return service
    .validate(source, settings, index)
    .filter((d) => linkCodes.has(String(d.code)))
    .map((d) => [String(d.code), d.range.start.line, source.textDocument.getText(d.range), d.severity, d.message]);
}

describe('workspace: links between documents and files', () => {
  it('two ConfigMap keys that do not exist are warnings on the key; an optional one and a correct one are silent', () => {
    const found = linkDiagnostics('deployment');
    assert.deepEqual(found.filter(([code]) => code === 'missing-config-key').map(([, line, text, severity, message]) => [line, text, severity, message]), [
      [16, 'levle', 2, 'ConfigMap "shop-config" has no key "levle": did you mean "level"? Its keys: level, mode. A Pod that reads a missing key does not start.'],
      [18, 'zone', 2, 'ConfigMap "shop-flags" has no key "zone". Its keys: region. A Pod that reads a missing key does not start.'],
    ]);
  });

  it('under the strict profile, an object not in the workspace is a quiet hint that it may exist only in the cluster', () => {
    assert.deepEqual(linkDiagnostics('deployment').filter(([code]) => code === 'object-not-in-workspace'), []);
    const found = linkDiagnostics('deployment', { ...DEFAULT_SETTINGS, profile: 'strict' }).filter(([code]) => code === 'object-not-in-workspace');
    assert.deepEqual(found.map(([, line, text, severity]) => [line, text, severity]), [[22, 'cluster-only', 4]]);
    assert.match(String(found[0][4]), /^No ConfigMap "cluster-only" in the workspace\. The env SOMEWHERE of container `web` names it; if it exists only in the cluster, this is fine\.$/);
  });

  it('a selector that matches nothing and a targetPort naming no port are warnings on their line; the right ones are silent', () => {
    assert.deepEqual(linkDiagnostics('services').map(([code, line, text, severity]) => [code, line, text, severity]), [
      ['service-target-port', 5, 'htttp', 2],
      ['service-selects-nothing', 11, '{app: shop-admin}', 2],
    ]);
    const [, , , , nothing] = linkDiagnostics('services')[1];
    assert.equal(nothing, 'This selector (app: shop-admin) matches the Pod labels of no workload in the workspace, so the Service has no endpoints. Pod templates here: Deployment "shop" (app: shop, tier: web).');
  });

  it('the ConfigMaps themselves have no link finding', () => {
    assert.deepEqual(linkDiagnostics('configmaps'), []);
  });

  it('without a workspace index, no link is checked', () => {
    const { sources } = workspace();
    const source = sources.get('services')!;
    assert.deepEqual(service.validate(source, DEFAULT_SETTINGS).filter((d) => linkCodes.has(String(d.code))), []);
  });

  it('go to definition on a ConfigMap reference lands in the other file: on the name, the object; on the key, the key', () => {
    const { index, sources } = workspace();
    const source = sources.get('deployment')!;
    const text = source.textDocument.getText();
    const onName = source.textDocument.positionAt(text.indexOf('shop-config') + 2);
    const onKey = source.textDocument.positionAt(text.indexOf('key: mode') + 6);
    const show = (l: { uri: string; range: { start: { line: number; character: number } } }) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
    assert.deepEqual(service.definition(source, onName, DEFAULT_SETTINGS, index).map(show), ['file:///ws/configmaps.yaml:2:17']);
    assert.deepEqual(service.definition(source, onKey, DEFAULT_SETTINGS, index).map(show), ['file:///ws/configmaps.yaml:4:2']);
  });

  it('find references on a ConfigMap name lists the Pods that use it, in the other file', () => {
    const { index, sources } = workspace();
    const source = sources.get('configmaps')!;
    const at = source.textDocument.positionAt(source.textDocument.getText().indexOf('shop-config') + 1);
    const refs = service.references(source, at, false, DEFAULT_SETTINGS, index).map((l) => `${l.uri}:${l.range.start.line}`);
    assert.deepEqual(refs, ['file:///ws/deployment.yaml:14', 'file:///ws/deployment.yaml:16']);
  });

  it('an edit that moves the ConfigMaps and changes nothing others see: the index keeps its generation, and F12 lands where they are now', () => {
    const { index, sources } = workspace();
    const source = sources.get('deployment')!;
    const onName = source.textDocument.positionAt(source.textDocument.getText().indexOf('shop-config') + 2);
    const show = (l: { uri: string; range: { start: { line: number; character: number } } }) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
    assert.deepEqual(service.definition(source, onName, DEFAULT_SETTINGS, index).map(show), ['file:///ws/configmaps.yaml:2:17']);
    const generation = index.generation;
    // Two lines above the first ConfigMap, in its own document: a new parse of it, at the same place in the file.
    const edited = SegmentedText.update(SegmentedText.create('file:///ws/configmaps.yaml', 'yaml', 1, CONFIGMAPS), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# shop\n# settings\n' }], 2);
    index.setFile(service.parse(edited, DEFAULT_SETTINGS, index.fileOf('file:///ws/configmaps.yaml')));
    assert.equal(index.generation, generation, 'what other files see did not change');
    assert.deepEqual(service.definition(source, onName, DEFAULT_SETTINGS, index).map(show), ['file:///ws/configmaps.yaml:4:17']);
  });

  it('a change in another file changes the findings: the missing key added, the warning goes', () => {
    const { index, sources } = workspace();
    const fixed = TextDocument.create('file:///ws/configmaps.yaml', 'yaml', 2, CONFIGMAPS.replace('data: {region: eu}', 'data: {region: eu, zone: a}'));
    index.setFile(service.parse(fixed, DEFAULT_SETTINGS));
    const keys = service.validate(sources.get('deployment')!, DEFAULT_SETTINGS, index).filter((d) => d.code === 'missing-config-key');
    assert.deepEqual(keys.map((d) => d.range.start.line), [16]);
  });
});
