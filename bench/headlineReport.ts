/**
 * The headline table: the performance issue's figures for Podsmith beside yaml-language-server and the parse
 * floor, each with its ratio and its target. See bench/README.md, "Reading the headline".
 */
import { parseAllDocuments, parseDocument } from 'yaml';
import { splitDocuments } from '../server/src/document/splitDocuments';
import { EDIT_SIZES, type HeadlineFigures } from './headline';
import { formatMs, type Measured } from './stats';
import { floorTime } from './inProcess';
import type { ProbedWorkload } from './workloads';

export interface HeadlineRow {
  readonly id: string;
  readonly label: string;
  readonly unit: 'ms' | 'MB';
  readonly podsmith?: Measured;
  readonly anchor?: Measured;
  /** Podsmith / yaml-ls, medians, wall-clock (for memory: the readings). */
  readonly ratio?: number;
  readonly ratioCpu?: number;
  /** The `yaml` package alone on the same text, in-process (median wall-clock), where there is a floor. */
  readonly floor?: number;
  readonly target: string;
  readonly met?: boolean;
}

/** The floors: parsing the whole of (c); parsing the one edited document (the least a keystroke must do). */
export function headlineFloors(c: ProbedWorkload, runs: number): { open: Measured; editedDocument: Measured } {
  const open = floorTime(runs, 2, () => parseAllDocuments(c.text));
  const editOffset = c.text.split('\n').slice(0, c.editAt.line).join('\n').length;
  const segment = splitDocuments(c.text)!.find((s) => s.offset <= editOffset && editOffset < s.offset + s.text.length)!;
  const editedDocument = floorTime(runs * 10, 5, () => parseDocument(segment.text));
  return { open, editedDocument };
}

function one(value: number | undefined): Measured | undefined {
  return value === undefined ? undefined : { wall: { runs: 1, median: value, p95: value, min: value } };
}

