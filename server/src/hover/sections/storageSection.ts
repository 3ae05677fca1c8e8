import { nodeAtPath, scalarString } from '../../document/yamlTree';
import { mountsOf, volumeNamed, type ContainerModel, type MountModel, type PodModel, type VolumeModel } from '../../pod/podModel';
import { bullets, code, containerName } from '../markdown';
import type { HoverSection } from '../section';

/**
 * Volumes belong to the Pod, mounts to containers. On a volume: its source and which containers mount it, where
 * and how; on a mount: the volume behind it and who else shares it.
 */
export const storageSection: HoverSection = {
  id: 'storage',
  render(ctx) {
    const { pod, container, inContainer, inPodSpec } = ctx;
    if (!pod) return undefined;
    if (!container && inPodSpec?.[0] === 'volumes') {
      if (typeof inPodSpec[1] !== 'number') return volumesText(pod);
      const volume = pod.volumes.find((v) => v.index === inPodSpec[1]);
      return volume ? volumeText(pod, volume) : undefined;
    }
    if (container && inContainer?.[0] === 'volumeMounts') {
      if (typeof inContainer[1] !== 'number') return containerMountsText(pod, container);
      const mount = container.mounts.find((m) => m.index === inContainer[1]);
      return mount ? mountText(pod, container, mount) : undefined;
    }
    return undefined;
  },
};

function volumeText(pod: PodModel, volume: VolumeModel): string {
  const name = volume.name ?? `volumes[${volume.index}]`;
  const lines = [`Pod volume ${code(name)}: ${sourceText(volume)}. Declared once for the Pod; each container that needs it mounts it with its own volumeMounts.`];
  const mounts = volume.name ? mountsOf(pod, volume.name) : [];
  if (mounts.length) {
    lines.push(`Mounted by:\n${bullets(mounts.map(({ container, mount }) => mountLine(container, mount)))}`);
    if (mounts.length > 1) lines.push('These containers see the same files: what one writes, the others read.');
  } else {
    lines.push(`No container mounts ${code(name)}: add a volumeMounts entry with \`name: ${name}\` to the containers that need it.`);
  }
  if (volume.sources[0] === 'emptyDir') lines.push('An emptyDir starts empty when the Pod starts and is deleted with the Pod; it survives container restarts.');
  return lines.join('\n\n');
}

function volumesText(pod: PodModel): string {
  if (!pod.volumes.length) return 'This Pod declares no volumes yet.';
  const lines = pod.volumes.map((v) => {
    const users = v.name ? mountsOf(pod, v.name).map(({ container }) => code(containerName(container))) : [];
    return `${code(v.name ?? `#${v.index}`)} (${sourceText(v)}) → ${users.length ? [...new Set(users)].join(', ') : 'mounted by no container'}`;
  });
  return `Volumes of this Pod and the containers that mount them:\n${bullets(lines)}`;
}

function mountText(pod: PodModel, c: ContainerModel, mount: MountModel): string | undefined {
  if (!mount.name) return undefined;
  const volume = volumeNamed(pod, mount.name);
  if (!volume) {
    return `Container ${code(containerName(c))} mounts ${code(mount.name)}, but the Pod declares no volume of that name in spec.volumes: the Pod will be rejected. Volumes are declared once for the Pod, then mounted here.`;
  }
  const where = mount.mountPath ? ` at ${code(mount.mountPath)}${mount.subPath ? ` (only its ${code(mount.subPath)})` : ''}` : '';
  const lines = [`Mounts the Pod's volume ${code(mount.name)} (${sourceText(volume)})${where}, ${mount.readOnly ? 'read-only' : 'read-write'}.`];
  const others = mountsOf(pod, mount.name).filter((m) => m.container !== c);
  if (others.length) lines.push(`Shared with:\n${bullets(others.map(({ container, mount: m }) => mountLine(container, m)))}`);
  return lines.join('\n\n');
}

function containerMountsText(pod: PodModel, c: ContainerModel): string {
  if (!c.mounts.length) return `Container ${code(containerName(c))} mounts no volume yet.`;
  const lines = c.mounts.map((m) => {
    const volume = m.name ? volumeNamed(pod, m.name) : undefined;
    return `${code(m.name ?? '?')} at ${code(m.mountPath ?? '?')}${m.readOnly ? ' (read-only)' : ''}: ${volume ? sourceText(volume) : 'no such volume in the Pod'}`;
  });
  return `What container ${code(containerName(c))} sees of the Pod's volumes:\n${bullets(lines)}`;
}

function mountLine(c: ContainerModel, m: MountModel): string {
  return `${code(containerName(c))} at ${code(m.mountPath ?? '?')}${m.subPath ? ` (subPath ${code(m.subPath)})` : ''}, ${m.readOnly ? 'read-only' : 'read-write'}`;
}

/** Where a volume's files come from, in a few words: `configMap app-config`, `emptyDir in memory`. */
export function sourceText(volume: VolumeModel): string {
  const kind = volume.sources[0];
  if (!kind) return 'no source written';
  const at = (...path: string[]) => scalarString(nodeAtPath(volume.node, [kind, ...path]));
  const detail: Record<string, string | undefined> = {
    configMap: at('name'),
    secret: at('secretName'),
    persistentVolumeClaim: at('claimName'),
    hostPath: at('path'),
    nfs: at('server') ? `${at('server')}:${at('path') ?? ''}` : undefined,
    csi: at('driver'),
    emptyDir: at('medium') === 'Memory' ? 'in memory' : undefined,
    image: at('reference'),
  };
  const extra = detail[kind];
  if (kind === 'emptyDir') return extra ? `emptyDir ${extra}` : 'emptyDir';
  return `${kind}${extra ? ` ${code(extra)}` : ''}`;
}
