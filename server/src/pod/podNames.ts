import { isScalar, type Node, type Scalar } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { mapItems, nodeAtPath, valueOf } from '../document/yamlTree';
import { podCarrierKey } from './podCarriers';
import { podModelOf, type ContainerModel, type PodModel } from './podModel';
import { LIFECYCLE_HOOKS, PROBE_FIELDS } from './probes';

/**
 * The names a Pod links by, as a graph: each place a name is defined (a volume, a container port's name, a
 * container) and each place that refers to it (a mount, a probe's named port, a resourceFieldRef). Navigation
 * (definition, references, highlights, rename) reads this graph; nothing else works out which scalar refers to
 * which.
 */

/** What a name names. Port names are scoped to their container; volume and container names to the Pod. */
export type NameKind = 'volume' | 'port' | 'container';

export interface NameSite {
  readonly kind: NameKind;
  readonly name: string;
  /** The scalar that holds the name (its range is what navigation points at and rename replaces). */
  readonly node: Scalar;
  readonly role: 'definition' | 'reference';
  /** For port names: the container whose ports the name is looked up in. */
  readonly scope?: ContainerModel;
  /** Where the site is, in words: "volumeMounts of container `web`". */
  readonly where: string;
}

export interface PodNames {
  readonly pod: PodModel;
  readonly sites: readonly NameSite[];
}

/** The name graph of a document's Pod, memoised with the document; undefined for a document with no Pod. */
export function podNamesOf(doc: ManifestDocument): PodNames | undefined {
  return doc.cached(`podNames${podCarrierKey(doc)}`, () => {
    const pod = podModelOf(doc);
    return pod ? { pod, sites: collectSites(doc, pod) } : undefined;
  });
}

/** The name site whose scalar holds `offset` (relative to the document), if any. */
export function nameSiteAt(names: PodNames, offset: number): NameSite | undefined {
  return names.sites.find((site) => {
    const range = site.node.range;
    return !!range && offset >= range[0] && offset <= range[1];
  });
}

/** Every site of the same name as `site`: its definitions and references, in document order. */
export function sitesOfName(names: PodNames, site: NameSite): NameSite[] {
  return names.sites
    .filter((other) => other.kind === site.kind && other.name === site.name && other.scope === site.scope)
    .sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
}

/** Containers in words, for `where`. */
function containerLabel(container: ContainerModel): string {
  return container.name ? `container \`${container.name}\`` : `${container.list}[${container.index}]`;
}

const PORT_HANDLERS = ['httpGet', 'tcpSocket'] as const;

function collectSites(doc: ManifestDocument, pod: PodModel): NameSite[] {
  const sites: NameSite[] = [];
  const add = (kind: NameKind, node: Node | undefined, role: NameSite['role'], where: string, scope?: ContainerModel) => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return;
    sites.push({ kind, name: node.value, node, role, where, scope });
  };

  for (const volume of pod.volumes) add('volume', volume.nameNode, 'definition', 'volumes');
  // A StatefulSet's claim templates are volumes too: each replica gets a claim of that name, mounted by name.
  const claimTemplates = pod.workload.kind === 'StatefulSet' ? nodeAtPath(doc.root, ['spec', 'volumeClaimTemplates']) : undefined;
  for (const [template] of mapItems(claimTemplates)) {
    add('volume', valueOf(valueOf(template, 'metadata'), 'name'), 'definition', 'volumeClaimTemplates');
  }

  for (const container of pod.containers) {
    const label = containerLabel(container);
    add('container', container.nameNode, 'definition', container.list);
    for (const mount of container.mounts) add('volume', valueOf(mount.node, 'name'), 'reference', `volumeMounts of ${label}`);
    for (const [device] of mapItems(valueOf(container.node, 'volumeDevices'))) {
      add('volume', valueOf(device, 'name'), 'reference', `volumeDevices of ${label}`);
    }
    for (const port of container.ports) add('port', valueOf(port.node, 'name'), 'definition', `ports of ${label}`, container);
    for (const probe of PROBE_FIELDS) {
      for (const handler of PORT_HANDLERS) {
        add('port', nodeAtPath(container.node, [probe, handler, 'port']), 'reference', `${probe} of ${label}`, container);
      }
    }
    for (const hook of LIFECYCLE_HOOKS) {
      for (const handler of PORT_HANDLERS) {
        add('port', nodeAtPath(container.node, ['lifecycle', hook, handler, 'port']), 'reference', `lifecycle.${hook} of ${label}`, container);
      }
    }
    for (const [env] of mapItems(valueOf(container.node, 'env'))) {
      const source = valueOf(env, 'valueFrom');
      add('volume', nodeAtPath(source, ['fileKeyRef', 'volumeName']), 'reference', `env of ${label}`);
      add('container', nodeAtPath(source, ['resourceFieldRef', 'containerName']), 'reference', `env of ${label}`);
    }
    if (container.list === 'ephemeralContainers') {
      add('container', valueOf(container.node, 'targetContainerName'), 'reference', label);
    }
  }

  // A downwardAPI volume (alone or projected) can expose a container's resources by its name.
  for (const volume of pod.volumes) {
    const where = `volume \`${volume.name ?? volume.index}\``;
    for (const [item] of mapItems(nodeAtPath(volume.node, ['downwardAPI', 'items']))) {
      add('container', nodeAtPath(item, ['resourceFieldRef', 'containerName']), 'reference', where);
    }
    for (const [source] of mapItems(nodeAtPath(volume.node, ['projected', 'sources']))) {
      for (const [item] of mapItems(nodeAtPath(source, ['downwardAPI', 'items']))) {
        add('container', nodeAtPath(item, ['resourceFieldRef', 'containerName']), 'reference', where);
      }
    }
  }
  return sites;
}

/** The name a site holds, for messages: "volume `data`". */
export function siteLabel(site: NameSite): string {
  const scope = site.scope ? ` of ${containerLabel(site.scope)}` : '';
  return `${site.kind} \`${site.name}\`${scope}`;
}

