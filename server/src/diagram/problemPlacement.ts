import type { Finding } from '../core/finding';

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
  // Spans are nodes of one tree: any two are nested or apart. Walking findings and spans by their start, a stack
  // holds the spans that contain the current finding, innermost on top: linear after sorting, where comparing
  // every finding with every span took minutes on a Pod with thousands of containers.
  const order = spans
    .map((span, index) => ({ span, index }))
    // Outer before inner at the same start; of identical spans, the first listed ends up on top.
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || b.index - a.index);
  const byStart = findings.map((finding, index) => ({ finding, index })).sort((a, b) => a.finding.start - b.finding.start || a.index - b.index);
  const owner: string[] = new Array(findings.length);
  const stack: PlacedSpan[] = [];
  let next = 0;
  for (const { finding, index } of byStart) {
    while (next < order.length && order[next].span.start <= finding.start) {
      const span = order[next++].span;
      while (stack.length > 0 && stack[stack.length - 1].end <= span.start) stack.pop();
      stack.push(span);
    }
    while (stack.length > 0 && stack[stack.length - 1].end <= finding.start) stack.pop();
    owner[index] = stack.length > 0 ? stack[stack.length - 1].id : fallbackId;
  }
  const placed = new Map<string, Finding[]>();
  findings.forEach((finding, index) => {
    const list = placed.get(owner[index]);
    if (list) list.push(finding);
    else placed.set(owner[index], [finding]);
  });
  return placed;
}
