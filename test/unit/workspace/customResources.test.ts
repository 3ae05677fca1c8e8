import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { customResourceDefinitionFor, customResourceDefinitions, customResourceFor, splitApiVersion } from '../../../server/src/workspace/customResources';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service } from '../support/service';

const CRD = readFileSync(path.resolve(__dirname, '../../fixtures/crds/widget-crd.yaml'), 'utf8');

function fileOf(uri: string, text: string, version = 1) {
  return service.parse(TextDocument.create(uri, 'yaml', version, text), DEFAULT_SETTINGS);
}

describe('workspace: the custom resource registry', () => {
  it('answers an apiVersion and kind with the CRD, the served version, its schema as plain data, scope and CEL rules', () => {
    const index = new WorkspaceIndex();
    index.setFile(fileOf('file:///ws/crd.yaml', CRD));
    const found = customResourceFor(index, 'shop.example.com/v1', 'Widget');
    assert.ok(found);
    assert.equal(found.crd.uri, 'file:///ws/crd.yaml');
    assert.equal(found.crd.definition.name, 'widgets.shop.example.com');
    assert.equal(found.version.name, 'v1');
    assert.equal(found.scope, 'Namespaced');
    assert.equal(found.schema?.description, 'A widget the shop sells.');
    const spec = (found.schema?.properties as Record<string, Record<string, unknown>>).spec;
    assert.deepEqual((spec.properties as Record<string, { enum?: unknown }>).size.enum, ['small', 'medium', 'large']);
    assert.deepEqual(
      found.celRules.map((r) => [r.path.join('.'), r.rule, r.message]),
      [
        ['', "self.spec.replicas <= 5 || self.spec.size == 'large'", 'only large widgets run more than 5 replicas'],
        ['spec.note', 'self.size() < 100', undefined],
      ],
    );
    // The CRD document's node of the version, for findings and hover.
    assert.equal(found.crd.doc.text.slice(found.version.node.range![0]).split('\n')[0], 'name: v1');
  });

  it('a version that is not served, an unknown version, another kind and a core apiVersion have no answer', () => {
    const index = new WorkspaceIndex();
    index.setFile(fileOf('file:///ws/crd.yaml', CRD));
    assert.equal(customResourceFor(index, 'shop.example.com/v1alpha1', 'Widget'), undefined);
    assert.equal(customResourceFor(index, 'shop.example.com/v2', 'Widget'), undefined);
    assert.equal(customResourceFor(index, 'shop.example.com/v1', 'Gadget'), undefined);
    assert.equal(customResourceFor(index, 'v1', 'Widget'), undefined);
    assert.equal(customResourceDefinitionFor(index, 'shop.example.com', 'Widget')?.definition.versions.length, 2);
    assert.deepEqual(splitApiVersion('v1'), {});
  });

  it('follows the CRD: an edit to its schema moves the index generation and the answer; removing the file drops it', () => {
    const index = new WorkspaceIndex();
    index.setFile(fileOf('file:///ws/crd.yaml', CRD));
    const before = index.generation;
    const key = customResourceFor(index, 'shop.example.com/v1', 'Widget')!.version.schemaKey;
    index.setFile(fileOf('file:///ws/crd.yaml', CRD.replace('maximum: 10', 'maximum: 20'), 2));
    assert.notEqual(index.generation, before);
    const after = customResourceFor(index, 'shop.example.com/v1', 'Widget')!;
    assert.notEqual(after.version.schemaKey, key);
    index.removeFile('file:///ws/crd.yaml');
    assert.equal(customResourceFor(index, 'shop.example.com/v1', 'Widget'), undefined);
  });

  it('reads CRDs from extra files (podsmith.crds) without making their other objects part of the workspace; a workspace file wins', () => {
    const index = new WorkspaceIndex();
    const extra = `${CRD}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: not-the-workspaces}\n`;
    index.setCrdSource(fileOf('file:///elsewhere/crds.yaml', extra));
    assert.equal(customResourceFor(index, 'shop.example.com/v1', 'Widget')?.crd.uri, 'file:///elsewhere/crds.yaml');
    assert.deepEqual(index.objectsOfKind('ConfigMap'), []);
    index.setFile(fileOf('file:///ws/crd.yaml', CRD));
    assert.deepEqual(customResourceDefinitions(index).map((c) => c.uri), ['file:///ws/crd.yaml', 'file:///elsewhere/crds.yaml']);
    assert.equal(customResourceFor(index, 'shop.example.com/v1', 'Widget')?.crd.uri, 'file:///ws/crd.yaml');
    index.removeCrdSource('file:///elsewhere/crds.yaml');
    assert.deepEqual(customResourceDefinitions(index).map((c) => c.uri), ['file:///ws/crd.yaml']);
  });

  it('ignores a v1beta1 CRD and a CRD without group or kind', () => {
    const index = new WorkspaceIndex();
    index.setFile(fileOf('file:///ws/old.yaml', CRD.replace('apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1')));
    index.setFile(fileOf('file:///ws/nogroup.yaml', CRD.replace('group: shop.example.com', 'group: ""')));
    assert.deepEqual(customResourceDefinitions(index), []);
  });

  it('bounds the schema it reads: a schema past the node bound is marked too large and not read', () => {
    // 70,000 enum values in a flow list: about 210,000 characters, within the document bound.
    const values = Array.from({ length: 70_000 }, (_, i) => (i % 1000).toString(36)).join(',');
    const huge = CRD.replace('enum: [small, medium, large]', `enum: [${values}]`);
    const index = new WorkspaceIndex();
    index.setFile(fileOf('file:///ws/huge.yaml', huge));
    const version = customResourceDefinitionFor(index, 'shop.example.com', 'Widget')!.definition.versions[1];
    assert.equal(version.tooLarge, 'nodes');
    assert.equal(version.schema, undefined);
  });
});
