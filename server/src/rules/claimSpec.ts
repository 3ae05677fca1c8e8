import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { pairOf, scalarString, valueOf } from '../document/yamlTree';
import { parseQuantity } from '../pod/quantity';
import { dns1123SubdomainProblem } from './nameFormats';
import type { CheckContext, RuleDescriptor } from '../core/rule';
import { keySpan, spanOf } from './support';

/**
 * A PersistentVolumeClaim spec as the API server checks it when a Pod's ephemeral volume carries one
 * (ValidatePersistentVolumeClaimSpec): at least one access mode, ReadWriteOncePod alone, a positive storage
 * request, a storage class name that is an object name. Each finding lands on the field upstream names, or on the
 * nearest key of its path that the manifest has.
 */
export function checkClaimSpec(ctx: CheckContext, rule: RuleDescriptor, spec: Pair<unknown, unknown>, owner: string): void {
  const specSpan = spanOf(spec.key);
  if (!isMap(spec.value) || !specSpan) return;
  const modes = pairOf(spec.value, 'accessModes');
  const modeValues = modes && isSeq(modes.value) ? modes.value.items.map((n) => scalarString(n)) : [];
  if (!modes || modeValues.length === 0) {
    ctx.report(rule, {
      message: `The claim of ${owner} has no access mode: give at least one (usually ReadWriteOnce). The API server rejects a claim without.`,
      ...(spanOf(modes?.key) ?? specSpan),
    });
  } else if (modeValues.includes('ReadWriteOncePod') && modeValues.some((m) => m !== 'ReadWriteOncePod' && m !== undefined)) {
    ctx.report(rule, {
      message: `ReadWriteOncePod cannot be combined with other access modes in the claim of ${owner}; it already means one Pod alone. The API server rejects it.`,
      ...spanOf(modes.key)!,
    });
  }
  const resources = pairOf(spec.value, 'resources');
  const storage = valueOf(valueOf(resources?.value, 'requests'), 'storage');
  if (!storage || (isScalar(storage) && storage.value === null)) {
    ctx.report(rule, {
      message: `The claim of ${owner} requests no storage: set resources.requests.storage (e.g. 1Gi), the size the volume is made with. The API server rejects it.`,
      ...((resources ? spanOf(resources.key) : undefined) ?? specSpan),
    });
  } else if (isScalar(storage)) {
    const q = parseQuantity(storage.value);
    if (q && q.value <= 0) {
      ctx.report(rule, { message: `The storage request of the claim of ${owner} is ${q.text}; it must be greater than 0. The API server rejects it.`, ...spanOf(storage)! });
    }
  }
  const className = scalarString(valueOf(spec.value, 'storageClassName'));
  const classProblem = className ? dns1123SubdomainProblem(className) : undefined;
  if (classProblem) {
    ctx.report(rule, { message: `storageClassName \`${className}\` is not a StorageClass name (a DNS-1123 subdomain): ${classProblem}. The API server rejects it.`, ...(spanOf(valueOf(spec.value, 'storageClassName')) ?? keySpan(spec.value, 'storageClassName')!) });
  }
}
