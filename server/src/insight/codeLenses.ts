import type { CodeLens } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../document/manifestDocument';
import { nodeAtPath, pairOf } from '../document/yamlTree';
import { effectiveResources, type EffectiveResource } from '../pod/effectiveResources';
import { podModelOf } from '../pod/podModel';
import { highestPodSecurityLevel } from '../pod/podSecurity';
import { shortQuantity } from '../pod/quantity';
import { SHOW_DIAGRAM_COMMAND } from '../../../shared/protocol';
import type { ParsedSource } from '../core/featureRequest';
import type { PodsmithSettings } from '../core/settings';


/**
 * A code lens above each PodSpec: what the whole Pod asks of its node (the effective requests and limits, as the
 * scheduler adds them up) and the highest Pod Security Standard it meets; clicking it opens the Pod diagram.
 */
export function codeLenses(source: ParsedSource, settings: PodsmithSettings): CodeLens[] {
  const { textDocument, file } = source;
  if (file.tooLarge) return [];
  const lenses: CodeLens[] = [];
  for (const doc of file.documents) {
    // Kept with the document's text: lenses are asked for after every edit, and reading each Pod again would build
    // the trees the budget dropped (document/treeBudget.ts).
    const lens = keepPodLens(doc, settings);
    if (!lens) continue;
    const position = textDocument.positionAt(doc.offset + lens.at);
    lenses.push({
      range: { start: position, end: position },
      command: {
        title: lens.title,
        command: SHOW_DIAGRAM_COMMAND,
        arguments: [textDocument.uri, position],
      },
    });
  }
  return lenses;
}

/** The lens of a document, kept with its text per Kubernetes version (see codeLenses). */
export function keepPodLens(doc: ManifestDocument, settings: PodsmithSettings): { at: number; title: string } | undefined {
  return doc.kept(`code-lens:${settings.kubernetesVersion}`, () => podLens(doc, settings));
}

/** The lens of a document's PodSpec: where its key is (relative to the document) and what it says. */
function podLens(doc: ManifestDocument, settings: PodsmithSettings): { at: number; title: string } | undefined {
  const pod = podModelOf(doc);
  if (!pod?.podSpec) return undefined;
  const path = pod.podSpecPath;
  const parent = path.length > 1 ? nodeAtPath(doc.root, path.slice(0, -1)) : doc.root;
  const key = pairOf(parent, String(path[path.length - 1]))?.key as { range?: [number, number, number] } | undefined;
  if (!key?.range) return undefined;
  const effective = effectiveResources(pod);
  const level = highestPodSecurityLevel(pod, { doc, version: settings.kubernetesVersion });
  const parts = [
    `requests ${resourceText(effective.requests) ?? 'none'}`,
    `limits ${resourceText(effective.limits) ?? 'none'}`,
    `Pod Security: ${level}`,
  ];
  return { at: key.range[0], title: `Pod: ${parts.join(' · ')}` };
}

/** `250m CPU, memory 128 MiB` for cpu and memory (the two every Pod is scheduled by), or undefined for none. */
function resourceText(list: ReadonlyMap<string, EffectiveResource>): string | undefined {
  const parts: string[] = [];
  for (const name of ['cpu', 'memory']) {
    const r = list.get(name);
    if (!r) continue;
    parts.push(r.value === undefined ? `${name} unbounded` : name === 'cpu' ? shortQuantity(name, r.value) : `${name} ${shortQuantity(name, r.value)}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}
