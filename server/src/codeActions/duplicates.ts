import { isScalar } from 'yaml';
import { containerAtOffset } from '../pod/containerAt';
import { podModelOf } from '../pod/podModel';
import { code, freeName, valueAt, type FixFamily } from './fix';
import { renameScalar } from '../document/yamlEdits';
import { duplicateContainerNameRule } from '../rules/names';
import { duplicatePortNameRule, hostPortConflictRule, sharedContainerPortRule } from '../rules/ports';

/** A container name used twice in the Pod: rename this one to the first free `name-N`. */
export const duplicateContainerNameFixes: FixFamily = {
  rules: [duplicateContainerNameRule],
  fixes(ctx) {
    const pod = podModelOf(ctx.doc);
    const at = valueAt(ctx.doc, ctx.finding.start);
    if (!pod || !at || !isScalar(at.node) || typeof at.node.value !== 'string') return [];
    const taken = new Set(pod.containers.map((c) => c.name).filter((n): n is string => n !== undefined));
    const name = freeName(at.node.value, taken);
    return [{ title: `Rename to ${code(name)}`, edits: [renameScalar(at.node, name)], preferred: true }];
  },
};

/** A port name used twice in one container: rename this one to the first free `name-N` (IANA names: 15 at most). */
export const duplicatePortNameFixes: FixFamily = {
  rules: [duplicatePortNameRule],
  fixes(ctx) {
    const pod = podModelOf(ctx.doc);
    const at = valueAt(ctx.doc, ctx.finding.start);
    if (!pod || !at || !isScalar(at.node) || typeof at.node.value !== 'string') return [];
    const container = containerAtOffset(pod, at.node.range![0]);
    if (!container) return [];
    const taken = new Set(container.ports.map((p) => p.name).filter((n): n is string => n !== undefined));
    const name = freeName(at.node.value, taken, 15);
    return [{ title: `Rename to ${code(name)}`, edits: [renameScalar(at.node, name)], preferred: true }];
  },
};

/**
 * Two containers of the Pod on one containerPort (one network namespace: only one can bind it), or two claims of
 * one host port: move this one to the next port no container of the Pod declares.
 */
export const portClashFixes: FixFamily = {
  rules: [sharedContainerPortRule, hostPortConflictRule],
  fixes(ctx) {
    const pod = podModelOf(ctx.doc);
    const at = valueAt(ctx.doc, ctx.finding.start);
    if (!pod || !at || !isScalar(at.node) || typeof at.node.value !== 'number') return [];
    const host = ctx.finding.ruleId === hostPortConflictRule.id;
    const used = new Set<number>();
    for (const c of pod.containers) {
      for (const p of c.ports) {
        const port = host ? p.hostPort : p.containerPort;
        if (port !== undefined) used.add(port);
      }
    }
    let next = at.node.value + 1;
    while (used.has(next) && next < 65535) next++;
    if (next > 65535 || used.has(next)) return [];
    return [{ title: `Use ${host ? 'hostPort' : 'containerPort'} ${next}`, edits: [{ start: at.node.range![0], end: at.node.range![1], newText: String(next) }], preferred: true }];
  },
};
