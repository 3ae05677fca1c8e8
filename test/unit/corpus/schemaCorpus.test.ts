import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq } from 'yaml';
import { parseManifestFile } from '../../../server/src/document/manifestFile';
import { diagnosticsOf } from '../support/service';
import { SCHEMA_RULE_IDS } from '../schema/support';
import { sharedDataPath } from '../../../scripts/sharedData';

/**
 * The corpus bar: real manifests from public repositories (../shared/corpus/real, outside the repository), run
 * through the whole service. The schema rules must report every known apiVersion and schema error, the syntax
 * check every known YAML error, and nothing else as an error: everything else is accepted by an API server.
 */
const CORPUS = sharedDataPath('corpus', 'real') ?? path.resolve(__dirname, '../../../../shared/corpus/real');

/**
 * Real errors the list of known findings does not have (it says it is not exhaustive), each checked against the
 * API server's validation: `protocol` must be exactly TCP, UDP or SCTP (pkg/apis/core/validation, validateContainerPorts).
 */
const ALSO_REAL: readonly [file: string, rule: string, line: number, why: string][] = [
  ['k8s-examples/_archived__volumes__aws_ebs__aws-ebs-web.yaml', 'invalid-enum', 11, 'protocol: tcp is rejected; only TCP, UDP, SCTP'],
  ['k8s-examples/_archived__volumes__cinder__cinder-web.yaml', 'invalid-enum', 11, 'protocol: tcp is rejected; only TCP, UDP, SCTP'],
  ['gke-samples/networking__sctp__sctp-deployment.yaml', 'int-or-string', 45, 'a Service targetPort named PORT is rejected: port names are lower-case (validatePortNumOrName)'],
];

/** Known findings outside what the schema rules check, by design. */
const OUT_OF_SCOPE: readonly [file: string, detail: RegExp, why: string][] = [];

interface Known {
  readonly file: string;
  readonly kind: string;
  readonly detail: string;
}

function readKnown(): Known[] {
  const lines = readFileSync(path.join(CORPUS, 'KNOWN_FINDINGS.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file, , kind, detail] = line.split('\t');
    return { file, kind, detail };
  });
}

function corpusFiles(): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(path.join(CORPUS, dir.name))) if (/\.ya?ml$/.test(name)) files.push(`${dir.name}/${name}`);
  }
  return files.sort();
}

/** The 0-based line where a `docN.a.b[0].c` finding of the list lands: the key of its last step. */
function lineOfDetail(text: string, detail: string): number | undefined {
  const match = /^doc(\d+)\.(\S+?):/.exec(detail);
  if (!match) return undefined;
  const file = parseManifestFile('file:///corpus.yaml', 1, text);
  const doc = file.documents[Number(match[1])];
  const steps = match[2].split('.').flatMap((part) => {
    const m = /^([^[]+)((\[\d+\])*)$/.exec(part)!;
    return [m[1], ...[...m[2].matchAll(/\[(\d+)\]/g)].map((i) => Number(i[1]))];
  });
  let node: unknown = doc.root;
  let keyOffset: number | undefined;
  for (const step of steps) {
    if (typeof step === 'number') {
      node = isSeq(node) ? node.items[step] : undefined;
      continue;
    }
    const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === step) : undefined;
    if (!pair || !isScalar(pair.key)) return undefined;
    keyOffset = pair.key.range![0];
    node = pair.value;
  }
  if (keyOffset === undefined) return undefined;
  const absolute = doc.offset + keyOffset;
  return text.slice(0, absolute).split('\n').length - 1;
}

const ERROR = 1;

describe('corpus: real manifests through the schema rules', function () {
  this.timeout(60000);
  if (!existsSync(CORPUS)) {
    it('skipped: ../shared/corpus/real is absent', function () {
      this.skip();
    });
    return;
  }
  const known = readKnown();
  const files = corpusFiles();
  const results = new Map<string, Diagnostic[]>();
  before(() => {
    for (const file of files) results.set(file, diagnosticsOf(readFileSync(path.join(CORPUS, file), 'utf8')));
  });

  it('reads every file without a crash', () => {
    assert.ok(files.length >= 350, `${files.length} files`);
    assert.equal(results.size, files.length);
  });

  it('reports every known removed apiVersion on the apiVersion value', () => {
    for (const k of known.filter((k) => k.kind === 'apiversion')) {
      const version = /removed apiVersion (\S+)/.exec(k.detail)![1];
      const found = results.get(k.file)!.filter((d) => d.code === 'removed-api-version');
      assert.ok(found.length >= 1, `${k.file}: ${k.detail}`);
      assert.ok(found.every((d) => String(d.message).includes(version)), `${k.file}: ${found.map((d) => d.message)}`);
    }
  });

  it('reports every known schema error at its place', () => {
    for (const k of known.filter((k) => k.kind === 'schema-v1.35')) {
      if (OUT_OF_SCOPE.some(([file, detail]) => file === k.file && detail.test(k.detail))) continue;
      const line = lineOfDetail(readFileSync(path.join(CORPUS, k.file), 'utf8'), k.detail);
      assert.notEqual(line, undefined, `${k.file}: ${k.detail} is found in the file`);
      const found = results.get(k.file)!.filter((d) => SCHEMA_RULE_IDS.has(String(d.code)) && d.range.start.line === line);
      assert.equal(found.length, 1, `${k.file}: ${k.detail} → ${JSON.stringify(results.get(k.file)!.map((d) => [d.code, d.range.start.line]))}`);
    }
  });

  it('reports every known YAML error through the syntax check', () => {
    for (const k of known.filter((k) => k.kind === 'yaml')) {
      const found = results.get(k.file)!.filter((d) => d.code === 'duplicate-key' || d.code === 'yaml-syntax');
      assert.ok(found.length >= 1, `${k.file}: ${k.detail}`);
    }
  });

  it('reports no other schema error: everything else is accepted by a 1.35 API server', () => {
    const expected = new Set<string>();
    for (const k of known) {
      if (k.kind === 'apiversion') expected.add(`${k.file}\tremoved-api-version`);
      if (k.kind === 'schema-v1.35') {
        const line = lineOfDetail(readFileSync(path.join(CORPUS, k.file), 'utf8'), k.detail);
        if (line !== undefined) expected.add(`${k.file}\t${line}`);
      }
    }
    for (const [file, , line] of ALSO_REAL) expected.add(`${file}\t${line}`);
    const unexpected: string[] = [];
    for (const [file, diagnostics] of results) {
      for (const d of diagnostics) {
        if (!SCHEMA_RULE_IDS.has(String(d.code)) || d.severity !== ERROR) continue;
        if (expected.has(`${file}\t${d.code}`) || expected.has(`${file}\t${d.range.start.line}`)) continue;
        unexpected.push(`${file}:${d.range.start.line + 1}: ${d.code}: ${d.message}`);
      }
    }
    assert.deepEqual(unexpected, []);
  });

  it('still finds the real errors beyond the list', () => {
    for (const [file, rule, line, why] of ALSO_REAL) {
      const found = results.get(file)!.filter((d) => d.code === rule && d.range.start.line === line);
      assert.equal(found.length, 1, `${file}:${line + 1}: ${why}`);
    }
  });
});
