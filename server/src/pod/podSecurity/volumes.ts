import { pairOf, spanOf } from '../../document/yamlTree';
import { VOLUME_SOURCES } from '../volumeSources';
import { policyAtLeast, type ControlGroup, type Violation } from './standard';

/**
 * Controls on the Pod's volumes: a hostPath volume mounts the node's own files (baseline), and restricted allows
 * only the volume types that carry the Pod's own data or go through a PersistentVolume (claims, CSI, ephemeral).
 */
const RESTRICTED_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/** The volume types restricted allows at a policy version: image volumes too from 1.33, when they became beta. */
export function restrictedVolumeTypes(version: string): Set<string> {
  return new Set(policyAtLeast(version, '1.33') ? [...RESTRICTED_TYPES, 'image'] : RESTRICTED_TYPES);
}

export const volumeControls: ControlGroup = (input) => {
  const out: Violation[] = [];
  const allowed = restrictedVolumeTypes(input.version);
  for (const volume of input.pod.volumes) {
    const name = volume.name ? `volume \`${volume.name}\`` : `volume #${volume.index + 1}`;
    for (const source of volume.sources) {
      const span = spanOf(pairOf(volume.node, source)?.key);
      if (!span) continue;
      if (source === 'hostPath') {
        out.push({
          ruleId: 'pss-host-path',
          control: 'HostPath Volumes',
          level: 'baseline',
          ...span,
          problem: `${name} is a hostPath: it mounts a directory of the node itself into the Pod.`,
          fix: 'Use an emptyDir, a configMap or secret, or a persistentVolumeClaim instead.',
        });
      } else if (!allowed.has(source) && VOLUME_SOURCES.has(source)) {
        out.push({
          ruleId: 'pss-volume-types',
          control: 'Volume Types',
          level: 'restricted',
          ...span,
          problem: `${name} uses the ${source} volume type directly; restricted allows only ${[...allowed].join(', ')}.`,
          fix: `Reach the storage through a persistentVolumeClaim (a PersistentVolume of type ${source} made by an administrator), or a CSI driver.`,
        });
      }
    }
  }
  return out;
};

