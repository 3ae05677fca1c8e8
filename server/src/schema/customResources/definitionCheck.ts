import { isMap, isScalar, type Node } from 'yaml';
import type { Check } from '../../core/rule';
import { CRD_SCHEMA_LIMITS, customResourceDefinitionOf } from '../../workspace/customResources';
import { compiledSchema } from './compile';
import { crdInvalidSchemaRule, crdSchemaNotCheckedRule, CRD_RULES } from './rules';
import { STRUCTURAL_LIMITS } from './structuralSchema';

/**
 * A CRD's own schemas: each version's openAPIV3Schema compiled (through the cache its resources use), and one finding
 * per version that cannot be used, on the keyword at fault (a `$ref`, a schema past the bounds), never an exception.
 * Patterns JavaScript cannot test safely are named once per version, as information.
 */
export const customResourceDefinitionCheck: Check = {
  name: 'customResourceDefinitions',
  rules: CRD_RULES,
  appliesTo: 'kubernetes',
  run(ctx) {
    const definition = customResourceDefinitionOf(ctx.doc);
    if (!definition) return;
    for (const version of definition.versions) {
      const at = version.schemaNode ?? version.node;
      if (version.tooLarge) {
        const bound = version.tooLarge === 'nodes' ? `${CRD_SCHEMA_LIMITS.maxNodes.toLocaleString('en-US')} YAML nodes` : `${CRD_SCHEMA_LIMITS.maxDepth} levels of nesting`;
        report(ctx, crdSchemaNotCheckedRule, keyOf(at, version.node), `The schema of version ${version.name} is larger than Podsmith reads (more than ${bound}): resources of this version are not checked against it offline.`);
        continue;
      }
      if (!version.schema || !version.schemaKey) continue;
      const compiled = compiledSchema(version.schemaKey, version.schema);
      if (compiled.problem) {
        const tooBig = compiled.problem.bound === true;
        const node = nodeAtSchemaPath(version.schemaNode, compiled.problem.path) ?? at;
        const message = tooBig
          ? `The schema of version ${version.name} is beyond what Podsmith compiles: ${compiled.problem.message} (${STRUCTURAL_LIMITS.maxSchemas.toLocaleString('en-US')} schemas, ${STRUCTURAL_LIMITS.maxDepth} levels). Resources of this version are not checked against it offline.`
          : `The schema of version ${version.name} cannot be used: ${compiled.problem.message}. The API server refuses such a CRD, and Podsmith does not check its resources.`;
        report(ctx, tooBig ? crdSchemaNotCheckedRule : crdInvalidSchemaRule, keyOf(node, version.node), message);
        continue;
      }
      if (compiled.uncheckedPatterns.length) {
        const list = compiled.uncheckedPatterns.slice(0, 3).map((p) => `\`${p.pattern}\` (${p.reason === 'syntax' ? 'not JavaScript syntax' : 'may backtrack exponentially'})`);
        report(ctx, crdSchemaNotCheckedRule, keyOf(at, version.node), `Podsmith does not test ${compiled.uncheckedPatterns.length === 1 ? 'a pattern' : `${compiled.uncheckedPatterns.length} patterns`} of version ${version.name} offline: ${list.join(', ')}${compiled.uncheckedPatterns.length > 3 ? ', ...' : ''}. The API server still does.`);
      }
    }
  },
};

/** The node the schema path leads to (keys from openAPIV3Schema), or the deepest one found on the way. */
function nodeAtSchemaPath(schemaNode: Node | undefined, path: readonly string[]): Node | undefined {
  let node: Node | undefined = schemaNode;
  let keyNode: Node | undefined;
  for (const step of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step);
    if (!pair) break;
    keyNode = pair.key as Node;
    const value = pair.value as Node | undefined;
    if (!value || !(value as Node).range) break;
    node = value;
  }
  return keyNode ?? schemaNode;
}

/** A scalar (a key) as is; a mapping is named by the key of its version entry's `name` instead of its whole block. */
function keyOf(node: Node, versionNode: Node): Node {
  if (isScalar(node)) return node;
  if (isMap(versionNode)) {
    const name = versionNode.items.find((p) => isScalar(p.key) && p.key.value === 'name');
    if (name && isScalar(name.value)) return name.value;
  }
  return node;
}

function report(ctx: Parameters<Check['run']>[0], rule: typeof crdInvalidSchemaRule, node: Node, message: string): void {
  const [start, end] = node.range!;
  ctx.report(rule, { start, end, message });
}
