/**
 * What the benchmark asks each server, in the order an editor would: start and open a Pod, open larger files,
 * hover and complete, type in the middle of a large file, open the real manifests one by one.
 */
import { performance } from 'node:perf_hooks';
import { completionCount, hoverText, LspSession, messageOf, type ServerUnderTest } from './lspSession';
import { Samples, type Measured } from './stats';
import { VIEW_AT_OPEN, WRONG_FIELD, warmUpPod, type ProbedWorkload, type Workload } from './workloads';

export interface RunCounts {
  readonly coldStarts: number;
  readonly openSmall: number;
  readonly openLarge: number;
  readonly requests: number;
  readonly edits: number;
}

export interface ServerFigures {
  /** Spawn → initialize → didOpen(a) → first publishDiagnostics; CPU is the main thread's since spawn. */
  readonly coldStart: Measured;
  /** True when the server reported the deliberately wrong field of the warm-up Pod. */
  readonly reportsWrongField: boolean;
  readonly warmUpDiagnostics: string[];
  readonly open: Record<'a' | 'b', Measured>;
  readonly diagnosticsCount: Record<'a' | 'b' | 'c', number>;
  readonly hover: Record<'b' | 'c', Measured>;
  readonly completion: Record<'b' | 'c', Measured>;
  /** What the answers held, so a fast empty answer is visible as such. */
  readonly hoverAnswer: Record<'b' | 'c', string>;
  readonly completionItems: Record<'b' | 'c', number>;
  /** Inserting or removing a line inside one document of (c): every document below moves. */
  readonly editNewLine: Measured;
  /** Resident memory at the end of the LSP figures (b and c open, after every open, request and edit). */
  readonly rssAfterAllMb?: number;
  /** (d) didOpen → publish, per real file, opened one after another. */
  readonly corpus?: { readonly files: number; readonly perFile: Measured; readonly totalMs: number; readonly diagnostics: number };
}

export interface Workloads {
  readonly a: Workload;
  readonly b: ProbedWorkload;
  readonly c: ProbedWorkload;
  readonly d: readonly Workload[];
}

const WORKSPACE = 'file:///podsmith-bench';

/** Starts the server, opens (a), and returns the session with the time from spawn to the first diagnostics. */
async function coldStart(server: ServerUnderTest, pod: string): Promise<[LspSession, { ms: number; cpuMs?: number }]> {
  const t0 = performance.now();
  const session = await LspSession.start(server);
  await session.open(`${WORKSPACE}/cold.yaml`, pod);
  return [session, { ms: performance.now() - t0, cpuMs: session.cpuMs() }];
}

async function opens(session: LspSession, prefix: string, text: string, runs: number, keepLast = false): Promise<[Measured, number]> {
  const samples = new Samples();
  let count = 0;
  for (let i = 0; i < runs + 1; i++) {
    const uri = `${WORKSPACE}/${prefix}-${i}.yaml`;
    const opened = await session.open(uri, text);
    count = opened.value.length;
    if (i > 0) samples.add(opened); // the first open of each workload warms the JIT for it
    if (!(keepLast && i === runs)) session.close(uri);
  }
  return [samples.summary(), count];
}

async function requests(session: LspSession, uri: string, workload: ProbedWorkload, runs: number) {
  const hovers = new Samples();
  const completions = new Samples();
  let hover = '';
  let items = 0;
  for (let i = 0; i < runs + 2; i++) {
    const h = await session.hover(uri, workload.hoverAt);
    const c = await session.complete(uri, workload.completeAt);
    hover = hoverText(h.value);
    items = completionCount(c.value);
    if (i >= 2) {
      hovers.add(h);
      completions.add(c);
    }
  }
  return { hover: hovers.summary(), completion: completions.summary(), hoverAnswer: hover, completionItems: items };
}

