import type { Path } from '../document/yamlTree';
import { childSchema, resolveDefinition, shortName, type ResolvedSchema } from '../schema/kubernetesSchema';
import { relativeToRoot, type SchemaRoot } from '../schema/schemaRoot';
import { KindLevels } from '../schema/levels';
import { shapeOfDefinition } from '../schema/shapes';
import { suggest } from '../schema/suggest';
import { fieldExistsIn, fieldRemovedIn } from '../versions/fieldVersions';
import { replacementOf } from '../versions/replacedFields';
import type { HoverContext } from './hoverContext';
import { code, formatPath } from './markdown';

/**
 * The hover on a key its mapping does not have (`replicas` inside a Pod template's spec, `volumes` in a container),
 * and on anything under such a key. Without it, the hover would borrow the enclosing field's description and scope
 * ("Pod-level", the PodSpec's text) and so seem to confirm the mistake the diagnostic reports. Instead it says
 * plainly that the key is not a field there and, when the field exists at another level of this kind, where.
 */
export function unknownFieldText(ctx: HoverContext, root: SchemaRoot | undefined): string | undefined {
  const inside = root && relativeToRoot(root, ctx.path);
  const unknown = inside && firstUnknownStep(root.definition, inside);
  if (!unknown) return undefined;
  const { owner } = unknown;
  const index = unknown.index + root.at.length;
  // A field a project adds to the PodSpec (Knative's containerConcurrency) is known to its CRD, not unknown.
  const extras = ctx.workload.customResource?.podSpecExtras;
  if (extras && index === ctx.workload.podSpecPath.length && ctx.inPodSpec && Object.hasOwn(extras, String(ctx.path[index]))) return undefined;
  // The securityContext section explains a field set at the wrong one of the two contexts in its own terms.
  if (SECURITY_CONTEXTS.has(shortName(owner))) return undefined;
  const name = String(ctx.path[index]);
  const parentPath = ctx.path.slice(0, index);
  const where = parentPath.length ? ` (${code(formatPath(parentPath, ctx.pod))})` : '';
  const versioned = versionedFieldText(ctx, owner, name, where);
  if (versioned) return versioned;
  const lines = [`${code(name)} is not a field of ${code(shortName(owner))}${where}: it has no effect here.`];
  const place = KindLevels.of(ctx.workload)?.misplacement(name, parentPath);
  const shape = place ? undefined : shapeOfDefinition(owner);
  const typo = shape && suggest(name, shape.fieldNames, shape.lowerCaseFields);
  // Where, not why: the misplaced-field diagnostic shown above this hover already gives the reason.
  if (place) lines.push(`It belongs to ${place.label}: ${code(place.displayPath)}.`);
  else if (typo) lines.push(`Did you mean ${code(typo)}?`);
  if (index < ctx.path.length - 1) lines.push(`This is inside ${code(name)}, so it has no effect either.`);
  return lines.join('\n\n');
}

/**
 * A field the schema (the newest version) lacks but another version has: a field of the target version that a
 * newer one removed (accepted, not checked), or one the target no longer has (with what replaced it).
 */
function versionedFieldText(ctx: HoverContext, owner: string, name: string, where: string): string | undefined {
  const target = ctx.req.settings.kubernetesVersion;
  const removedIn = fieldRemovedIn(owner, name);
  if (removedIn === undefined) return undefined;
  const replacement = replacementOf(owner, name);
  const instead = replacement ? ` Use ${replacement} instead.` : '';
  if (fieldExistsIn(owner, name, target)) {
    return `${code(name)} is a field of ${code(shortName(owner))}${where} in Kubernetes ${target} (your podsmith.kubernetesVersion); Kubernetes ${removedIn} removed it.${instead}`;
  }
  return `${code(name)} was a field of ${code(shortName(owner))}${where} until Kubernetes ${removedIn} removed it; your podsmith.kubernetesVersion is ${target}.${instead}`;
}

const SECURITY_CONTEXTS = new Set(['SecurityContext', 'PodSecurityContext']);

/**
 * The first step of `path` that names no field of an object with fixed fields: its index and the definition that
 * lacks it. Steps into free-form maps, lists and scalars are never unknown here (a wrong type is the schema
 * check's finding, not a missing field).
 */
function firstUnknownStep(rootDefinition: string, path: Path): { index: number; owner: string } | undefined {
  let current: ResolvedSchema | undefined = resolveDefinition(rootDefinition);
  for (let i = 0; i < path.length && current; i++) {
    const step = path[i];
    const next = childSchema(current, step);
    if (!next && typeof step === 'string' && current.definition && current.node.properties && !current.node.additionalProperties) {
      return { index: i, owner: current.definition };
    }
    current = next;
  }
  return undefined;
}
