import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor } from './support/applyEdits';
import { LspServer } from './support/lspServer';

/**
 * Quick fixes through the bundled server, as an editor applies them: ask the actions of one published diagnostic,
 * apply the chosen action's edit, send the new text, and check the exact text, that the diagnostic is gone and
 * that no diagnostic appeared that was not there before.
 *
 * missing-resources (a hint on every container without resources) is off, so that a renamed or added container
 * does not add a hint that has nothing to do with the fix; one case below checks the skeleton with it on.
 */
const SETTINGS = { rules: { 'missing-resources': 'off' } };

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const at = (d: { range: { start: { line: number; character: number } } }) => `${d.range.start.line}:${d.range.start.character}`;
const span = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

interface Case {
  readonly name: string;
  readonly text: string;
  /** The diagnostic to fix: its code, and its start `line:col` when the code appears more than once. */
  readonly code: string;
  readonly at?: string;
  /** The exact title of the action to apply. */
  readonly title: string;
  readonly expected: string;
  /** The range the action's command selects afterwards (a placeholder), as `line:col-line:col`. */
  readonly selects?: string;
}

const CASES: Case[] = [
  // ---- misplaced-field
  {
    name: 'moves volumes written in a container to the PodSpec, appending to its volumes list',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: shop',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: shop:1.4.2',
      '      volumeMounts:',
      '        - {name: cache, mountPath: /cache}',
      '        - {name: data, mountPath: /data}',
      '      # scratch space',
      '      volumes:',
      '        - name: data # the shop data',
      '          emptyDir: {}',
      '  volumes:',
      '    - name: cache',
      '      emptyDir: {}',
    ),
    code: 'misplaced-field',
    title: 'Move `volumes` to the Pod (spec)',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: shop',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: shop:1.4.2',
      '      volumeMounts:',
      '        - {name: cache, mountPath: /cache}',
      '        - {name: data, mountPath: /data}',
      '      # scratch space',
      '  volumes:',
      '    - name: cache',
      '      emptyDir: {}',
      '    - name: data # the shop data',
      '      emptyDir: {}',
    ),
  },
  {
    name: 'moves nodeSelector out of the last container (4 spaces, compact lists) to the end of the PodSpec',
    text: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '    name: report',
      'spec:',
      '    template:',
      '        spec:',
      '            restartPolicy: Never',
      '            containers:',
      '            -   name: report',
      '                image: report:2.0',
      '                nodeSelector:',
      '                    disk: ssd',
    ),
    code: 'misplaced-field',
    title: 'Move `nodeSelector` to the Pod (spec.template.spec)',
    expected: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '    name: report',
      'spec:',
      '    template:',
      '        spec:',
      '            restartPolicy: Never',
      '            containers:',
      '            -   name: report',
      '                image: report:2.0',
      '            nodeSelector:',
      '                disk: ssd',
    ),
  },
  {
    name: 'merges a flow nodeSelector of a container into the PodSpec nodeSelector',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '  - name: a',
      '    image: a:1',
      '    nodeSelector: {disk: ssd}',
      '  nodeSelector:',
      '    zone: a',
    ),
    code: 'misplaced-field',
    title: 'Move `nodeSelector` to the Pod (spec)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: a', '    image: a:1', '  nodeSelector:', '    zone: a', '    disk: ssd'),
  },
  {
    name: 'moves env written in the PodSpec into the container chosen among several',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '    - name: worker',
      '      image: worker:1',
      '  env:',
      '    - name: MODE',
      '      value: fast',
    ),
    code: 'misplaced-field',
    title: 'Move `env` into container `worker`',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '    - name: worker',
      '      image: worker:1',
      '      env:',
      '        - name: MODE',
      '          value: fast',
    ),
  },
  {
    name: 'moves a one-line PodSpec field into a flow-style container',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: f}', 'spec:', '  containers:', '  - {name: a, image: "a:1"}', '  ports: [{containerPort: 80}]'),
    code: 'misplaced-field',
    title: 'Move `ports` into container `a`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: f}', 'spec:', '  containers:', '  - {name: a, image: "a:1", ports: [{containerPort: 80}]}'),
  },
  {
    name: 'moves a Pod security setting out of a container, creating the Pod securityContext',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      securityContext:', '        fsGroup: 2000', '        runAsUser: 1000'),
    code: 'misplaced-field',
    title: 'Move `fsGroup` to the Pod (spec.securityContext)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      securityContext:', '        runAsUser: 1000', '  securityContext:', '    fsGroup: 2000'),
  },
  {
    name: 'moves a container security setting from the Pod into the securityContext it creates in the container',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    privileged: false', '  containers:', '    - name: a', '      image: a:1'),
    code: 'misplaced-field',
    title: 'Move `privileged` into the securityContext of container `a`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    runAsNonRoot: true', '  containers:', '    - name: a', '      image: a:1', '      securityContext:', '        privileged: false'),
  },
  // ---- unknown-field, invalid-enum
  {
    name: 'renames an unknown field to its close match',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      imagePulPolicy: Always'),
    code: 'unknown-field',
    title: 'Rename to `imagePullPolicy`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: Always'),
  },
  {
    name: "renames a typo of another level's field and moves it where it belongs",
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      nodeSelecter:', '        disk: ssd'),
    code: 'unknown-field',
    title: 'Rename to `nodeSelector` and move it to the Pod (spec)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: a', '      image: a:1', '  nodeSelector:', '    disk: ssd'),
  },
  {
    name: 'renames a quoted key keeping its quotes',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  "restartPolicey": Never', '  containers:', '    - {name: web, image: "web:1"}'),
    code: 'unknown-field',
    title: 'Rename to `restartPolicy`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  "restartPolicy": Never', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  {
    name: 'replaces a wrong-case enum value, keeping single quotes',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', "  restartPolicy: 'never'", '  containers:', '    - {name: web, image: "web:1"}'),
    code: 'invalid-enum',
    title: 'Change to `Never`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', "  restartPolicy: 'Never'", '  containers:', '    - {name: web, image: "web:1"}'),
  },
  // ---- wrong-type
  {
    name: 'unquotes a quoted port number',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: "8080"'),
    code: 'wrong-type',
    title: 'Remove the quotes: `8080`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: 8080'),
  },
  {
    name: 'quotes a number where an environment value (a string) belongs',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      env:', '        - {name: PORT, value: 8080}'),
    code: 'wrong-type',
    title: 'Quote `8080` to make it a string',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      env:', '        - {name: PORT, value: "8080"}'),
  },
  {
    name: 'quotes a label value written as a number',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  labels:', '    version: 2', 'spec:', '  containers:', '    - {name: web, image: "web:1"}'),
    code: 'wrong-type',
    title: 'Quote `2` to make it a string',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  labels:', '    version: "2"', 'spec:', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  // ---- missing-required
  {
    name: 'adds containers with one container, its image placeholder selected',
    text: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', 'spec:', '  template:', '    spec:', '      restartPolicy: Never'),
    code: 'missing-required',
    title: 'Add `containers` with one container',
    expected: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: j',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers:',
      '        - name: app',
      '          image: IMAGE',
    ),
    selects: '10:17-10:22',
  },
  {
    name: 'adds a container name derived from its image (registry and tag dropped)',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - image: registry.io/team/api:v2', '      args: [serve]'),
    code: 'missing-required',
    title: 'Add `name: api`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: api', '      image: registry.io/team/api:v2', '      args: [serve]'),
  },
  {
    name: 'adds a derived container name made unique in the Pod',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: nginx, image: "nginx:1.27"}', '    - {image: "nginx:1.27"}'),
    code: 'missing-required',
    title: 'Add `name: nginx-2`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: nginx, image: "nginx:1.27"}', '    - {name: nginx-2, image: "nginx:1.27"}'),
  },
  {
    name: 'adds a missing image as a selected placeholder',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      ports: [{containerPort: 80}]'),
    code: 'missing-required',
    title: 'Add `image` (a placeholder to replace)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      ports: [{containerPort: 80}]', '      image: IMAGE'),
    selects: '8:13-8:18',
  },
  {
    name: 'fills an empty containers key with one container',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:'),
    code: 'missing-required',
    title: 'Add a container to `containers`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: app', '      image: IMAGE'),
    selects: '7:13-7:18',
  },
  {
    name: 'writes a placeholder after an empty image key, before its comment',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: # which one?'),
    code: 'missing-required',
    title: 'Write a placeholder image to replace',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: IMAGE # which one?'),
    selects: '7:13-7:18',
  },
  // ---- volumes
  {
    name: 'defines the emptyDir volume a mount refers to, creating spec.volumes',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: web', '    image: web:1', '    volumeMounts:', '    - name: scratch', '      mountPath: /tmp'),
    code: 'mount-not-found',
    title: 'Add an emptyDir volume `scratch` to spec.volumes',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: web:1',
      '    volumeMounts:',
      '    - name: scratch',
      '      mountPath: /tmp',
      '  volumes:',
      '  - name: scratch',
      '    emptyDir: {}',
    ),
  },
  {
    name: 'removes an unused volume with its lines, keeping the others',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '      volumeMounts: [{name: data, mountPath: /data}]',
      '  volumes:',
      '    - name: cache',
      '      emptyDir: {}',
      '    - name: data',
      '      emptyDir: {}',
    ),
    code: 'unused-volume',
    title: 'Remove the unused volume `cache`',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '      volumeMounts: [{name: data, mountPath: /data}]',
      '  volumes:',
      '    - name: data',
      '      emptyDir: {}',
    ),
  },
  {
    name: 'removes the volumes key with its only, unused volume',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  volumes:', '    - name: cache', '      emptyDir: {}', '  containers:', '    - {name: web, image: "web:1"}'),
    code: 'unused-volume',
    title: 'Remove the unused volume `cache`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  // ---- duplicates and port clashes
  {
    name: 'renames a duplicate container name to the first free one',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: web, image: "web:1"}', '    - {name: web-2, image: "web:2"}', '    - {name: web, image: "web:3"}'),
    code: 'duplicate-container-name',
    title: 'Rename to `web-3`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: web, image: "web:1"}', '    - {name: web-2, image: "web:2"}', '    - {name: web-3, image: "web:3"}'),
  },
  {
    name: 'renames an invalid container name to the nearest DNS-1123 label',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: Web_App', '      image: web:1'),
    code: 'invalid-container-name',
    title: 'Rename to `web-app`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web-app', '      image: web:1'),
  },
  {
    name: 'renames an invalid volume name together with every mount of it',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: a:1',
      '      volumeMounts: [{name: app_data, mountPath: /a}]',
      '    - name: b',
      '      image: b:1',
      '      volumeMounts:',
      '        - name: "app_data"',
      '          mountPath: /b',
      '  volumes:',
      '    - name: app_data',
      '      emptyDir: {}',
    ),
    code: 'invalid-volume-name',
    title: 'Rename to `app-data` (and its 2 mounts)',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: a:1',
      '      volumeMounts: [{name: app-data, mountPath: /a}]',
      '    - name: b',
      '      image: b:1',
      '      volumeMounts:',
      '        - name: "app-data"',
      '          mountPath: /b',
      '  volumes:',
      '    - name: app-data',
      '      emptyDir: {}',
    ),
  },
  {
    name: 'moves a container to the next port no container of the Pod declares',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - {name: web, image: "web:1", ports: [{containerPort: 8080}, {containerPort: 8081}]}',
      '    - {name: admin, image: "admin:1", ports: [{containerPort: 8080}]}',
    ),
    code: 'shared-container-port',
    title: 'Use containerPort 8082',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - {name: web, image: "web:1", ports: [{containerPort: 8080}, {containerPort: 8081}]}',
      '    - {name: admin, image: "admin:1", ports: [{containerPort: 8082}]}',
    ),
  },
  {
    name: 'renames a duplicate port name',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - {name: http, containerPort: 80}', '        - {name: http, containerPort: 81}'),
    code: 'duplicate-port-name',
    title: 'Rename to `http-2`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - {name: http, containerPort: 80}', '        - {name: http-2, containerPort: 81}'),
  },
  {
    name: 'moves a host port claimed twice to the next free one',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - {name: a, image: "a:1", ports: [{containerPort: 80, hostPort: 8080}]}',
      '    - {name: b, image: "b:1", ports: [{containerPort: 81, hostPort: 8080}]}',
    ),
    code: 'host-port-conflict',
    title: 'Use hostPort 8081',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - {name: a, image: "a:1", ports: [{containerPort: 80, hostPort: 8080}]}',
      '    - {name: b, image: "b:1", ports: [{containerPort: 81, hostPort: 8081}]}',
    ),
  },
  // ---- resources
  {
    name: 'raises a limit to the request',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests: {memory: 512Mi}', '        limits: {memory: 256Mi}'),
    code: 'request-exceeds-limit',
    title: 'Raise the memory limit to `512Mi`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests: {memory: 512Mi}', '        limits: {memory: 512Mi}'),
  },
  {
    name: 'lowers a request to the limit',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests:', '          cpu: "2"', '        limits:', '          cpu: 500m'),
    code: 'request-exceeds-limit',
    title: 'Lower the cpu request to `500m`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests:', '          cpu: 500m', '        limits:', '          cpu: 500m'),
  },
  {
    name: 'reads a milli-byte memory amount as the mebibytes meant, keeping the quotes',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits: {memory: "512m"}'),
    code: 'fractional-bytes',
    title: 'Change to `512Mi` (mebibytes)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits: {memory: "512Mi"}'),
  },
  // ---- one value or one field of a Pod rule
  {
    name: "sets a Deployment template's restartPolicy to Always",
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      restartPolicy: OnFailure', '      containers: [{name: a, image: "a:1"}]'),
    code: 'workload-restart-policy',
    title: 'Change to `Always`',
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      restartPolicy: Always', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: 'sets restartPolicy Never where a podFailurePolicy judges the Pods',
    text: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  podFailurePolicy:', '    rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]', '  template:', '    spec:', '      restartPolicy: OnFailure', '      containers: [{name: a, image: "a:1"}]'),
    code: 'pod-failure-policy-restart',
    title: 'Change to `Never`',
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  podFailurePolicy:', '    rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]', '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: "removes an init container's restartPolicy other than Always",
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '    - name: init', '      image: init:1', '      restartPolicy: OnFailure', '  containers: [{name: a, image: "a:1"}]'),
    code: 'init-container-restart-policy',
    title: 'Remove `restartPolicy` (an init step that runs to completion)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '    - name: init', '      image: init:1', '  containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: "sets a liveness probe's successThreshold to 1",
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      livenessProbe: {httpGet: {path: /, port: 80}, successThreshold: 3}'),
    code: 'probe-success-threshold',
    title: 'Change to `1`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      livenessProbe: {httpGet: {path: /, port: 80}, successThreshold: 1}'),
  },
  {
    name: 'removes terminationGracePeriodSeconds from a readiness probe',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      readinessProbe:', '        tcpSocket: {port: 80}', '        terminationGracePeriodSeconds: 10', '        periodSeconds: 5'),
    code: 'readiness-probe-grace-period',
    title: 'Remove `terminationGracePeriodSeconds` from the readiness probe',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      readinessProbe:', '        tcpSocket: {port: 80}', '        periodSeconds: 5'),
  },
  {
    name: 'makes hostPort equal containerPort under hostNetwork',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  containers:', '    - name: a', '      image: a:1', '      ports: [{containerPort: 9100, hostPort: 9200}]'),
    code: 'host-network-port',
    title: 'Set hostPort to 9100 (the containerPort)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  containers:', '    - name: a', '      image: a:1', '      ports: [{containerPort: 9100, hostPort: 9100}]'),
  },
  {
    name: 'makes an absolute subPath relative to the volume',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      volumeMounts:', "        - {name: v, mountPath: /etc/app, subPath: '/config/app'}", '  volumes: [{name: v, emptyDir: {}}]'),
    code: 'invalid-subpath',
    title: 'Make it relative: `config/app`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      volumeMounts:', "        - {name: v, mountPath: /etc/app, subPath: 'config/app'}", '  volumes: [{name: v, emptyDir: {}}]'),
  },
  {
    name: 'removes rollingUpdate from a Recreate strategy',
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    type: Recreate', '    rollingUpdate:', '      maxSurge: 1', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    code: 'deployment-strategy',
    title: 'Remove `rollingUpdate` (Recreate does not use it)',
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    type: Recreate', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: 'lets one surge Pod through when both rollout limits are 0',
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    rollingUpdate: {maxSurge: "0%", maxUnavailable: 0}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    code: 'deployment-strategy',
    title: 'Set `maxSurge: 1` (full capacity during the rollout)',
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  strategy:', '    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: 'removes the earlier of two entries of one environment variable',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      env:', '        - name: MODE', '          value: slow', '        - name: LEVEL', '          value: "2"', '        - name: MODE', '          value: fast'),
    code: 'duplicate-env',
    title: 'Remove the earlier entry (the later one is the one in effect)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      env:', '        - name: LEVEL', '          value: "2"', '        - name: MODE', '          value: fast'),
  },
  {
    name: "sets the template's label to the value the selector requires",
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: api', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    code: 'selector-mismatch',
    title: "Set the template's label to `app: web`",
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: 'adds a label the selector requires to the Pod template',
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '      tier: "front"', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    code: 'selector-mismatch',
    title: 'Add the label `tier: "front"` to the Pod template',
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '      tier: "front"', '  template:', '    metadata:', '      labels:', '        app: web', '        tier: "front"', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: "fills an empty selector with the Pod template's labels",
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {}', '  template:', '    metadata: {labels: {app: d, tier: web}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    code: 'empty-selector',
    title: "Match the Pod template's labels",
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d, tier: web}}', '  template:', '    metadata: {labels: {app: d, tier: web}}', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: 'removes ephemeralContainers from a manifest',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: "a:1"}]', '  ephemeralContainers:', '    - name: debug', '      image: busybox:1.36', '  hostname: h'),
    code: 'ephemeral-containers-in-manifest',
    title: 'Remove `ephemeralContainers` (add them to a running Pod with kubectl debug)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: "a:1"}]', '  hostname: h'),
  },
  {
    name: 'gives a memory amount without a unit the mebibytes meant',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits:', '          memory: 512'),
    code: 'memory-without-unit',
    title: 'Change to `512Mi` (mebibytes)',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits:', '          memory: 512Mi'),
  },
  // ---- native sidecar
  {
    name: "turns a Job's long-running helper into a native sidecar",
    text: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: migrate',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers:',
      '        - name: migrate',
      '          image: migrate:3.1',
      '        - name: proxy # reaches the database',
      '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0',
      '          args: ["--port=5432"]',
    ),
    code: 'job-blocking-sidecar',
    title: 'Make `proxy` a native sidecar (initContainers with restartPolicy: Always)',
    expected: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: migrate',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      initContainers:',
      '        - name: proxy # reaches the database',
      '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0',
      '          args: ["--port=5432"]',
      '          restartPolicy: Always',
      '      containers:',
      '        - name: migrate',
      '          image: migrate:3.1',
    ),
  },
  // ---- apiVersion
  {
    name: 'replaces a removed apiVersion and adds the selector apps/v1 requires, from the template labels',
    text: lines(
      'apiVersion: extensions/v1beta1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '        tier: "front"',
      '    spec:',
      '      containers:',
      '        - {name: web, image: "web:1"}',
    ),
    code: 'removed-api-version',
    title: 'Use `apiVersion: apps/v1` and add the selector it requires',
    expected: lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels:',
      '      app: web',
      '      tier: "front"',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '        tier: "front"',
      '    spec:',
      '      containers:',
      '        - {name: web, image: "web:1"}',
    ),
  },
  // ---- disable
  {
    name: 'disables the rule on the line, at its indentation',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web'),
    code: 'image-tag',
    title: 'Disable `image-tag` for this line',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      # podsmith-disable-next-line image-tag', '      image: web'),
  },
  {
    name: 'adds the rule to a disable directive already above the line',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      # podsmith-disable-next-line unknown-field', '      image: web'),
    code: 'image-tag',
    title: 'Disable `image-tag` for this line',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      # podsmith-disable-next-line unknown-field image-tag', '      image: web'),
  },
  // ---- multi-document
  {
    name: 'fixes a finding of the second document of a file at its own lines',
    text: lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data: {a: "1"}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '      imagePullPolicy: always',
    ),
    code: 'invalid-enum',
    title: 'Change to `Always`',
    expected: lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data: {a: "1"}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '      imagePullPolicy: Always',
    ),
  },
];

