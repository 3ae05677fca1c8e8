import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { podSiteInCrdSchema } from '../../../server/src/pod/crdPodSites';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { service, settingsWith, sourceOf, summarize, withCursor, yaml } from '../support/service';
import { crdWithSpec, TRAINER_CRD as CRD } from './support';

/** A CRD whose schema says where its resources hold a Pod: the Pod there is checked and explained as a Deployment's. */

/** The same CRD with the template left free-form: nothing says a Pod is there. */
const FREE_FORM = crdWithSpec(
  'ml.example.com',
  'Trainer',
  'trainers',
  'v1',
  'epochs: {type: integer}',
  'worker: {type: object, properties: {template: {type: object, x-kubernetes-preserve-unknown-fields: true}}}',
);

const TRAINER = yaml(
  'apiVersion: ml.example.com/v1', //  0
  'kind: Trainer',
  'metadata: {name: resnet}',
  'spec:',
  '  epochs: 10',
  '  worker:', //                        5
  '    template:',
  '      metadata: {labels: {app: resnet}}',
  '      spec:',
  '        containers:',
  '          - name: train', //          10
  '            image: trainer:1.0',
  '            ports: [{containerPort: 70000}]',
);

function workspace(crd = CRD): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setFile(service.parse(TextDocument.create('file:///ws/trainer-crd.yaml', 'yaml', 1, crd), settingsWith()));
  return index;
}

const API = settingsWith({ profile: 'api' });

describe('custom resources: Pods where the CRD schema puts them', () => {
  it('finds a pod template or a pod spec in the schema, the shallowest first, and nothing the schema leaves free-form', () => {
    const container = { type: 'object', properties: { name: { type: 'string' }, image: { type: 'string' } } };
    const podSpec = { type: 'object', properties: { containers: { type: 'array', items: container } } };
    assert.deepEqual(podSiteInCrdSchema({ properties: { spec: { properties: { template: { properties: { metadata: { type: 'object' }, spec: podSpec } } } } } }), {
      podSpecPath: ['spec', 'template', 'spec'],
      templateMetadataPath: ['spec', 'template', 'metadata'],
    });
    assert.deepEqual(podSiteInCrdSchema({ properties: { spec: { properties: { runner: podSpec, deep: { properties: { template: { properties: { spec: podSpec } } } } } } } }), {
      podSpecPath: ['spec', 'runner'],
    });
    assert.equal(podSiteInCrdSchema({ properties: { spec: { properties: { template: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } } }), undefined);
    // Containers without name and image are not a Pod's; a pod spec in a list has no one path.
    assert.equal(podSiteInCrdSchema({ properties: { spec: { properties: { containers: { type: 'array', items: { properties: { name: {} } } } } } } }), undefined);
    assert.equal(podSiteInCrdSchema({ properties: { spec: { properties: { pods: { type: 'array', items: podSpec } } } } }), undefined);
  });

  it('runs the Pod rules on it: a port out of range is the finding a Deployment gets', () => {
    const diagnostics = service.validate(sourceOf(TRAINER, 'file:///ws/trainer.yaml', API), API, workspace());
    assert.deepEqual(summarize(diagnostics), [
      ['port-range', '12:36-12:41', 'containerPort 70000 of container `train` is out of range: a port number is 1..65535. The API server rejects it; use the port the process listens on.'],
    ]);
  });

  it('says nothing of the Pod without the CRD, or when the CRD leaves the template free-form', () => {
    assert.deepEqual(service.validate(sourceOf(TRAINER, 'file:///ws/trainer.yaml', API), API, new WorkspaceIndex()), []);
    assert.deepEqual(service.validate(sourceOf(TRAINER, 'file:///ws/trainer.yaml', API), API, workspace(FREE_FORM)), []);
  });

  it('explains the Pod with its scopes and the rest from the CRD, and draws it', () => {
    const index = workspace();
    const hover = (needle: string, delta: number) => {
      const at = TRAINER.indexOf(needle) + delta;
      const { source, position } = withCursor(TRAINER.slice(0, at) + '|' + TRAINER.slice(at), 'file:///ws/trainer.yaml');
      return (service.hover(source, position, settingsWith(), index)?.contents as MarkupContent | undefined)?.value;
    };
    assert.equal(hover('containers', 2)?.split('\n')[0], '`spec.worker.template.spec.containers` · **Pod-level** · `Container[]`');
    assert.equal(hover('image', 2)?.split('\n')[0], '`spec.worker.template.spec.containers[train].image` · **container-level** · app container `train` · `string`');
    assert.equal(hover('epochs', 2)?.split('\n\n').slice(0, 2).join('\n\n'), '`spec.epochs` · `integer`\n\nHow many passes over the data.');
    assert.equal(hover('Trainer', 2)?.split('\n\n')[0], '**Trainer `resnet`** (CRD trainers.ml.example.com): the controller creates Pods from the template at `spec.worker.template`; each Pod is:');
    const { source, position } = withCursor(TRAINER.replace('name: train', 'name: tr|ain'), 'file:///ws/trainer.yaml');
    const model = service.diagram(source, position, settingsWith(), index) as DiagramModel | null;
    assert.deepEqual(model && [model.pod.kind, model.containers.map((c) => c.name)], ['Trainer', ['train']]);
  });

  it('follows the CRD: once it no longer embeds a Pod, the findings go', () => {
    const source = sourceOf(TRAINER, 'file:///ws/trainer.yaml', API);
    const index = workspace();
    assert.equal(service.validate(source, API, index).length, 1);
    index.setFile(service.parse(TextDocument.create('file:///ws/trainer-crd.yaml', 'yaml', 2, FREE_FORM), settingsWith()));
    assert.deepEqual(service.validate(source, API, index), []);
  });
});
