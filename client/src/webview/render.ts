/**
 * Draws a laid-out diagram into an SVG element with DOM APIs only: every string from the manifest goes through
 * `textContent`, never through markup, so a container named `<img src=x onerror=...>` is shown as that text.
 *
 * Accessibility: every element has a <title> (read by screen readers, shown on hover), roles are written as words
 * in badges, problems are a shape with a sign as well as a colour, and clickable elements are focusable buttons.
 */
import type { DiagramModel, DiagramRange } from '../../../shared/diagramTypes';
import type { DiagramLayout, ProblemMarker, Rect, TextLine } from './layout';
import { counted } from './summary';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RenderHandlers {
  /** Called when the person clicks (or presses Enter on) an element: reveal its place in the editor. */
  reveal(range: DiagramRange): void;
}

type Attributes = Record<string, string | number | undefined>;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, String(value));
  parent?.appendChild(node);
  return node;
}

function title(parent: Element, text: string): void {
  el('title', {}, parent).textContent = text;
}

function rect(r: Rect, attributes: Attributes, parent: Element): SVGRectElement {
  return el('rect', { x: r.x, y: r.y, width: r.width, height: r.height, ...attributes }, parent);
}

function text(line: TextLine, parent: Element): SVGTextElement {
  const node = el('text', { x: line.x, y: line.y, class: `t-${line.style}`, 'text-anchor': line.anchor }, parent);
  node.textContent = line.text;
  if (line.full) title(node, line.full);
  return node;
}

/** A problem marker: a circle (error, information) or a triangle (warning), with a sign, and the messages as its title. */
function marker(m: ProblemMarker, parent: Element): void {
  const g = el('g', { class: `marker sev-${m.severity}`, role: 'img', 'aria-label': `${m.messages.length} problem(s): ${m.messages.join(' ')}` }, parent);
  title(g, m.messages.join('\n'));
  if (m.severity === 'warning') {
    el('path', { class: 'sign', d: `M ${m.cx} ${m.cy - 9} L ${m.cx + 9} ${m.cy + 7} L ${m.cx - 9} ${m.cy + 7} Z` }, g);
  } else {
    el('circle', { class: 'sign', cx: m.cx, cy: m.cy, r: 8 }, g);
  }
  const sign = el('text', { x: m.cx, y: m.cy + 4, 'text-anchor': 'middle' }, g);
  sign.textContent = m.severity === 'error' || m.severity === 'warning' ? '!' : 'i';
}

/** Makes `g` a focusable button that reveals `range`. */
function clickable(g: SVGGElement, label: string, range: DiagramRange, handlers: RenderHandlers): void {
  g.classList.add('clickable');
  g.setAttribute('role', 'button');
  g.setAttribute('tabindex', '0');
  g.setAttribute('aria-label', label);
  const go = (event: Event) => {
    event.stopPropagation();
    handlers.reveal(range);
  };
  g.addEventListener('click', go);
  g.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      go(event);
    }
  });
}

