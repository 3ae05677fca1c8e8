import { isScalar, type Scalar } from 'yaml';
import { isCopied } from '../document/resolvedView';
import { mapItems, valueOf } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { dns1123LabelProblem } from '../rules/nameFormats';
import { code, freeName, valueAt, type FixFamily } from './fix';
import { nameFromImage } from './missingRequired';
import type { Edit } from '../document/textEdit';
import { renameScalar } from '../document/yamlEdits';
import { invalidContainerNameRule, invalidVolumeNameRule } from '../rules/names';

/** `My_App` → `my-app`: lowercase, other characters as '-', no '-' at the ends, at most 63. */
export function dnsLabelOf(name: string): string | undefined {
  return nameFromImage(name.replace(/[/:@]/g, '-'));
}

/** A container name that is not a DNS-1123 label: the nearest label, unique in the Pod. */
export const invalidContainerNameFixes: FixFamily = {
  rules: [invalidContainerNameRule],
  fixes(ctx) {
    const pod = podModelOf(ctx.doc);
    const node = valueAt(ctx.doc, ctx.finding.start)?.node;
    if (!pod || !isScalar(node) || typeof node.value !== 'string') return [];
    const label = dnsLabelOf(node.value);
    if (!label || dns1123LabelProblem(label)) return [];
    const taken = new Set(pod.containers.map((c) => c.name).filter((n): n is string => n !== undefined));
    const name = taken.has(label) ? freeName(label, taken) : label;
    return [{ title: `Rename to ${code(name)}`, edits: [renameScalar(node, name)], preferred: true }];
  },
};

/**
 * A volume name that is not a DNS-1123 label: the nearest label, written in the volume and in every mount of it
 * (volumes belong to the Pod and containers find them by name, so the two must change together).
 */
export const invalidVolumeNameFixes: FixFamily = {
  rules: [invalidVolumeNameRule],
  fixes(ctx) {
    const pod = podModelOf(ctx.doc);
    const node = valueAt(ctx.doc, ctx.finding.start)?.node;
    if (!pod || !isScalar(node) || typeof node.value !== 'string') return [];
    const old = node.value;
    const label = dnsLabelOf(old);
    if (!label || dns1123LabelProblem(label)) return [];
    const taken = new Set(pod.volumes.map((v) => v.name).filter((n): n is string => n !== undefined && n !== old));
    const name = taken.has(label) ? freeName(label, taken) : label;
    const edits: Edit[] = [renameScalar(node, name)];
    for (const c of pod.containers) {
      for (const list of ['volumeMounts', 'volumeDevices']) {
        for (const [mount] of mapItems(valueOf(c.node, list))) {
          const ref = valueOf(mount, 'name');
          // A mount that comes through an alias or a merge key is renamed where it is written, which it copies.
          if (isScalar(ref) && ref.value === old && ref.range && !isCopied(ref)) edits.push(renameScalar(ref as Scalar, name));
        }
      }
    }
    const mounts = edits.length - 1;
    const title = `Rename to ${code(name)}${mounts ? ` (and its ${mounts === 1 ? 'mount' : `${mounts} mounts`})` : ''}`;
    return [{ title, edits, preferred: true }];
  },
};
