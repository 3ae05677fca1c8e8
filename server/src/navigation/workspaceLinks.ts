import type { Location } from 'vscode-languageserver-types';
import type { FeatureRequest } from '../core/featureRequest';
import { objectOf } from '../workspace/objects';
import { rangeIn } from '../workspace/positions';
import { referencesOf, type ObjectReference } from '../workspace/references';
import type { IndexedObject, WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * Definition and references across the files of the workspace: from a name a Pod uses (a ConfigMap, Secret, claim,
 * service account) to the object that declares it, from a key it reads to that key in the object, and from an
 * object's name back to every reference to it.
 */
export function workspaceDefinition(req: FeatureRequest, index: WorkspaceIndex): Location[] {
  const at = referenceAt(req);
  if (!at) return [];
  const namespace = objectOf(req.doc)?.namespace;
  const targets = index.find(at.ref.kind, at.ref.name, namespace);
  if (at.onKey && at.ref.key) {
    const keys = targets.flatMap((t) => {
      const node = t.object.keys.get(at.ref.key!.name);
      return node?.range ? [locationOf(t, node.range[0], node.range[1])] : [];
    });
    if (keys.length) return keys;
  }
  return targets.flatMap((t) => (t.object.nameNode?.range ? [locationOf(t, t.object.nameNode.range[0], t.object.nameNode.range[1])] : []));
}

/** On an object's own name: every reference to it in the workspace (and the name itself when asked). */
export function workspaceReferences(req: FeatureRequest, index: WorkspaceIndex, includeDeclaration: boolean): Location[] {
  const object = objectOf(req.doc);
  const nameRange = object?.nameNode?.range;
  if (!object?.name || !nameRange || req.offset < nameRange[0] || req.offset > nameRange[1]) return [];
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: req.source.textDocument.uri, range: req.rangeOf(nameRange[0], nameRange[1]) });
  for (const kind of ['Pod', 'PodTemplate', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Ingress']) {
    for (const referrer of index.objectsOfKind(kind)) {
      for (const ref of referencesOf(referrer.doc)) {
        if (ref.kind !== object.kind || ref.name !== object.name) continue;
        const [start, end] = ref.nameNode.range!;
        out.push(locationOf(referrer, start, end));
      }
    }
  }
  return out;
}

function referenceAt(req: FeatureRequest): { ref: ObjectReference; onKey: boolean } | undefined {
  for (const ref of referencesOf(req.doc)) {
    const name = ref.nameNode.range!;
    if (req.offset >= name[0] && req.offset <= name[1]) return { ref, onKey: false };
    const key = ref.key?.node.range;
    if (key && req.offset >= key[0] && req.offset <= key[1]) return { ref, onKey: true };
  }
  return undefined;
}

function locationOf(target: IndexedObject, start: number, end: number): Location {
  return { uri: target.uri, range: rangeIn(target.file, target.doc, start, end) };
}
