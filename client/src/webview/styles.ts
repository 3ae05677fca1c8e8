/**
 * The diagram's look. Two layers, so that an exported SVG looks like the panel:
 * - PAGE_CSS maps VS Code's theme variables to our own `--ps-*` palette (light, dark and high contrast follow the
 *   editor), and styles the toolbar around the picture;
 * - DIAGRAM_CSS styles the SVG using only `--ps-*`, so an export can embed it beside the resolved palette.
 */

/** The palette: our name, the VS Code theme variable it follows, and a fallback outside VS Code. */
export const PALETTE: readonly (readonly [name: string, value: string])[] = [
  ['--ps-font', "var(--vscode-font-family, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif)"],
  ['--ps-mono', "var(--vscode-editor-font-family, 'DejaVu Sans Mono', Menlo, Consolas, monospace)"],
  ['--ps-fg', 'var(--vscode-editor-foreground, #1f2328)'],
  ['--ps-bg', 'var(--vscode-editor-background, #ffffff)'],
  ['--ps-muted', 'var(--vscode-descriptionForeground, #59636e)'],
  ['--ps-border', 'var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #8c959f))'],
  ['--ps-pod-bg', 'var(--vscode-sideBar-background, var(--vscode-editorWidget-background, #f6f8fa))'],
  ['--ps-box-bg', 'var(--vscode-editor-background, #ffffff)'],
  ['--ps-net-bg', 'var(--vscode-textCodeBlock-background, #eef2f6)'],
  ['--ps-hover', 'var(--vscode-list-hoverBackground, #eaeef2)'],
  ['--ps-focus', 'var(--vscode-focusBorder, #0969da)'],
  ['--ps-error', 'var(--vscode-editorError-foreground, #cf222e)'],
  ['--ps-warning', 'var(--vscode-editorWarning-foreground, #9a6700)'],
  ['--ps-info', 'var(--vscode-editorInfo-foreground, #0969da)'],
  ['--ps-app', 'var(--vscode-charts-blue, #0969da)'],
  ['--ps-init', 'var(--vscode-charts-purple, #8250df)'],
  ['--ps-sidecar', 'var(--vscode-charts-green, #1a7f37)'],
  ['--ps-ambassador', 'var(--vscode-charts-orange, #bc4c00)'],
  ['--ps-adapter', 'var(--vscode-charts-yellow, #9a6700)'],
  ['--ps-ephemeral', 'var(--vscode-descriptionForeground, #59636e)'],
  ['--ps-volume', 'var(--vscode-charts-blue, #0969da)'],
];

