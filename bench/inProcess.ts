/**
 * In-process figures: the parse floor (the `yaml` package alone), the language service alone on the same text,
 * and where the time of one edit in a large file goes. No process boundary, no JSON-RPC: what is left is ours.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAllDocuments } from 'yaml';
import { ManifestDocument } from '../server/src/document/manifestDocument';
import type { ManifestFile } from '../server/src/document/manifestFile';
import { splitDocuments } from '../server/src/document/splitDocuments';
import { getLanguageService } from '../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { processCpuMs, Samples, type Measured } from './stats';
import type { ProbedWorkload } from './workloads';

/** Wall-clock and CPU time (the whole process) of one call. */
function measure(work: () => void): { ms: number; cpuMs: number } {
  const cpu = processCpuMs();
  const t0 = performance.now();
  work();
  const ms = performance.now() - t0;
  return { ms, cpuMs: processCpuMs() - cpu };
}

/** Median and p95 of `runs` calls of `work` after `warmup` unmeasured ones. */
export function floorTime(runs: number, warmup: number, work: (i: number) => void): Measured {
  return time(runs, warmup, work);
}

function time(runs: number, warmup: number, work: (i: number) => void): Measured {
  for (let i = 0; i < warmup; i++) work(-1 - i);
  const samples = new Samples();
  for (let i = 0; i < runs; i++) samples.add(measure(() => work(i)));
  return samples.summary();
}

export interface FloorFigures {
  /** `yaml`'s parseAllDocuments on the whole text: node tree with source ranges, nothing else. */
  readonly parseFloor: Measured;
  /** Podsmith's service: parse (split + per-document parse) and validate (every check, diagnostics converted). */
  readonly serviceFull: Measured;
  readonly diagnostics: number;
}

export function floorFigures(text: string, runs: number): FloorFigures {
  const service = getLanguageService();
  const parseFloor = time(runs, 2, () => parseAllDocuments(text));
  let diagnostics = 0;
  const serviceFull = time(runs, 2, (i) => {
    // A new URI and version each time: nothing may be reused from an earlier run.
    const textDocument = TextDocument.create(`file:///floor-${i}.yaml`, 'yaml', 1, text);
    const file = service.parse(textDocument, DEFAULT_SETTINGS);
    diagnostics = service.validate({ textDocument, file }, DEFAULT_SETTINGS).length;
  });
  return { parseFloor, serviceFull, diagnostics };
}

/** Where one keystroke in the middle of a large multi-document file spends its time, stage by stage. */
export interface EditBreakdown {
  readonly workload: string;
  /** Diagnostics published after the edit. */
  readonly diagnostics: number;
  /** Documents whose parse was reused after the edit, of all documents: must be all but one. */
  readonly reusedDocuments: number;
  readonly documents: number;
  readonly stages: {
    /** TextDocument.update with the incremental change (line offsets kept up to date). */
    readonly applyChange: Measured;
    /** splitDocuments over the whole file (a line scan). */
    readonly splitDocuments: Measured;
    /** Parsing the one changed document alone. */
    readonly parseChangedDocument: Measured;
    /** service.parse: split + reuse lookup + the one parse. */
    readonly serviceParse: Measured;
    /** service.validate: checks of the changed document + converting every finding of the file to positions. */
    readonly serviceValidate: Measured;
    /** JSON.stringify of the publishDiagnostics message, as the connection does before writing it. */
    readonly serializePublish: Measured;
    /** The whole keystroke in-process: change, parse, validate, serialize. */
    readonly total: Measured;
  };
  readonly publishBytes: number;
}

