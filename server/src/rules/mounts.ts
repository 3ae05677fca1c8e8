import { isScalar } from 'yaml';
import { mapItems, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf, type ContainerModel, type VolumeModel } from '../pod/podModel';
import { podSecurityOf } from '../pod/securityContext';
import { hasBackstep } from './pathFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, keySpan, sentence, spanOf, type Span } from './support';

/**
 * How a container mounts what it mounts, as the API server checks it beyond names and paths (volumes.ts): mount
 * propagation, recursive read-only mounts, image volumes, and raw block devices (volumeDevices).
 */

export const mountOptionsRule: RuleDescriptor = {
  id: 'mount-options',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Bidirectional mount propagation needs a privileged container; a recursive read-only mount needs readOnly: true and no propagation; an image volume is mounted whole. The API server rejects others.',
  example: 'volumeMounts:\n  - name: data\n    mountPath: /data\n    recursiveReadOnly: Enabled',
  fix: 'Make the container privileged (or use HostToContainer), set readOnly: true for recursiveReadOnly, and mount an image volume without subPath.',
};

export const volumeDeviceRule: RuleDescriptor = {
  id: 'volume-device',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A raw block device comes from a persistent volume claim (or an ephemeral volume), once per name and device path, and a volume is either mounted or used as a device in a container, not both; the API server rejects others.',
  example: 'volumeDevices:\n  - name: cache\n    devicePath: /dev/xvdb\nvolumes:\n  - name: cache\n    emptyDir: {}',
  fix: 'Use a volume backed by a PersistentVolumeClaim with volumeMode: Block, and either mount it or attach it as a device.',
};

const RECURSIVE_READ_ONLY = ['Disabled', 'IfPossible', 'Enabled'];

export const mountsCheck: Check = {
  name: 'mounts',
  rules: [mountOptionsRule, volumeDeviceRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    // Looked up once per Pod, so each mount and device costs a map lookup, not a scan of the Pod.
    const volumes = new Map(pod.volumes.filter((v) => v.name !== undefined).map((v) => [v.name!, v]));
    const privileged = new Set(podSecurityOf(pod).containers.filter((s) => s.own.get('privileged')?.value === true).map((s) => s.container));
    for (const c of pod.containers) {
      checkMounts(ctx, c, volumes, privileged.has(c));
      checkDevices(ctx, c, volumes);
    }
  },
};

/**
 * The API server names the container's volumeMounts list (not the mount) when it rejects a propagation or a
 * recursive read-only setting, so these findings go on the `volumeMounts` key and relate the mount's field.
 */
function onList(c: ContainerModel, span: Span): Span & { related: { start: number; end: number; message: string }[] } {
  return { ...(keySpan(c.node, 'volumeMounts') ?? span), related: [{ ...span, message: 'the mount\'s field' }] };
}

function checkMounts(ctx: CheckContext, c: ContainerModel, volumes: ReadonlyMap<string, VolumeModel>, privileged: boolean): void {
  for (const mount of c.mounts) {
    const propagation = scalarString(valueOf(mount.node, 'mountPropagation'));
    if (propagation === 'Bidirectional' && !privileged) {
      ctx.report(mountOptionsRule, {
        message: sentence(`${containerLabel(c)} mounts \`${mount.name ?? 'a volume'}\` with Bidirectional propagation, which lets the container's mounts reach the node; the API server allows it only in a privileged container. Set securityContext.privileged: true, or use HostToContainer.`),
        ...onList(c, spanOf(valueOf(mount.node, 'mountPropagation'))!),
      });
    }
    const rroNode = valueOf(mount.node, 'recursiveReadOnly');
    const rro = scalarString(rroNode);
    if (rro !== undefined && rro !== '' && rro !== 'Disabled') {
      const span = spanOf(rroNode)!;
      if (!RECURSIVE_READ_ONLY.includes(rro)) {
        ctx.report(mountOptionsRule, { message: `recursiveReadOnly \`${rro}\` is not one of ${RECURSIVE_READ_ONLY.join(', ')}; the API server rejects it.`, ...onList(c, span) });
      } else {
        if (!mount.readOnly) {
          ctx.report(mountOptionsRule, { message: `recursiveReadOnly: ${rro} makes a read-only mount read-only all the way down, so it needs readOnly: true on the mount; the API server rejects it without.`, ...onList(c, span) });
        }
        if (propagation !== undefined && propagation !== 'None') {
          ctx.report(mountOptionsRule, { message: `recursiveReadOnly: ${rro} cannot be combined with mountPropagation ${propagation}: new mounts that propagate could not be made read-only. The API server rejects it; remove one of them.`, ...onList(c, span) });
        }
      }
    }
    const volume = mount.name !== undefined ? volumes.get(mount.name) : undefined;
    if (volume?.sources.includes('image')) {
      for (const key of ['subPath', 'subPathExpr']) {
        const node = valueOf(mount.node, key);
        const value = scalarString(node);
        if (!value) continue;
        ctx.report(mountOptionsRule, { message: `${key} cannot be used with image volume \`${volume.name}\`: an image volume is mounted whole, so the API server rejects it.`, ...spanOf(node)! });
      }
    }
  }
}

