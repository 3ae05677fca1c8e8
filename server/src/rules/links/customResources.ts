import { checkCustomResource } from '../../schema/customResources/resourceCheck';
import { retainCompiled } from '../../schema/customResources/compile';
import { CUSTOM_RESOURCE_RULES } from '../../schema/customResources/rules';
import { customResourceDefinitions, customResourceFor, CRD_KIND, type WorkspaceIndex } from '../../workspace/customResources';
import type { LinkCheck } from './linkCheck';

/**
 * A custom resource checked against the schema of its CRD, found in the workspace index (its own file, the
 * workspace, podsmith.crds). A kind no CRD defines stays silent: it may be served by an operator Podsmith knows
 * nothing of.
 */
export const customResourceCheck: LinkCheck = {
  name: 'customResources',
  rules: CUSTOM_RESOURCE_RULES,
  run(ctx) {
    const { apiVersion, kind } = ctx.doc.identity;
    if (!apiVersion || !kind || kind === CRD_KIND) return;
    const type = customResourceFor(ctx.index, apiVersion, kind);
    if (!type) return;
    pruneCompiled(ctx.index);
    checkCustomResource(ctx, type);
  },
};

/**
 * When a long-lived index (the server's) moves, the compiled schemas no CRD of it has any more are dropped. A new
 * index (the CLI makes one per file) prunes nothing: the cache serves them all.
 */
const PRUNED_AT = new WeakMap<WorkspaceIndex, number>();
function pruneCompiled(index: WorkspaceIndex): void {
  const last = PRUNED_AT.get(index);
  PRUNED_AT.set(index, index.generation);
  if (last === undefined || last === index.generation) return;
  retainCompiled(new Set(customResourceDefinitions(index).flatMap((crd) => crd.definition.versions.map((v) => v.schemaKey ?? ''))));
}
