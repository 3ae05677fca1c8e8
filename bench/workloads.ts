/**
 * The benchmark's manifests, generated in code so that no large fixture is committed and every run measures the
 * same text. Everything is deterministic: names and values come from indexes, never from a random source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A zero-based LSP position. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Workload {
  readonly name: string;
  readonly text: string;
  readonly lines: number;
}

/** A workload with the places the latency figures ask about. */
export interface ProbedWorkload extends Workload {
  /** On the `imagePullPolicy` key of a container in the middle of the file. */
  readonly hoverAt: Position;
  /** At the start of that key: the completion a person gets while typing a container field. */
  readonly completeAt: Position;
  /** A one-character value (`replicas: 3`) in the middle of the file, replaced by the edit figure. */
  readonly editAt: Position;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = lineCount(before + 'x') - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** One container, `indent` spaces deep (the `- name:` dash at `indent`). */
function container(indent: number, name: string, image: string, port: number, envCount: number, seed: number, probes = true): string[] {
  const p = ' '.repeat(indent);
  // Port names are unique within a Pod, as Kubernetes requires.
  const portName = name === 'app' ? 'http' : name;
  const lines = [
    `${p}- name: ${name}`,
    `${p}  image: registry.example.com/team/${image}:1.${seed % 10}.${seed % 7}`,
    `${p}  imagePullPolicy: IfNotPresent`,
    `${p}  ports:`,
    `${p}    - name: ${portName}`,
    `${p}      containerPort: ${port}`,
    `${p}      protocol: TCP`,
  ];
  if (envCount > 0) {
    lines.push(`${p}  env:`);
    for (let i = 0; i < envCount; i++) {
      if (i % 5 === 4) {
        lines.push(`${p}    - name: SECRET_${i}`, `${p}      valueFrom:`, `${p}        secretKeyRef:`, `${p}          name: ${name}-secrets`, `${p}          key: key-${i}`);
      } else {
        lines.push(`${p}    - name: SETTING_${i}`, `${p}      value: "value-${seed}-${i}"`);
      }
    }
  }
  lines.push(
    `${p}  resources:`,
    `${p}    requests:`,
    `${p}      cpu: ${100 + (seed % 4) * 50}m`,
    `${p}      memory: ${128 * (1 + (seed % 3))}Mi`,
    `${p}    limits:`,
    `${p}      memory: ${256 * (1 + (seed % 3))}Mi`,
  );
  if (probes) {
    lines.push(
      `${p}  readinessProbe:`,
    `${p}    httpGet:`,
    `${p}      path: /healthz`,
    `${p}      port: ${portName}`,
    `${p}    periodSeconds: 10`,
    `${p}  livenessProbe:`,
    `${p}    tcpSocket:`,
    `${p}      port: ${port}`,
    `${p}    initialDelaySeconds: 15`,
    );
  }
  lines.push(
    `${p}  securityContext:`,
    `${p}    runAsNonRoot: true`,
    `${p}    allowPrivilegeEscalation: false`,
    `${p}    readOnlyRootFilesystem: true`,
    `${p}  volumeMounts:`,
    `${p}    - name: config`,
    `${p}      mountPath: /etc/${name}`,
    `${p}      readOnly: true`,
    `${p}    - name: scratch`,
    `${p}      mountPath: /tmp`,
  );
  return lines;
}

function volumes(indent: number, configName: string): string[] {
  const p = ' '.repeat(indent);
  return [
    `${p}volumes:`,
    `${p}  - name: config`,
    `${p}    configMap:`,
    `${p}      name: ${configName}`,
    `${p}  - name: scratch`,
    `${p}    emptyDir:`,
    `${p}      sizeLimit: 64Mi`,
  ];
}

/** (a) A typical Pod: three containers (app, sidecar, proxy), about 120 lines. */
export function typicalPod(): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: shop-frontend',
    '  namespace: shop',
    '  labels:',
    '    app.kubernetes.io/name: frontend',
    '    app.kubernetes.io/part-of: shop',
    '  annotations:',
    '    example.com/owner: storefront-team',
    'spec:',
    '  serviceAccountName: frontend',
    '  terminationGracePeriodSeconds: 30',
    '  securityContext:',
    '    fsGroup: 2000',
    '  containers:',
    ...container(4, 'app', 'frontend', 8080, 2, 1),
    ...container(4, 'log-shipper', 'shipper', 9090, 0, 2),
    ...container(4, 'proxy', 'envoy', 15001, 0, 3, false),
    ...volumes(2, 'frontend-config'),
  ];
  return lines.join('\n') + '\n';
}

