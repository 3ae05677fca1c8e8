import { nodeAtPath, stringMap, type Path } from '../../document/yamlTree';
import { startsWith } from '../hoverContext';
import { code } from '../markdown';
import type { HoverSection } from '../section';

/**
 * Workloads stamp out Pods from a template and find them again by label: on a selector's matchLabels entry, whether
 * the template's labels carry it; on a template label, whether the selector uses it.
 */
export const templateSection: HoverSection = {
  id: 'template',
  render(ctx) {
    const metadataPath = ctx.workload.templateMetadataPath;
    if (!metadataPath) return undefined;
    const selectorPath: Path = [...metadataPath.slice(0, -2), 'selector', 'matchLabels'];
    const labelsPath: Path = [...metadataPath, 'labels'];
    const root = ctx.doc.root;
    const selector = stringMap(nodeAtPath(root, selectorPath));
    const labels = stringMap(nodeAtPath(root, labelsPath));
    const kind = ctx.workload.kind;
    if (ctx.path.length === selectorPath.length + 1 && startsWith(ctx.path, selectorPath)) {
      const key = String(ctx.path[ctx.path.length - 1]);
      const wanted = selector.get(key);
      if (wanted === undefined) return undefined;
      const has = labels.get(key);
      if (has === wanted) {
        return `The ${kind} owns the Pods labelled ${code(`${key}: ${wanted}`)}, and its template gives every new Pod that label (${code(labelsPath.join('.'))}).`;
      }
      return `The template's labels ${has === undefined ? `have no ${code(key)}` : `say ${code(`${key}: ${has}`)}`}, so the Pods it makes would not match ${code(`${key}: ${wanted}`)}: the API server rejects a ${kind} whose selector does not match its template. Add ${code(`${key}: ${wanted}`)} to ${code(labelsPath.join('.'))}.`;
    }
    if (ctx.path.length === labelsPath.length + 1 && startsWith(ctx.path, labelsPath) && selector.size) {
      const key = String(ctx.path[ctx.path.length - 1]);
      const wanted = selector.get(key);
      if (wanted === undefined) {
        return `Not part of the ${kind}'s selector: the controller does not use ${code(key)} to find its Pods, though Services and other tools may.`;
      }
      return wanted === labels.get(key)
        ? `The ${kind}'s selector (${code(selectorPath.join('.'))}) finds its Pods by this label.`
        : `The ${kind}'s selector asks for ${code(`${key}: ${wanted}`)}: the template must give the same value.`;
    }
    return undefined;
  },
};


