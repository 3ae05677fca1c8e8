/**
 * The API server's rules for each volume source (upstream: validateVolumeSource and the validate*VolumeSource
 * functions, exercised by TestValidateVolumes, TestValidateProjectedVolume..., TestValidateDownwardAPI...). One
 * Pod per case: a container mounts volume `v`, whose source is the lines given.
 */
import { lines, ruleTable } from './support';

const withVolume = (...source: string[]) =>
  lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
    '      volumeMounts:', '        - name: v', '          mountPath: /v', '  volumes:', '    - name: v', ...source.map((l) => `      ${l}`));

describe('rules: volume sources (TestValidateVolumes)', () => {
  ruleTable('volume-source-field', 1, [
    { title: 'hostPath with a .. step', manifest: withVolume('hostPath:', '  path: «/var/../etc»'), says: /contains a '\.\.' step/ },
    { title: 'silent: hostPath with dots inside names', manifest: withVolume('hostPath:', '  path: /var/..data/x..y') },
    { title: 'gitRepo directory absolute', manifest: withVolume('gitRepo:', '  repository: https://example.com/r.git', '  directory: «/abs»'), says: /absolute/ },
    { title: 'gitRepo directory climbing out', manifest: withVolume('gitRepo:', '  repository: https://example.com/r.git', '  directory: «a/../..»'), says: /'\.\.' step/ },
    { title: 'silent: gitRepo directory "."', manifest: withVolume('gitRepo:', '  repository: https://example.com/r.git', '  directory: .') },
    { title: 'secret without secretName', manifest: withVolume('«secret»:', '  defaultMode: 0644'), says: /`secret` has no `secretName`/ },
    { title: 'secret with an empty secretName', manifest: withVolume('secret:', '  «secretName»: ""'), says: /`secretName` is empty/ },
    { title: 'configMap without a name', manifest: withVolume('«configMap»:', '  optional: true'), says: /`configMap` has no `name`/ },
    { title: 'silent: configMap and secret with names', manifest: withVolume('configMap:', '  name: app') },
    { title: 'nfs with a relative path', manifest: withVolume('nfs:', '  server: nfs.example.com', '  path: «exports»'), says: /relative.*`\/exports`/ },
    { title: 'silent: nfs with an absolute path', manifest: withVolume('nfs:', '  server: nfs.example.com', '  path: /exports') },
    { title: 'iscsi iqn without a known prefix', manifest: withVolume('iscsi:', '  targetPortal: 127.0.0.1', '  iqn: «foo.2015-02.example.com:test»', '  lun: 1'), says: /start with iqn, eui or naa/ },
    { title: 'iscsi iqn of a bad form', manifest: withVolume('iscsi:', '  targetPortal: 127.0.0.1', '  iqn: «iqn.2015-02.example.com»', '  lun: 1'), says: /iqn\.YYYY-MM/ },
    { title: 'iscsi eui of a bad form', manifest: withVolume('iscsi:', '  targetPortal: 127.0.0.1', '  iqn: «eui.12345»', '  lun: 1'), says: /16 letters or digits/ },
    { title: 'iscsi lun out of range', manifest: withVolume('iscsi:', '  targetPortal: 127.0.0.1', '  iqn: iqn.2015-02.example.com:test', '  lun: «256»'), says: /lun 256 is out of range/ },
    { title: 'iscsi CHAP without a secretRef (on the iscsi source)', manifest: withVolume('«iscsi»:', '  targetPortal: 127.0.0.1', '  iqn: iqn.2015-02.example.com:test', '  lun: 1', '  sessionCHAPAuth: true'), says: /sessionCHAPAuth but has no secretRef/ },
    { title: 'iscsi initiatorName of a bad form (on iscsi)', manifest: withVolume('«iscsi»:', '  targetPortal: 127.0.0.1', '  iqn: iqn.2015-02.example.com:test', '  lun: 1', '  initiatorName: "iqn.2015-02.example.com:"'), says: /initiatorName/ },
    {
      title: 'silent: valid iscsi with eui, naa and CHAP with a secret',
      manifest: withVolume('iscsi:', '  targetPortal: 127.0.0.1:3260', '  iqn: eui.0123456789ABCDEF', '  lun: 0', '  chapAuthSession: true', '  initiatorName: naa.0123456789abcdef0123456789abcdef', '  sessionCHAPAuth: true', '  secretRef:', '    name: chap'),
    },
    { title: 'flocker with neither name nor uuid', manifest: withVolume('«flocker»: {}'), says: /names no dataset/ },
    { title: 'flocker with both', manifest: withVolume('«flocker»:', '  datasetName: a', '  datasetUUID: b'), says: /twice/ },
    { title: 'flocker dataset name with a slash', manifest: withVolume('flocker:', '  datasetName: «a/b»'), says: /contains '\/'/ },
    { title: 'rbd with no monitors', manifest: withVolume('rbd:', '  «monitors»: []', '  image: foo'), says: /`monitors` is empty/ },
    { title: 'cephfs with no monitors', manifest: withVolume('cephfs:', '  «monitors»: []'), says: /`monitors` is empty/ },
    { title: 'cinder secretRef without a name', manifest: withVolume('cinder:', '  volumeID: abc', '  secretRef:', '    «name»: ""'), says: /names no Secret/ },
    { title: 'quobyte registry that is not host:port', manifest: withVolume('quobyte:', '  registry: «registry»', '  volume: v'), says: /host:port/ },
    { title: 'silent: quobyte registry of two pairs', manifest: withVolume('quobyte:', '  registry: a:7861,b:7861', '  volume: v') },
    { title: 'fc with no target', manifest: withVolume('«fc»:', '  lun: 1'), says: /names no disk/ },
    { title: 'fc with both targetWWNs and wwids', manifest: withVolume('fc:', '  «targetWWNs»: [some_wwn]', '  lun: 1', '  wwids: [some_wwid]'), says: /both targetWWNs and wwids/ },
    { title: 'fc targetWWNs without lun', manifest: withVolume('«fc»:', '  targetWWNs: [some_wwn]'), says: /no lun/ },
    { title: 'fc lun out of range', manifest: withVolume('fc:', '  targetWWNs: [some_wwn]', '  lun: «256»'), says: /out of range/ },
    { title: 'silent: fc by wwids', manifest: withVolume('fc:', '  wwids: [some_wwid]') },
    { title: 'flexVolume option in a reserved namespace', manifest: withVolume('flexVolume:', '  driver: example/lvm', '  options:', '    «kubernetes.io/secret»: x', '    «foo.k8s.io»: y', '    mine/opt: z'), says: /reserved/ },
    { title: 'azureDisk managed with a blob URL', manifest: withVolume('azureDisk:', '  diskName: d', '  diskURI: «https://a.blob.core.windows.net/c/d.vhd»', '  kind: Managed'), says: /resource ID/ },
    { title: 'azureDisk blob with a resource ID', manifest: withVolume('azureDisk:', '  diskName: d', '  diskURI: «/subscriptions/x/disks/d»', '  kind: Shared'), says: /URL/ },
    { title: 'storageos volumeName not a label', manifest: withVolume('storageos:', '  volumeName: «Vol_1»'), says: /not a DNS-1123 label/ },
    { title: 'scaleIO without volumeName', manifest: withVolume('«scaleIO»:', '  gateway: http://gw', '  system: s', '  secretRef:', '    name: s'), says: /has no `volumeName`/ },
    { title: 'csi driver with a bad name', manifest: withVolume('csi:', '  driver: «-foo-»'), says: /not a CSI driver name/ },
    { title: 'csi driver too long', manifest: withVolume('csi:', `  driver: «${'a'.repeat(64)}»`), says: /64 characters/ },
    { title: 'csi nodePublishSecretRef without a name', manifest: withVolume('csi:', '  driver: csi.example.com', '  «nodePublishSecretRef»: {}'), says: /names no Secret/ },
    { title: 'silent: csi with a capitalised driver name (compared in lower case)', manifest: withVolume('csi:', '  driver: CSI.Example.com') },
    { title: 'emptyDir with a negative size limit', manifest: withVolume('emptyDir:', '  sizeLimit: «-1Gi»'), says: /negative/ },
    { title: 'ephemeral without a claim template', manifest: withVolume('«ephemeral»: {}'), says: /no volumeClaimTemplate/ },
    {
      title: 'ephemeral claim template with a name',
      manifest: withVolume('ephemeral:', '  volumeClaimTemplate:', '    metadata:', '      «name»: data', '      labels: {a: b}', '    spec:', '      accessModes: [ReadWriteOnce]', '      resources:', '        requests: {storage: 1Gi}'),
      says: /metadata\.name cannot be set/,
    },
    { title: 'ephemeral claim without access modes', manifest: withVolume('ephemeral:', '  volumeClaimTemplate:', '    «spec»:', '      resources: {requests: {storage: 1Gi}}'), says: /no access mode/ },
    { title: 'ephemeral claim without a storage request (on resources)', manifest: withVolume('ephemeral:', '  volumeClaimTemplate:', '    spec:', '      accessModes: [ReadWriteOnce]', '      «resources»: {}'), says: /requests no storage/ },
    { title: 'ephemeral claim mixing ReadWriteOncePod', manifest: withVolume('ephemeral:', '  volumeClaimTemplate:', '    spec:', '      «accessModes»: [ReadWriteOncePod, ReadWriteOnce]', '      resources: {requests: {storage: 1Gi}}', '      storageClassName: «Fast_SSD»'), says: /ReadWriteOncePod|StorageClass name/ },
    { title: 'silent: a complete ephemeral claim', manifest: withVolume('ephemeral:', '  volumeClaimTemplate:', '    metadata: {labels: {app: web}}', '    spec:', '      accessModes: [ReadWriteOncePod]', '      storageClassName: fast-ssd', '      resources: {requests: {storage: 1Gi}}') },
    { title: 'an image volume of a Pod without a reference', manifest: withVolume('«image»:', '  pullPolicy: IfNotPresent'), says: /names no image/ },
    { title: 'gcePersistentDisk partition out of range', manifest: withVolume('gcePersistentDisk:', '  pdName: p', '  partition: «256»'), says: /partition/ },
  ]);

  ruleTable('volume-source-field', 1, [
    {
      title: 'a persistentVolumeClaim naming the claim the Pod\'s ephemeral volume creates',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      volumeMounts:', '        - {name: scratch, mountPath: /s}', '        - {name: claim, mountPath: /c}', '  volumes:',
        '    - name: scratch', '      ephemeral:', '        volumeClaimTemplate:', '          spec:', '            accessModes: [ReadWriteOnce]', '            resources: {requests: {storage: 1Gi}}', '    - name: claim', '      persistentVolumeClaim:', '        claimName: «web-scratch»'),
      says: /ephemeral volume `scratch` creates/,
    },
  ]);
});

