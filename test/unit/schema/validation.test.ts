import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsWith, yaml } from '../support/service';
import { schemaDiagnostics, schemaSummary } from './support';

/**
 * Schema validation as a person sees it: each mistake once, exactly where it is, with a message that says what is
 * wrong and what to do. Each case shows the manifest beside the expected [rule, line:col-line:col, message]
 * (a string is the exact message, a RegExp its key phrases).
 */
type Expected = [code: string, range: string, message: string | RegExp];
interface Case {
  readonly name: string;
  readonly text: string;
  readonly expected: readonly Expected[];
}

function check(cases: readonly Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const actual = schemaSummary(c.text);
      assert.deepEqual(
        actual.map(([code, range]) => [code, range]),
        c.expected.map(([code, range]) => [code, range]),
        `findings of:\n${c.text}\nwere ${JSON.stringify(actual, null, 1)}`,
      );
      c.expected.forEach(([, , message], i) => {
        if (typeof message === 'string') assert.equal(actual[i][2], message);
        else assert.match(actual[i][2], message);
      });
    });
  }
}

describe('schema validation: unknown and misplaced fields', () => {
  check([
    {
      name: 'a typo in a container suggests the field (edit distance)',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      imagePullPolice: Always',
      ),
      expected: [['unknown-field', '8:6-8:21', 'Unknown field `imagePullPolice` in Container at spec.containers[0]: did you mean `imagePullPolicy`?']],
    },
    {
      name: 'a wrong case suggests the field (case-insensitive match), and the required field it stands for is not reported again',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      Image: nginx:1.27'),
      expected: [['unknown-field', '7:6-7:11', 'Unknown field `Image` in Container at spec.containers[0]: did you mean `image`?']],
    },
    {
      name: 'a typo of a field of another level suggests it and says where it belongs',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      imagePullSecret: [{name: registry}]'),
      expected: [
        [
          'unknown-field',
          '8:6-8:21',
          /^Unknown field `imagePullSecret` in Container at spec\.containers\[0\]: did you mean `imagePullSecrets`\? It belongs to the Pod \(spec\.imagePullSecrets\): /,
        ],
      ],
    },
    {
      name: 'metadata.label: did you mean labels?',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  label:', '    app: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27'),
      expected: [['unknown-field', '4:2-4:7', 'Unknown field `label` in ObjectMeta at metadata: did you mean `labels`?']],
    },
    {
      name: 'an unknown field with no close name says the API server rejects it',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      flavour: vanilla'),
      expected: [['unknown-field', '8:6-8:13', /^Unknown field `flavour` in Container at spec.containers\[0\]\. The API server rejects fields it does not know/]],
    },
    {
      name: '`volumes` inside a container of a Deployment belongs to spec.template.spec.volumes',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          volumes:',
        '            - name: data',
        '              emptyDir: {}',
      ),
      expected: [
        [
          'misplaced-field',
          '14:10-14:17',
          '`volumes` belongs to the Pod (spec.template.spec.volumes): volumes are defined once for the Pod and mounted into containers with volumeMounts.',
        ],
      ],
    },
    {
      name: '`ports`, `image`, `env` directly under a PodSpec belong to a container',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  image: nginx:1.27',
        '  ports:',
        '    - containerPort: 80',
        '  env: []',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
      ),
      expected: [
        ['misplaced-field', '5:2-5:7', /^`image` belongs to a container \(spec\.containers\[\]\.image\): /],
        ['misplaced-field', '6:2-6:7', /^`ports` belongs to a container \(spec\.containers\[\]\.ports\): /],
        ['misplaced-field', '8:2-8:5', /^`env` belongs to a container \(spec\.containers\[\]\.env\): /],
      ],
    },
    {
      name: '`containerPort` under a PodSpec belongs to a container\'s ports list',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containerPort: 80', '  containers:', '    - name: web', '      image: nginx:1.27'),
      expected: [
        [
          'misplaced-field',
          '5:2-5:15',
          /^`containerPort` belongs to a container's ports list \(spec\.containers\[\]\.ports\[\]\.containerPort\): .*ports/,
        ],
      ],
    },
    {
      name: '`containerPort` directly in a container belongs to its ports list',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      containerPort: 80'),
      expected: [['misplaced-field', '8:6-8:19', /^`containerPort` belongs to a container's ports list \(spec\.containers\[\]\.ports\[\]\.containerPort\)/]],
    },
    {
      name: '`replicas` under a PodSpec belongs to the Deployment\'s spec',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      replicas: 3',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
      ),
      expected: [['misplaced-field', '11:6-11:14', /^`replicas` belongs to the Deployment's spec \(spec\.replicas\): /]],
    },
    {
      name: '`containers` directly under a Deployment\'s spec belongs to spec.template.spec',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
      ),
      expected: [['misplaced-field', '7:2-7:12', /^`containers` belongs to the Pod \(spec\.template\.spec\.containers\): a workload does not run containers itself/]],
    },
    {
      name: '`labels` in a Pod template belongs to its metadata; `replicas` at the top level to the spec',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'replicas: 2',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
      ),
      expected: [
        ['misplaced-field', '4:0-4:8', /^`replicas` belongs to the Deployment's spec \(spec\.replicas\)/],
        ['misplaced-field', '9:4-9:10', /^`labels` belongs to the Pod template's metadata \(spec\.template\.metadata\.labels\)/],
      ],
    },
    {
      name: 'a CronJob: `schedule` in the Job spec belongs to the CronJob\'s spec, `backoffLimit` in the Pod to the Job spec',
      text: yaml(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: nightly',
        'spec:',
        '  schedule: "0 3 * * *"',
        '  jobTemplate:',
        '    spec:',
        '      schedule: "0 4 * * *"',
        '      template:',
        '        spec:',
        '          backoffLimit: 2',
        '          restartPolicy: OnFailure',
        '          containers:',
        '            - name: job',
        '              image: busybox:1.36',
      ),
      expected: [
        ['misplaced-field', '8:6-8:14', /^`schedule` belongs to the CronJob's spec \(spec\.schedule\)/],
        ['misplaced-field', '11:10-11:22', /^`backoffLimit` belongs to the Job spec in the CronJob's jobTemplate \(spec\.jobTemplate\.spec\.backoffLimit\)/],
      ],
    },
    {
      name: 'securityContext: container-only fields in the Pod\'s, Pod-only fields in a container\'s',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  securityContext:',
        '    runAsNonRoot: true',
        '    privileged: false',
        '    readOnlyRootFilesystem: true',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      securityContext:',
        '        runAsUser: 1000',
        '        fsGroup: 2000',
        '        sysctls: []',
      ),
      expected: [
        ['misplaced-field', '7:4-7:14', /^`privileged` belongs to a container's securityContext \(spec\.containers\[\]\.securityContext\.privileged\): /],
        ['misplaced-field', '8:4-8:26', /^`readOnlyRootFilesystem` belongs to a container's securityContext /],
        ['misplaced-field', '14:8-14:15', /^`fsGroup` belongs to the Pod's securityContext \(spec\.securityContext\.fsGroup\): /],
        ['misplaced-field', '15:8-15:15', /^`sysctls` belongs to the Pod's securityContext \(spec\.securityContext\.sysctls\): /],
      ],
    },
  ]);

  it('gives quick fixes what they need: the suggestion, and where a misplaced field goes', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: nginx:1.27',
      '    - name: side',
      '      image: busybox:1.36',
      '      imagePullPolice: Always',
      '      volumes: []',
    );
    const [typo, misplaced] = schemaDiagnostics(text);
    assert.equal(typo.code, 'unknown-field');
    assert.equal((typo.data as { suggestion: string }).suggestion, 'imagePullPolicy');
    assert.equal(misplaced.code, 'misplaced-field');
    const data = misplaced.data as Record<string, unknown>;
    assert.equal(data.misplaced, true);
    assert.equal(data.home, 'pod');
    assert.deepEqual(data.targetPath, ['spec', 'volumes']);
  });

  it('points a Pod field found under the PodSpec into the container it was found near (the first one)', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  image: nginx:1.27', '  containers:', '    - name: web', '      image: nginx:1.27');
    const [d] = schemaDiagnostics(text);
    const data = d.data as Record<string, unknown>;
    assert.equal(data.home, 'container');
    assert.deepEqual(data.targetPath, ['spec', 'containers', 0, 'image']);
  });
});

describe('schema validation: types, enums, quantities', () => {
  check([
    {
      name: 'replicas: "3" is a quoted string, not an integer',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  replicas: "3"',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          ports:',
        '            - containerPort: "8080"',
        '          env:',
        '            - name: PORT',
        '              value: 8080',
      ),
      expected: [
        ['wrong-type', '5:12-5:15', '`replicas` must be an integer, but "3" is a quoted string: remove the quotes.'],
        ['wrong-type', '16:29-16:35', '`containerPort` must be an integer, but "8080" is a quoted string: remove the quotes.'],
        ['wrong-type', '19:21-19:25', '`value` must be a string, but 8080 is a number: quote it ("8080").'],
      ],
    },
    {
      name: 'booleans written as strings, a YAML 1.1 boolean where a boolean belongs (accepted), whole numbers and int32 range',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  hostNetwork: "true"',
        '  terminationGracePeriodSeconds: 1.5',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      stdin: yes',
        '      ports:',
        '        - containerPort: 3000000000',
      ),
      expected: [
        ['wrong-type', '5:15-5:21', '`hostNetwork` must be a boolean (true or false), but "true" is a quoted string: remove the quotes.'],
        ['wrong-type', '6:33-6:36', '`terminationGracePeriodSeconds` must be a whole number, not 1.5.'],
        ['wrong-type', '12:25-12:35', '`containerPort` is out of range: 3000000000 does not fit in a 32-bit integer (-2147483648 to 2147483647).'],
      ],
    },
    {
      name: 'a mapping where a list belongs, a list where a mapping belongs, a string in a list of strings',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        '  labels: [web]',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      args: [1, "--debug"]',
        '      ports:',
        '        containerPort: 80',
      ),
      expected: [
        ['wrong-type', '4:2-4:8', '`labels` must be a mapping of names to strings, not a list.'],
        ['wrong-type', '9:13-9:14', 'each item of `args` must be a string, but 1 is a number: quote it ("1").'],
        ['wrong-type', '10:6-10:11', '`ports` must be a list (items starting with `- `), not a mapping: write each item on its own line starting with `- `.'],
      ],
    },
    {
      name: 'enums: one of the allowed values; a wrong case gets "did you mean"',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  restartPolicy: Sometimes',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      imagePullPolicy: always',
      ),
      expected: [
        ['invalid-enum', '5:17-5:26', '`Sometimes` is not a valid restartPolicy: use one of Always, Never, OnFailure.'],
        ['invalid-enum', '9:23-9:29', '`always` is not a valid imagePullPolicy: did you mean Always? (one of Always, IfNotPresent, Never; values are case-sensitive)'],
      ],
    },
    {
      name: 'quantities by their grammar',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      resources:',
        '        requests:',
        '          cpu: 0.5',
        '          memory: 64Mi',
        '        limits:',
        '          cpu: 0.5.1',
        '          memory: 128MB',
      ),
      expected: [
        ['invalid-quantity', '13:15-13:20', '`0.5.1` is not a valid quantity for `cpu`: a number has at most one decimal point.'],
        ['invalid-quantity', '14:18-14:23', '`128MB` is not a valid quantity for `memory`: `MB` is not a Kubernetes unit: write M (10^6 bytes) or Mi (2^20 bytes).'],
      ],
    },
    {
      name: 'int-or-string: port numbers and names, rollout percentages',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  strategy:',
        '    rollingUpdate:',
        '      maxSurge: 25%',
        '      maxUnavailable: "1"',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          livenessProbe:',
        '            httpGet: {path: /, port: "8080"}',
        '          readinessProbe:',
        '            tcpSocket: {port: HTTP}',
        '          startupProbe:',
        '            tcpSocket: {port: 70000}',
      ),
      expected: [
        ['int-or-string', '8:22-8:25', /^`maxUnavailable`: "1" is a quoted string but not a percentage: write 1 for a count of Pods, or "1%" for a percentage\.$/],
        ['int-or-string', '19:37-19:43', /^`port`: "8080" is a quoted string, so it is read as a port name; remove the quotes/],
        ['int-or-string', '21:30-21:34', /^`port`: a port name uses lower-case letters/],
        ['int-or-string', '23:30-23:35', '`port`: a port number is between 1 and 65535, and 70000 is not.'],
      ],
    },
  ]);
});

