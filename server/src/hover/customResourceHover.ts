import type { Hover } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { locate, type Path } from '../document/yamlTree';
import type { CustomResourceView, FeatureRequest } from '../core/featureRequest';
import { crdBounds, crdCelRules, crdChild, crdEnum, crdProperties, crdRequired, crdSchemaAt, crdTypeLabel } from '../schema/crdSchema';
import { code, formatPath } from './markdown';

/** The longest description we show; a CRD's text can run to pages. */
const MAX_DESCRIPTION = 800;

/**
 * Hover on a field of a custom resource whose CRD the workspace has: what the CRD's schema says of it (type,
 * enum values, default, bounds, whether it is required), its description (the CRD's own words, from the user's
 * file), the CEL rules that guard it (listed, not evaluated offline), and which CRD says so, with a link to it.
 */
export function customResourceHover(req: FeatureRequest, view: CustomResourceView): Hover | null {
  const location = locate(req.doc.root, req.offset);
  if (!location || !isScalar(location.node) || !location.node.range) return null;
  const text = customResourceHoverText(view, location.path);
  if (!text) return null;
  const [start, end] = location.node.range;
  return { contents: { kind: 'markdown', value: text }, range: req.rangeOf(start, end) };
}

/** The hover's Markdown for the field at `path` of a resource of `view`'s CRD, or undefined outside its schema. */
export function customResourceHoverText(view: CustomResourceView, path: Path): string | undefined {
  if (path.length === 0) return undefined;
  const fieldAt = path;
  const schema = crdSchemaAt(view.schema, fieldAt);
  const source = `From the CRD ${code(view.crdName)}: [defined here](${view.definedAt.uri}#L${view.definedAt.line + 1})`;
  if (!schema) return unknownText(view, fieldAt, source);
  const parent = crdSchemaAt(view.schema, fieldAt.slice(0, -1));
  const name = fieldAt[fieldAt.length - 1];
  const header = [code(formatPath(fieldAt)), code(crdTypeLabel(schema))];
  if (typeof name === 'string' && parent && crdRequired(parent).includes(name)) header.push('required');
  const parts = [header.join(' · ')];
  const description = typeof schema.description === 'string' ? trimmed(schema.description) : undefined;
  if (description) parts.push(description);
  const facts: string[] = [];
  const values = crdEnum(schema);
  if (values.length) facts.push(`One of ${values.map((v) => code(String(v))).join(', ')}.`);
  if (schema.default !== undefined) facts.push(`Default: ${code(JSON.stringify(schema.default))}, filled in by the API server when left out.`);
  const bounds = crdBounds(schema);
  if (bounds.length) facts.push(`Bounds: ${bounds.join(', ')}.`);
  if (facts.length) parts.push(facts.join('\n\n'));
  const rules = crdCelRules(schema);
  if (rules.length) {
    const list = rules.map((r) => `- ${code(r.rule)}${r.message ? `: ${r.message}` : ''}`).join('\n');
    parts.push(`Validation rules (CEL), not checked offline: the API server evaluates them.\n\n${list}`);
  }
  parts.push(`---\n\n${source}`);
  return parts.join('\n\n');
}

/** A key the CRD's schema does not have where it is written (and not free-form there). */
function unknownText(view: CustomResourceView, path: Path, source: string): string | undefined {
  for (let i = 0; i < path.length; i++) {
    const parent = crdSchemaAt(view.schema, path.slice(0, i));
    const step = path[i];
    if (!parent || crdChild(parent, step)) continue;
    const properties = crdProperties(parent);
    if (typeof step !== 'string' || !properties || parent['x-kubernetes-preserve-unknown-fields'] === true) return undefined;
    const where = i > 0 ? ` (${code(formatPath(path.slice(0, i)))})` : '';
    return `${code(step)} is not a field of this object${where} in its CRD's schema: the API server rejects it (or drops it).\n\n---\n\n${source}`;
  }
  return undefined;
}

function trimmed(text: string): string {
  const out = text.trim();
  if (out.length <= MAX_DESCRIPTION) return out;
  const cut = out.lastIndexOf('. ', MAX_DESCRIPTION);
  return `${out.slice(0, cut > 200 ? cut + 1 : MAX_DESCRIPTION)} …`;
}
