import assert from 'node:assert/strict';
import { diagnosticsOf, settingsWith, summarize, yaml } from '../support/service';

/**
 * A securityContext field at the wrong level gets the same teaching message as any misplaced field (the schema
 * walk's), with the reason in Pod-model terms; a Pod Security Standard check does not pile on for the same field.
 */
describe('schema: securityContext fields at the wrong level, in a Pod', () => {
  const text = yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  securityContext:',
    '    privileged: true',
    '    readOnlyRootFilesystem: true',
    '    runAsUser: 1000',
    '  containers:',
    '    - name: web',
    '      image: app:1',
    '      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}',
    '      securityContext:',
    '        fsGroup: 2000',
    '        sysctls: [{name: net.core.somaxconn, value: "1"}]',
  );

  it('each is reported once, on its key, naming the level it belongs to and why', () => {
    assert.deepEqual(
      summarize(diagnosticsOf(text, settingsWith({ podSecurityStandard: 'baseline' }))),
      [
        ['misplaced-field', '5:4-5:14', "`privileged` belongs to a container's securityContext (spec.containers[].securityContext.privileged): privileged mode is granted to one container at a time, so it is set in that container's securityContext."],
        ['misplaced-field', '6:4-6:26', "`readOnlyRootFilesystem` belongs to a container's securityContext (spec.containers[].securityContext.readOnlyRootFilesystem): each container has its own root filesystem from its image, so this is set in each container's securityContext."],
        ['misplaced-field', '13:8-13:15', "`fsGroup` belongs to the Pod's securityContext (spec.securityContext.fsGroup): volumes belong to the Pod, so the group that owns them is set once in the Pod's securityContext."],
        ['misplaced-field', '14:8-14:15', "`sysctls` belongs to the Pod's securityContext (spec.securityContext.sysctls): kernel parameters act on namespaces all containers share, so sysctls are set in the Pod's securityContext."],
      ],
    );
  });
});