export async function measureServer(server: ServerUnderTest, work: Workloads, counts: RunCounts, log: (line: string) => void): Promise<ServerFigures> {
  log(`${server.name}: cold starts`);
  const starts = new Samples();
  for (let i = 0; i < counts.coldStarts; i++) {
    const [session, sample] = await coldStart(server, work.a.text);
    starts.add(sample);
    await session.stop();
  }
  const [session] = await coldStart(server, work.a.text);
  try {
    // The anchor must really validate: wait until it reports the wrong field (its settings arrive asynchronously).
    const warmUri = `${WORKSPACE}/warm-up.yaml`;
    let diagnostics = (await session.open(warmUri, warmUpPod())).value;
    const deadline = performance.now() + 5000;
    while (!diagnostics.some((d) => messageOf(d).includes(WRONG_FIELD)) && performance.now() < deadline) {
      diagnostics = (await session.nextPublish(warmUri, deadline - performance.now())) ?? diagnostics;
    }
    const reportsWrongField = diagnostics.some((d) => messageOf(d).includes(WRONG_FIELD));
    session.close(warmUri);

    // Opening (c), its edits in place, memory and the requests right after a keystroke are the headline figures
    // (headline.ts); here (c) is only the file the requests and the line edits below work in.
    const uriC = `${WORKSPACE}/c-edited.yaml`;
    const countC = (await session.openSettled(uriC, work.c.text, VIEW_AT_OPEN)).diagnostics.length;

    log(`${server.name}: didOpen (a), (b)`);
    const [openA, countA] = await opens(session, 'a', work.a.text, counts.openSmall);
    const [openB, countB] = await opens(session, 'b', work.b.text, counts.openLarge, true);
    const uriB = `${WORKSPACE}/b-${counts.openLarge}.yaml`;

    log(`${server.name}: hover and completion`);
    const onB = await requests(session, uriB, work.b, counts.requests);
    const onC = await requests(session, uriC, work.c, counts.requests);

    log(`${server.name}: lines added and removed in (c)`);
    const at = work.c.editAt;
    const newLine = new Samples();
    const lineStart = { line: at.line, character: 0 };
    const inserted = '  minReadySeconds: 5\n';
    for (let i = 0; i < counts.edits + 1; i++) {
      const edited = i % 2 === 0
        ? await session.edit(uriC, lineStart, lineStart, inserted)
        : await session.edit(uriC, lineStart, { line: at.line + 1, character: 0 }, '');
      if (i > 0) newLine.add(edited);
    }
    const rssAfterAllMb = session.rssMb();
    session.close(uriB);
    session.close(uriC);

    let corpus: ServerFigures['corpus'];
    if (work.d.length > 0) {
      log(`${server.name}: ${work.d.length} real manifests`);
      const perFile = new Samples();
      let total = 0;
      const t0 = performance.now();
      for (let i = 0; i < work.d.length; i++) {
        const uri = `${WORKSPACE}/real/${i}-${work.d[i].name.replace(/[^\w.-]/g, '_')}`;
        const opened = await session.open(uri, work.d[i].text);
        perFile.add(opened);
        total += opened.value.length;
        session.close(uri);
      }
      corpus = { files: work.d.length, perFile: perFile.summary(), totalMs: performance.now() - t0, diagnostics: total };
    }

    return {
      coldStart: starts.summary(),
      reportsWrongField,
      warmUpDiagnostics: diagnostics.map(messageOf),
      open: { a: openA, b: openB },
      diagnosticsCount: { a: countA, b: countB, c: countC },
      hover: { b: onB.hover, c: onC.hover },
      completion: { b: onB.completion, c: onC.completion },
      hoverAnswer: { b: onB.hoverAnswer, c: onC.hoverAnswer },
      completionItems: { b: onB.completionItems, c: onC.completionItems },
      editNewLine: newLine.summary(),
      rssAfterAllMb,
      corpus,
    };
  } finally {
    await session.stop();
  }
}
