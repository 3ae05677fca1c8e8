/**
 * Places the Pod diagram: a pure function from the server's model to boxes, text lines and paths in SVG units.
 *
 * The picture reads top to bottom the way a Pod starts: the Pod's header, its one shared network with every port on
 * it, the init containers one after another, then the containers that run together. Containers stack in a left
 * column (each lists its mounts, one row per mount), volumes stack in a right column placed level with the mounts
 * that reach them, and a line joins each mount row to its volume, so lines stay short and rarely cross.
 *
 * No DOM here (text widths are estimated), so the layout is unit-tested in Node and the renderer stays simple.
 */
import type {
  DiagramContainer,
  DiagramModel,
  DiagramProblem,
  DiagramSeverity,
  DiagramVolume,
} from '../../../shared/diagramTypes';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One line of text: what is shown (maybe shortened) and, when shortened, the full text for its tooltip. */
export interface TextLine {
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly text: string;
  readonly full?: string;
  /** Style class: title, label, mono, muted, strong, error... */
  readonly style: string;
  readonly anchor?: 'start' | 'middle' | 'end';
}

/** The worst problem of an element, drawn as a marker whose tooltip lists every message. */
export interface ProblemMarker {
  readonly cx: number;
  readonly cy: number;
  readonly severity: DiagramSeverity;
  readonly messages: readonly string[];
}

export interface LaidChip {
  readonly rect: Rect;
  readonly text: string;
  readonly title: string;
  readonly clash: boolean;
  /** The container the port belongs to (clicking reveals it). */
  readonly elementId: string;
}

export interface LaidContainer {
  readonly id: string;
  readonly rect: Rect;
  readonly role: DiagramContainer['role'];
  readonly lines: readonly TextLine[];
  readonly badge: { readonly rect: Rect; readonly text: string };
  readonly step?: { readonly cx: number; readonly cy: number; readonly text: string };
  readonly marker?: ProblemMarker;
  /** One row per mount: where its line starts, and a marker for the mount's own problems. */
  readonly mountRows: readonly { readonly edgeId: string; readonly anchor: Point; readonly rowRect: Rect; readonly marker?: ProblemMarker }[];
}

export interface LaidVolume {
  readonly id: string;
  readonly rect: Rect;
  readonly status: 'ok' | 'undefined' | 'unused';
  readonly lines: readonly TextLine[];
  readonly marker?: ProblemMarker;
}

export interface LaidEdge {
  readonly id: string;
  readonly d: string;
  readonly readOnly: boolean;
  /** The volume does not exist: the line ends at a placeholder. */
  readonly broken: boolean;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly pod: { readonly rect: Rect; readonly lines: readonly TextLine[]; readonly marker?: ProblemMarker };
  readonly network: { readonly rect: Rect; readonly lines: readonly TextLine[]; readonly chips: readonly LaidChip[] };
  /** Section headings ("Init containers, one at a time", ...). */
  readonly headings: readonly TextLine[];
  /** Arrows of the start order, between consecutive init steps and into the running section. */
  readonly arrows: readonly string[];
  /** Brackets from each native sidecar down beside the containers it runs with. */
  readonly alongside: readonly { readonly d: string; readonly title: string }[];
  readonly containers: readonly LaidContainer[];
  readonly volumes: readonly LaidVolume[];
  readonly edges: readonly LaidEdge[];
  readonly footer: { readonly rect: Rect; readonly lines: readonly TextLine[] };
  /** What the kinds of line and the markers mean, below the Pod. */
  readonly legend: readonly LegendItem[];
}

/** One entry of the legend: a sample of what is drawn (a line's style, a marker) and what it means. */
export interface LegendItem {
  readonly kind: 'mount' | 'read-only' | 'broken' | 'alongside' | 'marker';
  /** Where the sample starts (left end of a line sample, centre-left of a marker), on the text's middle. */
  readonly x: number;
  readonly y: number;
  readonly label: TextLine;
}

const LEGEND: readonly [LegendItem['kind'], string][] = [
  ['mount', 'mounted read-write'],
  ['read-only', 'mounted read-only'],
  ['broken', 'mount of a volume not defined'],
  ['alongside', 'native sidecar: runs beside them'],
  ['marker', 'a problem: hover it to read'],
];
/** Room for a legend entry's sample before its words. */
const LEGEND_SAMPLE = 30;

