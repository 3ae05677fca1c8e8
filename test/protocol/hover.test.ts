import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LspServer, REPO_ROOT } from './support/lspServer';

/**
 * Hover over stdio on the example manifests, as an editor asks for it: each kind of key and value gets the scope,
 * our explanation and the upstream description, with a range exact to the node; comments and blanks get nothing.
 */

interface Example {
  readonly uri: string;
  readonly doc: TextDocument;
}

function loadExample(name: string): Example {
  const file = path.join(REPO_ROOT, 'examples', name);
  const uri = `file://${file}`;
  return { uri, doc: TextDocument.create(uri, 'yaml', 1, readFileSync(file, 'utf8')) };
}

/** The position `delta` characters into the `occurrence`-th match of `needle`. */
function at(example: Example, needle: string, delta = 0, occurrence = 0): Position {
  const text = example.doc.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${JSON.stringify(needle)} occurs ${occurrence + 1} time(s) in ${example.uri}`);
  }
  return example.doc.positionAt(index + delta);
}

function textOf(hover: Hover): string {
  return (hover.contents as MarkupContent).value;
}

function rangeOf(hover: Hover): string {
  const r = hover.range!;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

interface Case {
  readonly what: string;
  readonly at: [needle: string, delta?: number, occurrence?: number];
  /** The covered text and the range `line:col-line:col`. */
  readonly covers: [string, string];
  readonly says: readonly string[];
}

const MULTI_CONTAINER: Case[] = [
  {
    what: 'kind: a summary of the Pod',
    at: ['kind: Pod', 7],
    covers: ['Pod', '4:6-4:9'],
    says: ['**Pod `shop`**', '`mesh-proxy`: native sidecar', '`log-shipper`: sidecar (detected)', '`logs` (emptyDir) → app, log-shipper', 'Effective requests: 500m CPU, memory 224 MiB'],
  },
  {
    what: 'a Pod-level key (nodeSelector): scope, explanation, description',
    at: ['nodeSelector', 2],
    covers: ['nodeSelector', '11:2-11:14'],
    says: ['**Pod-level**', 'The whole Pod lands on one node', '**The Pod is scheduled as a unit:**', 'Kubernetes: NodeSelector is a selector'],
  },
  {
    what: 'a containerPort key: localhost reach',
    at: ['containerPort: 8080', 3],
    covers: ['containerPort', '42:10-42:23'],
    says: ['**container-level** · app container `app`', 'as `localhost:8080`', 'Kubernetes: Number of port to expose'],
  },
  {
    what: 'a containerPort value in flow style',
    at: ['containerPort: 2020', 16],
    covers: ['2020', '61:45-61:49'],
    says: ['**container-level** · sidecar (detected) `log-shipper`', 'Container `log-shipper` listens on **2020/TCP** (named `metrics`)', 'as `localhost:2020`'],
  },
  {
    what: 'a volume name: the containers that mount it',
    at: ['- name: logs\n      emptyDir', 9],
    covers: ['logs', '73:12-73:16'],
    says: ['**Pod-level**', 'Pod volume `logs`: emptyDir', '- `app` at `/var/log/shop`, read-write', '- `log-shipper` at `/logs`, read-only', 'Kubernetes: name of the volume'],
  },
  {
    what: 'a volumeMount name: the volume source',
    at: ['- name: config\n          mountPath: /etc/shop', 8],
    covers: ['config', '50:16-50:22'],
    says: ['**container-level**', "Mounts the Pod's volume `config` (emptyDir in memory) at `/etc/shop`, read-only.", 'Kubernetes: This must match the Name of a Volume.'],
  },
  {
    what: 'an init container name: its step',
    at: ['name: render-config', 6],
    covers: ['render-config', '14:12-14:25'],
    says: ['**container-level** · init container `render-config` (step 1)', 'init container, step 1 of 2: runs to completion', 'Kubernetes: Name of the container'],
  },
  {
    what: 'restartPolicy of an init container: native sidecar',
    at: ['restartPolicy: Always\n      ports', 2],
    covers: ['restartPolicy', '26:6-26:19'],
    says: ['native sidecar `mesh-proxy` (init step 2)', 'is a **native sidecar**', 'Kubernetes: RestartPolicy defines the restart behavior of individual containers'],
  },
  {
    what: 'the resources of a container: the Pod effective requests',
    at: ['resources:\n        requests:\n          cpu: 250m', 1],
    covers: ['resources', '53:6-53:15'],
    says: ['Container `app`: requests 250m CPU, memory 128 MiB; limits memory 256 MiB.', "**Pod's effective requests**", '500m CPU (init container render-config'],
  },
  {
    what: 'a quantity value: normalised',
    at: ['memory: 128Mi', 9],
    covers: ['128Mi', '35:18-35:23'],
    says: ['`128Mi` = 134,217,728 bytes (128 MiB)'],
  },
  {
    what: 'an enum value: IfNotPresent',
    at: ['IfNotPresent', 0],
    covers: ['IfNotPresent', '39:23-39:35'],
    says: ['`IfNotPresent`: The node pulls the image only when it does not have it yet', '**container-level**'],
  },
  {
    what: 'a list item: one argument of command',
    at: ['"sh"', 1],
    covers: ['"sh"', '16:16-16:20'],
    says: ['`spec.initContainers[render-config].command[0]`', '**container-level**', 'Kubernetes: Entrypoint array'],
  },
];

const DEPLOYMENT: Case[] = [
  {
    what: 'a workload-level key: replicas',
    at: ['replicas', 1],
    covers: ['replicas', '7:2-7:10'],
    says: ['`spec.replicas` · **workload-level**', 'How many Pods the controller keeps running', 'Kubernetes: Number of desired pods'],
  },
  {
    what: 'a Pod-level key inside the template: a toleration operator value',
    at: ['operator: Equal', 11],
    covers: ['Equal', '20:20-20:25'],
    says: ['`spec.template.spec.tolerations[0].operator` · **Pod-level**', '`Equal`: The default', '**The Pod is scheduled as a unit:**'],
  },
  {
    what: 'the third document (a Job): OnFailure as the Pod restartPolicy',
    at: ['OnFailure', 2],
    covers: ['OnFailure', '55:21-55:30'],
    says: ['`spec.template.spec.restartPolicy` · **Pod-level**', '`OnFailure`: The kubelet restarts a container only when it exits with an error', 'Kubernetes: Restart policy for all containers'],
  },
  {
    what: 'the second document (a Service): only a note on its kind',
    at: ['kind: Service', 7],
    covers: ['Service', '37:6-37:13'],
    says: ['`Service` carries no Pod'],
  },
];

describe('protocol: hover over stdio', function () {
  let server: LspServer;
  const multi = loadExample('multi-container-pod.yaml');
  const deployment = loadExample('deployment.yaml');
  before(async () => {
    server = await LspServer.start();
    await server.open(multi.uri, multi.doc.getText());
    await server.open(deployment.uri, deployment.doc.getText());
  });
  after(async () => server.stop());

  for (const [name, example, cases] of [
    ['multi-container-pod.yaml', multi, MULTI_CONTAINER],
    ['deployment.yaml', deployment, DEPLOYMENT],
  ] as const) {
    for (const c of cases) {
      it(`${name}: ${c.what}`, async () => {
        const hover = await server.hover(example.uri, at(example, ...c.at));
        assert.ok(hover, 'a hover is shown');
        assert.equal((hover.contents as MarkupContent).kind, 'markdown');
        assert.deepEqual([example.doc.getText(hover.range!), rangeOf(hover)], c.covers);
        const text = textOf(hover);
        for (const phrase of c.says) assert.ok(text.includes(phrase), `says ${JSON.stringify(phrase)}; got:\n${text}`);
      });
    }
  }

  const NOTHING: [string, Example, Position][] = [
    ['a comment', multi, at(multi, '# A Pod with', 5)],
    ['a blank line', multi, { line: 0, character: 0 }],
    ['the comment above the Job document', deployment, at(deployment, '# The same Pod', 3)],
    ['the Service selector (a kind without a Pod)', deployment, at(deployment, 'selector:\n    app: api', 2)],
  ];
  for (const [what, example, position] of NOTHING) {
    it(`shows nothing on ${what}`, async () => assert.equal(await server.hover(example.uri, position), null));
  }

  it('shows nothing on a non-Kubernetes YAML file', async () => {
    const uri = 'file:///workflow.yaml';
    await server.open(uri, 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    assert.equal(await server.hover(uri, { line: 4, character: 6 }), null);
  });
});
