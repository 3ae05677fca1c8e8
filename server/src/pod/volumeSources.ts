/**
 * Every volume source key of a VolumeSource (emptyDir, configMap, persistentVolumeClaim...). A volume has exactly
 * one. Keys outside this list are unknown fields (the schema check reports them), so readers that count or judge a
 * volume's sources (the volume rules, the Pod Security Standards' volume types) look only at these.
 */
export const VOLUME_SOURCES: ReadonlySet<string> = new Set([
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'configMap', 'csi', 'downwardAPI', 'emptyDir',
  'ephemeral', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo', 'glusterfs', 'hostPath', 'image', 'iscsi',
  'nfs', 'persistentVolumeClaim', 'photonPersistentDisk', 'portworxVolume', 'projected', 'quobyte', 'rbd', 'scaleIO',
  'secret', 'storageos', 'vsphereVolume',
]);

/**
 * The order in which the API server looks at a volume's sources: when a volume has several, it rejects every one
 * after the first in this order, wherever each is written.
 */
export const VOLUME_SOURCE_ORDER: readonly string[] = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];
