import { pod, pssTable } from './support';

const app = ['  containers:', '    - name: web', '      image: app:1'];

/** hostPath volumes (baseline) and the volume types restricted allows. */
describe('rules: Pod Security Standard, volumes', () => {
  pssTable('pss-host-path', [
    {
      title: 'a hostPath volume, on its source key, at baseline',
      level: 'baseline',
      manifest: pod(...app, '  volumes:', '    - name: logs', '      «hostPath»: {path: /var/log}'),
      says: /^Pod Security Standard baseline, control "HostPath Volumes": Volume `logs` is a hostPath: it mounts a directory of the node itself/,
    },
    {
      title: 'at restricted it stays a baseline finding (reported once, not again as a volume type)',
      manifest: pod(...app, '  volumes:', '    - name: logs', '      «hostPath»: {path: /var/log}'),
      says: /baseline \(so also restricted\), control "HostPath Volumes"/,
    },
    { title: 'silent: emptyDir', level: 'baseline', manifest: pod(...app, '  volumes:', '    - name: cache', '      emptyDir: {}') },
  ]);

  pssTable('pss-volume-types', [
    {
      title: 'nfs, gitRepo and awsElasticBlockStore at restricted',
      manifest: pod(...app, '  volumes:', '    - name: a', '      «nfs»: {server: nas, path: /x}', '    - name: b', '      «gitRepo»: {repository: r}', '    - name: c', '      «awsElasticBlockStore»: {volumeID: v}'),
      says: /^Pod Security Standard restricted, control "Volume Types": Volume `[abc]` uses the \w+ volume type directly; restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret, image\./,
    },
    { title: 'silent at baseline', level: 'baseline', manifest: pod(...app, '  volumes:', '    - name: a', '      nfs: {server: nas, path: /x}') },
    {
      title: 'silent: every allowed type (image volumes from 1.33)',
      manifest: pod(
        ...app,
        '  volumes:',
        '    - {name: a, configMap: {name: c}}',
        '    - {name: b, csi: {driver: d}}',
        '    - {name: c, downwardAPI: {items: []}}',
        '    - {name: d, emptyDir: {}}',
        '    - {name: e, ephemeral: {volumeClaimTemplate: {spec: {}}}}',
        '    - {name: f, persistentVolumeClaim: {claimName: data}}',
        '    - {name: g, projected: {sources: []}}',
        '    - {name: h, secret: {secretName: s}}',
        '    - {name: i, image: {reference: "models:1"}}',
      ),
    },
    {
      title: 'an image volume when targeting 1.32, before restricted allowed it',
      version: '1.32',
      manifest: pod(...app, '  volumes:', '    - name: model', '      «image»: {reference: "models:1"}'),
      says: /uses the image volume type directly/,
    },
  ]);
});
