import { isMap, type Node } from 'yaml';
import { ManifestDocument } from '../document/manifestDocument';
import { isNode, nodeAtPath, scalarString, valueOf } from '../document/yamlTree';
import { effectiveResources, type EffectiveResource } from '../pod/effectiveResources';
import { podSecurityVerdict } from '../pod/podSecurity';
import { podModelOf, type ContainerModel, type PodModel, type ResourceList, type VolumeModel } from '../pod/podModel';
import { shortQuantity } from '../pod/quantity';
import { effectiveRestartPolicy } from '../pod/restartPolicies';
import { containerRoles, roleLabel } from '../pod/roles';
import type { Finding } from '../core/finding';
import type { FeatureRequest } from '../core/featureRequest';
import type {
  DiagramContainer,
  DiagramEdge,
  DiagramEffectiveResource,
  DiagramModel,
  DiagramProblem,
  DiagramRange,
  DiagramResource,
  DiagramSeverity,
  DiagramVolume,
} from '../../../shared/diagramTypes';
import { replicasSummary } from './ownerSummary';
import { placementSummary } from './placement';
import { placeFindings, type PlacedSpan } from './problemPlacement';
import { portClashes } from './portClashes';

/**
 * How much of a Pod the diagram draws. A person reads a few dozen boxes; 50,000 containers made a 55 MB answer
 * and a picture no one can read. Past a bound the first elements are drawn and the Pod says what was left out.
 */
export const DIAGRAM_LIMITS = { containers: 100, volumes: 100, mounts: 300, portsPerContainer: 20, problemsPerElement: 20 } as const;

/**
 * The Pod diagram of the document under the cursor: containers with their role, start order, ports and resources;
 * volumes and the mounts that join them; the Pod's effective resources; and each diagnostic on the element it is
 * about. Null when the cursor is not in a document that carries a Pod.
 */
