import type { Hover } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { pairOf } from '../document/yamlTree';
import { isKubernetesObject } from '../pod/workloadKinds';
import type { FeatureRequest } from '../core/featureRequest';
import { schemaRootOf } from '../schema/schemaRoot';
import { hoverContextOf, pathIs, podCarryingKindOf, startsWith } from './hoverContext';
import { code } from './markdown';
import type { HoverSection } from './section';
import { HOVER_SECTIONS } from './sections';
import { customResourceHover } from './customResourceHover';
import { unknownFieldText } from './unknownField';

/**
 * Hover for Pod manifests: what the key or value under the cursor is, where it belongs in the Pod model, and what
 * it does in this manifest. Each part comes from a section module (sections/index.ts); this function only finds
 * the node and joins the parts.
 */
export function hover(req: FeatureRequest, sections: readonly HoverSection[] = HOVER_SECTIONS): Hover | null {
  const workload = podCarryingKindOf(req.doc);
  if (!workload) return req.customResource ? customResourceHover(req, req.customResource) : otherKindHover(req);
  const ctx = hoverContextOf(req, workload);
  if (!ctx) return null;
  // A custom resource's own fields are its CRD's (explained from it when the workspace has it): only its Pod, and
  // the `kind` that sums it up, are ours to explain.
  const custom = workload.customResource;
  if (custom && !startsWith(ctx.path, custom.schemaPath) && !pathIs(ctx.path, 'kind')) {
    return req.customResource ? customResourceHover(req, req.customResource) : null;
  }
  const [start, end] = ctx.node.range!;
  // A key the schema does not have there gets only that said: the sections would describe the enclosing field.
  const unknown = unknownFieldText(ctx, schemaRootOf(req.doc.identity, workload));
  if (unknown) return { contents: { kind: 'markdown', value: unknown }, range: req.rangeOf(start, end) };
  const parts: string[] = [];
  for (const section of sections) {
    const text = section.render(ctx);
    if (text) parts.push(text);
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: req.rangeOf(start, end) };
}

/**
 * A Kubernetes object of a kind without a Pod (a Service, a ConfigMap): one line on its `kind`, so that a person
 * knows Podsmith saw it and why it says nothing more. Non-Kubernetes YAML gets nothing.
 */
function otherKindHover(req: FeatureRequest): Hover | null {
  const doc = req.doc;
  if (!isKubernetesObject(doc.identity)) return null;
  const hit = kindNodeAt(req);
  if (!hit) return null;
  return {
    contents: {
      kind: 'markdown',
      value: `${code(doc.identity.kind!)} carries no Pod: Podsmith explains Pods and the workloads with a Pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, PodTemplate).`,
    },
    range: req.rangeOf(hit[0], hit[1]),
  };
}

/** The range of the top-level `kind` key or value when the cursor is on it. */
function kindNodeAt(req: FeatureRequest): [number, number] | undefined {
  const pair = pairOf(req.doc.root, 'kind');
  for (const node of [pair?.key, pair?.value]) {
    const r = isScalar(node) ? node.range : undefined;
    if (r && req.offset >= r[0] && req.offset <= r[1]) return [r[0], r[1]];
  }
  return undefined;
}
