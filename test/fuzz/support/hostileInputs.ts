/**
 * Inputs people (and attackers) really open: alias bombs, runaway nesting, huge files and lines, binary garbage,
 * thousands of documents, Windows line ends and byte-order marks, tabs, bytes that are not UTF-8, Helm templates,
 * JSON. Each comes with what a person must see, so the tests check answers, not just survival.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_DOCUMENTS } from '../../../server/src/document/manifestFile';
import { MAX_NESTING } from '../../../server/src/document/nestingLimit';
import type { PodsmithSettings } from '../../../server/src/core/settings';

export interface HostileInput {
  readonly name: string;
  readonly text: () => string;
  readonly settings?: Partial<PodsmithSettings>;
  /** Too big to send through the server process in a test (it would test the pipe, not Podsmith). */
  readonly serviceOnly?: boolean;
  /** A larger hang bound for the parse and first check of inputs the YAML parser itself needs seconds for. */
  readonly boundMs?: number;
  /** What the person sees: `[code, "line:col-line:col"]` of the first diagnostics, or a custom check. */
  readonly expect: ExpectedFindings | ((diagnostics: Diagnostic[]) => void);
}

export type ExpectedFindings = readonly (readonly [string, string])[];

export const TOO_DEEP_MESSAGE = `nested more than ${MAX_NESTING} levels deep`;

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}',
  '',
].join('\n');

/** The Pod with a misspelled field on line 7 (`imagee`), which every variant must report at 7:6-7:12. */
const POD_WITH_TYPO = POD.replace('      image:', '      imagee: x\n      image:');

