/**
 * The diagram webview's script (bundled to dist/webview.js): receives the model from the extension, lays it out,
 * draws it, and sends back clicks (reveal a line) and exports (SVG text, PNG data).
 */
import type { DiagramModel } from '../../../shared/diagramTypes';
import { layoutDiagram, SIZES } from './layout';
import { parseToWebview, type FromWebview } from './messages';
import { renderDiagram } from './render';
import { DIAGRAM_CSS, PALETTE } from './styles';
import { summaryText } from './summary';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const svg = document.getElementById('diagram') as unknown as SVGSVGElement;
const status = document.getElementById('status') as HTMLElement;
const summary = document.getElementById('summary') as HTMLElement;
const exportButtons = [document.getElementById('export-svg'), document.getElementById('export-png')] as HTMLButtonElement[];
const canvas = document.getElementById('canvas') as HTMLElement;
let current: DiagramModel | undefined;
/** The width the drawing was laid out for: a resize lays it out again only when the width it gets changes. */
let drawnWidth = 0;

/** The panel's width, as the layout will use it: the columns reflow down to SIZES.minWidth. */
function availableWidth(): number {
  const width = canvas.clientWidth || SIZES.width;
  return Math.round(Math.min(SIZES.maxWidth, Math.max(SIZES.minWidth, width)));
}

function draw(model: DiagramModel) {
  // The element that had keyboard focus is focused again after the redraw (a redraw replaces every element).
  const focused = document.activeElement instanceof SVGElement ? document.activeElement.getAttribute('aria-label') : null;
  const layout = layoutDiagram(model, availableWidth());
  drawnWidth = layout.width;
  renderDiagram(svg, model, layout, { reveal: (range) => vscode.postMessage({ type: 'reveal', range }) });
  // Narrower than the columns can reflow to: the whole drawing is zoomed out to the panel's width, never clipped.
  const zoomed = (canvas.clientWidth || layout.width) < layout.width;
  svg.style.width = zoomed ? '100%' : '';
  svg.style.height = zoomed ? 'auto' : '';
  if (focused) {
    for (const element of Array.from(svg.querySelectorAll<SVGElement>('[tabindex]'))) {
      if (element.getAttribute('aria-label') === focused) {
        element.focus({ preventScroll: true });
        break;
      }
    }
  }
  return layout;
}

let resizeFrame = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => {
    if (!current) return;
    if (availableWidth() !== drawnWidth) draw(current);
    else {
      const zoomed = canvas.clientWidth < drawnWidth;
      svg.style.width = zoomed ? '100%' : '';
      svg.style.height = zoomed ? 'auto' : '';
    }
  });
});

function show(model: DiagramModel): void {
  current = model;
  const layout = draw(model);
  svg.style.display = '';
  status.hidden = true;
  const problems = Object.values(model.problemCounts).reduce((a, b) => a + b, 0);
  const podName = model.pod.name ?? '(no name)';
  summary.textContent = summaryText(model);
  for (const b of exportButtons) b.disabled = false;
  vscode.setState({ model });
  vscode.postMessage({
    type: 'rendered',
    summary: { pod: `${model.pod.kind} ${podName}`, containers: layout.containers.length, volumes: layout.volumes.length, edges: layout.edges.length, problems },
  });
}

function showEmpty(message: string): void {
  current = undefined;
  svg.replaceChildren();
  svg.style.display = 'none';
  status.textContent = message;
  status.hidden = false;
  summary.textContent = '';
  for (const b of exportButtons) b.disabled = true;
  vscode.setState(undefined);
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToWebview(event.data);
  if (!message) return;
  if (message.type === 'model') show(message.model);
  else showEmpty(message.message);
});

/** The SVG as a standalone file: the current theme's colours resolved and the stylesheet embedded. */
function standaloneSvg(): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const computed = getComputedStyle(document.body);
  const palette = PALETTE.map(([name]) => `${name}: ${computed.getPropertyValue(name).trim()};`).join(' ');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = `svg.podsmith-diagram { ${palette} }\n${DIAGRAM_CSS}`;
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: '0', width: '100%', height: '100%', fill: computed.getPropertyValue('--ps-bg').trim() || '#ffffff' })) {
    background.setAttribute(k, v);
  }
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(style, clone.firstChild);
  clone.removeAttribute('id');
  clone.removeAttribute('style');
  return new XMLSerializer().serializeToString(clone);
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Draws the standalone SVG on a canvas at twice the size, for a sharp PNG. */
function pngData(svgText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(Number(svg.getAttribute('width')) * scale);
      canvas.height = Math.ceil(Number(svg.getAttribute('height')) * scale);
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('no canvas'));
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      resolve(canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
    };
    image.onerror = () => reject(new Error('the SVG did not load as an image'));
    image.src = `data:image/svg+xml;base64,${toBase64(svgText)}`;
  });
}

document.getElementById('export-svg')?.addEventListener('click', () => {
  if (current) vscode.postMessage({ type: 'export', format: 'svg', data: standaloneSvg() });
});
document.getElementById('export-png')?.addEventListener('click', () => {
  if (!current) return;
  pngData(standaloneSvg()).then(
    (data) => vscode.postMessage({ type: 'export', format: 'png', data }),
    (error: unknown) => {
      status.textContent = `Could not make the PNG: ${String(error)}`;
      status.hidden = false;
    },
  );
});

// A panel that was hidden and shown again starts from its saved model while the extension sends a fresh one.
const saved = vscode.getState() as { model?: DiagramModel } | undefined;
if (saved?.model?.schemaVersion === 1) show(saved.model);
vscode.postMessage({ type: 'ready' });