describe('schema validation: YAML 1.1 booleans', () => {
  const text = yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    '  labels: {canary: no, quoted: "no"}',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: nginx:1.27',
    '      tty: on',
    '      env:',
    '        - name: DEBUG',
    '          value: yes',
  );

  it('reads a plain yes/no/on/off as kubectl does: an error where a string belongs, a boolean where one belongs', () => {
    const found = schemaDiagnostics(text).map((d) => [d.code, d.severity, `${d.range.start.line}:${d.range.start.character}`, d.message]);
    assert.deepEqual(found, [
      [
        'wrong-type',
        1,
        '4:19',
        '`canary` must be a string, but kubectl reads the unquoted `no` as the boolean false (YAML 1.1 rules; YAML 1.2 tools read the string "no"), and the API server rejects it: quote it ("no").',
      ],
      [
        'wrong-type',
        1,
        '12:17',
        '`value` must be a string, but kubectl reads the unquoted `yes` as the boolean true (YAML 1.1 rules; YAML 1.2 tools read the string "yes"), and the API server rejects it: quote it ("yes").',
      ],
    ]);
  });
});

describe('schema validation: required fields and null values', () => {
  check([
    {
      name: 'a container without image: on its name; a PodSpec without containers: on `spec`',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      initContainers:',
        '        - name: migrate',
        '          command: [migrate]',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: empty',
        'spec:',
        '  restartPolicy: Never',
      ),
      expected: [
        ['missing-required', '10:4-10:8', '`spec` is missing the required field `containers`: a Pod needs at least one container.'],
        [
          'missing-required',
          '12:10-12:23',
          'This container is missing the required field `image`: the API server requires an image for every container of a Pod or Pod template.',
        ],
        ['missing-required', '19:0-19:4', '`spec` is missing the required field `containers`: a Pod needs at least one container.'],
      ],
    },
    {
      name: 'a container without name, on its first key; a Deployment without selector, on `spec`',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - image: nginx:1.27',
      ),
      expected: [
        ['missing-required', '4:0-4:4', /^`spec` is missing the required field `selector`: the Deployment finds its Pods with it/],
        ['missing-required', '8:10-8:27', /^This container is missing the required field `name`: every container needs a name/],
      ],
    },
    {
      name: 'an empty containers list, a Pod without spec, a required field left empty',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: a',
        'spec:',
        '  containers: []',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: b',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: c',
        'spec:',
        '  containers:',
        '    - name: c',
        '      image:',
      ),
      expected: [
        ['missing-required', '5:2-5:12', '`containers` is empty: a Pod needs at least one container.'],
        ['missing-required', '8:0-8:9', /^This Pod is missing the required field `spec`/],
        ['missing-required', '19:6-19:11', /^`image` is empty, but it is required: /],
      ],
    },
    {
      name: 'explicit nulls of optional fields are absent, and an empty enum value is the default, as for the API server',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  creationTimestamp: null',
        '  labels:',
        'spec:',
        '  replicas: ~',
        '  selector:',
        '    matchLabels: {app: web}',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      volumes:',
        '        - name: scratch',
        '          emptyDir:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          resources: {}',
        '          imagePullPolicy: ""',
        '          env:',
        '          args:',
        '            -',
        'status: {}',
      ),
      expected: [],
    },
  ]);
});