/** A small deterministic generator, so the "random" bytes are the same on every run. */
function bytes(count: number, seed: number): Buffer {
  const out = Buffer.alloc(count);
  let x = seed >>> 0;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Nine anchors, each a list of nine aliases of the one before: 9^9 leaves if anything expanded it. */
function aliasBomb(header: string[], use: string[]): string {
  const lines = [...header, 'x0: &a0 [{name: c, image: nginx}]'];
  for (let i = 1; i <= 9; i++) lines.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return [...lines, ...use, ''].join('\n');
}

function codes(diagnostics: Diagnostic[]): [string, string][] {
  return diagnostics.map((d) => [
    String(d.code),
    `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  ]);
}

export function summaryOf(diagnostics: Diagnostic[]): [string, string][] {
  return codes(diagnostics);
}

/** The biggest inputs come last: the garbage they leave must not slow down the timed requests of the others. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'billion laughs in plain YAML',
    text: () => aliasBomb([], ['all: *a9']),
    // Expanded as kubectl would, up to the budget: one finding where the expansion stops.
    expect: [['yaml-alias-expansion', '4:14-4:17']],
  },
  {
    name: 'billion laughs as a Pod\'s containers, volumes and labels',
    text: () => aliasBomb(['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bomb', '  labels: &l0 {a: b}'], ['spec:', '  containers: *a9', '  volumes: *a9', '  nodeSelector: *l0']),
    // The ten made-up top-level keys are wrong; the expansion stops (one finding) long before the Pod's fields.
    expect: [
      ['yaml-alias-expansion', '9:14-9:17'],
      ...Array.from({ length: 10 }, (_, i) => ['unknown-field', `${5 + i}:0-${5 + i}:${i === 10 ? 3 : 2}`] as const),
    ],
  },
  {
    name: '10,000 nested flow sequences',
    text: () => '['.repeat(10_000) + ']'.repeat(10_000) + '\n',
    expect: [['yaml-syntax', `0:${MAX_NESTING}-0:${MAX_NESTING + 1}`]],
  },
  {
    name: `a Pod whose container args nest ${MAX_NESTING - 10} levels deep (just under the limit)`,
    text: () => POD.replace('image: nginx:1.27', `image: nginx:1.27\n      args: ${'['.repeat(MAX_NESTING - 10)}${']'.repeat(MAX_NESTING - 10)}`),
    // Read in full: the schema walk and every rule go all the way down, and say what is wrong at the first level.
    expect: (diagnostics) => {
      if (!codes(diagnostics).some(([code, range]) => code === 'wrong-type' && range.startsWith('8:'))) {
        throw new Error(`expected a wrong-type finding on the args line: ${JSON.stringify(codes(diagnostics))}`);
      }
    },
  },
  {
    name: `a Deployment whose annotations nest block mappings ${MAX_NESTING - 10} levels deep`,
    text: () =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: deep',
        '  annotations:',
        ...Array.from({ length: MAX_NESTING - 10 }, (_, i) => `${' '.repeat(4 + i)}k${i}:`),
        'spec: {}',
        '',
      ].join('\n'),
    expect: (diagnostics) => {
      if (diagnostics.length === 0 || diagnostics.some((d) => d.code === 'yaml-syntax')) {
        throw new Error(`expected findings about the annotations and the spec, no syntax error: ${JSON.stringify(codes(diagnostics))}`);
      }
    },
  },
  {
    name: '10,000 nested block sequences (`- - - ...`)',
    text: () => '- '.repeat(10_000) + 'x\n',
    expect: [['yaml-syntax', `0:${MAX_NESTING * 2}-0:${MAX_NESTING * 2 + 1}`]],
  },
  {
    name: 'a 100,000-character image on one line, then a typo',
    text: () => POD_WITH_TYPO.replace('image: nginx:1.27', `image: ${'x'.repeat(100_000)}`),
    expect: (diagnostics) => {
      const typo = codes(diagnostics).find(([code]) => code === 'unknown-field');
      if (!typo || typo[1] !== '7:6-7:12') throw new Error(`typo not at 7:6-7:12: ${JSON.stringify(codes(diagnostics))}`);
    },
  },
  {
    name: 'a 100,000-character line of flow items',
    text: () => `items: [${'ab, '.repeat(25_000)}]\n`,
    expect: [],
  },
  {
    name: 'a 100,000-character key',
    text: () => `${'k'.repeat(100_000)}: v\n`,
    expect: (diagnostics) => {
      const [first] = codes(diagnostics);
      if (first?.[0] !== 'yaml-syntax' || first[1] !== '0:0-0:100000') throw new Error(JSON.stringify(codes(diagnostics)));
      if (!/at most 1024 characters/.test(messageOf(diagnostics[0]))) throw new Error(messageOf(diagnostics[0]));
    },
  },
  {
    name: '64 KB of binary garbage read as Latin-1',
    text: () => bytes(65_536, 1).toString('latin1'),
    expect: () => undefined,
  },
  {
    name: '64 KB of binary garbage read as UTF-8 (replacement characters)',
    text: () => bytes(65_536, 2).toString('utf8'),
    expect: () => undefined,
  },
  {
    name: '1,000 Pods, the last with a duplicate key',
    text: () => {
      const docs = Array.from({ length: MAX_DOCUMENTS }, (_, i) => POD.replace('name: web', `name: web-${i}`));
      docs[MAX_DOCUMENTS - 1] = docs[MAX_DOCUMENTS - 1].replace('kind: Pod\n', 'kind: Pod\nkind: Pod\n');
      return docs.join('---\n');
    },
    // Each document is 9 lines plus its `---`; the duplicate is the second line of the last one.
    boundMs: 30_000,
    expect: [['duplicate-key', `${(MAX_DOCUMENTS - 1) * 10 + 2}:0-${(MAX_DOCUMENTS - 1) * 10 + 2}:4`]],
  },
  {
    // Each document costs the parser tens of microseconds even when empty: 35 s and 1.9 GB to open.
    name: '5,000 Pods, the last with a duplicate key past the document limit',
    text: () => {
      const docs = Array.from({ length: 5000 }, (_, i) => POD.replace('name: web', `name: web-${i}`));
      docs[4999] = docs[4999].replace('kind: Pod\n', 'kind: Pod\nkind: Pod\n');
      return docs.join('---\n');
    },
    expect: [['too-many-documents', `${MAX_DOCUMENTS * 10 - 1}:0-${MAX_DOCUMENTS * 10 - 1}:0`]],
  },
  {
    name: 'a million document markers (4 MB)',
    text: () => '---\n'.repeat(1_000_000),
    expect: [['too-many-documents', `${MAX_DOCUMENTS}:0-${MAX_DOCUMENTS}:0`]],
  },
  {
    // The diagram compared every container with every other (port clashes) and every finding with every element:
    // minutes for 20,000 containers, with the server answering nothing meanwhile.
    name: 'a Pod with 1,500 containers on one port, each mounting a volume',
    text: () =>
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: crowd}',
        'spec:',
        '  volumes:',
        ...Array.from({ length: 100 }, (_, i) => `  - {name: v${i}, emptyDir: {}}`),
        '  containers:',
        ...Array.from({ length: 1500 }, (_, i) => `  - {name: c${i}, image: nginx:1.27, ports: [{containerPort: 80}], volumeMounts: [{name: v${i % 100}, mountPath: /d}]}`),
        '',
      ].join('\n'),
    // Just under the longest document that is parsed (MAX_DOCUMENT_LENGTH); every request after the parse must be quick.
    boundMs: 30_000,
    // Thousands of findings (each container lacks resources and clashes on port 80): the first 1000 and a notice.
    expect: (diagnostics) => {
      const last = codes(diagnostics).pop();
      if (diagnostics.length !== 1001 || last?.[0] !== 'too-many-problems') throw new Error(`expected 1000 problems and the notice, got ${diagnostics.length}, last ${JSON.stringify(last)}`);
    },
  },
  {
    name: 'Windows line ends and a byte-order mark',
    text: () => '\ufeff' + POD_WITH_TYPO.replace(/\n/g, '\r\n'),
    expect: [['unknown-field', '7:6-7:12']],
  },
  // The editor counts \r, \n and \r\n each as a line break; so must every finding's line.
  {
    name: 'old Mac line ends (CR only)',
    text: () => POD_WITH_TYPO.replace(/\n/g, '\r'),
    expect: [['unknown-field', '7:6-7:12']],
  },
  {
    name: 'a CR before every CR LF (two line breaks each)',
    text: () => POD_WITH_TYPO.replace(/\n/g, '\r\r\n'),
    expect: [['unknown-field', '14:6-14:12']],
  },
  {
    name: 'LF, CR and CR LF line ends mixed',
    text: () => POD_WITH_TYPO.split('\n').map((line, i) => line + ['\n', '\r', '\r\n'][i % 3]).join(''),
    expect: [['unknown-field', '7:6-7:12']],
  },
  {
    name: 'a tab used for indentation',
    text: () => POD.replace('    - name: web', '\t- name: web'),
    expect: (diagnostics) => {
      const [first] = codes(diagnostics);
      if (!first || first[0] !== 'yaml-syntax' || first[1] !== '6:0-6:1') throw new Error(JSON.stringify(codes(diagnostics)));
      if (!/tab/i.test(messageOf(diagnostics[0]))) throw new Error(messageOf(diagnostics[0]));
    },
  },
  {
    name: 'bytes that are not UTF-8, and a lone surrogate, inside values',
    text: () => POD_WITH_TYPO.replace('name: web', `name: web${Buffer.from([0xff, 0xfe, 0xc3, 0x28]).toString('utf8')}\ud800`),
    expect: (diagnostics) => {
      if (!codes(diagnostics).some(([code, range]) => code === 'unknown-field' && range === '7:6-7:12')) {
        throw new Error(`typo not at 7:6-7:12: ${JSON.stringify(codes(diagnostics))}`);
      }
    },
  },
  {
    name: 'a Helm template',
    text: () =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: {{ include "app.fullname" . }}',
        '  labels:',
        '    {{- include "app.labels" . | nindent 4 }}',
        'spec:',
        '  {{- if not .Values.autoscaling.enabled }}',
        '  replicas: {{ .Values.replicaCount }}',
        '  {{- end }}',
        '  selector:',
        '    matchLabels:',
        '      {{- include "app.selectorLabels" . | nindent 6 }}',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: {{ .Chart.Name }}',
        '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
        '          {{- with .Values.resources }}',
        '          resources:',
        '            {{- toYaml . | nindent 12 }}',
        '          {{- end }}',
        '',
      ].join('\n'),
    expect: [],
  },
  {
    name: 'JSON written as YAML, with a typo',
    text: () =>
      JSON.stringify(
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', imagee: 'x', image: 'nginx:1.27' }] } },
        null,
        2,
      ),
    expect: (diagnostics) => {
      if (!codes(diagnostics).some(([code, range]) => code === 'unknown-field' && range === '10:8-10:16')) {
        throw new Error(`"imagee" not reported at 10:8-10:16: ${JSON.stringify(codes(diagnostics))}`);
      }
    },
  },
  {
    name: 'an empty file',
    text: () => '',
    expect: [],
  },
  {
    name: 'only document markers and comments',
    text: () => '---\n# nothing\n---\n...\n---\n',
    expect: [],
  },  {
    name: '10,000 levels of block indentation (50 MB) under the default size limit',
    text: () => Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
    serviceOnly: true,
    expect: [['file-too-large', '0:0-0:0']],
  },
  {
    name: '10,000 levels of block indentation (50 MB) with the size limit raised',
    text: () => Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
    settings: { maxFileSize: 100_000_000 },
    serviceOnly: true,
    // One document above the longest one that is parsed: a notice, not seconds of parsing.
    expect: [['document-too-large', '0:0-0:0']],
  },
  {
    name: 'a CRD with 5,000 fields and a $ref cycle, and a resource with a 50,000-character value for an exponential pattern',
    text: () => [
      crdOf(`{type: object, properties: {spec: {type: object, properties: {${Array.from({ length: 5000 }, (_, i) => `p${i}: {type: string}`).join(', ')}}}}}`, 'Big'),
      crdOf("{type: object, properties: {spec: {$ref: '#'}}}", 'Loop'),
      crdOf("{type: object, properties: {name: {type: string, pattern: '^(a+)+$'}}}", 'Slow'),
      `apiVersion: example.com/v1\nkind: Slow\nname: ${'a'.repeat(50_000)}!\n`,
      'apiVersion: example.com/v1\nkind: Big\nspec: {p1: 3}\n',
    ].join('---\n'),
    expect: [
      // Past 1,500 schemas, on the field where the bound is passed; the resource of that CRD is not checked.
      ['crd-schema-not-checked', '12:33431-12:33436'],
      ['crd-invalid-schema', '26:60-26:64'],
      // The pattern is not tested: the 50,000-character value costs nothing.
      ['crd-schema-not-checked', '36:12-36:14'],
    ],
  },
  {
    name: 'a 10 MB manifest stream',
    text: () => (POD + '---\n').repeat(Math.ceil(10_000_000 / (POD.length + 4))),
    expect: (diagnostics) => {
      if (diagnostics.length !== 1 || diagnostics[0].code !== 'file-too-large') throw new Error(`expected one file-too-large notice, got ${JSON.stringify(codes(diagnostics))}`);
      if (!/it is 10\.0 MB, above the limit of 5\.0 MB/.test(messageOf(diagnostics[0]))) throw new Error(messageOf(diagnostics[0]));
    },
  },

];

/** A CRD of group example.com, kind `kind`, one served version v1 with this schema (flow YAML). */
function crdOf(schema: string, kind: string): string {
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    `metadata: {name: ${kind.toLowerCase()}s.example.com}`,
    'spec:',
    '  group: example.com',
    '  scope: Namespaced',
    `  names: {kind: ${kind}, plural: ${kind.toLowerCase()}s}`,
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    `        openAPIV3Schema: ${schema}`,
    '',
  ].join('\n');
}

/** Checks a case's expectation; throws with what differs. */
export function checkExpectation(input: HostileInput, diagnostics: Diagnostic[]): void {
  if (typeof input.expect === 'function') {
    input.expect(diagnostics);
    return;
  }
  const actual = codes(diagnostics);
  const expected = input.expect.map(([c, r]) => [c, r]);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${input.name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** A diagnostic's message as text (LSP 3.18 allows markup there). */
export function messageOf(diagnostic: Diagnostic): string {
  const message = diagnostic.message as string | { value: string };
  return typeof message === 'string' ? message : message.value;
}
