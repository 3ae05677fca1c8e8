import { isScalar } from 'yaml';
import { mapItems, nodeAtPath, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf, type ContainerModel, type VolumeModel } from '../pod/podModel';
import { VOLUME_SOURCE_ORDER, VOLUME_SOURCES } from '../pod/volumeSources';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, hasPlaceholder, keySpan, sentence, spanOf } from './support';
import { trimTrailing } from '../document/linearText';

export const mountNotFoundRule: RuleDescriptor = {
  id: 'mount-not-found',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Volumes belong to the Pod and containers mount them by name; a mount of a name that spec.volumes does not define is rejected.',
  example: 'containers:\n  - name: web\n    volumeMounts:\n      - name: config\n        mountPath: /etc/app\nvolumes:\n  - name: cache\n    emptyDir: {}',
  fix: 'Define the volume under spec.volumes, or correct the mount\'s name to one that is defined.',
};

export const duplicateVolumeNameRule: RuleDescriptor = {
  id: 'duplicate-volume-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Mounts find a volume by its name, so names in spec.volumes must be unique; the API server rejects a repeat.',
  example: 'volumes:\n  - name: data\n    emptyDir: {}\n  - name: data\n    configMap:\n      name: app',
  fix: 'Rename one of the volumes and the mounts that mean it.',
};

export const volumeSourceRule: RuleDescriptor = {
  id: 'volume-source',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A volume has exactly one source (emptyDir, configMap, secret, persistentVolumeClaim...); none or two is rejected.',
  example: 'volumes:\n  - name: data\n    emptyDir: {}\n    configMap:\n      name: app',
  fix: 'Keep one source per volume; define a second volume for the other source.',
};

export const duplicateMountPathRule: RuleDescriptor = {
  id: 'duplicate-mount-path',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Two mounts at the same path of one container would hide each other; the API server rejects it.',
  example: 'volumeMounts:\n  - name: config\n    mountPath: /etc/app\n  - name: secrets\n    mountPath: /etc/app',
  fix: 'Mount each volume at its own path, or use subPath to place single files.',
};

export const invalidSubPathRule: RuleDescriptor = {
  id: 'invalid-subpath',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'subPath and subPathExpr are exclusive and must stay inside the volume: relative, without `..`; the API server rejects others.',
  example: 'volumeMounts:\n  - name: data\n    mountPath: /data\n    subPath: /var/data',
  fix: 'Write a path relative to the volume\'s root, e.g. `subPath: var/data`.',
};

export const unusedVolumeRule: RuleDescriptor = {
  id: 'unused-volume',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A volume no container mounts does nothing but cost setup time, and usually means a mount was forgotten or misnamed.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27\nvolumes:\n  - name: cache\n    emptyDir: {}',
  fix: 'Mount it in the container that needs it (volumeMounts), or remove it.',
};

/** Volumes (Pod-level) and mounts (container-level): that they meet, are unique, and stay inside their volume. */
export const volumesCheck: Check = {
  name: 'volumes',
  rules: [mountNotFoundRule, duplicateVolumeNameRule, volumeSourceRule, duplicateMountPathRule, invalidSubPathRule, unusedVolumeRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const byName = new Map<string, VolumeModel>();
    for (const volume of pod.volumes) {
      checkSources(ctx, volume);
      if (volume.name === undefined) continue;
      const first = byName.get(volume.name);
      const span = spanOf(volume.nameNode);
      if (first && span) {
        ctx.report(duplicateVolumeNameRule, {
          message: `Volume name \`${volume.name}\` is already defined. Mounts find a Pod's volume by name, so each name may appear once in spec.volumes; the API server rejects the Pod. Rename one of them.`,
          ...span,
          related: [{ ...spanOf(first.nameNode)!, message: `\`${volume.name}\` is first defined here` }],
        });
      } else if (!first) {
        byName.set(volume.name, volume);
      }
    }
    // A StatefulSet's volumeClaimTemplates are volumes too: each Pod gets a claim of that name, mounted by name.
    const claimNames = new Set<string>();
    if (pod.workload.kind === 'StatefulSet') {
      for (const [claim] of mapItems(nodeAtPath(ctx.doc.root, ['spec', 'volumeClaimTemplates']))) {
        const name = scalarString(nodeAtPath(claim, ['metadata', 'name']));
        if (name !== undefined) claimNames.add(name);
      }
    }
    const used = new Set<string>();
    for (const c of pod.containers) {
      for (const { name, nameNode, what } of references(c)) {
        used.add(name);
        const span = spanOf(nameNode);
        if (byName.has(name) || claimNames.has(name) || !span || hasPlaceholder(name)) continue;
        const known = [...byName.keys()];
        ctx.report(mountNotFoundRule, {
          message: sentence(`${containerLabel(c)} ${what} volume \`${name}\`, but spec.volumes defines no volume of that name${known.length ? ` (it defines ${known.map((n) => `\`${n}\``).join(', ')})` : ''}. Volumes belong to the Pod and containers mount them by name: define the volume under spec.volumes or correct the name.`),
          ...span,
          data: { volume: name },
        });
      }
      checkMounts(ctx, c);
    }
    for (const volume of pod.volumes) {
      const span = spanOf(volume.nameNode);
      if (volume.name === undefined || used.has(volume.name) || !span || byName.get(volume.name) !== volume) continue;
      ctx.report(unusedVolumeRule, {
        message: `Volume \`${volume.name}\` is defined but no container mounts it. A volume belongs to the Pod and is only visible to containers that list it under volumeMounts; mount it where it is needed or remove it.`,
        ...span,
        tags: ['unnecessary'],
      });
    }
  },
};