describe('rules: volume items and modes (validateKeyToPath, validateDownwardAPIVolumeFile)', () => {
  ruleTable('volume-item-path', 1, [
    { title: 'configMap item with an absolute path', manifest: withVolume('configMap:', '  name: app', '  items:', '    - key: a', '      path: «/etc/a»'), says: /absolute/ },
    { title: 'secret item with a .. step', manifest: withVolume('secret:', '  secretName: s', '  items:', '    - key: a', '      path: «../a»'), says: /'\.\.' step/ },
    { title: 'secret item starting with ..', manifest: withVolume('secret:', '  secretName: s', '  items:', '    - key: a', '      path: «..a»'), says: /starts with '\.\.'/ },
    { title: 'downwardAPI item with a .. step (on downwardAPI, as the API server reports it)', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: a/../../b', '      fieldRef: {fieldPath: metadata.name}'), says: /'\.\.' step/ },
    { title: 'silent: nested item paths', manifest: withVolume('configMap:', '  name: app', '  items:', '    - key: a', '      path: conf/a..b') },
  ]);

  ruleTable('file-mode', 1, [
    { title: 'defaultMode in decimal over 0777', manifest: withVolume('configMap:', '  name: app', '  defaultMode: «777»'), says: /defaultMode 777 is not a file mode.*`0777`/ },
    { title: 'negative defaultMode', manifest: withVolume('secret:', '  secretName: s', '  defaultMode: «-1»'), says: /not a file mode/ },
    { title: 'item mode over 0777', manifest: withVolume('secret:', '  secretName: s', '  items:', '    - key: a', '      path: a', '      mode: «01000»'), says: /mode 01000/ },
    { title: 'downwardAPI defaultMode', manifest: withVolume('downwardAPI:', '  defaultMode: «1000»', '  items:', '    - path: n', '      fieldRef: {fieldPath: metadata.name}'), says: /defaultMode 1000/ },
    { title: 'downwardAPI item mode (on downwardAPI)', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: n', '      mode: 1000', '      fieldRef: {fieldPath: metadata.name}'), says: /mode 1000/ },
    { title: 'silent: 0644 is octal, as kubectl reads it', manifest: withVolume('configMap:', '  name: app', '  defaultMode: 0644') },
    { title: 'silent: 0777 and 511', manifest: withVolume('secret:', '  secretName: s', '  defaultMode: 0777', '  items:', '    - key: a', '      path: a', '      mode: 511') },
  ]);

  ruleTable('downward-api-field', 1, [
    { title: 'a file field env cannot take: spec.nodeName', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: node', '      fieldRef:', '        fieldPath: spec.nodeName'), says: /cannot be used in a downwardAPI volume file/ },
    { title: 'an unknown field', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: x', '      fieldRef:', '        fieldPath: metadata.foo'), says: /not a Pod field/ },
    { title: 'both fieldRef and resourceFieldRef (on the item)', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: x', '      fieldRef: {fieldPath: metadata.name}', '      resourceFieldRef: {containerName: web, resource: limits.cpu}'), says: /both fieldRef and resourceFieldRef/ },
    { title: 'neither', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: x'), says: /names no value/ },
    { title: 'resourceFieldRef without containerName', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: x', '      resourceFieldRef:', '        resource: limits.cpu'), says: /must name the container/ },
    { title: 'a resource the downward API does not expose', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: x', '      resourceFieldRef:', '        containerName: web', '        resource: limits.nvidia.com/gpu'), says: /not one the downward API exposes/ },
    { title: 'a cpu divisor of 2', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: x', '      resourceFieldRef:', '        containerName: web', '        resource: limits.cpu', '        divisor: 2'), says: /only 1m and 1 for cpu/ },
    { title: 'a label key that is not a qualified name (on fieldRef)', manifest: withVolume('«downwardAPI»:', '  items:', '    - path: x', '      fieldRef:', "        fieldPath: metadata.labels['a b']"), says: /not a valid label key/ },
    {
      title: 'silent: labels, annotations by key, hugepages, memory divisor 1Mi',
      manifest: withVolume('downwardAPI:', '  items:', '    - {path: labels, fieldRef: {fieldPath: metadata.labels}}', "    - {path: app, fieldRef: {fieldPath: \"metadata.annotations['Example.com/Build']\"}}",
        '    - {path: hp, resourceFieldRef: {containerName: web, resource: limits.hugepages-2Mi}}', '    - {path: mem, resourceFieldRef: {containerName: web, resource: limits.memory, divisor: 1Mi}}', '    - {path: cpu, resourceFieldRef: {containerName: web, resource: requests.cpu, divisor: 1000m}}'),
    },
  ]);
});

describe('rules: projected volumes (validateProjectionSources)', () => {
  ruleTable('projected-source', 1, [
    { title: 'one entry projecting a secret and a configMap', manifest: withVolume('projected:', '  sources:', '    - «secret»: {name: s}', '      configMap: {name: c}'), says: /projects secret and configMap/ },
    { title: 'a token valid for under 10 minutes', manifest: withVolume('projected:', '  sources:', '    - serviceAccountToken:', '        path: token', '        expirationSeconds: «599»'), says: /under 10 minutes/ },
    { title: 'a token valid for over 2^32 seconds', manifest: withVolume('projected:', '  sources:', '    - serviceAccountToken:', '        path: token', '        expirationSeconds: «4294967297»'), says: /over 2\^32/ },
    { title: 'a trust bundle by name and signer', manifest: withVolume('projected:', '  sources:', '    - «clusterTrustBundle»:', '        name: a', '        signerName: example.com/s', '        path: ca.pem'), says: /by name and by signerName/ },
    { title: 'a trust bundle by neither', manifest: withVolume('projected:', '  sources:', '    - «clusterTrustBundle»:', '        path: ca.pem'), says: /names no bundle/ },
    { title: 'a trust bundle by name with a selector', manifest: withVolume('projected:', '  sources:', '    - clusterTrustBundle:', '        name: a', '        «labelSelector»: {}', '        path: ca.pem'), says: /labelSelector means nothing/ },
    { title: 'silent: a token, a configMap and downward API files', manifest: withVolume('projected:', '  sources:', '    - serviceAccountToken: {path: token, expirationSeconds: 3600}', '    - configMap: {name: c}', '    - downwardAPI:', '        items: [{path: name, fieldRef: {fieldPath: metadata.name}}]') },
  ]);

  ruleTable('volume-item-path', 1, [
    {
      title: 'the same path from two sources (on the projected volume, as the API server reports it)',
      manifest: withVolume('«projected»:', '  sources:', '    - secret:', '        name: s', '        items: [{key: a, path: conf}]', '    - configMap:', '        name: c', '        items: [{key: b, path: conf}]'),
      says: /writes `conf` twice/,
    },
    { title: 'a token path outside the volume (on projected)', manifest: withVolume('«projected»:', '  sources:', '    - serviceAccountToken:', '        path: /token'), says: /absolute/ },
    { title: 'a projected downwardAPI file with a .. step (on its downwardAPI)', manifest: withVolume('projected:', '  sources:', '    - «downwardAPI»:', '        items: [{path: ../x, fieldRef: {fieldPath: metadata.name}}]'), says: /'\.\.' step/ },
  ]);

  ruleTable('volume-source-field', 1, [
    { title: 'a projected configMap without a name (on its key)', manifest: withVolume('projected:', '  sources:', '    - «configMap»:', '        items: [{key: a, path: a}]'), says: /`configMap` has no `name`/ },
  ]);
});

describe('rules: required values written as "" (the schema walk)', () => {
  ruleTable('missing-required', 1, [
    { title: 'hostPath.path ""', manifest: withVolume('hostPath:', '  «path»: ""'), says: /`path` is empty, but it is required/ },
    { title: 'nfs.server ""', manifest: withVolume('nfs:', "  «server»: ''", '  path: /x'), says: /`server` is empty/ },
    { title: 'persistentVolumeClaim.claimName ""', manifest: withVolume('persistentVolumeClaim:', '  «claimName»: ""'), says: /`claimName` is empty/ },
    { title: 'silent: an HTTP header may have an empty value', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      readinessProbe:', '        httpGet:', '          port: 80', '          httpHeaders:', '            - name: X-Empty', '              value: ""') },
  ]);
});
