import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import { isCopied } from '../document/resolvedView';
import { keyName, nodeAtPath, pairOf, scalarString, valueOf, type PathSegment } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { code, freeName, keyAt, type Fix, type FixContext, type FixFamily } from './fix';
import { fillEmptyPair, insertPair, insertPairBefore } from '../document/collectionInserts';
import type { YamlValue } from '../document/flowWriter';
import { lineEnd } from '../document/lineBreaks';
import type { Edit } from '../document/textEdit';
import { scalarLiteral } from '../document/yamlEdits';
import { trimBoth, trimTrailing } from '../document/linearText';
import { missingRequiredRule } from '../schema/schemaRules';

/** The placeholder a fix writes where only the person knows the value; selected so that typing replaces it. */
export const IMAGE_PLACEHOLDER = 'IMAGE';

/**
 * A required field that is missing, where a fix can write it: `containers` (one container to start from), a
 * container's `name` (derived from its image), its `image` (a placeholder, selected), and an apps/v1 workload's
 * `selector` (the template's labels).
 */
export const missingRequiredFixes: FixFamily = {
  rules: [missingRequiredRule],
  fixes(ctx) {
    const { field, parentPath } = ctx.finding.data ?? {};
    if (typeof field !== 'string') return [];
    if (!Array.isArray(parentPath)) return emptyValueFixes(ctx, field);
    const parent = parentPath.length === 0 ? ctx.doc.root : nodeAtPath(ctx.doc.root, parentPath as PathSegment[]);
    if (!isMap(parent)) return [];
    const map = parent as YAMLMap<unknown, unknown>;
    switch (field) {
      case 'containers':
        return placeholderFix(`Add ${code('containers')} with one container`, insertPair(ctx.text, map, 'containers', [containerSkeleton(ctx)], ctx.style));
      case 'name':
        return nameFix(ctx, map);
      case 'image':
        return placeholderFix(`Add ${code('image')} (a placeholder to replace)`, insertPair(ctx.text, map, 'image', IMAGE_PLACEHOLDER, ctx.style));
      case 'selector':
        return selectorFix(ctx, map, parentPath as PathSegment[]);
      default:
        return [];
    }
  },
};

/** `containers:` or `image:` written with no value. */
function emptyValueFixes(ctx: FixContext, field: string): Fix[] {
  const at = keyAt(ctx);
  if (!at) return [];
  if (field === 'containers') {
    return placeholderFix(`Add a container to ${code('containers')}`, fillEmptyPair(ctx.text, at.pair, [containerSkeleton(ctx)], ctx.style));
  }
  if (field !== 'image') return [];
  // `image:` with nothing after the colon but spaces or a comment: the placeholder goes right after the colon.
  const key = at.pair.key as { range?: [number, number, number] };
  const colon = key.range ? ctx.text.indexOf(':', key.range[1]) : -1;
  if (colon === -1 || !/^[ \t]*(#.*)?$/.test(ctx.text.slice(colon + 1, lineEnd(ctx.text, colon)))) return [];
  return placeholderFix(`Write a placeholder image to replace`, { start: colon + 1, end: colon + 1, newText: ` ${IMAGE_PLACEHOLDER}` });
}

function containerSkeleton(ctx: FixContext): Record<string, YamlValue> {
  const taken = new Set((podModelOf(ctx.doc)?.containers ?? []).map((c) => c.name).filter((n): n is string => !!n));
  return { name: taken.has('app') ? freeName('app', taken) : 'app', image: IMAGE_PLACEHOLDER };
}

function placeholderFix(title: string, edit: Edit | undefined): Fix[] {
  if (!edit) return [];
  const offset = edit.newText.lastIndexOf(IMAGE_PLACEHOLDER);
  return [{ title, edits: [edit], preferred: true, select: { edit: 0, offset, length: IMAGE_PLACEHOLDER.length } }];
}

function nameFix(ctx: FixContext, container: YAMLMap<unknown, unknown>): Fix[] {
  const image = scalarString(valueOf(container, 'image'));
  const taken = new Set((podModelOf(ctx.doc)?.containers ?? []).map((c) => c.name).filter((n): n is string => !!n));
  const base = nameFromImage(image ?? '') ?? 'app';
  const name = taken.has(base) ? freeName(base, taken) : base;
  const edit = insertPair(ctx.text, container, 'name', name, ctx.style, true);
  return edit ? [{ title: `Add ${code(`name: ${name}`)}`, edits: [edit], preferred: true }] : [];
}

/**
 * A container name from an image reference: its last path segment without tag or digest, made a DNS-1123 label
 * (`nginx:1.27` → `nginx`, `registry.io/team/api:v2` → `api`, `My_App` → `my-app`).
 */
export function nameFromImage(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const last = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  const repository = colon === -1 ? last : last.slice(0, colon);
  const label = trimTrailing(trimBoth(repository.toLowerCase().replace(/[^a-z0-9-]+/g, '-'), '-').slice(0, 63), '-');
  return label || undefined;
}

/** An apps/v1 workload's selector, matching the labels its template already has. */
function selectorFix(ctx: FixContext, spec: YAMLMap<unknown, unknown>, specPath: readonly PathSegment[]): Fix[] {
  const labels = nodeAtPath(ctx.doc.root, [...specPath, 'template', 'metadata', 'labels']);
  const matchLabels = labelsOf(ctx.text, labels);
  if (!matchLabels) return [];
  const template = pairOf(spec, 'template');
  const value = { matchLabels };
  const edit = template ? insertPairBefore(ctx.text, spec, template, 'selector', value, ctx.style) : insertPair(ctx.text, spec, 'selector', value, ctx.style);
  return edit ? [{ title: `Add ${code('selector')} matching the template's labels`, edits: [edit], preferred: true }] : [];
}

/**
 * The labels of a mapping as written (keys and values keep their quoting), or undefined when there are none. Labels
 * that come through an alias are written from their values in their quoting style: their range is the alias's.
 */
export function labelsOf(text: string, labels: unknown): Record<string, string> | undefined {
  if (!isMap(labels) || labels.items.length === 0) return undefined;
  const out: Record<string, string> = {};
  const literal = (node: Scalar) => (isCopied(node) ? scalarLiteral(String(node.value), node) : text.slice(node.range![0], node.range![1]));
  for (const pair of labels.items) {
    const key = pair.key;
    const value = pair.value;
    if (!isScalar(key) || !isScalar(value) || !key.range || !value.range || keyName(pair) === undefined) return undefined;
    out[literal(key)] = literal(value);
  }
  return out;
}
