import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, withCursor, yaml } from '../support/service';
import { crdWithSpec } from './support';

/** Hover and completion on a custom resource's own fields, from its CRD in the workspace (test/fixtures/crds). */

const CRD = readFileSync(path.resolve(__dirname, '../../fixtures/crds/widget-crd.yaml'), 'utf8');
const CRD_URI = 'file:///ws/crds/widget-crd.yaml';

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setFile(service.parse(TextDocument.create(CRD_URI, 'yaml', 1, CRD), DEFAULT_SETTINGS));
  return index;
}

const WIDGET = [
  'apiVersion: shop.example.com/v1', // 0
  'kind: Widget',
  'metadata:',
  '  name: blue',
  'spec:',
  '  size: small', //                   5
  '  replicas: 3',
  '  colour: blue',
  '  note: hello',
  '  ports:',
  '    - name: http', //                10
  '      number: 80',
];

/** The hover's Markdown with the cursor `delta` characters into the first `needle`, with or without the CRD. */
function hoverAt(lines: string[], needle: string, delta = 1, index: WorkspaceIndex | null = workspace()): string | null {
  const text = yaml(...lines);
  const at = text.indexOf(needle) + delta;
  const { source, position } = withCursor(text.slice(0, at) + '|' + text.slice(at));
  const hover = service.hover(source, position, DEFAULT_SETTINGS, index ?? undefined);
  return hover ? (hover.contents as MarkupContent).value : null;
}

const SOURCE = `---\n\nFrom the CRD \`widgets.shop.example.com\`: [defined here](${CRD_URI}#L1)`;

describe('custom resources: hover from the CRD', () => {
  it("shows an enum field's type, required, description and values, and the CRD it comes from", () => {
    assert.equal(
      hoverAt(WIDGET, 'size', 2),
      ['`spec.size` · `string` · required', 'How big the widget is.', 'One of `small`, `medium`, `large`.', SOURCE].join('\n\n'),
    );
    assert.equal(hoverAt(WIDGET, 'small', 2), hoverAt(WIDGET, 'size', 2), 'a value gets its field');
  });

  it('shows bounds, patterns and lengths', () => {
    assert.equal(hoverAt(WIDGET, 'replicas', 2), ['`spec.replicas` · `integer`', 'Bounds: minimum 1, maximum 10.', SOURCE].join('\n\n'));
    assert.equal(hoverAt(WIDGET, 'colour', 2), ['`spec.colour` · `string`', 'Bounds: at most 12 characters, pattern `^[a-z]+$`.', SOURCE].join('\n\n'));
  });

  it('lists the CEL rules on a field as not checked offline', () => {
    assert.equal(
      hoverAt(WIDGET, 'note', 2),
      ['`spec.note` · `string`', 'Validation rules (CEL), not checked offline: the API server evaluates them.\n\n- `self.size() < 100`', SOURCE].join('\n\n'),
    );
  });

  it('follows list items, and says when a key is not in the schema', () => {
    assert.equal(hoverAt(WIDGET, 'number', 2), ['`spec.ports[0].number` · `integer`', SOURCE].join('\n\n'));
    assert.equal(hoverAt(WIDGET, 'name: http', 2), ['`spec.ports[0].name` · `string` · required', SOURCE].join('\n\n'));
    const typo = [...WIDGET.slice(0, 5), '  sise: small', ...WIDGET.slice(6)];
    assert.equal(hoverAt(typo, 'sise', 2), ["`sise` is not a field of this object (`spec`) in its CRD's schema: the API server rejects it (or drops it).", SOURCE].join('\n\n'));
  });

  it('says nothing without the CRD, as before', () => {
    assert.equal(hoverAt(WIDGET, 'size', 2, null), null);
    assert.equal(hoverAt(WIDGET, 'size', 2, new WorkspaceIndex()), null);
  });
});

/** The completion items' labels and details at the cursor, `delta` characters into the first `needle`. */
function itemsAt(lines: string[], needle: string, delta: number, index: WorkspaceIndex | null = workspace()): CompletionItem[] {
  const text = yaml(...lines);
  const at = text.indexOf(needle) + delta;
  const { source, position } = withCursor(text.slice(0, at) + '|' + text.slice(at));
  return service.complete(source, position, DEFAULT_SETTINGS, index ?? undefined).items;
}

describe('custom resources: completion from the CRD', () => {
  it("offers the fields not yet written, required first, with their type and the CRD's description", () => {
    const lines = ['apiVersion: shop.example.com/v1', 'kind: Widget', 'metadata: {name: blue}', 'spec:', '  replicas: 2', '  '];
    const items = itemsAt(lines, '  \n', 2).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, (i.documentation as MarkupContent | undefined)?.value]),
      [
        ['size', 'string · required', 'How big the widget is.'],
        ['colour', 'string', undefined],
        ['labels', 'map of string', undefined],
        ['note', 'string', undefined],
        ['port', 'integer or string', undefined],
        ['ports', 'object[]', undefined],
        ['settings', 'object', undefined],
        ['tags', 'string[]', undefined],
        ['template', 'object', undefined],
      ],
    );
  });

  it('offers the enum values at a value', () => {
    const lines = ['apiVersion: shop.example.com/v1', 'kind: Widget', 'metadata: {name: blue}', 'spec:', '  size: '];
    assert.deepEqual(itemsAt(lines, 'size: ', 6).map((i) => i.label), ['small', 'medium', 'large']);
  });

  it('offers nothing for a custom resource without its CRD', () => {
    const lines = ['apiVersion: shop.example.com/v1', 'kind: Widget', 'metadata: {name: blue}', 'spec:', '  '];
    assert.deepEqual(itemsAt(lines, '  \n', 2, null), []);
  });
});

describe('custom resources: a known custom resource with its CRD in the workspace', () => {
  const ROLLOUT_CRD = crdWithSpec(
    'argoproj.io',
    'Rollout',
    'rollouts',
    'v1alpha1',
    'replicas: {type: integer, format: int32, description: How many Pods to run., default: 1}',
    'template: {type: object, x-kubernetes-preserve-unknown-fields: true}',
  );
  const ROLLOUT = [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata: {name: shop}',
    'spec:',
    '  replicas: 3',
    '  template:',
    '    spec:',
    '      containers:',
    '        - {name: app, image: shop:1.0}',
  ];
  const index = () => {
    const ws = new WorkspaceIndex();
    ws.setFile(service.parse(TextDocument.create('file:///ws/rollout-crd.yaml', 'yaml', 1, ROLLOUT_CRD), DEFAULT_SETTINGS));
    return ws;
  };

  it("explains the Rollout's own fields from its CRD, and its Pod from Kubernetes' schema", () => {
    assert.equal(
      hoverAt(ROLLOUT, 'replicas', 2, index()),
      [
        '`spec.replicas` · `integer (int32)`',
        'How many Pods to run.',
        'Default: `1`, filled in by the API server when left out.',
        '---\n\nFrom the CRD `rollouts.argoproj.io`: [defined here](file:///ws/rollout-crd.yaml#L1)',
      ].join('\n\n'),
    );
    assert.ok(hoverAt(ROLLOUT, 'containers', 2, index())?.startsWith('`spec.template.spec.containers` · **Pod-level** · `Container[]`'));
  });
});