export function diagramModel(req: FeatureRequest): DiagramModel | null {
  const { doc } = req;
  const pod = podModelOf(doc);
  if (!pod) return null;
  // An element is revealed at its own node (a name, a mountPath); without one, at the first key of its mapping,
  // so that the selection stays on one line instead of covering the whole block.
  const range = (node: Node | undefined, fallback: Node): DiagramRange => {
    const firstKey = isMap(fallback) ? fallback.items[0]?.key : undefined;
    const target = node?.range ? node : isNode(firstKey) && firstKey.range ? firstKey : fallback;
    const [start, end] = ManifestDocument.span(target);
    return req.rangeOf(start, end);
  };
  const root = doc.root!;
  const spans: PlacedSpan[] = [];
  const spanOf = (id: string, node: Node) => {
    if (node.range) spans.push({ id, start: node.range[0], end: node.range[1] });
  };

  const roles = containerRoles(pod);
  const clashes = portClashes(pod);
  const edges: DiagramEdge[] = [];
  const volumeIds = volumeIdsByName(pod);
  const undefinedVolumes = new Map<string, { id: string; firstMount: Node }>();
  const mountedNames = new Set<string>();

  const shownContainers = pod.containers.slice(0, DIAGRAM_LIMITS.containers);
  const shownVolumes = pod.volumes.slice(0, DIAGRAM_LIMITS.volumes);
  const shownVolumeIds = new Set(shownVolumes.map(volumeIdOf));
  let mountsLeftOut = 0;
  let portsLeftOut = 0;
  const containers = shownContainers.map((c): Omit<DiagramContainer, 'problems'> => {
    const id = `container:${c.list}:${c.index}`;
    spanOf(id, c.node);
    const role = roles.get(c) ?? { role: c.list === 'containers' ? 'app' : 'init' };
    const mounts: string[] = [];
    for (const mount of c.mounts) {
      if (!mount.name) continue;
      mountedNames.add(mount.name);
      let volume = volumeIds.get(mount.name);
      const undefinedFull = !volume && !undefinedVolumes.has(mount.name) && shownVolumes.length + undefinedVolumes.size >= DIAGRAM_LIMITS.volumes;
      if (edges.length >= DIAGRAM_LIMITS.mounts || (volume && !shownVolumeIds.has(volume)) || undefinedFull) {
        mountsLeftOut++;
        continue;
      }
      if (!volume) {
        const known = undefinedVolumes.get(mount.name);
        volume = known?.id ?? `volume:undefined:${mount.name}`;
        if (!known) undefinedVolumes.set(mount.name, { id: volume, firstMount: mount.node });
      }
      const edgeId = `mount:${c.list}:${c.index}:${mount.index}`;
      spanOf(edgeId, mount.node);
      mounts.push(edgeId);
      edges.push({
        id: edgeId,
        range: range(valueOf(mount.node, 'mountPath'), mount.node),
        problems: [],
        container: id,
        volume,
        mountPath: mount.mountPath,
        readOnly: mount.readOnly,
        subPath: mount.subPath,
      });
    }
    return {
      id,
      range: range(c.nameNode, c.node),
      name: c.name ?? `${c.list}[${c.index}]`,
      named: c.name !== undefined,
      list: c.list,
      role: role.role,
      roleLabel: roleLabel(role),
      roleReason: role.reason,
      step: role.step,
      image: c.image,
      ports: c.ports.slice(0, DIAGRAM_LIMITS.portsPerContainer).map((p) => ({
        containerPort: p.containerPort,
        name: p.name,
        protocol: p.protocol,
        hostPort: p.hostPort,
        clashWith: clashes.get(p),
        range: range(valueOf(p.node, 'containerPort'), p.node),
      })),
      resources: resourcesOf(c),
      mounts,
    };
  });
  for (const c of shownContainers) portsLeftOut += Math.max(0, c.ports.length - DIAGRAM_LIMITS.portsPerContainer);

  const volumes: Omit<DiagramVolume, 'problems'>[] = shownVolumes.map((v) => {
    const id = volumeIdOf(v);
    spanOf(id, v.node);
    const source = v.sources[0];
    return {
      id,
      range: range(v.nameNode, v.node),
      name: v.name ?? `volumes[${v.index}]`,
      source,
      sourceDetail: source ? sourceDetail(v, source) : undefined,
      defined: true,
      used: v.name !== undefined && mountedNames.has(v.name),
    };
  });
  for (const [name, { id, firstMount }] of undefinedVolumes) {
    volumes.push({ id, range: range(valueOf(firstMount, 'name'), firstMount), name, defined: false, used: true });
  }

  const findings = req.findingsOf(doc);
  const placed = placeFindings(findings, spans, 'pod');
  const problemsOf = (id: string): DiagramProblem[] =>
    (placed.get(id) ?? [])
      .slice(0, DIAGRAM_LIMITS.problemsPerElement)
      .map((f) => ({ severity: f.severity, message: f.message, ruleId: f.ruleId, range: req.rangeOf(f.start, f.end) }));
  const podRange = range(nodeAtPath(root, ['metadata', 'name']) ?? valueOf(root, 'kind'), root);
  const leftOut = leftOutNotice({
    containers: pod.containers.length - shownContainers.length,
    volumes: pod.volumes.length - shownVolumes.length,
    mounts: mountsLeftOut,
    ports: portsLeftOut,
    problems: [...placed.values()].reduce((n, list) => n + Math.max(0, list.length - DIAGRAM_LIMITS.problemsPerElement), 0),
  });

  return {
    schemaVersion: 1,
    uri: req.source.textDocument.uri,
    documentIndex: doc.index,
    pod: {
      id: 'pod',
      range: podRange,
      problems: leftOut ? [{ severity: 'information', message: leftOut, ruleId: 'diagram-bound', range: podRange }, ...problemsOf('pod')] : problemsOf('pod'),
      name: pod.name,
      kind: pod.workload.kind,
      replicas: replicasSummary(doc, pod.workload.kind),
      restartPolicy: effectiveRestartPolicy(pod),
      restartPolicyDefaulted: pod.restartPolicy === undefined,
      hostNetwork: pod.hostNetwork,
      placement: placementSummary(pod),
      podSecurity: podSecurityVerdict(pod, { doc, version: req.settings.kubernetesVersion }),
    },
    containers: containers.map((c) => ({ ...c, problems: problemsOf(c.id) })),
    volumes: volumes.map((v) => ({ ...v, problems: problemsOf(v.id) })),
    edges: edges.map((e) => ({ ...e, problems: problemsOf(e.id) })),
    effective: effectiveOf(pod),
    problemCounts: countBySeverity(findings),
  };
}

