import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import { annotationIfBuilt, ifAnnotationsBuilt, scopeDescription, type FieldAnnotation } from '../schema/annotations';

/**
 * A field's short documentation for a completion item: our own explanation when we have one (with the level it
 * belongs to, the Pod or one container), else the first sentence of the upstream description.
 */
export function fieldDocumentation(parentDefinition: string | undefined, field: string, description: string | undefined): MarkupContent | undefined {
  const annotation = parentDefinition ? annotationIfBuilt(parentDefinition, field) : undefined;
  if (annotation?.explain) {
    const label = scopeLabel(annotation);
    const docs = annotation.docs ? `\n\n[Learn more](${annotation.docs})` : '';
    return { kind: MarkupKind.Markdown, value: `${label ? `**${label}.** ` : ''}${annotation.explain}${docs}` };
  }
  const sentence = firstSentence(description);
  return sentence ? { kind: MarkupKind.Markdown, value: sentence } : undefined;
}

/** "Pod-level" or "container-level", for a completion item's detail. */
export function scopeOf(parentDefinition: string | undefined, field: string): string | undefined {
  const annotation = parentDefinition ? annotationIfBuilt(parentDefinition, field) : undefined;
  return annotation ? scopeLabel(annotation) : undefined;
}

function scopeLabel(annotation: FieldAnnotation): string | undefined {
  return ifAnnotationsBuilt(() => scopeDescription(annotation.scope)?.label);
}

/** The first sentence of a description, without the "More info" links and enum lists that follow. */
export function firstSentence(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const text = description.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  const match = /^.*?[.!?](?=\s+[A-Z(]|$)/.exec(text);
  const sentence = (match ? match[0] : text).trim();
  return sentence.length ? sentence : undefined;
}

/** True for a field the API keeps only for old clients. */
export function isDeprecated(description: string | undefined): boolean {
  return !!description && /^(deprecated|DEPRECATED)\b|\bDeprecated:/.test(description);
}
