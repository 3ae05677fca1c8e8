import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { pairOf, valueOf } from '../document/yamlTree';

/**
 * A container's probes and lifecycle hooks: their names, and the ones a container writes. The probe and handler
 * rules, the Pod Security host checks, the port names, hover, inlay hints and completion all read these.
 */

/** The probes a container may have, in the order the API documents them. */
export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

/** The lifecycle hooks under a container's `lifecycle`. */
export const LIFECYCLE_HOOKS = ['postStart', 'preStop'] as const;
export type LifecycleHook = (typeof LIFECYCLE_HOOKS)[number];

export function isProbeField(name: unknown): name is ProbeField {
  return (PROBE_FIELDS as readonly unknown[]).includes(name);
}

export function isLifecycleHook(name: unknown): name is LifecycleHook {
  return (LIFECYCLE_HOOKS as readonly unknown[]).includes(name);
}

export interface WrittenProbe {
  readonly field: ProbeField;
  readonly pair: Pair<unknown, unknown>;
  readonly probe: YAMLMap<unknown, unknown>;
}

export interface WrittenHook {
  readonly hook: LifecycleHook;
  readonly pair: Pair<unknown, unknown>;
  readonly handler: YAMLMap<unknown, unknown>;
}

/** The probes a container's mapping writes as mappings (anything else is the schema check's finding). */
export function probesOf(container: { readonly node: unknown }): WrittenProbe[] {
  const out: WrittenProbe[] = [];
  for (const field of PROBE_FIELDS) {
    const pair = pairOf(container.node, field);
    if (pair && isMap(pair.value)) out.push({ field, pair, probe: pair.value as YAMLMap<unknown, unknown> });
  }
  return out;
}

/** The lifecycle hooks a container's mapping writes as mappings. */
export function hooksOf(container: { readonly node: unknown }): WrittenHook[] {
  const lifecycle = valueOf(container.node, 'lifecycle');
  const out: WrittenHook[] = [];
  for (const hook of LIFECYCLE_HOOKS) {
    const pair = pairOf(lifecycle, hook);
    if (pair && isMap(pair.value)) out.push({ hook, pair, handler: pair.value as YAMLMap<unknown, unknown> });
  }
  return out;
}

/** The value the API server fills in for each timing field a probe leaves out. */
export const PROBE_TIMING_DEFAULTS = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  failureThreshold: 3,
  successThreshold: 1,
} as const;
export type ProbeTimingField = keyof typeof PROBE_TIMING_DEFAULTS;

export interface TimingValue {
  readonly value: number;
  /** True where the probe leaves the field out (or writes null) and the default applies. */
  readonly defaulted: boolean;
}

/**
 * A probe's timing as the kubelet reads it: each field as written, else its default. Undefined when a field is
 * written as something other than a whole number: that is the schema check's finding, and no timing can be told.
 */
export function probeTiming(probe: unknown): Record<ProbeTimingField, TimingValue> | undefined {
  if (!isMap(probe)) return undefined;
  const timing = {} as Record<ProbeTimingField, TimingValue>;
  for (const field of Object.keys(PROBE_TIMING_DEFAULTS) as ProbeTimingField[]) {
    const node = valueOf(probe, field);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      timing[field] = { value: PROBE_TIMING_DEFAULTS[field], defaulted: true };
      continue;
    }
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) return undefined;
    timing[field] = { value: node.value, defaulted: false };
  }
  return timing;
}
