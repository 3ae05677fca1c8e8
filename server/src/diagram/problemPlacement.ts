import type { Finding } from '../service/finding';

/** A drawn element and the [start, end) span of its node, relative to the document. */
export interface PlacedSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Gives each finding to the innermost element whose node holds the finding's start: a mount before its container,
 * a container or volume before the Pod. Findings outside every element (metadata, a selector) go to `fallbackId`,
 * the Pod, so no problem of the document is lost from the picture.
 */
export function placeFindings(findings: readonly Finding[], spans: readonly PlacedSpan[], fallbackId: string): Map<string, Finding[]> {
  const placed = new Map<string, Finding[]>();
  for (const finding of findings) {
    let best: PlacedSpan | undefined;
    for (const span of spans) {
      if (finding.start < span.start || finding.start >= span.end) continue;
      if (!best || span.end - span.start < best.end - best.start) best = span;
    }
    const id = best?.id ?? fallbackId;
    const list = placed.get(id);
    if (list) list.push(finding);
    else placed.set(id, [finding]);
  }
  return placed;
}
