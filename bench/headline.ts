/**
 * The figures of the performance issue, over LSP, for one server: opening the 500-Deployment file (time to the
 * first diagnostics a person sees and to all of them), a one-character edit at 500, 2,000 and 5,000 documents,
 * hover and completion right after a keystroke, and resident memory after the open and after 50 edits.
 */
import { performance } from 'node:perf_hooks';
import { completionCount, hoverText, LspSession, messageOf, type ServerUnderTest } from './lspSession';
import { Samples, type Measured } from './stats';
import { manyDeployments, VIEW_AT_OPEN, WRONG_FIELD, warmUpPod, type ProbedWorkload } from './workloads';

export const EDIT_SIZES = [500, 2000, 5000] as const;
export type EditSize = (typeof EDIT_SIZES)[number];

export interface HeadlineCounts {
  /** Opens of (c), each read to the settled state. */
  readonly opens: number;
  /** One-character edits per file size. */
  readonly edits: Record<EditSize, number>;
  /** Keystrokes followed at once by a hover, and by a completion. */
  readonly afterKeystroke: number;
  /** Edits in different documents before the second RSS reading. */
  readonly editsBeforeRss: number;
}

export interface HeadlineFigures {
  readonly reportsWrongField: boolean;
  /** didOpen (c) → the view's diagnostics final; → every diagnostic final. */
  readonly openFirst: Measured;
  readonly openAll: Measured;
  /** Publishes per open, diagnostics in the view and in all, from the last open. */
  readonly openPublishes: number;
  readonly openVisibleDiagnostics: number;
  readonly openDiagnostics: number;
  /** didChange of one character in document 250 → publish of that version, per file size (documents). */
  readonly edit: Partial<Record<EditSize, Measured>>;
  readonly hoverAfterKeystroke: Measured;
  readonly completionAfterKeystroke: Measured;
  readonly hoverAnswer: string;
  readonly completionItems: number;
  /** Resident memory of a fresh server once (c) is open and settled, and after 50 edits in it. */
  readonly rssAfterOpenMb?: number;
  readonly rssAfterEditsMb?: number;
}

const WORKSPACE = 'file:///podsmith-bench';

/** Opens the warm-up Pod and waits until the wrong field is reported (the anchor's settings arrive asynchronously). */
async function warmUp(session: LspSession): Promise<boolean> {
  const uri = `${WORKSPACE}/warm-up.yaml`;
  let diagnostics = (await session.open(uri, warmUpPod())).value;
  const deadline = performance.now() + 5000;
  const reported = () => diagnostics.some((d) => messageOf(d).includes(WRONG_FIELD));
  while (!reported() && performance.now() < deadline) {
    diagnostics = (await session.nextPublish(uri, deadline - performance.now())) ?? diagnostics;
  }
  session.close(uri);
  return reported();
}

/** The `replicas` value of every Deployment of `text`: 50 edits go to 50 different documents. */
function replicaValues(text: string): { line: number; character: number }[] {
  const at: { line: number; character: number }[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('  replicas: ')) at.push({ line: index, character: '  replicas: '.length });
  });
  return at;
}

export async function measureHeadline(
  server: ServerUnderTest,
  serverWithLargeFiles: ServerUnderTest,
  c: ProbedWorkload,
  counts: HeadlineCounts,
  log: (line: string) => void,
): Promise<HeadlineFigures> {
  log(`${server.name}: open (c) to first and all diagnostics, RSS`);
  const session = await LspSession.start(server);
  let figures: Omit<HeadlineFigures, 'edit'>;
  try {
    const reportsWrongField = await warmUp(session);
    // Memory first, in a server that has seen nothing but the warm-up Pod and (c).
    const uri = `${WORKSPACE}/c-edited.yaml`;
    await session.openSettled(uri, c.text, VIEW_AT_OPEN);
    const rssAfterOpenMb = session.rssMb();
    const targets = replicaValues(c.text);
    for (let k = 0; k < counts.editsBeforeRss; k++) {
      const at = targets[(k * 37) % targets.length];
      await session.edit(uri, at, { line: at.line, character: at.character + 1 }, String(k % 10));
    }
    const rssAfterEditsMb = session.rssMb();

    log(`${server.name}: hover and completion right after a keystroke in (c)`);
    const hovers = new Samples();
    const completions = new Samples();
    let hoverAnswer = '';
    let completionItems = 0;
    const at = c.editAt;
    const next = { line: at.line, character: at.character + 1 };
    for (let i = 0; i < counts.afterKeystroke + 1; i++) {
      const hover = await session.typeThenHover(uri, at, next, String(7 + (i & 1)), c.hoverAt);
      const completion = await session.typeThenComplete(uri, at, next, String(5 + (i & 1)), c.completeAt);
      hoverAnswer = hoverText(hover.value);
      completionItems = completionCount(completion.value);
      if (i === 0) continue; // the first of each warms the JIT
      hovers.add(hover);
      completions.add(completion);
    }
    session.close(uri);

    log(`${server.name}: ${counts.opens} opens of (c)`);
    const first = new Samples();
    const all = new Samples();
    let last = await session.openSettled(`${WORKSPACE}/c-warm.yaml`, c.text, VIEW_AT_OPEN);
    session.close(`${WORKSPACE}/c-warm.yaml`);
    for (let i = 0; i < counts.opens; i++) {
      const openUri = `${WORKSPACE}/c-open-${i}.yaml`;
      last = await session.openSettled(openUri, c.text, VIEW_AT_OPEN);
      first.add(last.first);
      all.add(last.all);
      session.close(openUri);
    }
    figures = {
      reportsWrongField,
      openFirst: first.summary(),
      openAll: all.summary(),
      openPublishes: last.publishes,
      openVisibleDiagnostics: last.visibleDiagnostics,
      openDiagnostics: last.diagnostics.length,
      hoverAfterKeystroke: hovers.summary(),
      completionAfterKeystroke: completions.summary(),
      hoverAnswer,
      completionItems,
      rssAfterOpenMb,
      rssAfterEditsMb,
    };
  } finally {
    await session.stop();
  }

  const edit: Partial<Record<EditSize, Measured>> = {};
  for (const size of EDIT_SIZES) {
    const runs = counts.edits[size];
    if (runs <= 0) continue;
    log(`${server.name}: ${runs} edits at ${size} documents`);
    const workload = size === 500 ? c : manyDeployments(size);
    // A fresh server per size: each file's figures are its own, and a large file's memory is freed with its server.
    const sized = await LspSession.start(serverWithLargeFiles);
    try {
      const uri = `${WORKSPACE}/edit-${size}.yaml`;
      await sized.openSettled(uri, workload.text, VIEW_AT_OPEN);
      const at = workload.editAt;
      const samples = new Samples();
      for (let i = 0; i < runs + 1; i++) {
        const edited = await sized.edit(uri, at, { line: at.line, character: at.character + 1 }, String(5 + (i & 1)));
        if (i > 0) samples.add(edited);
      }
      edit[size] = samples.summary();
    } finally {
      await sized.stop();
    }
  }
  return { ...figures, edit };
}
