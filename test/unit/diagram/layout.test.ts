import assert from 'node:assert/strict';
import { fit, layoutDiagram, overlaps, wrap, SIZES, type DiagramLayout, type Rect } from '../../../client/src/webview/layout';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { service, settingsWith, sourceOf } from '../support/service';

/** The server's model of a manifest, cursor at its start. */
function modelOf(text: string): DiagramModel {
  const settings = settingsWith();
  const source = sourceOf(text, 'file:///layout.yaml', settings);
  const model = service.diagram(source, { line: 0, character: 0 }, settings) as DiagramModel | null;
  assert.ok(model, 'a model');
  return model;
}

/** A small deterministic random sequence, so that a failing shape can be reproduced from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A Pod with `inits` init containers (every other one a native sidecar), `apps` app containers and `volumes`
 * volumes; each container mounts up to three volumes chosen by the seed, and names one that is not defined now and
 * then. Ports, resources and long names make boxes of different heights.
 */
function podText(inits: number, apps: number, volumes: number, seed: number): string {
  const next = random(seed);
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: shape}', 'spec:'];
  const container = (name: string, extra: string[]) => {
    lines.push(`    - name: ${name}`, `      image: registry.example.com/a-rather-long/path/to/${name}:1.0.${Math.floor(next() * 100)}`, ...extra);
    if (next() < 0.5) lines.push(`      ports: [{containerPort: ${8000 + Math.floor(next() * 4)}}]`);
    if (next() < 0.5) lines.push('      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}');
    const mounts = volumes === 0 ? 0 : Math.floor(next() * 4);
    if (mounts) {
      lines.push('      volumeMounts:');
      for (let m = 0; m < mounts; m++) {
        const volume = next() < 0.1 ? 'not-defined' : `vol-${Math.floor(next() * volumes)}`;
        lines.push(`        - {name: ${volume}, mountPath: /mnt/${volume}/${m}${next() < 0.5 ? ', readOnly: true' : ''}}`);
      }
    }
  };
  if (inits) {
    lines.push('  initContainers:');
    for (let i = 0; i < inits; i++) container(`init-${i}`, i % 2 ? ['      restartPolicy: Always'] : []);
  }
  lines.push('  containers:');
  for (let i = 0; i < apps; i++) container(i === 3 ? 'a-container-with-a-name-far-longer-than-any-box-can-hold-in-one-line' : `app-${i}`, []);
  if (volumes) {
    lines.push('  volumes:');
    for (let v = 0; v < volumes; v++) lines.push(`    - {name: vol-${v}, emptyDir: {}}`);
  }
  return lines.join('\n') + '\n';
}