interface VolumeReference {
  readonly name: string;
  readonly nameNode: unknown;
  readonly what: string;
}

function* references(c: ContainerModel): Generator<VolumeReference> {
  for (const [mount] of mapItems(valueOf(c.node, 'volumeMounts'))) {
    const nameNode = valueOf(mount, 'name');
    const name = scalarString(nameNode);
    if (name !== undefined) yield { name, nameNode, what: 'mounts' };
  }
  for (const [device] of mapItems(valueOf(c.node, 'volumeDevices'))) {
    const nameNode = valueOf(device, 'name');
    const name = scalarString(nameNode);
    if (name !== undefined) yield { name, nameNode, what: 'uses the block device of' };
  }
}

function checkSources(ctx: CheckContext, volume: VolumeModel): void {
  // In the order the API server looks at them: it keeps the first and rejects each of the others where it is.
  const sources = volume.sources.filter((key) => VOLUME_SOURCES.has(key)).sort((a, b) => VOLUME_SOURCE_ORDER.indexOf(a) - VOLUME_SOURCE_ORDER.indexOf(b));
  const label = volume.name !== undefined ? `Volume \`${volume.name}\`` : `Volume #${volume.index + 1}`;
  if (sources.length > 1) {
    for (const extra of sources.slice(1)) {
      const span = keySpan(volume.node, extra);
      if (!span) continue;
      ctx.report(volumeSourceRule, {
        message: `${label} has ${sources.length} sources (${sources.join(', ')}); a volume has exactly one. The API server rejects \`${extra}\` beside \`${sources[0]}\`: keep one, and define another volume for the other source.`,
        ...span,
        related: [{ ...keySpan(volume.node, sources[0])!, message: `\`${sources[0]}\` is the source the API server keeps` }],
      });
    }
  } else if (volume.sources.length === 0) {
    const span = spanOf(volume.nameNode) ?? spanOf(volume.node);
    if (!span) return;
    ctx.report(volumeSourceRule, {
      message: `${label} has no source. Say where its files come from with exactly one of emptyDir, configMap, secret, persistentVolumeClaim, projected, hostPath...; the API server rejects a volume without one.`,
      ...span,
    });
  }
}

const PARENT_STEP = /(^|\/)\.\.(\/|$)/;

function checkMounts(ctx: CheckContext, c: ContainerModel): void {
  const paths = new Map<string, unknown>();
  for (const mount of c.mounts) {
    const pathNode = valueOf(mount.node, 'mountPath');
    if (mount.mountPath !== undefined && isScalar(pathNode)) {
      // The API server compares paths as written; a trailing slash is the same directory to the runtime too.
      const key = mount.mountPath.length > 1 ? trimTrailing(mount.mountPath, '/') : mount.mountPath;
      const first = paths.get(key);
      if (first) {
        ctx.report(duplicateMountPathRule, {
          message: sentence(`${containerLabel(c)} already mounts something at \`${mount.mountPath}\`. Two mounts at one path of a container would hide each other, so the API server rejects it: mount each volume at its own path (or use subPath to place single files).`),
          ...spanOf(pathNode)!,
          related: [{ ...spanOf(first)!, message: 'first mounted here' }],
        });
      } else {
        paths.set(key, pathNode);
      }
    }
    const subPath = pairOf(mount.node, 'subPath');
    const subPathExpr = pairOf(mount.node, 'subPathExpr');
    const subPathValue = scalarString(subPath?.value);
    const exprValue = scalarString(subPathExpr?.value);
    if (subPath && subPathExpr && subPathValue && exprValue) {
      ctx.report(invalidSubPathRule, {
        message: 'subPath and subPathExpr are mutually exclusive: a mount takes one part of its volume. Keep one of them (subPathExpr when the path uses $(VAR) references).',
        ...spanOf(subPathExpr.key)!,
        related: [{ ...spanOf(subPath.key)!, message: 'subPath is set here' }],
      });
    }
    for (const [pair, value] of [[subPath, subPathValue], [subPathExpr, exprValue]] as const) {
      if (!pair || value === undefined) continue;
      const span = spanOf(pair.value);
      if (!span) continue;
      const field = scalarString(pair.key) ?? 'subPath';
      // The API server names the container's volumeMounts list here, not the mount: the finding goes there.
      const at = { ...(keySpan(c.node, 'volumeMounts') ?? span), related: [{ ...span, message: `the ${field}` }] };
      if (value.startsWith('/')) {
        ctx.report(invalidSubPathRule, {
          message: `${field} \`${value}\` is absolute; it must be relative to the volume's root, because it selects a part of the volume to mount. Write \`${value.replace(/^\/+/, '')}\`.`,
          ...at,
        });
      } else if (PARENT_STEP.test(value)) {
        ctx.report(invalidSubPathRule, {
          message: `${field} \`${value}\` contains \`..\`; it must stay inside the volume, so the API server rejects a step up. Write a path below the volume's root.`,
          ...at,
        });
      }
    }
  }
}