describe('schema validation: kinds, documents and apiVersions', () => {
  check([
    {
      name: 'removed apiVersions name the replacement, on the apiVersion value',
      text: yaml(
        'apiVersion: extensions/v1beta1',
        'kind: Deployment',
        'metadata: {name: a}',
        '---',
        'apiVersion: apps/v1beta1',
        'kind: StatefulSet',
        'metadata: {name: b}',
        '---',
        'apiVersion: apps/v1beta2',
        'kind: DaemonSet',
        'metadata: {name: c}',
        '---',
        'apiVersion: batch/v1beta1',
        'kind: CronJob',
        'metadata: {name: d}',
        '---',
        'apiVersion: batch/v2alpha1',
        'kind: CronJob',
        'metadata: {name: e}',
      ),
      expected: [
        [
          'removed-api-version',
          '0:12-0:30',
          'Deployment is no longer served as extensions/v1beta1 (removed in Kubernetes 1.16): use `apiVersion: apps/v1`. apps/v1 also requires spec.selector, matching the labels of spec.template.metadata.',
        ],
        ['removed-api-version', '4:12-4:24', /^StatefulSet is no longer served as apps\/v1beta1 \(removed in Kubernetes 1\.16\): use `apiVersion: apps\/v1`\./],
        ['removed-api-version', '8:12-8:24', /^DaemonSet is no longer served as apps\/v1beta2 \(removed in Kubernetes 1\.16\): use `apiVersion: apps\/v1`\./],
        ['removed-api-version', '12:12-12:25', 'CronJob is no longer served as batch/v1beta1 (removed in Kubernetes 1.25): use `apiVersion: batch/v1`.'],
        ['removed-api-version', '16:12-16:26', 'CronJob is no longer served as batch/v2alpha1 (removed in Kubernetes 1.21): use `apiVersion: batch/v1`.'],
      ],
    },
    {
      name: 'a built-in kind under a wrong apiVersion; a custom resource of the same kind name is left alone',
      text: yaml(
        'apiVersion: v1',
        'kind: Deployment',
        'metadata: {name: a}',
        '---',
        'apiVersion: batch.volcano.sh/v1alpha1',
        'kind: Job',
        'metadata: {name: b}',
        'spec: {tasks: []}',
      ),
      expected: [['unknown-api-version', '0:12-0:14', 'Deployment is not served as v1: use `apiVersion: apps/v1`.']],
    },
    {
      name: 'kinds with no schema of ours (custom resources, RBAC objects) are left alone',
      text: yaml(
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata: {name: a}',
        'rulez: [{verbs: get}]',
        '---',
        'apiVersion: example.com/v1',
        'kind: Widget',
        'spec: {containers: 3}',
      ),
      expected: [],
    },
    {
      name: 'multi-document files: each document is checked by its own kind, ranges in file lines',
      text: yaml(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: cfg}',
        'data: {a: b}',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      imagePullPolicy: always',
        '---',
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata: {name: once}',
        'spec:',
        '  template:',
        '    spec:',
        '      restartPolicy: Never',
        '      containers:',
        '        - name: once',
        '          image: busybox:1.36',
        '          volumeMounts:',
        '            - name: data',
      ),
      expected: [
        ['invalid-enum', '12:23-12:29', /^`always` is not a valid imagePullPolicy: did you mean Always\?/],
        ['missing-required', '25:14-25:24', 'This volume mount is missing the required field `mountPath`: a mount says where the volume appears inside the container.'],
      ],
    },
  ]);
});