describe('protocol: quick fixes over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start({ settings: SETTINGS })));
  after(async () => server.stop());

  let counter = 0;
  async function fix(c: Case): Promise<{ action: CodeAction; after: string; diagnostics: Diagnostic[]; fixed: Diagnostic; before: Diagnostic[] }> {
    const uri = `file:///quickfix/${++counter}.yaml`;
    const before = await server.open(uri, c.text);
    const candidates = before.filter((d) => d.code === c.code && (!c.at || at(d) === c.at));
    assert.equal(candidates.length, 1, `one ${c.code} diagnostic${c.at ? ` at ${c.at}` : ''}, got: ${before.map((d) => `${d.code}@${at(d)}`).join(', ')}`);
    const fixed = candidates[0];
    const actions = (await server.codeActions(uri, fixed.range, [fixed])) ?? [];
    const action = actions.find((a) => a.title === c.title);
    assert.ok(action, `action "${c.title}" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics?.map((d) => d.code), [c.code]);
    const after = applyTextEdits(c.text, editsFor(action.edit, uri));
    const diagnostics = await server.change(uri, [{ text: after }]);
    server.close(uri);
    return { action, after, diagnostics, fixed, before };
  }

  for (const c of CASES) {
    it(c.name, async () => {
      const { action, after, diagnostics, fixed, before } = await fix(c);
      assert.equal(after, c.expected);
      const key = (d: Diagnostic) => `${d.code}: ${d.message}`;
      assert.ok(!diagnostics.some((d) => key(d) === key(fixed)), `still reported: ${key(fixed)}`);
      const known = new Set(before.map(key));
      assert.deepEqual(diagnostics.filter((d) => !known.has(key(d))).map(key), [], 'no new diagnostic');
      if (c.selects) {
        assert.equal(action.command?.command, 'podsmith.selectRange');
        const [, range] = action.command!.arguments as [string, Parameters<typeof span>[0]];
        assert.equal(span(range), c.selects);
        const selected = after.split('\n')[range.start.line].slice(range.start.character, range.end.character);
        assert.equal(selected, 'IMAGE');
      } else {
        assert.equal(action.command, undefined);
      }
    });
  }

  it('offers one move per container when a container field is written in the PodSpec', async () => {
    const uri = 'file:///quickfix/per-container.yaml';
    const text = CASES.find((c) => c.title === 'Move `env` into container `worker`')!.text;
    const diagnostics = await server.open(uri, text);
    const misplaced = diagnostics.find((d) => d.code === 'misplaced-field')!;
    const actions = (await server.codeActions(uri, misplaced.range, [misplaced])) ?? [];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Move `env` into container `web`', false],
      ['Move `env` into container `worker`', false],
      ['Disable `misplaced-field` for this line', false],
    ]);
    server.close(uri);
  });

  it('offers raising the limit (preferred) and lowering the request', async () => {
    const uri = 'file:///quickfix/limits.yaml';
    const text = CASES.find((c) => c.name === 'raises a limit to the request')!.text;
    const diagnostics = await server.open(uri, text);
    const above = diagnostics.find((d) => d.code === 'request-exceeds-limit')!;
    const actions = (await server.codeActions(uri, above.range, [above])) ?? [];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Raise the memory limit to `512Mi`', true],
      ['Lower the memory request to `256Mi`', false],
      ['Disable `request-exceeds-limit` for this line', false],
    ]);
    server.close(uri);
  });

  const twoDocuments = lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    '  labels: {version: 2}',
    'spec:',
    '  restartPolicy: never',
    '  containers:',
    '    - name: web',
    '      image: web:1',
    '      ports: [{containerPort: "80"}]',
    '---',
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: agent',
    'spec:',
    '  selector: {matchLabels: {app: agent}}',
    '  template:',
    '    metadata: {labels: {app: agent}}',
    '    spec:',
    '      containers:',
    '        - name: agent',
    '          image: agent:1',
    '          imagePullPolicy: never',
    '          env: [{name: PORT, value: 9100}]',
    '---',
    'apiVersion: apps/v1beta2',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    'spec:',
    '  serviceName: db',
    '  template:',
    '    metadata: {labels: {app: db}}',
    '    spec:',
    '      containers:',
    '        - name: db',
    '          image: postgres:17',
  );

  it('fixes all findings of one kind in the file with one quick fix, when there are several', async () => {
    const uri = 'file:///quickfix/fix-all-kind.yaml';
    const before = await server.open(uri, twoDocuments);
    const enums = before.filter((d) => d.code === 'invalid-enum');
    assert.deepEqual(enums.map(at), ['6:17', '24:27']);
    const actions = (await server.codeActions(uri, enums[0].range, [enums[0]])) ?? [];
    const all = actions.find((a) => a.title === 'Fix all invalid-enum problems in the file');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(all.kind, 'quickfix');
    assert.equal(all.diagnostics?.length, 2);
    const after = applyTextEdits(twoDocuments, editsFor(all.edit, uri));
    assert.match(after, /restartPolicy: Never\n/);
    assert.match(after, /imagePullPolicy: Never\n/);
    const diagnostics = await server.change(uri, [{ text: after }]);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'invalid-enum'), []);
    server.close(uri);
  });

  it('offers no fix-all entry for a kind found once', async () => {
    const uri = 'file:///quickfix/fix-all-once.yaml';
    const text = CASES.find((c) => c.code === 'unknown-field')!.text;
    const [finding] = (await server.open(uri, text)).filter((d) => d.code === 'unknown-field');
    const actions = (await server.codeActions(uri, finding.range, [finding])) ?? [];
    assert.deepEqual(actions.map((a) => a.title), ['Rename to `imagePullPolicy`', 'Disable `unknown-field` for this line']);
    server.close(uri);
  });

  it('answers a source.fixAll request with one action that fixes every safe finding of the file', async () => {
    const uri = 'file:///quickfix/fix-all-source.yaml';
    const before = await server.open(uri, twoDocuments);
    const actions = (await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? [];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable Podsmith problems', 'source.fixAll.podsmith']]);
    const after = applyTextEdits(twoDocuments, editsFor(actions[0].edit, uri));
    assert.equal(
      after,
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: p',
        '  labels: {version: "2"}',
        'spec:',
        '  restartPolicy: Never',
        '  containers:',
        '    - name: web',
        '      image: web:1',
        '      ports: [{containerPort: 80}]',
        '---',
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata:',
        '  name: agent',
        'spec:',
        '  selector: {matchLabels: {app: agent}}',
        '  template:',
        '    metadata: {labels: {app: agent}}',
        '    spec:',
        '      containers:',
        '        - name: agent',
        '          image: agent:1',
        '          imagePullPolicy: Never',
        '          env: [{name: PORT, value: "9100"}]',
        '---',
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '  name: db',
        'spec:',
        '  serviceName: db',
        '  selector:',
        '    matchLabels:',
        '      app: db',
        '  template:',
        '    metadata: {labels: {app: db}}',
        '    spec:',
        '      containers:',
        '        - name: db',
        '          image: postgres:17',
      ),
    );
    assert.deepEqual(before.map((d) => d.code), ['wrong-type', 'invalid-enum', 'wrong-type', 'invalid-enum', 'wrong-type', 'removed-api-version']);
    assert.deepEqual(await server.change(uri, [{ text: after }]), []);
    server.close(uri);
  });

  it('returns only quick fixes when asked for quick fixes, and nothing for a clean line', async () => {
    const uri = 'file:///quickfix/only.yaml';
    await server.open(uri, twoDocuments);
    const quick = (await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, [], ['quickfix'])) ?? [];
    assert.deepEqual(quick, []);
    const onEnum = (await server.codeActions(uri, { start: { line: 6, character: 17 }, end: { line: 6, character: 17 } }, [], ['quickfix'])) ?? [];
    assert.deepEqual(onEnum.map((a) => [a.title, a.kind]), [
      ['Change to `Never`', 'quickfix'],
      ['Change to `Always`', 'quickfix'],
      ['Change to `OnFailure`', 'quickfix'],
      ['Fix all invalid-enum problems in the file', 'quickfix'],
      ['Disable `invalid-enum` for this line', 'quickfix'],
    ]);
    server.close(uri);
  });

  it('keeps the missing-resources hint of a new container skeleton visible when that rule is on', async () => {
    const other = await LspServer.start();
    try {
      const uri = 'file:///quickfix/skeleton.yaml';
      const c = CASES.find((x) => x.title === 'Add `containers` with one container')!;
      const before = await other.open(uri, c.text);
      const missing = before.find((d) => d.code === 'missing-required')!;
      const actions = (await other.codeActions(uri, missing.range, [missing])) ?? [];
      const action = actions.find((a) => a.title === c.title)!;
      const after = applyTextEdits(c.text, editsFor(action.edit, uri));
      const diagnostics = await other.change(uri, [{ text: after }]);
      assert.deepEqual(diagnostics.map((d) => `${d.code}@${at(d)}`), ['missing-resources@9:16']);
    } finally {
      await other.stop();
    }
  });
});
