/**
 * `npm run bench`: Podsmith against yaml-language-server on the same manifests, in the same run, plus the parse
 * floor. Prints a table and writes bench/results/latest.json. See bench/README.md for what each figure means.
 *
 *   npx tsx bench/run.ts [--quick] [--no-build]
 *
 * --quick runs each figure fewer times (for iterating; the figures are noisier). --no-build measures dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAnchorSchema } from './anchorSchema';
import { cliTable, measureCli } from './cli';
import { editBreakdown, floorFigures, retention, type EditBreakdown, type FloorFigures, type Retention } from './inProcess';
import { measureHeadline, type HeadlineCounts } from './headline';
import { headlineFloors, headlineRows, headlineTable } from './headlineReport';
import { measureServer, type RunCounts, type ServerFigures, type Workloads } from './scenarios';
import { podsmithServer, yamlLanguageServer } from './servers';
import { formatMs, type Measured } from './stats';
import { largeDeployment, manyDeployments, noisyDeployments, realManifests, typicalPod } from './workloads';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');
const quick = process.argv.includes('--quick');

/** Podsmith gets more runs than the anchor: its figures are smaller, so noise weighs more. */
const COUNTS: Record<'podsmith' | 'anchor', RunCounts> = quick
  ? {
      podsmith: { coldStarts: 3, openSmall: 5, openLarge: 5, requests: 10, edits: 6 },
      anchor: { coldStarts: 2, openSmall: 3, openLarge: 3, requests: 5, edits: 3 },
    }
  : {
      podsmith: { coldStarts: 10, openSmall: 30, openLarge: 20, requests: 40, edits: 30 },
      anchor: { coldStarts: 6, openSmall: 12, openLarge: 10, requests: 20, edits: 10 },
    };

/**
 * The headline figures' runs. The anchor needs seconds per edit of the larger files (about 10 s of CPU and 2.5 GB at
 * 5,000 documents), so it gets few: its medians are still far from ours, which is what the ratios need. --quick
 * leaves out its 5,000-document edits.
 */
const HEADLINE_COUNTS: Record<'podsmith' | 'anchor', HeadlineCounts> = quick
  ? {
      podsmith: { opens: 3, edits: { 500: 10, 2000: 6, 5000: 4 }, afterKeystroke: 8, editsBeforeRss: 50 },
      anchor: { opens: 2, edits: { 500: 3, 2000: 1, 5000: 0 }, afterKeystroke: 3, editsBeforeRss: 50 },
    }
  : {
      podsmith: { opens: 10, edits: { 500: 40, 2000: 25, 5000: 15 }, afterKeystroke: 30, editsBeforeRss: 50 },
      anchor: { opens: 5, edits: { 500: 10, 2000: 3, 5000: 1 }, afterKeystroke: 10, editsBeforeRss: 50 },
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
  readonly unit: 'ms' | 'MB';
  readonly podsmith: Measured;
  readonly anchor: Measured;
  /** Podsmith median / anchor median, wall-clock: as a person waits for them. */
  readonly ratio: number;
  /** The same on the servers' main-thread CPU time: the work itself, without waiting or other load. */
  readonly ratioCpu?: number;
  readonly target: string;
  readonly met: boolean;
}

function compare(id: string, label: string, ours: Measured, theirs: Measured, absolute?: { value: number; text: string }, unit: 'ms' | 'MB' = 'ms'): Figure {
  const ratio = ours.wall.median / theirs.wall.median;
  const ratioCpu = ours.cpu && theirs.cpu ? ours.cpu.median / Math.max(0.01, theirs.cpu.median) : undefined;
  let met = ratio <= 0.25;
  const checks = ['≤0.25x'];
  if (absolute) {
    checks.unshift(absolute.text);
    met = met && ours.wall.median < absolute.value;
  }
  return { id, label, unit, podsmith: ours, anchor: theirs, ratio, ratioCpu, target: checks.join(', '), met };
}

function single(value: number | undefined): Measured {
  const v = value ?? NaN;
  return { wall: { runs: 1, median: v, p95: v, min: v } };
}