describe('schema validation: anchors, placeholders, templates', () => {
  check([
    {
      name: 'aliases and merge keys are read as kubectl reads them: merged required fields count, an aliased mapping is checked where the alias stands',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        '  labels: &labels {app: web}',
        '  annotations: *labels',
        'spec:',
        '  containers:',
        '    - &base',
        '      name: web',
        '      image: nginx:1.27',
        '    - <<: *base',
        '      name: copy',
        '      resources: *labels',
      ),
      expected: [['unknown-field', '13:17-13:24', /^Unknown field `app` in ResourceRequirements at spec\.containers\[1\]\.resources\./]],
    },
    {
      name: 'a ${VAR} placeholder alone is left for envsubst; anything else is checked',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      resources:',
        '        limits:',
        '          nvidia.com/gpu: ${GPUS}',
        '          memory: $MEMORY',
      ),
      expected: [['invalid-quantity', '10:18-10:25', /^`\$MEMORY` is not a valid quantity for `memory`/]],
    },
    {
      name: 'Helm templates get no schema findings',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: {{ .Release.Name }}',
        'spec:',
        '  containers:',
        '    - name: web',
        '      imagePullPolice: {{ .Values.policy }}',
      ),
      expected: [],
    },
  ]);

  it('stays cheap on an alias bomb', () => {
    const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bomb', '  annotations:', '    a0: &a0 "x"'];
    for (let i = 1; i < 30; i++) lines.push(`    a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    lines.push('spec:', '  containers:', '    - name: web', '      image: nginx:1.27');
    // Expanded, this would be 4^29 strings; the walk only sees each alias once, as written.
    const found = schemaSummary(yaml(...lines));
    assert.deepEqual(
      found.map(([code, range]) => [code, range]),
      [...Array(29)].map((_, j) => ['wrong-type', `${6 + j}:4-${6 + j}:${j + 1 < 10 ? 6 : 7}`]),
    );
  });

  it('turns a rule off through settings.rules', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  label: {}', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27');
    assert.equal(schemaSummary(text).length, 1);
    assert.deepEqual(schemaSummary(text, settingsWith({ rules: { 'unknown-field': 'off' } })), []);
    assert.equal(schemaDiagnostics(text, settingsWith({ rules: { 'unknown-field': 'warning' } }))[0].severity, 2);
  });
});

describe('schema validation: silent on valid manifests of every kind', () => {
  const template = [
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    '          ports: [{containerPort: 80, name: http, protocol: TCP}]',
    '          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}',
    '          readinessProbe: {httpGet: {path: /, port: http}}',
    '          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
  ];
  const selector = ['  selector:', '    matchLabels: {app: web}', '  template:'];
  check(
    [
      ['Pod', yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web, labels: {app: web}}', 'spec:', '  securityContext: {runAsNonRoot: true, fsGroup: 2000}', '  volumes: [{name: data, emptyDir: {sizeLimit: 1Gi}}]', '  containers:', '    - name: web', '      image: nginx:1.27', '      env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]', '      volumeMounts: [{name: data, mountPath: /data}]')],
      ['PodTemplate', yaml('apiVersion: v1', 'kind: PodTemplate', 'metadata: {name: web}', 'template:', ...template.map((l) => l.slice(2)))],
      ['Deployment', yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 2', '  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}', ...selector, ...template)],
      ['StatefulSet', yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: web}', 'spec:', '  serviceName: web', '  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]', ...selector, ...template)],
      ['DaemonSet', yaml('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: web}', 'spec:', '  updateStrategy: {type: RollingUpdate}', ...selector, ...template)],
      ['ReplicaSet', yaml('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata: {name: web}', 'spec:', '  replicas: 1', ...selector, ...template)],
      ['Job', yaml('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: web}', 'spec:', '  backoffLimit: 2', '  template:', ...template)],
      ['CronJob', yaml('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: web}', 'spec:', '  schedule: "*/5 * * * *"', '  jobTemplate:', '    spec:', '      template:', ...template.map((l) => `    ${l}`))],
    ].map(([kind, text]) => ({ name: `a valid ${kind}`, text, expected: [] })),
  );
});

describe('schema validation: the target Kubernetes version', () => {
  const text = yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: web}',
    'spec:',
    '  schedulingGroup: {podGroupName: train}',
    '  containers:',
    '    - name: web',
    '      image: nginx:1.27',
  );

  it('accepts a field of the schema version (1.36), warning that its gate is alpha there', () => {
    assert.deepEqual(schemaSummary(text, settingsWith({ kubernetesVersion: '1.36' })), [
      [
        'feature-gate-off',
        '4:2-4:17',
        '`schedulingGroup` depends on the feature gate GenericWorkload, which is alpha and off by default in Kubernetes 1.36 (your target podsmith.kubernetesVersion): unless your cluster turns the gate on, the API server silently drops the field and the Pod runs without it.',
      ],
    ]);
  });

  it('reports a field newer than the target version', () => {
    assert.deepEqual(schemaSummary(text, settingsWith({ kubernetesVersion: '1.35' })), [
      [
        'field-not-in-version',
        '4:2-4:17',
        '`schedulingGroup` exists from Kubernetes 1.36; your target podsmith.kubernetesVersion is 1.35, whose API server does not know it (it rejects or drops the field).',
      ],
    ]);
  });

  it('accepts a field only the target version has (workloadRef, alpha in 1.35), warning that its gate is off', () => {
    const older = text.replace('schedulingGroup: {podGroupName: train}', 'workloadRef: {name: train}');
    assert.deepEqual(
      schemaSummary(older, settingsWith({ kubernetesVersion: '1.35' })).map(([rule]) => rule),
      ['feature-gate-off'],
    );
    assert.deepEqual(schemaSummary(older, settingsWith({ kubernetesVersion: '1.36' })), [
      [
        'field-not-in-version',
        '4:2-4:13',
        '`workloadRef` was removed in Kubernetes 1.36; your target podsmith.kubernetesVersion is 1.36, whose API server does not know it: use `schedulingGroup` (with `podGroupName`) instead.',
      ],
    ]);
  });
});

describe('examples/schema-mistakes.yaml', () => {
  it('has one finding on each line marked with a comment, and none elsewhere', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../examples/schema-mistakes.yaml'), 'utf8');
    const marked = text
      .split('\n')
      .map((line, i) => (/^\s*[^#\s].*\s#\s/.test(line) ? i : -1))
      .filter((i) => i >= 0);
    const found = schemaSummary(text).map(([, range]) => Number(range.split(':')[0]));
    assert.deepEqual(found, marked);
  });
});
