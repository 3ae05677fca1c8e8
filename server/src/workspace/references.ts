import { isScalar, isSeq, type Node } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { isTrue, mapItems, nodeAtPath, scalarPlace, valueOf, type ScalarPlace } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';

/**
 * The names a document uses to point at other objects: a Pod's ConfigMaps, Secrets, claims, service account and
 * pull secrets (with the keys it reads from them), a Service's or PodDisruptionBudget's selector, an Ingress
 * backend's Service and port, an autoscaler's target. Read once per document text; the link checks and navigation
 * look each one up in the workspace index.
 */
export type ReferenceKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount' | 'Service';

export interface ObjectReference {
  readonly kind: ReferenceKind;
  readonly name: string;
  readonly nameNode: ScalarPlace;
  /** The key read from a ConfigMap or Secret, when one is named. */
  readonly key?: { readonly name: string; readonly node: ScalarPlace };
  /** Marked optional in the manifest: the Pod starts without it. */
  readonly optional: boolean;
  /** Where, in words: "env FOO of container `web`". */
  readonly where: string;
}

export function referencesOf(doc: ManifestDocument): readonly ObjectReference[] {
  return doc.kept('workspace:references', () => collect(doc));
}

function collect(doc: ManifestDocument): ObjectReference[] {
  const out: ObjectReference[] = [];
  const add = (kind: ReferenceKind, nameNode: Node | undefined, where: string, source?: Node, keyNode?: Node) => {
    const name = scalarPlace(nameNode);
    if (!name || typeof name.value !== 'string' || name.value === '') return;
    const keyPlace = scalarPlace(keyNode);
    const key = keyPlace && typeof keyPlace.value === 'string' ? { name: keyPlace.value, node: keyPlace } : undefined;
    out.push({ kind, name: name.value, nameNode: name, key, optional: isTrue(valueOf(source, 'optional')), where });
  };
  const pod = podModelOf(doc);
  if (pod?.podSpec) {
    const spec = pod.podSpec;
    for (const container of pod.containers) {
      const label = `container \`${container.name ?? container.index}\``;
      for (const [env] of mapItems(valueOf(container.node, 'env'))) {
        const name = valueOf(env, 'name');
        const where = `env ${isScalar(name) ? String(name.value) : ''} of ${label}`;
        const from = valueOf(env, 'valueFrom');
        const cm = valueOf(from, 'configMapKeyRef');
        add('ConfigMap', valueOf(cm, 'name'), where, cm, valueOf(cm, 'key'));
        const secret = valueOf(from, 'secretKeyRef');
        add('Secret', valueOf(secret, 'name'), where, secret, valueOf(secret, 'key'));
      }
      for (const [source] of mapItems(valueOf(container.node, 'envFrom'))) {
        const cm = valueOf(source, 'configMapRef');
        add('ConfigMap', valueOf(cm, 'name'), `envFrom of ${label}`, cm);
        const secret = valueOf(source, 'secretRef');
        add('Secret', valueOf(secret, 'name'), `envFrom of ${label}`, secret);
      }
    }
    for (const volume of pod.volumes) {
      const where = `volume \`${volume.name ?? volume.index}\``;
      const cm = valueOf(volume.node, 'configMap');
      addWithItems(add, 'ConfigMap', valueOf(cm, 'name'), where, cm);
      const secret = valueOf(volume.node, 'secret');
      addWithItems(add, 'Secret', valueOf(secret, 'secretName'), where, secret);
      const claim = valueOf(volume.node, 'persistentVolumeClaim');
      add('PersistentVolumeClaim', valueOf(claim, 'claimName'), where);
      for (const [projection] of mapItems(nodeAtPath(volume.node, ['projected', 'sources']))) {
        const pcm = valueOf(projection, 'configMap');
        addWithItems(add, 'ConfigMap', valueOf(pcm, 'name'), where, pcm);
        const psecret = valueOf(projection, 'secret');
        addWithItems(add, 'Secret', valueOf(psecret, 'name'), where, psecret);
      }
    }
    add('ServiceAccount', valueOf(spec, 'serviceAccountName'), 'serviceAccountName');
    for (const [pull] of mapItems(valueOf(spec, 'imagePullSecrets'))) add('Secret', valueOf(pull, 'name'), 'imagePullSecrets');
  }
  if (doc.identity.kind === 'Ingress') {
    const spec = valueOf(doc.root, 'spec');
    add('Service', nodeAtPath(spec, ['defaultBackend', 'service', 'name']), 'defaultBackend');
    for (const [rule] of mapItems(valueOf(spec, 'rules'))) {
      for (const [path] of mapItems(nodeAtPath(rule, ['http', 'paths']))) add('Service', nodeAtPath(path, ['backend', 'service', 'name']), 'an Ingress path');
    }
  }
  return out;
}

/** A ConfigMap or Secret source (volume or projection) and, one reference each, the keys its `items` name. */
function addWithItems(add: (kind: ReferenceKind, nameNode: Node | undefined, where: string, source?: Node, keyNode?: Node) => void, kind: ReferenceKind, nameNode: Node | undefined, where: string, source: Node | undefined): void {
  const items = valueOf(source, 'items');
  if (!isSeq(items) || items.items.length === 0) {
    add(kind, nameNode, where, source);
    return;
  }
  for (const [item] of mapItems(items)) add(kind, nameNode, where, source, valueOf(item, 'key'));
}
