import { volumeControls } from '../../pod/podSecurity/volumes';
import { controlRule, podSecurityCheck } from './support';

/** Pod Security Standard controls on volumes: hostPath (baseline) and the volume types restricted allows. */
export const hostPathRule = controlRule(
  'pss-host-path',
  'With podsmith.podSecurityStandard set: a hostPath volume mounts the node\'s own files, which baseline forbids.',
  'volumes:\n  - name: logs\n    hostPath:\n      path: /var/log',
  'Use an emptyDir, configMap, secret or persistentVolumeClaim.',
);
export const volumeTypesRule = controlRule(
  'pss-volume-types',
  'With podsmith.podSecurityStandard restricted: only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes are allowed.',
  'volumes:\n  - name: data\n    nfs:\n      server: nas\n      path: /export',
  'Reach the storage through a persistentVolumeClaim or a CSI driver.',
);

export const podSecurityVolumesCheck = podSecurityCheck('pod-security-volumes', volumeControls, [hostPathRule, volumeTypesRule]);