function figuresOf(ours: ServerFigures, theirs: ServerFigures): Figure[] {
  const figures: Figure[] = [
    compare('coldStart', 'cold start → first diagnostics (a)', ours.coldStart, theirs.coldStart, { value: 300, text: '<300 ms' }),
    compare('openA', 'didOpen → diagnostics (a) Pod', ours.open.a, theirs.open.a),
    compare('openB', 'didOpen → diagnostics (b) 1k lines', ours.open.b, theirs.open.b),
    compare('editLineC', 'add/remove a line in (c) → diag.', ours.editNewLine, theirs.editNewLine, { value: 30, text: '<30 ms' }),
    compare('hoverB', 'hover (b)', ours.hover.b, theirs.hover.b, { value: 20, text: '<20 ms' }),
    compare('hoverC', 'hover (c)', ours.hover.c, theirs.hover.c, { value: 20, text: '<20 ms' }),
    compare('completionB', 'completion (b)', ours.completion.b, theirs.completion.b, { value: 20, text: '<20 ms' }),
    compare('completionC', 'completion (c)', ours.completion.c, theirs.completion.c, { value: 20, text: '<20 ms' }),
  ];
  if (ours.corpus && theirs.corpus) {
    figures.push(compare('corpusPerFile', `(d) ${ours.corpus.files} real files, per file`, ours.corpus.perFile, theirs.corpus.perFile));
    figures.push(compare('corpusTotal', '(d) all real files, one by one', single(ours.corpus.totalMs), single(theirs.corpus.totalMs)));
  }
  return figures;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(figures: Figure[], ours: ServerFigures, theirs: ServerFigures, floor: FloorFigures, edits: EditBreakdown[], memory: Retention, work: Workloads): string {
  const out: string[] = [];
  const wall = (f: Figure, m: Measured) =>
    f.unit === 'MB' ? `${m.wall.median.toFixed(0)} MB` : m.wall.runs === 1 ? formatMs(m.wall.median) : `${formatMs(m.wall.median)} / ${formatMs(m.wall.p95)}`;
  const cpu = (m: Measured) => (m.cpu ? formatMs(m.cpu.median) : '');
  out.push(
    `${pad('figure (median / p95 wall-clock)', 36)} ${pad('podsmith', 19, true)} ${pad('yaml-ls', 19, true)} ${pad('ratio', 6, true)}  ${pad('cpu podsmith', 12, true)} ${pad('cpu yaml-ls', 11, true)} ${pad('ratio', 6, true)}  target`,
  );
  out.push('-'.repeat(140));
  for (const f of figures) {
    out.push(
      `${pad(f.label, 36)} ${pad(wall(f, f.podsmith), 19, true)} ${pad(wall(f, f.anchor), 19, true)} ${pad(f.ratio.toFixed(2), 6, true)}  ${pad(cpu(f.podsmith), 12, true)} ${pad(cpu(f.anchor), 11, true)} ${pad(f.ratioCpu?.toFixed(2) ?? '', 6, true)}  ${f.target} ${f.met ? 'met' : 'NOT met'}`,
    );
  }
  out.push('');
  out.push('ratio = Podsmith / yaml-ls medians. Wall-clock is what a person waits for (yaml-ls waits a fixed 200 ms before');
  out.push('validating a changed document); cpu = the server main thread\'s CPU time for the same step (/proc schedstat),');
  out.push('which leaves out that wait and the load of other processes. Targets are judged on wall-clock medians.');
  out.push('');
  out.push(`Parse floor, (c) ${work.c.lines} lines, ${(work.c.text.length / 1e6).toFixed(2)} MB, in-process (median wall / cpu):`);
  out.push(`  yaml parseAllDocuments              ${formatMs(floor.parseFloor.wall.median)} / ${formatMs(floor.parseFloor.cpu!.median)}`);
  out.push(`  Podsmith service parse + validate   ${formatMs(floor.serviceFull.wall.median)} / ${formatMs(floor.serviceFull.cpu!.median)} = ${(floor.serviceFull.cpu!.median / floor.parseFloor.cpu!.median).toFixed(2)}x floor on cpu (target ≤3x)`);
  out.push('');
  for (const edit of edits) {
    out.push(`One edit in ${edit.workload}, in-process: ${edit.reusedDocuments} of ${edit.documents} documents reused (expected ${edit.documents - 1}); ${edit.diagnostics} diagnostics, publish ${(edit.publishBytes / 1024).toFixed(0)} KB`);
    out.push(`  ${pad('stage', 22)} ${pad('wall med / p95', 20, true)} ${pad('cpu med', 9, true)}`);
    for (const [stage, m] of Object.entries(edit.stages)) {
      out.push(`  ${pad(stage, 22)} ${pad(`${formatMs(m.wall.median)} / ${formatMs(m.wall.p95)}`, 20, true)} ${pad(formatMs(m.cpu?.median ?? NaN), 9, true)}`);
    }
  }
  out.push('');
  out.push(`Heap after opening (c): ${memory.heapAfterOpenMb.toFixed(1)} MB; after a keystroke in ${memory.edits} different documents: ${memory.heapAfterEditsMb.toFixed(1)} MB (in-process, after a full GC)`);
  out.push('');
  out.push(`Diagnostics published (podsmith / yaml-ls): (a) ${ours.diagnosticsCount.a} / ${theirs.diagnosticsCount.a}, (b) ${ours.diagnosticsCount.b} / ${theirs.diagnosticsCount.b}, (c) ${ours.diagnosticsCount.c} / ${theirs.diagnosticsCount.c}${ours.corpus && theirs.corpus ? `, (d) ${ours.corpus.diagnostics} / ${theirs.corpus.diagnostics}` : ''}`);
  out.push(`Wrong field of the warm-up Pod reported: podsmith ${ours.reportsWrongField ? 'yes' : 'NO'}, yaml-ls ${theirs.reportsWrongField ? 'yes' : 'NO'}`);
  out.push(`Answers on (c): hover podsmith ${ours.hoverAnswer.c.length} chars, yaml-ls ${theirs.hoverAnswer.c.length} chars; completion podsmith ${ours.completionItems.c} items, yaml-ls ${theirs.completionItems.c} items`);
  out.push(`RSS at the end of the LSP figures: podsmith ${ours.rssAfterAllMb?.toFixed(0)} MB, yaml-ls ${theirs.rssAfterAllMb?.toFixed(0)} MB`);
  return out.join('\n');
}

/** The anchor's version as installed (package.json pins it). */
function anchorVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg();
  log(`yaml-language-server ${anchorVersion()}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
  build();
  const work: Workloads = { a: { name: '(a) Pod', text: typicalPod(), lines: 0 }, b: largeDeployment(), c: manyDeployments(), d: realManifests(CORPUS) };
  if (work.d.length === 0) log(`skipping (d): no real manifests at ${path.relative(ROOT, CORPUS)}`);
  const schemaUri = writeAnchorSchema(path.join(ROOT, 'dist', 'schema', 'kubernetes.schema.json'), RESULTS);
  const anchor = yamlLanguageServer(ROOT, schemaUri);
  // The headline first, each server back to back, while the machine's load is most alike for both.
  const podsmith = podsmithServer(ROOT);
  const podsmithLargeFiles = podsmithServer(ROOT, { maxFileSize: 20_000_000 });
  const headOurs = await measureHeadline(podsmith, podsmithLargeFiles, work.c, HEADLINE_COUNTS.podsmith, log);
  const headTheirs = await measureHeadline(anchor, anchor, work.c, HEADLINE_COUNTS.anchor, log);
  log('in-process: parse floors of the headline');
  const floors = headlineFloors(work.c, quick ? 3 : 10);
  const headRows = headlineRows(headOurs, headTheirs, floors);

  const ours = await measureServer(podsmith, work, COUNTS.podsmith, log);
  const theirs = await measureServer(anchor, work, COUNTS.anchor, log);
  if (!theirs.reportsWrongField || !headTheirs.reportsWrongField) log('WARNING: yaml-language-server did not report the wrong field: its figures measure a server that does not validate');

  log('in-process: parse floor and edit breakdown');
  const floor = floorFigures(work.c.text, quick ? 3 : 10);
  const floorA = floorFigures(work.a.text, quick ? 20 : 100);
  const floorB = floorFigures(work.b.text, quick ? 10 : 30);
  const edit = editBreakdown(work.c, quick ? 10 : 50);
  const editNoisy = editBreakdown(noisyDeployments(), quick ? 10 : 50);
  const memory = retention(work.c, 100);

  log('podsmith check: throughput over the corpus, against the parse floor');
  const cli = await measureCli(ROOT, CORPUS, { copies: 10, runs: quick ? 2 : 5, log });
  if (!cli) log(`skipping the CLI figures: no real manifests at ${path.relative(ROOT, CORPUS)}`);

  const figures = figuresOf(ours, theirs);
  const text = table(figures, ours, theirs, floor, [edit, editNoisy], memory, work);
  console.log(headlineTable(headRows, headOurs, headTheirs, work.c));
  console.log(`\nOther figures\n\n${text}`);
  if (cli) console.log(`\n${cliTable(cli)}`);

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
    anchor: { server: `yaml-language-server ${anchorVersion()}`, validationDelayMs: anchor.debounceMs },
    load: { before: loadBefore, after: os.loadavg() },
    headline: { rows: headRows, podsmith: headOurs, 'yaml-ls': headTheirs, floors },
    figures,
    inProcess: { c: floor, a: floorA, b: floorB, editInC: edit, editInNoisyC: editNoisy, retentionInC: memory },
    servers: { podsmith: ours, 'yaml-ls': theirs },
    cli,
  };
  const out = path.join(RESULTS, 'latest.json');
  writeFileSync(out, JSON.stringify(json, null, 2));
  log(`wrote ${path.relative(ROOT, out)} in ${json.durationSeconds} s; load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