/** What the diagram left out past DIAGRAM_LIMITS, in words; undefined when it drew everything. */
function leftOutNotice(counts: Record<'containers' | 'volumes' | 'mounts' | 'ports' | 'problems', number>): string | undefined {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n.toLocaleString('en-US')} ${n === 1 ? what.slice(0, -1) : what}`);
  if (parts.length === 0) return undefined;
  return `This Pod is too large to draw whole: the diagram leaves out ${parts.join(', ')} (it draws at most ${DIAGRAM_LIMITS.containers} containers, ${DIAGRAM_LIMITS.volumes} volumes, ${DIAGRAM_LIMITS.mounts} mounts, ${DIAGRAM_LIMITS.portsPerContainer} ports per container and ${DIAGRAM_LIMITS.problemsPerElement} problems per element). Every one is still checked.`;
}

/** The first volume of each name gets the mounts; a duplicate name is a problem the rules report. */
function volumeIdsByName(pod: PodModel): Map<string, string> {
  const ids = new Map<string, string>();
  for (const v of pod.volumes) if (v.name !== undefined && !ids.has(v.name)) ids.set(v.name, volumeIdOf(v));
  return ids;
}

function volumeIdOf(v: VolumeModel): string {
  return `volume:${v.index}`;
}

/** Where a volume's data comes from, for the sources that name another object. */
const SOURCE_NAME_KEYS: Record<string, string> = {
  configMap: 'name',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
  hostPath: 'path',
  nfs: 'path',
  image: 'reference',
};

function sourceDetail(v: VolumeModel, source: string): string | undefined {
  const key = SOURCE_NAME_KEYS[source];
  if (key) return scalarString(valueOf(valueOf(v.node, source), key));
  if (source === 'emptyDir' && scalarString(valueOf(valueOf(v.node, 'emptyDir'), 'medium')) === 'Memory') return 'in memory';
  return undefined;
}

function resourcesOf(c: ContainerModel): DiagramResource[] {
  const names = [...new Set([...c.requests.nodes.keys(), ...c.limits.nodes.keys()])];
  const written = (list: ResourceList, name: string) => scalarString(list.nodes.get(name));
  return names.map((resource) => ({ resource, request: written(c.requests, resource), limit: written(c.limits, resource) }));
}

function effectiveOf(pod: PodModel): DiagramModel['effective'] {
  const { requests, limits } = effectiveResources(pod);
  const list = (map: ReadonlyMap<string, EffectiveResource>): DiagramEffectiveResource[] =>
    [...map].map(([resource, e]) => ({
      resource,
      amount: e.value === undefined ? 'unbounded' : shortQuantity(resource, e.value),
      from: e.value === undefined ? unboundedFrom(e) : e.from,
    }));
  return { requests: list(requests), limits: list(limits) };
}

/** Which containers leave an effective limit open (all of them); when the figure is one container's, its label says it. */
function unboundedFrom(e: EffectiveResource): string {
  const open = e.unboundedBy ?? [];
  if (open.length === 1 && e.containers.length === 1) return `${e.from} sets no limit`;
  if (!open.length) return `${e.from}: a running container sets no limit`;
  const names = open.map((c) => c.name ?? `${c.list}[${c.index}]`);
  return `${e.from}: ${joinNames(names)} ${names.length > 1 ? 'set' : 'sets'} no limit`;
}

/** "a", "a and b", "a, b and c". */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function countBySeverity(findings: readonly Finding[]): Record<DiagramSeverity, number> {
  const counts: Record<DiagramSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
