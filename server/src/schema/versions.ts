import { fieldGate, gateStage, type FeatureGate, type GateState } from '../versions/featureGates';
import { definitionExistsIn, fieldExistsIn, fieldRemovedIn, fieldSince, fieldsEverIn, TABLE_DEFINITIONS } from '../versions/fieldVersions';
import { compareVersions } from '../versions/kubernetesVersion';
import { replacementOf } from '../versions/replacedFields';

/**
 * What the target version (`podsmith.kubernetesVersion`) changes for the schema walk, which validates against the
 * generated schema of one version (the newest). Worked out once per pair of versions from the field table and the
 * feature gates (server/src/versions/), so the walk does one Map lookup per mapping.
 */
export type FieldNote =
  /** The schema has the field, the target does not yet: it came in `since`. */
  | { readonly kind: 'too-new'; readonly since: string }
  /** Neither has it, but an older version did, up to the target's predecessor or before. */
  | { readonly kind: 'removed'; readonly removedIn: string; readonly replacement?: string }
  /** The target has it and the schema does not: accepted without a check of its value. */
  | { readonly kind: 'extra'; readonly gate?: GateNote }
  /** Both have it, but in the target it depends on a gate that is off by default. */
  | { readonly kind: 'gate-off'; readonly gate: GateNote };

export interface GateNote {
  readonly name: FeatureGate;
  readonly state: GateState;
}

/** By definition, then field: the fields the walk treats differently at the target version. */
export type VersionDelta = ReadonlyMap<string, ReadonlyMap<string, FieldNote>>;

const cache = new Map<string, VersionDelta>();

export function versionDelta(target: string, schemaVersion: string): VersionDelta {
  const key = `${target}/${schemaVersion}`;
  let delta = cache.get(key);
  if (!delta) {
    delta = computeDelta(target, schemaVersion);
    cache.set(key, delta);
  }
  return delta;
}

function computeDelta(target: string, schemaVersion: string): VersionDelta {
  const delta = new Map<string, Map<string, FieldNote>>();
  for (const definition of TABLE_DEFINITIONS) {
    // A definition the target does not have at all (renamed, or new with a field that is itself too new) says
    // nothing about its fields: the field that leads to it is where the difference shows.
    if (!definitionExistsIn(definition, target)) continue;
    for (const field of fieldsEverIn(definition)) {
      const note = noteFor(definition, field, target, schemaVersion);
      if (!note) continue;
      let fields = delta.get(definition);
      if (!fields) delta.set(definition, (fields = new Map()));
      fields.set(field, note);
    }
  }
  return delta;
}

function noteFor(definition: string, field: string, target: string, schemaVersion: string): FieldNote | undefined {
  const inSchema = fieldExistsIn(definition, field, schemaVersion);
  const inTarget = fieldExistsIn(definition, field, target);
  if (inSchema && !inTarget) {
    const since = fieldSince(definition, field)!;
    return compareVersions(since, target) > 0 ? { kind: 'too-new', since } : undefined;
  }
  if (!inSchema && !inTarget) {
    const removedIn = fieldRemovedIn(definition, field);
    if (removedIn === undefined || compareVersions(removedIn, target) > 0) return undefined;
    return { kind: 'removed', removedIn, replacement: replacementOf(definition, field) };
  }
  const gate = gateOffIn(definition, field, target);
  if (!inSchema) return { kind: 'extra', gate };
  return gate ? { kind: 'gate-off', gate } : undefined;
}

/** The gate a field depends on wherever it is written, when the target version has it off by default. */
function gateOffIn(definition: string, field: string, target: string): GateNote | undefined {
  const gated = fieldGate(definition, field);
  if (!gated?.everywhere) return undefined;
  const state = gateStage(gated.gate, target);
  return state && !state.onByDefault ? { name: gated.gate, state } : undefined;
}
