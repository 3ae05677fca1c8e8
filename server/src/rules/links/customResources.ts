import { checkCustomResource } from '../../schema/customResources/resourceCheck';
import { retainCompiled } from '../../schema/customResources/compile';
import { CUSTOM_RESOURCE_RULES, crVersionNotServedRule } from '../../schema/customResources/rules';
import { valueOf } from '../../document/yamlTree';
import { customResourceDefinitionFor, customResourceDefinitions, customResourceFor, CRD_KIND, splitApiVersion, type WorkspaceIndex } from '../../workspace/customResources';
import type { LinkCheck, LinkContext } from './linkCheck';

/**
 * A custom resource checked against the schema of its CRD, found in the workspace index (its own file, the
 * workspace, podsmith.crds). A kind no CRD defines stays silent: it may be served by an operator Podsmith knows
 * nothing of. A kind a CRD defines, at a version it does not serve, is an error on the apiVersion.
 */
export const customResourceCheck: LinkCheck = {
  name: 'customResources',
  rules: CUSTOM_RESOURCE_RULES,
  run(ctx) {
    const { apiVersion, kind } = ctx.doc.identity;
    if (!apiVersion || !kind || kind === CRD_KIND) return;
    const type = customResourceFor(ctx.index, apiVersion, kind);
    if (!type) return versionNotServed(ctx, apiVersion, kind);
    pruneCompiled(ctx.index);
    checkCustomResource(ctx, type);
  },
};

/** A CRD of the group and kind, but not of that version (or not served): the API server has no such resource. */
function versionNotServed(ctx: LinkContext, apiVersion: string, kind: string): void {
  const { group, version } = splitApiVersion(apiVersion);
  if (!group || !version) return;
  const crd = customResourceDefinitionFor(ctx.index, group, kind);
  // Most documents (every built-in kind) end here: only then is the tree read, which may have been dropped.
  if (!crd) return;
  const node = valueOf(ctx.doc.root, 'apiVersion');
  if (!node?.range) return;
  const served = crd.definition.versions.filter((v) => v.served).map((v) => `${group}/${v.name}`);
  const defined = crd.definition.versions.some((v) => v.name === version);
  const which = served.length ? `it serves ${served.join(', ')}` : 'it serves no version';
  ctx.report(crVersionNotServedRule, {
    start: node.range[0],
    end: node.range[1],
    message: `The ${kind} CRD (${crd.definition.name ?? group}) ${defined ? `defines ${version} with served: false` : `has no version ${version}`}: ${which}. The API server has no ${kind} at ${apiVersion}.`,
    data: { served },
  });
}

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
