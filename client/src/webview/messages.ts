/**
 * The messages between the diagram panel (extension side) and its webview, and the checks each side applies to
 * what it receives. The webview is a web page: the extension treats everything it posts as untrusted input.
 */
import type { DiagramModel, DiagramRange } from '../../../shared/diagramTypes';

/** Extension → webview. */
export type ToWebview =
  | { readonly type: 'model'; readonly model: DiagramModel }
  | { readonly type: 'empty'; readonly message: string };

/** What the webview drew, reported back after each render (the e2e test reads it). */
export interface RenderSummary {
  readonly pod: string;
  readonly containers: number;
  readonly volumes: number;
  readonly edges: number;
  readonly problems: number;
}

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly range: DiagramRange }
  | { readonly type: 'export'; readonly format: 'svg' | 'png'; readonly data: string }
  | { readonly type: 'rendered'; readonly summary: RenderSummary };

/** Exports larger than this are refused: a diagram is a few hundred kilobytes at most. */
export const MAX_EXPORT_LENGTH = 40_000_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e6;

function isPosition(v: unknown): boolean {
  return isObject(v) && isCount(v.line) && isCount(v.character);
}

export function isRange(v: unknown): v is DiagramRange {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

/** The message, if it is one the extension understands, with exactly the expected shape; otherwise undefined. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isRange(raw.range) ? { type: 'reveal', range: { start: { ...raw.range.start }, end: { ...raw.range.end } } } : undefined;
    case 'export': {
      const { format, data } = raw;
      if ((format !== 'svg' && format !== 'png') || typeof data !== 'string' || data.length === 0 || data.length > MAX_EXPORT_LENGTH) return undefined;
      if (format === 'svg' && !/^<svg[\s>]/.test(data)) return undefined;
      if (format === 'png' && !/^[A-Za-z0-9+/]+=*$/.test(data)) return undefined;
      return { type: 'export', format, data };
    }
    case 'rendered': {
      const s = raw.summary;
      if (!isObject(s) || typeof s.pod !== 'string' || s.pod.length > 1000) return undefined;
      if (!isCount(s.containers) || !isCount(s.volumes) || !isCount(s.edges) || !isCount(s.problems)) return undefined;
      return { type: 'rendered', summary: { pod: s.pod, containers: s.containers, volumes: s.volumes, edges: s.edges, problems: s.problems } };
    }
    default:
      return undefined;
  }
}

/** The webview's check of what the extension sends (it trusts the extension, but not an older server's shape). */
export function parseToWebview(raw: unknown): ToWebview | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'empty' && typeof raw.message === 'string') return { type: 'empty', message: raw.message };
  if (raw.type === 'model' && isObject(raw.model) && raw.model.schemaVersion === 1) return { type: 'model', model: raw.model as unknown as DiagramModel };
  return undefined;
}