export function headlineRows(ours: HeadlineFigures, theirs: HeadlineFigures | undefined, floors: { open: Measured; editedDocument: Measured }): HeadlineRow[] {
  const rows: HeadlineRow[] = [];
  const ratio = (a?: Measured, b?: Measured) => (a && b ? a.wall.median / b.wall.median : undefined);
  const ratioCpu = (a?: Measured, b?: Measured) => (a?.cpu && b?.cpu ? a.cpu.median / Math.max(0.01, b.cpu.median) : undefined);
  // yaml-language-server publishes a file once: its open is its time to all diagnostics, and both of ours compare to it.
  const theirOpen = theirs?.openAll;
  rows.push({
    id: 'openFirst',
    label: 'open (c) → first diagnostics (view)',
    unit: 'ms',
    podsmith: ours.openFirst,
    anchor: theirs?.openFirst,
    ratio: ratio(ours.openFirst, theirOpen),
    ratioCpu: ratioCpu(ours.openFirst, theirOpen),
    floor: floors.open.wall.median,
    target: '≤0.10x yls open',
    met: theirOpen ? ours.openFirst.wall.median <= 0.1 * theirOpen.wall.median : undefined,
  });
  rows.push({
    id: 'openAll',
    label: 'open (c) → all diagnostics',
    unit: 'ms',
    podsmith: ours.openAll,
    anchor: theirOpen,
    ratio: ratio(ours.openAll, theirOpen),
    ratioCpu: ratioCpu(ours.openAll, theirOpen),
    floor: floors.open.wall.median,
    target: '≤0.35x yls open',
    met: theirOpen ? ours.openAll.wall.median <= 0.35 * theirOpen.wall.median : undefined,
  });
  for (const size of EDIT_SIZES) {
    const mine = ours.edit[size];
    if (!mine) continue;
    const theirsAt = theirs?.edit[size];
    rows.push({
      id: `edit${size}`,
      label: `1-char edit → diagnostics, ${size.toLocaleString('en')} docs`,
      unit: 'ms',
      podsmith: mine,
      anchor: theirsAt,
      ratio: ratio(mine, theirsAt),
      ratioCpu: ratioCpu(mine, theirsAt),
      floor: floors.editedDocument.wall.median,
      target: '<10 ms median',
      met: mine.wall.median < 10,
    });
  }
  for (const [id, label, mine, yours] of [
    ['hoverAfterKeystroke', 'hover right after a keystroke (c)', ours.hoverAfterKeystroke, theirs?.hoverAfterKeystroke],
    ['completionAfterKeystroke', 'completion right after a keystroke (c)', ours.completionAfterKeystroke, theirs?.completionAfterKeystroke],
  ] as const) {
    rows.push({ id, label, unit: 'ms', podsmith: mine, anchor: yours, ratio: ratio(mine, yours), ratioCpu: ratioCpu(mine, yours), target: '<20 ms median', met: mine.wall.median < 20 });
  }
  const rssOpen = [one(ours.rssAfterOpenMb), one(theirs?.rssAfterOpenMb)] as const;
  rows.push({ id: 'rssAfterOpen', label: 'RSS after opening (c)', unit: 'MB', podsmith: rssOpen[0], anchor: rssOpen[1], ratio: ratio(...rssOpen), target: '' });
  const rssEdits = [one(ours.rssAfterEditsMb), one(theirs?.rssAfterEditsMb)] as const;
  rows.push({
    id: 'rssAfterEdits',
    label: 'RSS after 50 edits in (c)',
    unit: 'MB',
    podsmith: rssEdits[0],
    anchor: rssEdits[1],
    ratio: ratio(...rssEdits),
    target: '<150 MB',
    met: ours.rssAfterEditsMb !== undefined ? ours.rssAfterEditsMb < 150 : undefined,
  });
  return rows;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function headlineTable(rows: readonly HeadlineRow[], ours: HeadlineFigures, theirs: HeadlineFigures | undefined, c: ProbedWorkload): string {
  const value = (row: HeadlineRow, m?: Measured) =>
    !m ? '-' : row.unit === 'MB' ? `${m.wall.median.toFixed(0)} MB` : m.wall.runs === 1 ? formatMs(m.wall.median) : `${formatMs(m.wall.median)} / ${formatMs(m.wall.p95)}`;
  const out: string[] = [];
  out.push(`Headline: (c) = ${c.lines.toLocaleString('en')} lines, ${(c.text.length / 1e6).toFixed(2)} MB, 500 Deployments; edits in document 250 of each file`);
  out.push(
    `${pad('figure (median / p95 wall-clock)', 40)} ${pad('podsmith', 19, true)} ${pad('yaml-ls', 19, true)} ${pad('ratio', 6, true)} ${pad('cpu ratio', 9, true)} ${pad('floor', 9, true)} ${pad('x floor', 7, true)}  target`,
  );
  out.push('-'.repeat(140));
  for (const row of rows) {
    const verdict = row.met === undefined ? '' : row.met ? ' met' : ' NOT met';
    out.push(
      `${pad(row.label, 40)} ${pad(value(row, row.podsmith), 19, true)} ${pad(value(row, row.anchor), 19, true)} ${pad(row.ratio?.toFixed(2) ?? '-', 6, true)} ${pad(row.ratioCpu?.toFixed(2) ?? '', 9, true)} ${pad(row.floor === undefined ? '' : formatMs(row.floor), 9, true)} ${pad(row.floor && row.podsmith ? (row.podsmith.wall.median / row.floor).toFixed(2) : '', 7, true)}  ${row.target}${verdict}`,
    );
  }
  out.push('');
  out.push(`Open (c), last run: podsmith published ${ours.openPublishes} time(s), ${ours.openVisibleDiagnostics} of ${ours.openDiagnostics} diagnostics in the view;` +
    (theirs ? ` yaml-ls ${theirs.openPublishes} time(s), ${theirs.openVisibleDiagnostics} of ${theirs.openDiagnostics}.` : ''));
  out.push(`After a keystroke: hover podsmith ${ours.hoverAnswer.length} chars${theirs ? `, yaml-ls ${theirs.hoverAnswer.length}` : ''}; completion podsmith ${ours.completionItems} items${theirs ? `, yaml-ls ${theirs.completionItems}` : ''}.`);
  out.push('Open ratios are to yaml-ls\'s open (it publishes once: its first is its all). Floor: the `yaml` package in-process,');
  out.push('parseAllDocuments of (c) for the opens, parseDocument of the edited document for the edits.');
  return out.join('\n');
}
