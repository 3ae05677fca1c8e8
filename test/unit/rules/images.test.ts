import assert from 'node:assert/strict';
import { imageTag } from '../../../server/src/pod/imageReference';
import { lines, ruleTable } from './support';

const pod = (image: string) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', `      image: ${image}`);

describe('rules: images', () => {
  ruleTable('image-tag', 2, [
    { title: 'no tag', manifest: pod('«nginx»'), says: /has no tag, so it means :latest/ },
    { title: ':latest behind a registry with a port', manifest: pod('«registry.local:5000/team/app:latest»'), says: /uses :latest/ },
    { title: 'silent: a version tag behind a registry port', manifest: pod('registry.local:5000/team/app:1.4.2') },
    { title: 'silent: a digest', manifest: pod('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { title: 'silent: a placeholder filled in later', manifest: pod('$IMAGE_URL') },
    { title: "silent: Istio's `auto`, set by its injector", manifest: pod('auto') },
  ]);

  const withPolicy = (image: string, policy: string) => pod(image) + `      imagePullPolicy: ${policy}\n`;
  ruleTable('image-pull-policy', 3, [
    { title: 'a tagged image defaults to IfNotPresent: on the image', manifest: pod('«nginx:1.27.2»'), says: /imagePullPolicy defaults to IfNotPresent for a tagged image/ },
    { title: 'IfNotPresent written', manifest: withPolicy('nginx:1.27.2', '«IfNotPresent»') },
    { title: 'a moving tag with IfNotPresent: a warning', manifest: withPolicy('nginx:latest', '«IfNotPresent»'), severity: 2, says: /replicas run different code/ },
    { title: 'silent: Always', manifest: withPolicy('nginx:1.27.2', 'Always') },
    { title: 'silent: no tag defaults to Always', manifest: pod('nginx') },
    { title: 'silent: a digest runs the same code anywhere', manifest: withPolicy('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent') },
  ]);

  it('reads the tag after the last slash only', () => {
    assert.deepEqual(imageTag('localhost:5000/app'), { tag: undefined, digest: undefined });
    assert.deepEqual(imageTag('localhost:5000/app:v2@sha256:ab'), { tag: 'v2', digest: 'sha256:ab' });
  });
});