/** Replaces the content of `svg` with the diagram, in one step (no flicker; the page keeps its scroll). */
export function renderDiagram(svg: SVGSVGElement, model: DiagramModel, layout: DiagramLayout, handlers: RenderHandlers): void {
  const root = document.createElementNS(SVG_NS, 'g');
  const defs = el('defs');
  const head = el('marker', { id: 'arrowhead', viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }, head);

  const podName = model.pod.name ?? '(no name)';
  const docTitle = el('title', { id: 'diagram-title' });
  docTitle.textContent = `Pod diagram of ${model.pod.kind} ${podName}: ${counted(model.containers.length, 'container')}, ${counted(model.volumes.length, 'volume')}`;

  // The Pod.
  const podGroup = el('g', { class: 'pod' }, root);
  rect(layout.pod.rect, { class: 'pod-box', rx: 10 }, podGroup);
  const podHeader = el('g', {}, podGroup);
  rect({ ...layout.pod.rect, height: 56 }, { fill: 'transparent' }, podHeader);
  for (const line of layout.pod.lines) text(line, podHeader);
  title(podHeader, `${model.pod.kind} ${podName}${model.pod.replicas ? `, ${model.pod.replicas}` : ''}; restartPolicy ${model.pod.restartPolicy}${podSecurityTitle(model)}`);
  clickable(podHeader, `${model.pod.kind} ${podName}: reveal in the editor`, model.pod.range, handlers);
  if (layout.pod.marker) marker(layout.pod.marker, podGroup);

  // The shared network and its ports.
  const net = el('g', { class: 'network-group' }, root);
  rect(layout.network.rect, { class: 'network', rx: 6 }, net);
  for (const line of layout.network.lines) text(line, net);
  const containerById = new Map(model.containers.map((c) => [c.id, c]));
  for (const chip of layout.network.chips) {
    const g = el('g', { class: chip.clash ? 'chip clash' : 'chip' }, net);
    rect(chip.rect, { rx: 11 }, g);
    const t = el('text', { x: chip.rect.x + 9, y: chip.rect.y + 15 }, g);
    t.textContent = chip.text;
    title(g, chip.title);
    const owner = containerById.get(chip.elementId);
    if (owner) clickable(g, chip.title, owner.range, handlers);
  }

  for (const heading of layout.headings) text(heading, root);
  for (const d of layout.arrows) el('path', { class: 'arrow', d, 'marker-end': 'url(#arrowhead)' }, root);
  for (const a of layout.alongside) title(el('path', { class: 'alongside', d: a.d }, root), a.title);

  // Mount lines under the boxes, so that their ends tuck under the borders.
  const edgeById = new Map(model.edges.map((e) => [e.id, e]));
  const volumeById = new Map(model.volumes.map((v) => [v.id, v]));
  for (const e of layout.edges) {
    const edge = edgeById.get(e.id);
    const classes = ['edge', e.readOnly ? 'read-only' : '', e.broken ? 'broken' : ''].filter(Boolean).join(' ');
    const path = el('path', { class: classes, d: e.d }, root);
    if (edge) {
      const who = containerById.get(edge.container)?.name ?? '?';
      const what = volumeById.get(edge.volume)?.name ?? '?';
      title(path, `${who} mounts ${what} at ${edge.mountPath ?? '(no mountPath)'}${edge.readOnly ? ', read-only' : ', read-write'}`);
    }
  }

  for (const box of layout.containers) {
    const c = containerById.get(box.id);
    if (!c) continue;
    const g = el('g', { class: `container role-${c.role}` }, root);
    rect(box.rect, { class: 'box', rx: 6 }, g);
    rect({ x: box.rect.x, y: box.rect.y, width: 5, height: box.rect.height }, { class: 'stripe', rx: 2 }, g);
    title(g, [`${c.name}: ${c.roleLabel}`, c.roleReason ? `Why: ${c.roleReason}` : '', `image: ${c.image ?? '(none)'}`].filter(Boolean).join('\n'));
    if (box.step) {
      const step = el('g', { class: 'step' }, g);
      el('circle', { cx: box.step.cx, cy: box.step.cy, r: 10 }, step);
      const n = el('text', { x: box.step.cx, y: box.step.cy + 4, 'text-anchor': 'middle' }, step);
      n.textContent = box.step.text;
    }
    // Mount rows first, so that their hover highlight lies under the text.
    const rows = box.mountRows.map((row) => {
      const rowGroup = el('g', { class: 'mount-row' }, g);
      rect(row.rowRect, {}, rowGroup);
      return rowGroup;
    });
    rect(box.badge.rect, { class: 'badge', rx: 9 }, g);
    const badge = el('text', { x: box.badge.rect.x + box.badge.rect.width / 2, y: box.badge.rect.y + 13, 'text-anchor': 'middle', class: 'badge-text' }, g);
    badge.textContent = box.badge.text;
    for (const line of box.lines) text(line, g);
    clickable(g, `${c.name}, ${c.roleLabel}: reveal in the editor`, c.range, handlers);
    if (box.marker) marker(box.marker, g);
    box.mountRows.forEach((row, i) => {
      const edge = edgeById.get(row.edgeId);
      const rowGroup = rows[i];
      el('circle', { class: 'anchor', cx: row.anchor.x, cy: row.anchor.y, r: 3.5 }, rowGroup);
      if (edge) clickable(rowGroup, `mount ${edge.mountPath ?? ''}: reveal in the editor`, edge.range, handlers);
      if (row.marker) marker(row.marker, rowGroup);
    });
  }

  for (const box of layout.volumes) {
    const v = volumeById.get(box.id);
    if (!v) continue;
    const g = el('g', { class: `volume status-${box.status}` }, root);
    const r = box.rect;
    // A disk: a cylinder whose top rim shows, so a volume never reads as another container.
    const e = 7;
    const arc = (toX: number, toY: number, sweep: number) => `A ${r.width / 2} ${e} 0 0 ${sweep} ${toX} ${toY}`;
    el('path', {
      class: 'volume-box',
      d: `M ${r.x} ${r.y + e} ${arc(r.x + r.width, r.y + e, 1)} L ${r.x + r.width} ${r.y + r.height - e} ${arc(r.x, r.y + r.height - e, 1)} Z`,
    }, g);
    el('path', { class: 'volume-cap', d: `M ${r.x} ${r.y + e} ${arc(r.x + r.width, r.y + e, 0)}` }, g);
    for (const line of box.lines) text(line, g);
    const state = box.status === 'undefined' ? ' (mounted but not defined)' : box.status === 'unused' ? ' (defined but not mounted)' : '';
    title(g, `volume ${v.name}${v.source ? `: ${v.source}${v.sourceDetail ? ` ${v.sourceDetail}` : ''}` : ''}${state}`);
    clickable(g, `volume ${v.name}${state}: reveal in the editor`, v.range, handlers);
    if (box.marker) marker(box.marker, g);
  }

  // The footer: effective resources.
  const foot = el('g', { class: 'footer-group' }, root);
  rect(layout.footer.rect, { class: 'footer', rx: 6 }, foot);
  for (const line of layout.footer.lines) text(line, foot);
  const explain = [
    ...model.effective.requests.map((r) => `request ${r.resource} ${r.amount}: ${r.from}`),
    ...model.effective.limits.map((r) => `limit ${r.resource} ${r.amount}: ${r.from}`),
  ];
  title(foot, explain.length ? explain.join('\n') : 'No container sets requests or limits.');

  // The legend: a sample of each kind of line and of a marker, drawn with the same classes as the real ones.
  const legend = el('g', { class: 'legend' }, root);
  for (const item of layout.legend) {
    const sample = `M ${item.x + 2} ${item.y} L ${item.x + 24} ${item.y}`;
    if (item.kind === 'marker') marker({ cx: item.x + 12, cy: item.y, severity: 'error', messages: ['A problem of this element: its tooltip lists the messages'] }, legend);
    else if (item.kind === 'alongside') el('path', { class: 'alongside sample', d: sample }, legend);
    else el('path', { class: ['edge', 'sample', item.kind === 'read-only' ? 'read-only' : '', item.kind === 'broken' ? 'broken' : ''].filter(Boolean).join(' '), d: sample }, legend);
    text(item.label, legend);
  }

  svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  svg.setAttribute('width', String(layout.width));
  svg.setAttribute('height', String(layout.height));
  svg.setAttribute('aria-labelledby', 'diagram-title');
  svg.replaceChildren(docTitle, defs, root);
}

/** The Pod Security Standard the Pod meets, and what keeps it from the next level, for the header's tooltip. */
function podSecurityTitle(model: DiagramModel): string {
  const verdict = model.pod.podSecurity;
  if (!verdict) return '';
  const next = verdict.level === 'privileged' ? 'baseline' : 'restricted';
  return `; meets Pod Security Standard ${verdict.level}${verdict.blockedBy.length ? ` (${next} fails: ${verdict.blockedBy.join(', ')})` : ''}`;
}