/** Every box of the layout with a label, for overlap checks. */
function boxes(layout: DiagramLayout): [string, Rect][] {
  return [
    ['network', layout.network.rect],
    ['footer', layout.footer.rect],
    ...layout.containers.map((c): [string, Rect] => [c.id, c.rect]),
    ...layout.volumes.map((v): [string, Rect] => [v.id, v.rect]),
  ];
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The start and end points of an edge path `M x y C ... x y`. */
function ends(d: string): [number, number, number, number] {
  const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return [numbers[0], numbers[1], numbers[numbers.length - 2], numbers[numbers.length - 1]];
}

describe('diagram layout', () => {
  const shapes: [inits: number, apps: number, volumes: number][] = [
    [0, 1, 0],
    [0, 1, 1],
    [2, 3, 2],
    [3, 6, 6],
    [0, 12, 12],
    [4, 8, 12],
    [6, 12, 12],
    [12, 12, 12],
    [0, 12, 1],
    [0, 1, 12],
  ];
  const widths = [SIZES.minWidth, SIZES.width, SIZES.maxWidth];
  for (const [inits, apps, volumes] of shapes) {
    for (const [seed, width] of [1, 2, 3].flatMap((seed) => widths.map((width) => [seed, width]))) {
      const title = `${inits} init, ${apps} app containers, ${volumes} volumes (seed ${seed}, ${width} wide)`;
      it(`${title}: no two boxes overlap, all inside the Pod`, () => {
        const model = modelOf(podText(inits, apps, volumes, seed));
        const layout = layoutDiagram(model, width);
        const all = boxes(layout);
        for (let i = 0; i < all.length; i++) {
          for (let j = i + 1; j < all.length; j++) {
            assert.ok(!overlaps(all[i][1], all[j][1]), `${all[i][0]} ${JSON.stringify(all[i][1])} overlaps ${all[j][0]} ${JSON.stringify(all[j][1])}`);
          }
          assert.ok(inside(all[i][1], layout.pod.rect), `${all[i][0]} lies inside the Pod`);
        }
        assert.ok(layout.pod.rect.y + layout.pod.rect.height <= layout.height && layout.pod.rect.x + layout.pod.rect.width <= layout.width);
      });

      it(`${title}: every element drawn once, every mount line from its container to its volume`, () => {
        const model = modelOf(podText(inits, apps, volumes, seed));
        const layout = layoutDiagram(model, width);
        assert.deepEqual(layout.containers.map((c) => c.id), model.containers.map((c) => c.id));
        assert.deepEqual(layout.volumes.map((v) => v.id).sort(), model.volumes.map((v) => v.id).sort());
        assert.equal(layout.edges.length, model.edges.length);
        const containerOf = new Map(layout.containers.flatMap((c) => c.mountRows.map((r) => [r.edgeId, c] as const)));
        const volumeById = new Map(layout.volumes.map((v) => [v.id, v]));
        for (const edge of layout.edges) {
          const modelEdge = model.edges.find((e) => e.id === edge.id)!;
          const [x1, y1, x2, y2] = ends(edge.d);
          const from = containerOf.get(edge.id)!;
          const to = volumeById.get(modelEdge.volume)!;
          assert.equal(x1, from.rect.x + from.rect.width, `${edge.id} starts on its container's right side`);
          assert.ok(y1 > from.rect.y && y1 < from.rect.y + from.rect.height, `${edge.id} starts inside its container's height`);
          assert.equal(x2, to.rect.x, `${edge.id} ends on its volume's left side`);
          assert.ok(y2 > to.rect.y && y2 < to.rect.y + to.rect.height, `${edge.id} ends inside its volume's height`);
        }
      });

      it(`${title}: port chips stay in the network band without overlapping`, () => {
        const layout = layoutDiagram(modelOf(podText(inits, apps, volumes, seed)), width);
        const chips = layout.network.chips;
        for (let i = 0; i < chips.length; i++) {
          assert.ok(inside(chips[i].rect, layout.network.rect), `chip ${chips[i].text} inside the band`);
          for (let j = i + 1; j < chips.length; j++) assert.ok(!overlaps(chips[i].rect, chips[j].rect), `${chips[i].text} / ${chips[j].text}`);
        }
      });
    }
  }

  it('lays out at the width it is given, within the least and most it allows', () => {
    const model = modelOf(podText(1, 2, 2, 1));
    assert.deepEqual([300, 800, 2000].map((w) => layoutDiagram(model, w).width), [SIZES.minWidth, 800, SIZES.maxWidth]);
  });

  it('orders init steps with an arrow between each and one into the running section', () => {
    const layout = layoutDiagram(modelOf(podText(3, 2, 0, 7)));
    assert.equal(layout.arrows.length, 3);
    assert.deepEqual(layout.containers.slice(0, 3).map((c) => c.step?.text), ['1', '2', '3']);
    assert.equal(layout.alongside.length, 1, 'one bracket for the one native sidecar');
    const ys = layout.containers.map((c) => c.rect.y);
    assert.deepEqual(ys, [...ys].sort((a, b) => a - b), 'containers are stacked in start order');
  });

  it('shortens a name that does not fit and keeps the full name for its tooltip', () => {
    const layout = layoutDiagram(modelOf(podText(0, 4, 0, 1)));
    const long = layout.containers[3].lines[0];
    assert.ok(long.text.endsWith('…') && long.text.length < 68, long.text);
    assert.equal(long.full, 'a-container-with-a-name-far-longer-than-any-box-can-hold-in-one-line');
  });

  it('marks undefined and unused volumes in words, not only in colour', () => {
    const model = modelOf(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: v}',
        'spec:',
        '  containers: [{name: a, image: x:1, volumeMounts: [{name: ghost, mountPath: /g}]}]',
        '  volumes: [{name: spare, emptyDir: {}}]',
        '',
      ].join('\n'),
    );
    // At the narrowest width too: the words that say what is wrong with a volume are never cut short.
    for (const width of [SIZES.width, SIZES.minWidth]) {
      const layout = layoutDiagram(model, width);
      const words = new Map(layout.volumes.map((v) => [model.volumes.find((m) => m.id === v.id)!.name, [v.status, v.lines.map((l) => l.text).join(' | ')]]));
      assert.deepEqual(words.get('ghost'), ['undefined', 'ghost | ✕ mounted, not defined | add it to spec.volumes'], `at ${width}`);
      assert.deepEqual(words.get('spare'), ['unused', 'spare | emptyDir | unused: never mounted'], `at ${width}`);
    }
  });

  it('puts ephemeral containers in their own section after the running ones', () => {
    const model = modelOf(
      ['apiVersion: v1', 'kind: Pod', 'metadata: {name: e}', 'spec:', '  containers: [{name: a, image: x:1}]', '  ephemeralContainers: [{name: debug, image: busybox:1.36}]', ''].join('\n'),
    );
    const layout = layoutDiagram(model);
    assert.deepEqual(layout.containers.map((c) => [c.role, c.badge.text]), [['app', 'app'], ['ephemeral', 'ephemeral']]);
    assert.deepEqual(layout.headings.map((h) => h.text), ['Containers, all running together', 'Ephemeral debug containers']);
    assert.ok(layout.containers[1].rect.y > layout.containers[0].rect.y + layout.containers[0].rect.height);
  });

  it('puts where the Pod may run under its header, above the network box, when the manifest says it', () => {
    const model = modelOf(['apiVersion: v1', 'kind: Pod', 'metadata: {name: s}', 'spec:', '  nodeSelector: {disk: ssd}', '  containers: [{name: a, image: x:1}]', ''].join('\n'));
    const layout = layoutDiagram(model, SIZES.minWidth);
    const placement = layout.pod.lines.find((l) => l.text.startsWith('Placement'));
    assert.equal(placement?.text, 'Placement, one node for the whole Pod: nodeSelector disk=ssd');
    assert.ok(placement.y > layout.pod.lines[1].y, 'below the facts line');
    assert.ok(layout.network.rect.y > placement.y, 'above the network box');
    const plain = layoutDiagram(modelOf(['apiVersion: v1', 'kind: Pod', 'metadata: {name: s}', 'spec:', '  containers: [{name: a, image: x:1}]', ''].join('\n')), SIZES.minWidth);
    assert.equal(plain.pod.lines.length, 2, 'no placement line when nothing is said');
  });

  it("says when the Pod uses the node's network instead of its own", () => {
    const model = modelOf(['apiVersion: v1', 'kind: Pod', 'metadata: {name: h}', 'spec:', '  hostNetwork: true', '  containers: [{name: a, image: x:1}]', ''].join('\n'));
    const layout = layoutDiagram(model);
    assert.equal(layout.network.lines[0].text, "Network: the node's own (hostNetwork)");
    assert.match(layout.pod.lines[1].text, /hostNetwork: the Pod uses the node's network/);
  });

  it('shows a port clash on the chip in words', () => {
    const model = modelOf(
      ['apiVersion: v1', 'kind: Pod', 'metadata: {name: c}', 'spec:', '  containers:', '    - {name: a, image: x:1, ports: [{containerPort: 80}]}', '    - {name: b, image: y:1, ports: [{containerPort: 80}]}', ''].join('\n'),
    );
    const chips = layoutDiagram(model).network.chips.map((c) => [c.text, c.clash]);
    assert.deepEqual(chips, [['a :80/TCP ✕ clash with b', true], ['b :80/TCP ✕ clash with a', true]]);
  });

  describe('text fitting', () => {
    const cases: [text: string, width: number, expected: string][] = [
      ['short', 100, 'short'],
      ['exactly-ten', 11 * SIZES.charWidth, 'exactly-ten'],
      ['a-much-longer-text', 8 * SIZES.charWidth, 'a-much-…'],
    ];
    for (const [text, width, expected] of cases) {
      it(`fit("${text}", ${Math.round(width)}) → "${expected}"`, () => assert.equal(fit(text, width), expected));
    }
    it('wraps at spaces into at most the given lines, the last one shortened', () => {
      assert.deepEqual(wrap('one two three four five six', 10 * 6, 6, 2), ['one two', 'three fou…']);
      assert.deepEqual(wrap('one two', 100, 6, 3), ['one two']);
    });
  });
});
