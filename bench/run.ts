/**
 * `npm run bench`: Podsmith against yaml-language-server on the same manifests, in the same run, plus the parse
 * floor. Prints a table and writes bench/results/latest.json. See bench/README.md for what each figure means.
 *
 *   npx tsx bench/run.ts [--quick] [--no-build]
 *
 * --quick runs each figure fewer times (for iterating; the figures are noisier). --no-build measures dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAnchorSchema } from './anchorSchema';
import { editBreakdown, floorFigures } from './inProcess';
import { measureServer, type RunCounts, type ServerFigures, type Workloads } from './scenarios';
import { podsmithServer, yamlLanguageServer } from './servers';
import { formatMs, type Summary } from './stats';
import { largeDeployment, manyDeployments, realManifests, typicalPod } from './workloads';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');
const quick = process.argv.includes('--quick');

/** Podsmith gets more runs than the anchor: its figures are smaller, so noise weighs more. */
const COUNTS: Record<'podsmith' | 'anchor', RunCounts> = quick
  ? {
      podsmith: { coldStarts: 3, openSmall: 5, openLarge: 5, openHuge: 3, requests: 10, edits: 6 },
      anchor: { coldStarts: 2, openSmall: 3, openLarge: 3, openHuge: 2, requests: 5, edits: 3 },
    }
  : {
      podsmith: { coldStarts: 10, openSmall: 30, openLarge: 20, openHuge: 10, requests: 40, edits: 30 },
      anchor: { coldStarts: 6, openSmall: 12, openLarge: 10, openHuge: 6, requests: 20, edits: 10 },
    };

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Builds what the benchmark runs: the full build when the schema is missing, else the bundles of the current code. */
function build(): void {
  if (process.argv.includes('--no-build') && existsSync(path.join(ROOT, 'dist', 'server.js'))) return;
  const full = !existsSync(path.join(ROOT, 'dist', 'schema', 'kubernetes.schema.json'));
  log(full ? 'building (dist/ is missing)' : 'bundling the current sources');
  const args = [path.join(ROOT, 'scripts', 'build.mjs'), ...(full ? [] : ['--bundles-only'])];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed; the benchmark measures dist/server.js');
}

function gitCommit(): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

interface Figure {
  readonly id: string;
  readonly label: string;
  readonly podsmith?: Summary;
  readonly anchor?: Summary;
  /** Podsmith median / anchor median, as a person waits for them. */
  readonly ratio?: number;
  /** The same with the anchor's fixed validation delay taken out: the work itself. */
  readonly ratioWork?: number;
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}

function compare(id: string, label: string, ours: Summary, theirs: Summary, debounceMs: number, absolute?: { ms: number; text: string }): Figure {
  const ratio = ours.median / theirs.median;
  const ratioWork = debounceMs > 0 ? ours.median / Math.max(1, theirs.median - debounceMs) : undefined;
  const checks: string[] = [];
  let met = ratio <= 0.25;
  checks.push('≤0.25x');
  if (absolute) {
    checks.unshift(absolute.text);
    met = met && ours.median < absolute.ms;
  }
  return { id, label, podsmith: ours, anchor: theirs, ratio, ratioWork, target: checks.join(', '), met };
}