export const DIAGRAM_CSS = `
svg.podsmith-diagram { font-family: var(--ps-font); font-size: 12px; color: var(--ps-fg); }
.pod-box { fill: var(--ps-pod-bg); stroke: var(--ps-border); stroke-width: 1.5; }
.network { fill: var(--ps-net-bg); stroke: var(--ps-border); stroke-dasharray: 4 3; }
.box { fill: var(--ps-box-bg); stroke: var(--ps-border); stroke-width: 1; }
.role-native-sidecar .box { stroke-dasharray: 6 3; }
.stripe { stroke: none; }
.badge { fill: var(--ps-box-bg); stroke-width: 1.5; }
.role-app .stripe { fill: var(--ps-app); } .role-app .badge { stroke: var(--ps-app); }
.role-init .stripe { fill: var(--ps-init); } .role-init .badge { stroke: var(--ps-init); }
.role-native-sidecar .stripe, .role-sidecar .stripe { fill: var(--ps-sidecar); }
.role-native-sidecar .badge, .role-sidecar .badge { stroke: var(--ps-sidecar); }
.role-ambassador .stripe { fill: var(--ps-ambassador); } .role-ambassador .badge { stroke: var(--ps-ambassador); }
.role-adapter .stripe { fill: var(--ps-adapter); } .role-adapter .badge { stroke: var(--ps-adapter); }
.role-ephemeral .stripe { fill: var(--ps-ephemeral); } .role-ephemeral .badge { stroke: var(--ps-ephemeral); }
.badge-text { fill: var(--ps-fg); font-size: 11px; font-weight: 600; }
.step circle { fill: var(--ps-box-bg); stroke: var(--ps-init); stroke-width: 2; }
.step text { fill: var(--ps-fg); font-size: 12px; font-weight: 700; }
.volume-box { fill: var(--ps-box-bg); stroke: var(--ps-volume); stroke-width: 1.5; }
.volume-cap { fill: none; stroke: var(--ps-volume); stroke-width: 1.5; }
.status-unused .volume-box, .status-unused .volume-cap { stroke: var(--ps-warning); stroke-dasharray: 5 3; }
.status-undefined .volume-box, .status-undefined .volume-cap { stroke: var(--ps-error); stroke-dasharray: 5 3; }
.edge { fill: none; stroke: var(--ps-volume); stroke-width: 1.5; opacity: 0.85; }
.edge.read-only { stroke-dasharray: 5 3; }
.edge.broken { stroke: var(--ps-error); }
.anchor { fill: var(--ps-volume); }
.arrow { fill: none; stroke: var(--ps-init); stroke-width: 2; }
.arrowhead { fill: var(--ps-init); }
.alongside { fill: none; stroke: var(--ps-sidecar); stroke-width: 2; stroke-dasharray: 3 3; }
.chip rect { fill: var(--ps-box-bg); stroke: var(--ps-border); }
.chip text { fill: var(--ps-fg); font-family: var(--ps-mono); font-size: 11.5px; }
.chip.clash rect { stroke: var(--ps-error); stroke-width: 2; }
.chip.clash text { fill: var(--ps-error); font-weight: 600; }
.section { fill: none; stroke: var(--ps-border); stroke-width: 1; opacity: 0.6; }
.footer { fill: var(--ps-net-bg); stroke: var(--ps-border); }
text { fill: var(--ps-fg); }
.t-title { font-size: 14px; font-weight: 600; }
.t-title-missing { font-size: 14px; font-weight: 600; font-style: italic; fill: var(--ps-error); }
.t-strong { font-weight: 600; }
.t-heading { font-size: 11px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; fill: var(--ps-muted); }
.t-muted { fill: var(--ps-muted); }
.t-mono, .t-mono-muted, .t-mono-error, .t-mono-mount, .t-mono-strong, .t-mono-warning { font-family: var(--ps-mono); font-size: 11.5px; }
.t-mono-strong { font-weight: 600; }
.t-mono-warning { fill: var(--ps-warning); font-weight: 600; }
.t-mono-muted { fill: var(--ps-muted); }
.t-mono-error, .t-error { fill: var(--ps-error); }
.t-warning { fill: var(--ps-warning); }
.mount-row rect { fill: transparent; }
.marker.sev-error .sign { fill: var(--ps-error); }
.marker.sev-warning .sign { fill: var(--ps-warning); }
.marker.sev-information .sign, .marker.sev-hint .sign { fill: var(--ps-info); }
.marker text { fill: #ffffff; font-size: 11px; font-weight: 700; }
.clickable { cursor: pointer; }
.clickable:hover > .box, .clickable:hover > .volume-box { fill: var(--ps-hover); }
.mount-row.clickable:hover rect { fill: var(--ps-hover); opacity: 0.6; }
.clickable:focus { outline: none; }
.clickable:focus-visible > .box, .clickable:focus-visible > .volume-box, .clickable:focus-visible > rect { stroke: var(--ps-focus); stroke-width: 2.5; }
`;

export const PAGE_CSS = `
body { ${PALETTE.map(([name, value]) => `${name}: ${value};`).join(' ')} }
body.vscode-high-contrast .box, body.vscode-high-contrast .volume-box, body.vscode-high-contrast .pod-box { stroke-width: 2; }
html, body { margin: 0; padding: 0; }
body { background: var(--ps-bg); color: var(--ps-fg); font-family: var(--ps-font); font-size: 13px; }
#toolbar { position: sticky; top: 0; z-index: 1; display: flex; align-items: center; gap: 8px; padding: 6px 12px;
  background: var(--ps-bg); border-bottom: 1px solid var(--ps-border); }
#summary { flex: 1; color: var(--ps-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
button { font-family: inherit; font-size: 12px; padding: 3px 10px; border: 1px solid var(--vscode-button-border, transparent);
  color: var(--vscode-button-secondaryForeground, #1f2328); background: var(--vscode-button-secondaryBackground, #e6e8eb); cursor: pointer; border-radius: 2px; }
button:hover { background: var(--vscode-button-secondaryHoverBackground, #d5d8dc); }
button:focus-visible { outline: 1px solid var(--ps-focus); outline-offset: 2px; }
button:disabled { opacity: 0.5; cursor: default; }
#status { padding: 24px 16px; color: var(--ps-muted); }
#status[hidden] { display: none; }
#canvas { padding: 4px 0 16px; overflow-x: auto; }
#canvas svg { display: block; }
${DIAGRAM_CSS}
`;