/** One Deployment of the multi-document file: about 80 lines, two containers. */
function deployment(index: number, containers: { envCount: number; probes?: boolean }[], extra: string[] = []): string[] {
  const name = `svc-${String(index).padStart(3, '0')}`;
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: fleet',
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    'spec:',
    `  replicas: ${1 + (index % 5)}`,
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: ${name}`,
    '    spec:',
    ...extra,
    '      containers:',
    ...containers.flatMap((c, i) =>
      container(8, i === 0 ? 'app' : `helper-${i}`, i === 0 ? name : 'helper', 8080 + i, c.envCount, index + i, c.probes),
    ),
    ...volumes(6, `${name}-config`),
  ];
}

/** (b) One Deployment of 1,000 lines: four containers with long environment lists, as generated charts produce. */
export function largeDeployment(): ProbedWorkload {
  const text = deployment(0, [{ envCount: 80 }, { envCount: 80 }, { envCount: 80 }, { envCount: 85 }]).join('\n') + '\n';
  return probed('(b) 1,000-line Deployment', text, 0);
}

/**
 * (c) 500 Deployments in one file, 42,020 lines, 1.09 MB. Every 25th, from the first, carries one mistake a person
 * makes (a field name with a typo) so that both servers have diagnostics to convert and publish, as in a real file
 * being edited, and so that the first screen of the file (VIEW_AT_OPEN) has one: the time to the first diagnostics
 * is the time until that one shows.
 *
 * `count` makes the larger files of the edit figures; the probes (hover, completion, the edited value) are in
 * document `probed`, the middle of the 500 by default, which is inside the documents Podsmith checks
 * (MAX_DOCUMENTS) in every size.
 */
export function manyDeployments(count = 500, probedDocument = 250): ProbedWorkload {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const extra = i % 25 === 0 ? ['      restartPolicyy: Always'] : [];
    docs.push(deployment(i, [{ envCount: 1 }, { envCount: 0, probes: false }], extra).join('\n') + '\n');
  }
  const text = docs.map((d) => `---\n${d}`).join('');
  const name = count === 500 ? `(c) ${count} Deployments` : `${count.toLocaleString('en')} Deployments`;
  return probed(name, text, text.indexOf(`name: svc-${String(probedDocument).padStart(3, '0')}\n`));
}

/** The lines an editor shows when it opens a file: the first screen. */
export const VIEW_AT_OPEN = { first: 0, last: 59 } as const;

/** Finds the probe positions in the first Deployment at or after `from`. */
function probed(name: string, text: string, from: number): ProbedWorkload {
  const policy = text.indexOf('imagePullPolicy:', from);
  const replicas = text.indexOf('replicas: ', from) + 'replicas: '.length;
  const policyAt = positionOf(text, policy);
  return {
    name,
    text,
    lines: lineCount(text),
    hoverAt: { line: policyAt.line, character: policyAt.character + 3 },
    completeAt: policyAt,
    editAt: positionOf(text, replicas),
  };
}

/** A Pod with a field that does not exist: both servers must report it, or the comparison means nothing. */
export const WRONG_FIELD = 'imagePullPolicyy';
export function warmUpPod(): string {
  return typicalPod().replace('    imagePullPolicy: IfNotPresent', `    ${WRONG_FIELD}: IfNotPresent`);
}

/** (d) The real manifests, sorted by path, or an empty list when the corpus is not there. */
export function realManifests(dir: string): Workload[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return [];
    names = readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => {
      const text = readFileSync(path.join(dir, n), 'utf8');
      return { name: n, text, lines: lineCount(text) };
    });
}

/**
 * (c) with a mistake in every container (an imagePullPolicy that does not exist): about a thousand findings, the
 * most Podsmith publishes for one file. Used in-process to see what placing and publishing diagnostics costs.
 */
export function noisyDeployments(): ProbedWorkload {
  const c = manyDeployments();
  return { ...c, name: `${c.name}, a mistake in every container`, text: c.text.replaceAll('imagePullPolicy: IfNotPresent', 'imagePullPolicy: Sometimes') };
}
