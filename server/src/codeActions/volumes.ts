import { isMap, isSeq, type YAMLSeq } from 'yaml';
import { pairOf } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { code, type FixFamily } from './fix';
import { insertListItem } from '../document/collectionInserts';
import { removeItem, removePair, scalarLiteral } from '../document/yamlEdits';
import { mountNotFoundRule, unusedVolumeRule } from '../rules/volumes';

/**
 * A mount of a volume the Pod does not define: define it as an emptyDir (the Pod's scratch space, shared by its
 * containers), in spec.volumes, which is created when absent.
 */
export const mountNotFoundFixes: FixFamily = {
  rules: [mountNotFoundRule],
  fixes(ctx) {
    const name = ctx.finding.data?.volume;
    const pod = podModelOf(ctx.doc);
    if (typeof name !== 'string' || !pod?.podSpec) return [];
    const volume = { name: scalarLiteral(name), emptyDir: '{}' };
    const edit = insertListItem(ctx.text, pod.podSpec, 'volumes', volume, ctx.style);
    return edit ? [{ title: `Add an emptyDir volume ${code(name)} to spec.volumes`, edits: [edit], preferred: true }] : [];
  },
};

/** A volume no container mounts: remove it (and `volumes:` with it when it was the only one). */
export const unusedVolumeFixes: FixFamily = {
  rules: [unusedVolumeRule],
  fixes(ctx) {
    const pod = podModelOf(ctx.doc);
    const volume = pod?.volumes.find((v) => v.nameNode?.range?.[0] === ctx.finding.start);
    const pair = pod?.podSpec ? pairOf(pod.podSpec, 'volumes') : undefined;
    if (!volume || !pair || !isSeq(pair.value) || !isMap(pod?.podSpec)) return [];
    const seq = pair.value as YAMLSeq;
    const edit = seq.items.length === 1 ? removePair(ctx.text, pod!.podSpec, pair) : removeItem(ctx.text, seq, volume.node);
    return edit ? [{ title: `Remove the unused volume ${code(volume.name ?? '')}`, edits: [edit], preferred: true }] : [];
  },
};