function figuresOf(ours: ServerFigures, theirs: ServerFigures, debounceMs: number): Figure[] {
  const mb = (v: number | undefined): Summary => ({ runs: 1, median: v ?? NaN, p95: v ?? NaN, min: v ?? NaN });
  const figures: Figure[] = [
    compare('coldStart', 'cold start → first diagnostics (a)', ours.coldStart, theirs.coldStart, debounceMs, { ms: 300, text: '<300 ms' }),
    compare('openA', 'didOpen → diagnostics (a) Pod', ours.open.a, theirs.open.a, debounceMs),
    compare('openB', 'didOpen → diagnostics (b) 1k lines', ours.open.b, theirs.open.b, debounceMs),
    compare('openC', 'didOpen → diagnostics (c) 40k lines', ours.open.c, theirs.open.c, debounceMs),
    compare('editC', 'edit in (c) → diagnostics', ours.editInPlace, theirs.editInPlace, debounceMs, { ms: 30, text: '<30 ms' }),
    compare('editLineC', 'new/removed line in (c) → diag.', ours.editNewLine, theirs.editNewLine, debounceMs, { ms: 30, text: '<30 ms' }),
    compare('hoverB', 'hover (b)', ours.hover.b, theirs.hover.b, 0, { ms: 20, text: '<20 ms' }),
    compare('hoverC', 'hover (c)', ours.hover.c, theirs.hover.c, 0, { ms: 20, text: '<20 ms' }),
    compare('completionB', 'completion (b)', ours.completion.b, theirs.completion.b, 0, { ms: 20, text: '<20 ms' }),
    compare('completionC', 'completion (c)', ours.completion.c, theirs.completion.c, 0, { ms: 20, text: '<20 ms' }),
  ];
  if (ours.corpus && theirs.corpus) {
    figures.push(compare('corpusPerFile', `(d) real files, didOpen → diag. (${ours.corpus.files})`, ours.corpus.perFile, theirs.corpus.perFile, debounceMs));
    const total = (c: NonNullable<ServerFigures['corpus']>): Summary => ({ runs: 1, median: c.totalMs, p95: c.totalMs, min: c.totalMs });
    figures.push(compare('corpusTotal', '(d) all real files, one by one', total(ours.corpus), total(theirs.corpus), debounceMs * theirs.corpus.files));
  }
  const rss = compare('rssC', 'server RSS with (c) open (MB)', mb(ours.rssAfterHugeMb), mb(theirs.rssAfterHugeMb), 0, { ms: 150, text: '<150 MB' });
  figures.push({ ...rss, note: 'MB, not ms' });
  return figures;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(figures: Figure[], ours: ServerFigures, theirs: ServerFigures, floor: ReturnType<typeof floorFigures>, edit: ReturnType<typeof editBreakdown>, work: Workloads): string {
  const out: string[] = [];
  const cell = (s: Summary | undefined, isMb: boolean) =>
    !s ? '-' : isMb ? `${s.median.toFixed(0)} MB` : `${formatMs(s.median)} / ${formatMs(s.p95)}`;
  out.push(
    `${pad('figure', 38)} ${pad('podsmith med / p95', 22, true)} ${pad('yaml-ls med / p95', 22, true)} ${pad('ratio', 6, true)} ${pad('work', 6, true)}  target`,
  );
  out.push('-'.repeat(120));
  for (const f of figures) {
    const isMb = f.note === 'MB, not ms';
    out.push(
      `${pad(f.label, 38)} ${pad(cell(f.podsmith, isMb), 22, true)} ${pad(cell(f.anchor, isMb), 22, true)} ${pad(f.ratio?.toFixed(2) ?? '-', 6, true)} ${pad(f.ratioWork?.toFixed(2) ?? '', 6, true)}  ${f.target ?? ''} ${f.met ? 'met' : 'NOT met'}`,
    );
  }
  out.push('');
  out.push(`ratio = Podsmith / yaml-ls medians, as waited for; work = the same with yaml-ls's fixed 200 ms validation delay taken out.`);
  out.push('');
  out.push(`Parse floor, (c) ${work.c.lines} lines, ${(work.c.text.length / 1e6).toFixed(2)} MB, in-process:`);
  out.push(`  yaml parseAllDocuments              ${formatMs(floor.parseFloor.median)} (p95 ${formatMs(floor.parseFloor.p95)})`);
  out.push(`  Podsmith service parse + validate   ${formatMs(floor.serviceFull.median)} (p95 ${formatMs(floor.serviceFull.p95)}) = ${(floor.serviceFull.median / floor.parseFloor.median).toFixed(2)}x floor (target ≤3x)`);
  out.push(`  Podsmith over LSP, didOpen → diag.  ${formatMs(ours.open.c.median)} = ${(ours.open.c.median / floor.parseFloor.median).toFixed(2)}x floor`);
  out.push(`  yaml-ls over LSP, didOpen → diag.   ${formatMs(theirs.open.c.median)} = ${(theirs.open.c.median / floor.parseFloor.median).toFixed(2)}x floor (${((theirs.open.c.median - 200) / floor.parseFloor.median).toFixed(2)}x without its delay)`);
  out.push('');
  out.push(`One edit in (c), in-process: ${edit.reusedDocuments} of ${edit.documents} documents reused (expected ${edit.documents - 1}); publish ${(edit.publishBytes / 1024).toFixed(0)} KB`);
  for (const [stage, s] of Object.entries(edit.stages)) out.push(`  ${pad(stage, 22)} ${formatMs(s.median)} (p95 ${formatMs(s.p95)})`);
  out.push('');
  out.push(`Diagnostics published (podsmith / yaml-ls): (a) ${ours.diagnosticsCount.a} / ${theirs.diagnosticsCount.a}, (b) ${ours.diagnosticsCount.b} / ${theirs.diagnosticsCount.b}, (c) ${ours.diagnosticsCount.c} / ${theirs.diagnosticsCount.c}${ours.corpus && theirs.corpus ? `, (d) ${ours.corpus.diagnostics} / ${theirs.corpus.diagnostics}` : ''}`);
  out.push(`Wrong field of the warm-up Pod reported: podsmith ${ours.reportsWrongField ? 'yes' : 'NO'}, yaml-ls ${theirs.reportsWrongField ? 'yes' : 'NO'}`);
  out.push(`Hover on (c) answers: podsmith ${ours.hoverAnswer.c ? `${ours.hoverAnswer.c.length} chars` : 'none'}, yaml-ls ${theirs.hoverAnswer.c ? `${theirs.hoverAnswer.c.length} chars` : 'none'}; completion items on (c): podsmith ${ours.completionItems.c}, yaml-ls ${theirs.completionItems.c}`);
  out.push(`RSS at the end of the LSP figures: podsmith ${ours.rssAfterAllMb?.toFixed(0)} MB, yaml-ls ${theirs.rssAfterAllMb?.toFixed(0)} MB`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  build();
  const work: Workloads = { a: { name: '(a) Pod', text: typicalPod(), lines: 0 }, b: largeDeployment(), c: manyDeployments(), d: realManifests(CORPUS) };
  if (work.d.length === 0) log(`skipping (d): no real manifests at ${path.relative(ROOT, CORPUS)}`);
  const schemaUri = writeAnchorSchema(path.join(ROOT, 'dist', 'schema', 'kubernetes.schema.json'), RESULTS);
  const anchor = yamlLanguageServer(ROOT, schemaUri);
  const ours = await measureServer(podsmithServer(ROOT), work, COUNTS.podsmith, log);
  const theirs = await measureServer(anchor, work, COUNTS.anchor, log);
  if (!theirs.reportsWrongField) log('WARNING: yaml-language-server did not report the wrong field: its figures measure a server that does not validate');

  log('in-process: parse floor and edit breakdown');
  const floor = floorFigures(work.c.text, quick ? 3 : 10);
  const floorA = floorFigures(work.a.text, quick ? 20 : 200);
  const floorB = floorFigures(work.b.text, quick ? 10 : 50);
  const edit = editBreakdown(work.c, quick ? 10 : 50);

  const figures = figuresOf(ours, theirs, anchor.debounceMs);
  const text = table(figures, ours, theirs, floor, edit, work);
  console.log(text);

  mkdirSync(RESULTS, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    quick,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    workloads: Object.fromEntries(
      (['a', 'b', 'c'] as const).map((k) => [k, { lines: work[k].text.split('\n').length - 1, bytes: work[k].text.length }]),
    ),
    corpusFiles: work.d.length,
    anchor: { server: 'yaml-language-server 1.25.0', validationDelayMs: anchor.debounceMs },
    figures,
    inProcess: { c: floor, a: floorA, b: floorB, editInC: edit },
    servers: { podsmith: ours, 'yaml-ls': theirs },
  };
  const out = path.join(RESULTS, 'latest.json');
  writeFileSync(out, JSON.stringify(json, null, 2));
  log(`wrote ${path.relative(ROOT, out)} in ${json.durationSeconds} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
