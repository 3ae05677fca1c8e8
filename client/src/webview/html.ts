/**
 * The diagram webview's page: a strict Content-Security-Policy (nothing runs or loads but our nonce'd script and
 * style and our own files), a toolbar, and an empty SVG that the script fills. No manifest text ever goes through
 * this HTML: the script draws the model with DOM APIs.
 */
import { PAGE_CSS } from './styles';

export interface DiagramPageOptions {
  /** URI of dist/webview.js as the webview can load it. */
  readonly scriptUri: string;
  /** The webview's own source, for the CSP (`webview.cspSource`). */
  readonly cspSource: string;
  /** A fresh random value per page. */
  readonly nonce: string;
}

export function diagramPageHtml({ scriptUri, cspSource, nonce }: DiagramPageOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Pod diagram</title>
<style nonce="${escapeAttribute(nonce)}">${PAGE_CSS}</style>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Pod diagram">
  <span id="summary" aria-live="polite"></span>
  <button id="export-svg" type="button" title="Save the diagram as an SVG file" disabled>Export SVG</button>
  <button id="export-png" type="button" title="Save the diagram as a PNG image" disabled>Export PNG</button>
</div>
<div id="status" role="status">Put the cursor in a Pod, or in a workload with a Pod template, to see its diagram.</div>
<div id="canvas"><svg id="diagram" class="podsmith-diagram" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="Pod diagram"></svg></div>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>`;
}

/** A random nonce for the page's CSP. */
export function makeNonce(random: (bytes: number) => Uint8Array): string {
  return Array.from(random(18), (b) => b.toString(16).padStart(2, '0')).join('');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