/** Sizes, in SVG units (1 unit = 1 CSS pixel at 100 %). */
export const SIZES = {
  /** The width used when the caller names none; the panel passes its own, between minWidth and maxWidth. */
  width: 940,
  /** The narrowest the columns fit (a narrower panel shows the drawing scaled to fit, see main.ts). */
  minWidth: 540,
  maxWidth: 1100,
  margin: 12,
  padding: 16,
  line: 18,
  /** Least room between the container and volume columns, for the mount lines. */
  edgeRoom: 70,
  /** Room at the left of the containers for the native sidecar brackets. */
  bracketRoom: 30,
  gap: 14,
  /** Estimated average glyph widths at the sizes the stylesheet uses. */
  charWidth: 6.4,
  boldCharWidth: 7.6,
  monoCharWidth: 6.9,
  /** Headings are upper case with letter spacing. */
  headingCharWidth: 7.6,
} as const;

const SEVERITY_RANK: Record<DiagramSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * Splits `text` at spaces into at most `maxLines` lines that fit `width`; the last line is shortened with an
 * ellipsis when the text is longer still.
 */
export function wrap(text: string, width: number, charWidth: number, maxLines: number): string[] {
  const max = Math.max(1, Math.floor(width / charWidth));
  const lines: string[] = [];
  let rest = text;
  while (rest.length > max && lines.length < maxLines - 1) {
    const cut = rest.lastIndexOf(' ', max);
    const at = cut > 0 ? cut : max;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  lines.push(fit(rest, width, charWidth));
  return lines;
}

/** Shortens `text` with an ellipsis so that it fits `width` at `charWidth` per glyph. */
export function fit(text: string, width: number, charWidth: number = SIZES.charWidth): string {
  const max = Math.max(1, Math.floor(width / charWidth));
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

function line(x: number, y: number, text: string, width: number, style: string, anchor?: TextLine['anchor']): TextLine {
  const per = style.startsWith('mono')
    ? SIZES.monoCharWidth
    : style === 'heading' ? SIZES.headingCharWidth : style === 'title' || style === 'strong' ? SIZES.boldCharWidth : SIZES.charWidth;
  const shown = fit(text, width, per);
  return shown === text ? { x, y, text, style, anchor } : { x, y, text: shown, full: text, style, anchor };
}

function markerOf(problems: readonly DiagramProblem[], cx: number, cy: number): ProblemMarker | undefined {
  if (problems.length === 0) return undefined;
  const worst = problems.reduce((a, b) => (SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a));
  return { cx, cy, severity: worst.severity, messages: problems.map((p) => `${p.severity}: ${p.message}`) };
}

/** A port as a chip label: `shop :8080/TCP http`. */
export function portText(port: DiagramContainer['ports'][number]): string {
  const number = port.containerPort === undefined ? '?' : String(port.containerPort);
  return `${number}/${port.protocol}${port.name ? ` ${port.name}` : ''}`;
}

const ROLE_BADGE: Record<DiagramContainer['role'], string> = {
  app: 'app',
  init: 'init',
  'native-sidecar': 'native sidecar',
  ephemeral: 'ephemeral',
  sidecar: 'sidecar',
  ambassador: 'ambassador',
  adapter: 'adapter',
};

/** The widths of the two columns for a diagram `width` wide: volumes get about a quarter, containers the rest. */
export function columnWidths(width: number): { container: number; volume: number } {
  const volume = Math.round(Math.min(260, Math.max(180, width * 0.26)));
  const room = width - 2 * SIZES.margin - 2 * SIZES.padding - SIZES.bracketRoom - SIZES.edgeRoom - volume;
  return { container: Math.round(Math.min(520, Math.max(200, room))), volume };
}

/** Lays the diagram out `width` units wide (clamped to the sizes the columns allow). */
export function layoutDiagram(model: DiagramModel, width: number = SIZES.width): DiagramLayout {
  const W = Math.round(Math.min(SIZES.maxWidth, Math.max(SIZES.minWidth, width)));
  const { margin, padding, line: L, gap } = SIZES;
  const columns = columnWidths(W);
  const pod: Rect = { x: margin, y: margin, width: W - 2 * margin, height: 0 };
  const inner = { x: pod.x + padding, width: pod.width - 2 * padding };

  // Header: what this Pod is and who makes it.
  const podLines: TextLine[] = [];
  const title = model.pod.kind === 'Pod' ? `Pod ${model.pod.name ?? '(no name)'}` : `Pod of ${model.pod.kind} ${model.pod.name ?? '(no name)'}`;
  podLines.push(line(inner.x, pod.y + 26, title, inner.width - 40, 'title'));
  const facts = [
    model.pod.replicas,
    `restartPolicy ${model.pod.restartPolicy}${model.pod.restartPolicyDefaulted ? ' (default)' : ''}`,
    model.pod.hostNetwork ? "hostNetwork: the Pod uses the node's network" : undefined,
    model.pod.podSecurity ? `Pod Security Standard: ${model.pod.podSecurity.level}` : undefined,
  ].filter((f): f is string => !!f);
  podLines.push(line(inner.x, pod.y + 26 + L + 2, facts.join('  ·  '), inner.width, 'muted'));
  const podMarker = markerOf(model.pod.problems, pod.x + pod.width - padding - 8, pod.y + 21);
  let y = pod.y + 26 + L + 18;
  // Scheduling is the Pod's: one line on where the whole Pod may run, when the manifest says anything about it.
  if (model.pod.placement) {
    for (const part of wrap(model.pod.placement, inner.width, SIZES.charWidth, 2)) {
      podLines.push(line(inner.x, y - 16 + L, part, inner.width, 'muted'));
      y += L;
    }
  }

  // The one network namespace, with every port on it.
  const netTop = y;
  const netLines: TextLine[] = [
    line(inner.x + 12, netTop + 20, model.pod.hostNetwork ? 'Network: the node\'s own (hostNetwork)' : 'Network: one IP for the whole Pod', inner.width - 24, 'strong'),
  ];
  const explanation = 'Every container shares it and reaches the others on localhost, so two running containers cannot open the same port.';
  let netY = netTop + 20;
  for (const part of wrap(explanation, inner.width - 24, SIZES.charWidth, 2)) {
    netY += L;
    netLines.push(line(inner.x + 12, netY, part, inner.width - 24, 'muted'));
  }
  const chips: LaidChip[] = [];
  let chipX = inner.x + 12;
  let chipY = netY + 10;
  const chipH = 22;
  for (const c of model.containers) {
    for (const p of c.ports) {
      const text = `${c.name} :${portText(p)}${p.clashWith ? ` ✕ clash with ${p.clashWith}` : ''}`;
      const shown = fit(text, inner.width - 48, SIZES.monoCharWidth);
      const chipW = Math.ceil(shown.length * SIZES.monoCharWidth) + 18;
      if (chipX + chipW > inner.x + inner.width - 12 && chipX > inner.x + 12) {
        chipX = inner.x + 12;
        chipY += chipH + 6;
      }
      const detail = p.clashWith
        ? `Port ${portText(p)} of ${c.name} clashes with ${p.clashWith}: both run at the same time on the Pod's one IP, so only one of them can listen on it.`
        : `${c.name} listens on port ${portText(p)} of the Pod's IP.${p.hostPort ? ` Also exposed on the node as hostPort ${p.hostPort}.` : ''}`;
      chips.push({ rect: { x: chipX, y: chipY, width: chipW, height: chipH }, text: shown, title: detail, clash: !!p.clashWith, elementId: c.id });
      chipX += chipW + 8;
    }
  }
  if (chips.length === 0) {
    netLines.push(line(inner.x + 12, chipY + 15, 'No container declares a port.', inner.width - 24, 'muted'));
  }
  const netBottom = chipY + chipH + 10;
  const network = { rect: { x: inner.x, y: netTop, width: inner.width, height: netBottom - netTop }, lines: netLines, chips };
  y = netBottom + 22;

  // Containers, left column: init steps, then the ones that run together, then ephemeral ones.
  const columnX = inner.x + SIZES.bracketRoom;
  const CW = columns.container;
  const headings: TextLine[] = [];
  const arrows: string[] = [];
  const laid: LaidContainer[] = [];
  const inits = model.containers.filter((c) => c.list === 'initContainers');
  const running = model.containers.filter((c) => c.list === 'containers');
  const ephemeral = model.containers.filter((c) => c.list === 'ephemeralContainers');
  const sectionTop = y;
  const place = (c: DiagramContainer) => {
    const box = layoutContainer(c, model, columnX, y + 2, CW);
    laid.push(box);
    y = box.rect.y + box.rect.height;
    return box;
  };
  const arrow = (fromY: number, toY: number) => {
    const x = columnX + 40;
    arrows.push(`M ${x} ${fromY + 2} L ${x} ${toY - 4}`);
  };

  if (inits.length) {
    headings.push(line(columnX, y + 4, 'Init containers, one by one', CW, 'heading'));
    y += 14;
    inits.forEach((c, i) => {
      if (i > 0) {
        const from = y;
        y += gap + 6;
        arrow(from, y + 2);
      } else y += 6;
      place(c);
    });
    const from = y;
    y += 30;
    arrow(from, y - 14);
  }
  const runningHeading = inits.some((c) => c.role === 'native-sidecar')
    ? 'Then together, with native sidecars'
    : inits.length ? 'Then all run together' : 'Containers, all running together';
  headings.push(line(columnX, y, running.length ? runningHeading : 'No app containers', CW, 'heading'));
  y += 8;
  for (const c of running) {
    y += 8;
    place(c);
  }
  const runningBottom = y;
  if (ephemeral.length) {
    y += 28;
    headings.push(line(columnX, y, 'Ephemeral debug containers', CW, 'heading'));
    y += 8;
    for (const c of ephemeral) {
      y += 8;
      place(c);
    }
  }
  const containersBottom = y;

  // Native sidecars: a bracket from each one down the left side of the running section.
  const alongside: { d: string; title: string }[] = [];
  laid
    .filter((b) => b.role === 'native-sidecar')
    .forEach((b, i) => {
      const x = columnX - 10 - i * 6;
      const from = b.rect.y + b.rect.height / 2;
      const to = Math.max(runningBottom, from + 20);
      alongside.push({
        d: `M ${columnX} ${from} L ${x} ${from} L ${x} ${to} L ${columnX} ${to}`,
        title: `${model.containers.find((c) => c.id === b.id)?.name} keeps running beside the containers below`,
      });
    });

  // Volumes, right column, each placed level with the mounts that reach it.
  const volumeX = inner.x + inner.width - columns.volume;
  const anchors = new Map<string, Point>();
  for (const box of laid) for (const row of box.mountRows) anchors.set(row.edgeId, row.anchor);
  const wanted = model.volumes.map((v, order) => {
    const ys = model.edges.filter((e) => e.volume === v.id).map((e) => anchors.get(e.id)?.y).filter((n): n is number => n !== undefined);
    return { v, order, target: ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.POSITIVE_INFINITY };
  });
  wanted.sort((a, b) => a.target - b.target || a.order - b.order);
  const volumes: LaidVolume[] = [];
  let volumeY = sectionTop;
  if (model.volumes.length) {
    headings.push(line(volumeX, sectionTop + 4, 'Shared volumes', columns.volume, 'heading'));
    volumeY = sectionTop + 18;
  }
  for (const { v, target } of wanted) {
    const height = volumeHeight(v);
    const top = Math.max(volumeY, Number.isFinite(target) ? target - height / 2 : volumeY);
    const box = layoutVolume(v, volumeX, top, columns.volume);
    volumes.push(box);
    volumeY = top + height + gap;
  }

  // Edges: from a mount row's anchor to its volume's left side, spread so lines do not meet at one point.
  const volumeById = new Map(volumes.map((v) => [v.id, v]));
  const edges: LaidEdge[] = [];
  for (const volume of volumes) {
    const incoming = model.edges.filter((e) => e.volume === volume.id && anchors.has(e.id));
    incoming.sort((a, b) => anchors.get(a.id)!.y - anchors.get(b.id)!.y);
    incoming.forEach((e, i) => {
      const from = anchors.get(e.id)!;
      const to = { x: volume.rect.x, y: volume.rect.y + (volume.rect.height * (i + 1)) / (incoming.length + 1) };
      const bend = (to.x - from.x) / 2;
      edges.push({
        id: e.id,
        d: `M ${from.x} ${from.y} C ${from.x + bend} ${from.y} ${to.x - bend} ${to.y} ${to.x} ${to.y}`,
        readOnly: e.readOnly,
        broken: !volumeById.get(e.volume) || volume.status === 'undefined',
      });
    });
  }

  // Footer: the Pod's effective requests and limits.
  const bodyBottom = Math.max(containersBottom, volumeY - gap) + 26;
  const footerLines: TextLine[] = [];
  footerLines.push(line(inner.x + 12, bodyBottom + 20, "The Pod's effective resources: what the scheduler reserves for it", inner.width - 24, 'strong'));
  let footY = bodyBottom + 20;
  const rows: [string, DiagramModel['effective']['requests'][number] | undefined][] = [
    ...(model.effective.requests.length ? model.effective.requests.map((r) => ['requests', r] as [string, typeof r]) : [['requests', undefined] as [string, undefined]]),
    ...(model.effective.limits.length ? model.effective.limits.map((r) => ['limits', r] as [string, typeof r]) : [['limits', undefined] as [string, undefined]]),
  ];
  // Beside the figures when there is room; in a narrow panel, how a figure came about goes under it, wrapped.
  const fromWidth = inner.width - 332;
  const fromBelow = fromWidth < 240;
  for (const [kind, r] of rows) {
    footY += L + 2;
    // Columns: requests | memory | 400 MiB | how the figure came about.
    footerLines.push(line(inner.x + 12, footY, kind, 70, 'mono-muted'));
    footerLines.push(line(inner.x + 86, footY, r ? r.resource : 'none set', 110, 'mono'));
    if (r) {
      footerLines.push(line(inner.x + 200, footY, r.amount, 110, r.amount === 'unbounded' ? 'mono-warning' : 'mono-strong'));
      if (!fromBelow) footerLines.push(line(inner.x + 320, footY, r.from, fromWidth, 'muted'));
      else {
        for (const part of wrap(r.from, inner.width - 98, SIZES.charWidth, 3)) {
          footY += L;
          footerLines.push(line(inner.x + 86, footY, part, inner.width - 98, 'muted'));
        }
      }
    }
  }
  const footer = { rect: { x: inner.x, y: bodyBottom, width: inner.width, height: footY - bodyBottom + 16 }, lines: footerLines };

  const podHeight = footer.rect.y + footer.rect.height + padding - pod.y;
  // The legend, under the Pod: entries flow left to right and wrap at the Pod's width.
  const legend: LegendItem[] = [];
  let legendX = pod.x;
  let legendY = pod.y + podHeight + 18;
  for (const [kind, words] of LEGEND) {
    const width = LEGEND_SAMPLE + Math.ceil(words.length * SIZES.charWidth) + 18;
    if (legendX + width > pod.x + pod.width && legendX > pod.x) {
      legendX = pod.x;
      legendY += L + 4;
    }
    legend.push({ kind, x: legendX, y: legendY, label: line(legendX + LEGEND_SAMPLE, legendY + 4, words, width, 'muted') });
    legendX += width;
  }
  return {
    width: W,
    height: legendY + 14 + margin,
    pod: { rect: { ...pod, height: podHeight }, lines: podLines, marker: podMarker },
    network,
    headings,
    arrows,
    alongside,
    containers: laid,
    volumes,
    edges,
    footer,
    legend,
  };
}

/** Rows of a container box: name and badge, image, ports, resources, then one per mount. */
function layoutContainer(c: DiagramContainer, model: DiagramModel, x: number, top: number, width: number): LaidContainer {
  const { line: L } = SIZES;
  const textX = x + (c.step !== undefined ? 34 : 12);
  const lines: TextLine[] = [];
  const badgeText = ROLE_BADGE[c.role];
  const badgeW = Math.ceil(badgeText.length * SIZES.charWidth) + 16;
  const markerRoom = c.problems.length ? 24 : 0;
  const badge = { rect: { x: x + width - 10 - badgeW - markerRoom, y: top + 8, width: badgeW, height: 18 }, text: badgeText };
  lines.push(line(textX, top + 22, c.name, badge.rect.x - textX - 8, c.named ? 'title' : 'title-missing'));
  let y = top + 22 + L + 2;
  const body = width - (textX - x) - 10;
  lines.push(line(textX, y, c.image ?? 'no image', body, c.image ? 'mono' : 'error'));
  if (c.ports.length) {
    y += L;
    lines.push(line(textX, y, `ports ${c.ports.map((p) => `${portText(p)}${p.clashWith ? ' ✕' : ''}`).join(', ')}`, body, c.ports.some((p) => p.clashWith) ? 'mono-error' : 'mono'));
  }
  if (c.resources.length) {
    y += L;
    // One line when it fits, else one resource per line: a figure is never cut in the middle.
    const parts = c.resources.map((r) => `${r.resource} ${r.request ?? '–'} / ${r.limit ?? '–'}`);
    const oneLine = `request / limit  ${parts.join(', ')}`;
    if (fit(oneLine, body, SIZES.monoCharWidth) === oneLine) lines.push(line(textX, y, oneLine, body, 'mono-muted'));
    else {
      lines.push(line(textX, y, 'request / limit', body, 'mono-muted'));
      for (const part of parts) {
        y += L;
        lines.push(line(textX + 16, y, part, body - 16, 'mono-muted'));
      }
    }
  }
  const note = c.role === 'native-sidecar'
    ? 'runs from its step on, beside the app containers'
    : c.role !== 'app' && c.role !== 'init' && c.roleReason ? `why ${c.role}: ${c.roleReason}` : undefined;
  if (note) {
    for (const part of wrap(note, body, SIZES.charWidth, 3)) {
      y += L;
      lines.push(line(textX, y, part, body, 'muted'));
    }
  }
  const mountRows: LaidContainer['mountRows'][number][] = [];
  const edges = new Map(model.edges.map((e) => [e.id, e]));
  const volumes = new Map(model.volumes.map((v) => [v.id, v]));
  for (const edgeId of c.mounts) {
    const edge = edges.get(edgeId);
    if (!edge) continue;
    y += L;
    const volume = volumes.get(edge.volume);
    const text = `${edge.mountPath ?? '(no mountPath)'} → ${volume?.name ?? '?'}${edge.readOnly ? '  (read-only)' : ''}${edge.subPath ? `  subPath ${edge.subPath}` : ''}`;
    const marker = markerOf(edge.problems, x + width - 34, y - 4);
    lines.push(line(textX, y, text, body - (marker ? 28 : 14), 'mono-mount'));
    mountRows.push({ edgeId, anchor: { x: x + width, y: y - 4 }, rowRect: { x: x + 6, y: y - 13, width: width - 7, height: L }, marker });
  }
  const height = y - top + 12;
  return {
    id: c.id,
    rect: { x, y: top, width, height },
    role: c.role,
    lines,
    badge,
    step: c.step !== undefined ? { cx: x + 17, cy: top + 17, text: String(c.step) } : undefined,
    marker: markerOf(c.problems, x + width - 20, top + 17),
    mountRows,
  };
}

function volumeHeight(v: DiagramVolume): number {
  return v.defined && v.used ? 56 : 72;
}

function layoutVolume(v: DiagramVolume, x: number, top: number, width: number): LaidVolume {
  const status: LaidVolume['status'] = !v.defined ? 'undefined' : v.used ? 'ok' : 'unused';
  const marker = markerOf(v.problems, x + width - 20, top + 24);
  const lines: TextLine[] = [line(x + 14, top + 29, v.name, width - 28 - (marker ? 22 : 0), 'title')];
  // The status words fit the narrowest volume column (22 glyphs): the state of a volume must never be cut off.
  const source = v.defined ? `${v.source ?? 'no source'}${v.sourceDetail ? ` ${v.sourceDetail}` : ''}` : '✕ mounted, not defined';
  lines.push(line(x + 14, top + 46, source, width - 28, v.defined ? 'mono-muted' : 'error'));
  if (status === 'undefined') lines.push(line(x + 14, top + 62, 'add it to spec.volumes', width - 28, 'muted'));
  if (status === 'unused') lines.push(line(x + 14, top + 62, 'unused: never mounted', width - 28, 'warning'));
  return { id: v.id, rect: { x, y: top, width, height: volumeHeight(v) }, status, lines, marker };
}

/** True when two rectangles share any area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
