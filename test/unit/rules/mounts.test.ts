/**
 * How containers mount volumes and attach devices, as the API server checks it (upstream: validateMountPropagation,
 * validateMountRecursiveReadOnly, ValidateVolumeMounts' image-volume and device rules, ValidateVolumeDevices;
 * tests TestValidateMountPropagation, TestValidateRecursiveReadOnly..., TestValidateVolumeDevices), and the image
 * whitespace check of validateContainerOnlyForPod.
 */
import { lines, ruleTable } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);
const web = (...container: string[]) => ['  containers:', '    - name: web', '      image: nginx:1.27', ...container.map((l) => `      ${l}`)];
const claim = ['  volumes:', '    - name: data', '      persistentVolumeClaim: {claimName: data}'];

describe('rules: mounts and devices', () => {
  ruleTable('mount-options', 1, [
    { title: 'Bidirectional in a container that is not privileged', manifest: pod(...web('«volumeMounts»:', '  - name: data', '    mountPath: /data', '    mountPropagation: Bidirectional'), ...claim), says: /only in a privileged container/ },
    { title: 'recursiveReadOnly without readOnly', manifest: pod(...web('«volumeMounts»:', '  - name: data', '    mountPath: /data', '    recursiveReadOnly: Enabled'), ...claim), says: /needs readOnly: true/ },
    { title: 'recursiveReadOnly with propagation', manifest: pod(...web('«volumeMounts»:', '  - name: data', '    mountPath: /data', '    readOnly: true', '    mountPropagation: HostToContainer', '    recursiveReadOnly: IfPossible'), ...claim), says: /cannot be combined with mountPropagation HostToContainer/ },
    { title: 'an unknown recursiveReadOnly', manifest: pod(...web('«volumeMounts»:', '  - name: data', '    mountPath: /data', '    readOnly: true', '    recursiveReadOnly: Always'), ...claim), says: /not one of Disabled, IfPossible, Enabled/ },
    { title: 'subPath into an image volume', manifest: pod(...web('volumeMounts:', '  - name: model', '    mountPath: /model', '    subPath: «weights»'), '  volumes:', '    - name: model', '      image: {reference: "registry.example.com/model:1"}'), says: /mounted whole/ },
    { title: 'silent: privileged Bidirectional, recursive read-only done right', manifest: pod(...web('securityContext: {privileged: true}', 'volumeMounts:', '  - {name: data, mountPath: /data, mountPropagation: Bidirectional}', '  - {name: data, mountPath: /ro, readOnly: true, recursiveReadOnly: Enabled, mountPropagation: None}'), ...claim) },
  ]);

  ruleTable('volume-device', 1, [
    { title: 'a device from an emptyDir', manifest: pod(...web('volumeDevices:', '  - name: «cache»', '    devicePath: /dev/xvdb'), '  volumes:', '    - name: cache', '      emptyDir: {}'), says: /only a persistentVolumeClaim/ },
    { title: 'the same device twice', manifest: pod(...web('volumeDevices:', '  - {name: data, devicePath: /dev/a}', '  - {name: «data», devicePath: «/dev/a»}'), ...claim), says: /twice|used twice/ },
    { title: 'a device path with ..', manifest: pod(...web('volumeDevices:', '  - {name: data, devicePath: «/dev/../a»}'), ...claim), says: /'\.\.' step/ },
    { title: 'a volume both mounted and a device', manifest: pod(...web('volumeMounts:', '  - {name: «data», mountPath: /data}', 'volumeDevices:', '  - {name: «data», devicePath: /dev/a}'), ...claim), says: /also attaches as a device|both mounts volume/ },
    { title: 'a path both a mount and a device', manifest: pod(...web('volumeMounts:', '  - {name: conf, mountPath: «/dev/a»}', 'volumeDevices:', '  - {name: data, devicePath: «/dev/a»}'), ...claim, '    - name: conf', '      configMap: {name: c}'), says: /device path|mounts a volume at/ },
    { title: 'silent: a claim as a raw device', manifest: pod(...web('volumeDevices:', '  - {name: data, devicePath: /dev/xvda}'), ...claim) },
  ]);

  ruleTable('image-whitespace', 1, [
    { title: 'an image with a leading space in a Pod', manifest: pod('  containers:', '    - name: web', '      image: «" nginx:1.27"»'), says: /whitespace/ },
    { title: 'silent: the same in a template', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers:', '        - name: web', '          image: " "') },
  ]);
});