export function editBreakdown(workload: ProbedWorkload, runs: number): EditBreakdown {
  const service = getLanguageService();
  const uri = 'file:///edit-breakdown.yaml';
  let textDocument = TextDocument.create(uri, 'yaml', 1, workload.text);
  let file: ManifestFile = service.parse(textDocument, DEFAULT_SETTINGS);
  service.validate({ textDocument, file }, DEFAULT_SETTINGS);
  const at = workload.editAt;
  const range = { start: at, end: { line: at.line, character: at.character + 1 } };

  const stages = {
    applyChange: new Samples(),
    splitDocuments: new Samples(),
    parseChangedDocument: new Samples(),
    serviceParse: new Samples(),
    serviceValidate: new Samples(),
    serializePublish: new Samples(),
    total: new Samples(),
  };
  let reusedDocuments = 0;
  let publishBytes = 0;
  let published = 0;
  const warmup = 3;
  /** A clock that reads wall and CPU time together. */
  const now = () => ({ ms: performance.now(), cpuMs: processCpuMs() });
  const between = (a: { ms: number; cpuMs: number }, b: { ms: number; cpuMs: number }) => ({ ms: b.ms - a.ms, cpuMs: b.cpuMs - a.cpuMs });
  for (let i = -warmup; i < runs; i++) {
    const digit = String(5 + (i & 1)); // alternate 5 and 6 so every edit changes the text
    const t0 = now();
    textDocument = TextDocument.update(textDocument, [{ range, text: digit }], textDocument.version + 1);
    const t1 = now();
    const previous = file;
    file = service.parse(textDocument, DEFAULT_SETTINGS, previous);
    const t2 = now();
    const diagnostics = service.validate({ textDocument, file }, DEFAULT_SETTINGS);
    const t3 = now();
    const json = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: textDocument.version, diagnostics } });
    const t4 = now();
    publishBytes = Buffer.byteLength(json);
    published = diagnostics.length;
    reusedDocuments = file.documents.filter((doc, index) => doc.sameParseAs(previous.documents[index])).length;

    // The stages below re-do parts of the work on their own, to see what each costs.
    const text = textDocument.getText();
    const s0 = now();
    const segments = splitDocuments(text)!;
    const s1 = now();
    const changed = file.documents.findIndex((doc, index) => !doc.sameParseAs(previous.documents[index]));
    const s2 = now();
    if (changed >= 0) void ManifestDocument.parse(segments[changed], changed).yaml; // the tree is built on first read
    const s3 = now();
    if (i < 0) continue;
    stages.applyChange.add(between(t0, t1));
    stages.serviceParse.add(between(t1, t2));
    stages.serviceValidate.add(between(t2, t3));
    stages.serializePublish.add(between(t3, t4));
    stages.total.add(between(t0, t4));
    stages.splitDocuments.add(between(s0, s1));
    stages.parseChangedDocument.add(between(s2, s3));
  }
  const summaries = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, v.summary()])) as EditBreakdown['stages'];
  return { workload: workload.name, diagnostics: published, reusedDocuments, documents: file.documents.length, stages: summaries, publishBytes };
}

/** Heap in use after a full garbage collection, in MB (the collector is exposed for the benchmark only). */
function heapAfterGcMb(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

export interface Retention {
  readonly edits: number;
  readonly heapAfterOpenMb: number;
  readonly heapAfterEditsMb: number;
}

/**
 * Memory across a session: one keystroke in each of `edits` different documents of a large file. A document
 * reused across edits must not keep old versions of the file's text alive.
 */
export function retention(workload: ProbedWorkload, edits: number): Retention {
  const service = getLanguageService();
  let textDocument = TextDocument.create('file:///retention.yaml', 'yaml', 1, workload.text);
  let file: ManifestFile = service.parse(textDocument, DEFAULT_SETTINGS);
  service.validate({ textDocument, file }, DEFAULT_SETTINGS);
  const heapAfterOpenMb = heapAfterGcMb();
  const lines = workload.text.split('\n');
  const targets = lines.flatMap((line, i) => (line.startsWith('  replicas: ') ? [i] : []));
  for (let k = 0; k < edits; k++) {
    const line = targets[(k * 37) % targets.length];
    const at = { line, character: '  replicas: '.length };
    textDocument = TextDocument.update(textDocument, [{ range: { start: at, end: { line, character: at.character + 1 } }, text: String(k % 10) }], textDocument.version + 1);
    file = service.parse(textDocument, DEFAULT_SETTINGS, file);
    service.validate({ textDocument, file }, DEFAULT_SETTINGS);
  }
  return { edits, heapAfterOpenMb, heapAfterEditsMb: heapAfterGcMb() };
}
