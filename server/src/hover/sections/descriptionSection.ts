import { concept, ifAnnotationsBuilt } from '../../schema/annotations';
import type { HoverContext } from '../hoverContext';
import type { HoverSection } from '../section';

/** The longest upstream description we show: past it, the docs link says the rest. */
const MAX_DESCRIPTION = 600;

/**
 * The last lines of a hover: the upstream description from the generated schema (read at run time, never
 * committed), then the docs page for the field or its concept.
 */
export const descriptionSection: HoverSection = {
  id: 'description',
  render(ctx) {
    const parts: string[] = [];
    const description = ctx.description ? trimDescription(ctx.description) : undefined;
    if (description) parts.push(`Kubernetes: ${description}`);
    const links = docsLinks(ctx);
    if (links.length) parts.push(links.join(' · '));
    return parts.length ? `---\n\n${parts.join('\n\n')}` : undefined;
  },
};

/** Cuts the enum list (the type line shows the values) and the tail past a sentence near the limit. */
export function trimDescription(text: string): string {
  let out = text.split(/\n\nPossible enum values:/)[0].trim();
  if (out.length > MAX_DESCRIPTION) {
    const cut = out.lastIndexOf('. ', MAX_DESCRIPTION);
    out = `${out.slice(0, cut > 200 ? cut + 1 : MAX_DESCRIPTION)} …`;
  }
  return out;
}

function docsLinks(ctx: HoverContext): string[] {
  const links: string[] = [];
  const nearest = ctx.nearest;
  const named = nearest?.annotation.concept ? safeConcept(nearest.annotation.concept) : undefined;
  const docs = nearest?.annotation.docs;
  if (docs) links.push(`[Kubernetes docs: ${nearest!.field}](${docs})`);
  if (named?.docs && named.docs !== docs) links.push(`[Concept: ${named.title}](${named.docs})`);
  return links;
}

function safeConcept(name: Parameters<typeof concept>[0]) {
  return ifAnnotationsBuilt(() => concept(name));
}
