import { isSeq, type YAMLSeq } from 'yaml';
import { pairOf, valueOf } from '../document/yamlTree';
import { containerAtOffset } from '../pod/containerAt';
import { podModelOf } from '../pod/podModel';
import { code, type FixFamily } from './fix';
import { appendBlockLines } from '../document/collectionInserts';
import { columnOf, lineBreakOf, lineStart } from '../document/lineBreaks';
import { dashColumn } from '../document/nodeExtent';
import { itemBlock, placeItem, removeItem, type Block } from '../document/yamlEdits';
import { jobSidecarRule } from '../rules/workloads';

/**
 * A long-running helper among a Job's containers keeps the Job from completing: make it a native sidecar, an init
 * container with `restartPolicy: Always`, which starts before the work and is stopped when the work is done.
 */
export const nativeSidecarFixes: FixFamily = {
  rules: [jobSidecarRule],
  fixes(ctx) {
    const pod = podModelOf(ctx.doc);
    const podSpec = pod?.podSpec;
    const found = pod && containerAtOffset(pod, ctx.finding.start);
    const container = found?.list === 'containers' ? found : undefined;
    const containersPair = podSpec ? pairOf(podSpec, 'containers') : undefined;
    if (!pod || !podSpec || podSpec.flow || !container || !containersPair || !isSeq(containersPair.value)) return [];
    if (valueOf(container.node, 'restartPolicy') !== undefined) return [];
    const removal = removeItem(ctx.text, containersPair.value as YAMLSeq, container.node);
    const block = itemBlock(ctx.text, container.node);
    if (!removal || !block) return [];
    const sidecar = withRestartAlways(block, container.node.flow ?? false);
    if (!sidecar) return [];
    const init = pairOf(podSpec, 'initContainers');
    let insertion;
    if (init && isSeq(init.value) && !init.value.flow && init.value.items.length > 0) {
      const dash = dashColumn(ctx.text, init.value.items[init.value.items.length - 1] as never);
      if (dash === undefined) return [];
      insertion = appendBlockLines(ctx.text, init.value as YAMLSeq, placeItem(sidecar, dash));
    } else if (!init) {
      // Before `containers:`: init containers start first, and the manifest reads in that order.
      const key = containersPair.key as { range?: [number, number, number] };
      if (!key.range) return [];
      const column = columnOf(ctx.text, key.range[0]);
      const dash = column + ctx.style.sequenceIndent;
      const at = lineStart(ctx.text, key.range[0]);
      const eol = lineBreakOf(ctx.text);
      insertion = { start: at, end: at, newText: [`${' '.repeat(column)}initContainers:`, ...placeItem(sidecar, dash)].join(eol) + eol };
    }
    if (!insertion) return [];
    const label = container.name !== undefined ? code(container.name) : 'this container';
    return [{ title: `Make ${label} a native sidecar (initContainers with restartPolicy: Always)`, edits: [insertion, removal].sort((a, b) => a.start - b.start), preferred: true }];
  },
};

function withRestartAlways(block: Block, flow: boolean): Block | undefined {
  if (!flow) return { ...block, lines: [...block.lines, 'restartPolicy: Always'] };
  if (block.lines.length !== 1) return undefined;
  const line = block.lines[0];
  const close = line.lastIndexOf('}');
  if (close === -1) return undefined;
  const inner = line.slice(1, close).trim();
  return { ...block, lines: [`${line.slice(0, close).trimEnd()}${inner ? ', ' : ''}restartPolicy: Always${line.slice(close)}`] };
}
