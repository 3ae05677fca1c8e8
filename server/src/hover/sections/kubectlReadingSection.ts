import { yaml12ReadingOf } from '../../document/kubectlScalars';
import { code } from '../markdown';
import type { HoverSection } from '../section';

/**
 * On a plain value that kubectl (YAML 1.1) and YAML 1.2 tools read differently (`0644`, `yes`, `1_000`): what the
 * API server receives, and what other tools would have read, since the two disagree silently.
 */
export const kubectlReadingSection: HoverSection = {
  id: 'kubectl-reading',
  render(ctx) {
    if (ctx.onKey) return undefined;
    const yaml12 = yaml12ReadingOf(ctx.node);
    if (!yaml12) return undefined;
    const written = (ctx.node as { source?: string }).source ?? String(ctx.node.value);
    return `kubectl reads ${code(written)} as ${words(ctx.node.value)} (YAML 1.1 rules): that is what the API server receives. YAML 1.2 tools read ${words(yaml12.value)}.`;
  },
};

function words(value: unknown): string {
  if (typeof value === 'string') return `the string "${value}"`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (value === null) return 'null';
  return `the number ${String(value)}`;
}