function checkDevices(ctx: CheckContext, c: ContainerModel, volumes: ReadonlyMap<string, VolumeModel>): void {
  const mountNames = new Map<string, Span | undefined>();
  const mountPaths = new Set<string>();
  for (const mount of c.mounts) {
    if (mount.name !== undefined) mountNames.set(mount.name, spanOf(valueOf(mount.node, 'name')));
    if (mount.mountPath !== undefined) mountPaths.add(mount.mountPath);
  }
  const devices = [...mapItems(valueOf(c.node, 'volumeDevices'))].map(([device]) => device);
  if (devices.length === 0) return;
  const deviceNames = new Set(devices.map((d) => scalarString(valueOf(d, 'name'))));
  const allDevicePaths = new Set(devices.map((d) => scalarString(valueOf(d, 'devicePath'))));
  // A mount of a device's volume, or at a device's path, is reported on the mount too, as the API server does.
  for (const mount of c.mounts) {
    const nameNode = valueOf(mount.node, 'name');
    if (mount.name !== undefined && deviceNames.has(mount.name) && isScalar(nameNode)) {
      ctx.report(volumeDeviceRule, { message: sentence(`${containerLabel(c)} mounts volume \`${mount.name}\`, which it also attaches as a device; the API server rejects it.`), ...spanOf(nameNode)! });
    }
    const node = valueOf(mount.node, 'mountPath');
    if (mount.mountPath !== undefined && allDevicePaths.has(mount.mountPath) && isScalar(node)) {
      ctx.report(volumeDeviceRule, { message: `Mount path \`${mount.mountPath}\` is also a device path of ${containerLabel(c)}; the API server rejects it.`, ...spanOf(node)! });
    }
  }
  const names = new Set<string>();
  const paths = new Set<string>();
  const devicePaths = new Map<string, Span | undefined>();
  for (const device of devices) {
    const nameNode = valueOf(device, 'name');
    const name = scalarString(nameNode);
    const nameSpan = spanOf(nameNode);
    const pathNode = valueOf(device, 'devicePath');
    const path = scalarString(pathNode);
    const pathSpan = spanOf(pathNode);
    if (name !== undefined && name !== '' && nameSpan) {
      if (names.has(name)) {
        ctx.report(volumeDeviceRule, { message: sentence(`${containerLabel(c)} attaches volume \`${name}\` as a device twice; the API server rejects the repeat.`), ...nameSpan });
      }
      names.add(name);
      const volume = volumes.get(name);
      if (volume && volume.sources.length > 0 && !volume.sources.includes('persistentVolumeClaim') && !volume.sources.includes('ephemeral')) {
        ctx.report(volumeDeviceRule, {
          message: `Volume \`${name}\` is a ${volume.sources[0]} volume; only a persistentVolumeClaim (or an ephemeral volume) can be attached as a raw block device, so the API server rejects it. Mount it with volumeMounts instead.`,
          ...nameSpan,
        });
      }
      if (mountNames.has(name)) {
        ctx.report(volumeDeviceRule, {
          message: sentence(`${containerLabel(c)} both mounts volume \`${name}\` and attaches it as a device; a volume is one or the other in a container, so the API server rejects it.`),
          ...nameSpan,
          related: mountNames.get(name) ? [{ ...mountNames.get(name)!, message: 'the mount' }] : undefined,
        });
      }
    }
    if (path !== undefined && path !== '' && pathSpan) {
      if (paths.has(path)) {
        ctx.report(volumeDeviceRule, { message: `Device path \`${path}\` is used twice in ${containerLabel(c)}; the API server rejects the repeat.`, ...pathSpan, related: devicePaths.get(path) ? [{ ...devicePaths.get(path)!, message: 'first used here' }] : undefined });
      } else if (hasBackstep(path)) {
        ctx.report(volumeDeviceRule, { message: `Device path \`${path}\` contains a '..' step; the API server rejects it.`, ...pathSpan });
      } else {
        paths.add(path);
        devicePaths.set(path, pathSpan);
      }
      if (mountPaths.has(path)) {
        ctx.report(volumeDeviceRule, { message: sentence(`${containerLabel(c)} also mounts a volume at \`${path}\`; a path is a mount or a device, so the API server rejects it.`), ...pathSpan });
      }
    }
  }

}
