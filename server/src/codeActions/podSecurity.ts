import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { isCopied } from '../document/resolvedView';
import { keyName, locate, pairOf, valueOf } from '../document/yamlTree';
import { containerAtOffset } from '../pod/containerAt';
import { podModelOf, type ContainerModel } from '../pod/podModel';
import { who } from '../pod/podSecurity/standard';
import type { RuleDescriptor } from '../core/rule';
import { code, type Fix, type FixContext, type FixFamily } from './fix';
import { fillEmptyPair, insertItem, insertPair } from '../document/collectionInserts';
import { flowText, type YamlValue } from '../document/flowWriter';
import type { Edit } from '../document/textEdit';
import { removeItem, removePair, renameScalar } from '../document/yamlEdits';
import { appArmorRule, procMountRule, seLinuxRule, seccompRule, sysctlsRule } from '../rules/podSecurity/confinement';
import { hostNamespacesRule as pssHostNamespacesRule, hostPortsRule, hostProcessRule } from '../rules/podSecurity/hostAccess';
import { capabilitiesRule as pssCapabilitiesRule, privilegeEscalationRule as pssPrivilegeEscalationRule, privilegedRule as pssPrivilegedRule } from '../rules/podSecurity/privileges';
import { runAsNonRootRule as pssRunAsNonRootRule, runAsUserRule } from '../rules/podSecurity/users';
import { hostNamespacesRule } from '../rules/practices/hostAccess';
import { dangerousCapabilitiesRule, netRawNotDroppedRule, privilegeEscalationRule, privilegedContainerRule, runAsRootRule } from '../rules/practices/privileges';

/**
 * Quick fixes for the Pod Security Standard findings whose remedy is clear (and for the practice rules that report
 * the same settings whatever the Pod Security setting: privileged mode, capabilities, escalation, root, host
 * namespaces): the value the standard asks for, or
 * the field it forbids removed. A setting that is missing is written where it acts: per-container fields
 * (allowPrivilegeEscalation, capabilities) in the container's securityContext, shared fields (runAsNonRoot,
 * seccompProfile) in the Pod's, which every container inherits, or in the container's. Missing parents
 * (securityContext, capabilities) are created on the way.
 *
 * A fix that creates a parent is left out of "fix all": two findings of one container would each create it.
 */

/** The scalar value a finding points at, with its pair and the mapping that holds it. */
interface ValueAt {
  readonly node: Scalar;
  readonly pair: Pair<unknown, unknown>;
  readonly map: YAMLMap<unknown, unknown>;
  readonly key: string;
}

export function valueAtFinding(ctx: FixContext): ValueAt | undefined {
  const at = locate(ctx.doc.root, ctx.finding.start);
  if (!at || at.onKey || !at.pair || !isScalar(at.node) || at.node.range?.[0] !== ctx.finding.start) return undefined;
  const map = at.parents[at.parents.length - 1];
  const key = keyName(at.pair);
  return isMap(map) && key ? { node: at.node, pair: at.pair, map: map as YAMLMap<unknown, unknown>, key } : undefined;
}

/** The container whose mapping holds the finding (undefined for a finding on the Pod). */
export function containerAt(ctx: FixContext): ContainerModel | undefined {
  const pod = podModelOf(ctx.doc);
  return pod && containerAtOffset(pod, ctx.finding.start);
}

function replaceScalar(node: Scalar, text: string): Edit {
  return { start: node.range![0], end: node.range![1], newText: text };
}

/** The edit that makes `map.keys...` hold `value`, and whether it had to create a parent mapping. */
export interface Setting {
  readonly edit: Edit;
  readonly createsParent: boolean;
}

/**
 * Writes `value` at `keys` under `map`: replaces an existing scalar, fills an empty key, or adds what is missing
 * (the remaining keys nested, in the document's style). Undefined when the text there is not a mapping to write in.
 */
export function setIn(ctx: FixContext, map: YAMLMap<unknown, unknown>, keys: readonly string[], value: YamlValue): Setting | undefined {
  // What comes through an alias is written elsewhere (its range is the alias): no place to write into.
  if (isCopied(map)) return undefined;
  const [key, ...rest] = keys;
  const nested = (): YamlValue => rest.reduceRight<YamlValue>((inner, k) => ({ [k]: inner }), value);
  const pair = pairOf(map, key);
  if (!pair) {
    const edit = insertPair(ctx.text, map, key, nested(), ctx.style);
    // Two fixes writing into the same empty `{}` would both fill the space between its braces.
    return edit && { edit, createsParent: rest.length > 0 || (map.flow === true && map.items.length === 0) };
  }
  const current = pair.value;
  if (isCopied(current)) return undefined;
  const empty = current === null || current === undefined || (isScalar(current) && current.value === null);
  if (rest.length === 0) {
    if (isScalar(current) && !empty && current.range) return { edit: replaceScalar(current, flowText(value)), createsParent: false };
    if (empty && typeof value !== 'string') {
      const edit = fillEmptyPair(ctx.text, pair, value, ctx.style);
      return edit && { edit, createsParent: false };
    }
    return undefined;
  }
  if (isMap(current)) return setIn(ctx, current as YAMLMap<unknown, unknown>, rest, value);
  if (empty) {
    const edit = fillEmptyPair(ctx.text, pair, nested(), ctx.style);
    return edit && { edit, createsParent: rest.length > 1 };
  }
  return undefined;
}

/** One fix from a setting: left out of "fix all" when it creates a parent. */
export function settingFix(title: string, setting: Setting | undefined, preferred: boolean): Fix[] {
  return setting ? [{ title, edits: [setting.edit], preferred, alone: setting.createsParent || undefined }] : [];
}

/** A finding on a written value that should read `text` instead: replace it, keeping the key. */
export function valueFix(ctx: FixContext, field: string, text: string): Fix[] {
  const at = valueAtFinding(ctx);
  if (!at || at.key !== field) return [];
  return [{ title: `Set ${code(`${field}: ${text}`)}`, edits: [replaceScalar(at.node, text)], preferred: true }];
}

const podSecurityContext = (ctx: FixContext) => podModelOf(ctx.doc)?.podSpec;

/**
 * The fixes of rules answered by one container setting (`path` under the container, ending in the field): the
 * written value replaced, else the setting added to the container, creating its parents on the way.
 */
export function containerSettingFixes(rules: readonly RuleDescriptor[], path: readonly string[], text: string): FixFamily {
  const field = path[path.length - 1];
  return {
    rules,
    fixAll: true,
    fixes(ctx) {
      const written = valueFix(ctx, field, text);
      if (written.length) return written;
      const container = containerAt(ctx);
      if (!container) return [];
      return settingFix(`Set ${code(`${field}: ${text}`)} in ${who(container)}`, setIn(ctx, container.node, path, text), true);
    },
  };
}

/** allowPrivilegeEscalation: false, on the written value or added to the container's securityContext. */
export const privilegeEscalationFixes = containerSettingFixes([pssPrivilegeEscalationRule, privilegeEscalationRule], ['securityContext', 'allowPrivilegeEscalation'], 'false');

/** runAsNonRoot: true, on the written value, or in the Pod's securityContext (every container) or the container's. */
export const runAsNonRootFixes: FixFamily = {
  rules: [pssRunAsNonRootRule, runAsRootRule],
  fixAll: true,
  fixes(ctx) {
    // runAsUser: 0 with runAsNonRoot: true would stop the container from starting: that user needs changing first.
    if (valueAtFinding(ctx)?.key === 'runAsUser') return [];
    const written = valueFix(ctx, 'runAsNonRoot', 'true');
    if (written.length) return written;
    const container = containerAt(ctx);
    const podSpec = podSecurityContext(ctx);
    if (!container || !podSpec) return [];
    const inContainer = setIn(ctx, container.node, ['securityContext', 'runAsNonRoot'], 'true');
    const inPod = setIn(ctx, podSpec, ['securityContext', 'runAsNonRoot'], 'true');
    return [
      ...settingFix(`Set ${code('runAsNonRoot: true')} in ${who(container)}`, inContainer, true),
      // Covers every container at once, so two findings' fixes would both write it: never part of "fix all".
      ...(inPod ? [{ title: `Set ${code('runAsNonRoot: true')} in the Pod's securityContext (every container inherits it)`, edits: [inPod.edit], alone: true }] : []),
    ];
  },
};

/** seccompProfile type RuntimeDefault: the written type replaced, or a profile added to the Pod or the container. */
export const seccompFixes: FixFamily = {
  rules: [seccompRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    // A missing profile is reported on the container's securityContext key or its name: only a `type` is a value to change.
    if (at?.key === 'type') return [{ title: `Set the seccomp profile type to ${code('RuntimeDefault')}`, edits: [renameScalar(at.node, 'RuntimeDefault')], preferred: true }];
    const container = containerAt(ctx);
    const podSpec = podSecurityContext(ctx);
    if (!container || !podSpec) return [];
    const profile = { type: 'RuntimeDefault' };
    const inPod = setIn(ctx, podSpec, ['securityContext', 'seccompProfile'], profile);
    const inContainer = setIn(ctx, container.node, ['securityContext', 'seccompProfile'], profile);
    return [
      ...(inPod ? [{ title: `Set ${code('seccompProfile: {type: RuntimeDefault}')} in the Pod's securityContext (every container inherits it)`, edits: [inPod.edit], preferred: true, alone: true }] : []),
      ...settingFix(`Set ${code('seccompProfile: {type: RuntimeDefault}')} in ${who(container)}`, inContainer, false),
    ];
  },
};

/** Capabilities: an added capability the level forbids removed; drop: [ALL] added where it is missing. */
export const capabilitiesFixes: FixFamily = {
  rules: [pssCapabilitiesRule, dangerousCapabilitiesRule, netRawNotDroppedRule],
  fixAll: true,
  fixes(ctx) {
    const at = locate(ctx.doc.root, ctx.finding.start);
    const list = at?.parents[at.parents.length - 1];
    if (at && !at.onKey && isScalar(at.node) && isSeq(list) && at.path[at.path.length - 2] === 'add') {
      const edit = removeItem(ctx.text, list as YAMLSeq, at.node as Node);
      return edit ? [{ title: `Remove ${code(String(at.node.value))} from ${code('capabilities.add')}`, edits: [edit], preferred: true }] : [];
    }
    const container = containerAt(ctx);
    if (!container) return [];
    const title = `Drop ${code('ALL')} capabilities in ${who(container)}`;
    const capabilities = pairOf(pairOf(container.node, 'securityContext')?.value, 'capabilities')?.value;
    const drop = pairOf(capabilities, 'drop');
    if (drop && isSeq(drop.value)) {
      const edit = insertItem(ctx.text, drop.value as YAMLSeq, 'ALL', ctx.style);
      return edit ? [{ title, edits: [edit], preferred: true }] : [];
    }
    if (drop) {
      // `drop:` with nothing (or a scalar) under it: the list replaces it.
      return settingFix(title, setIn(ctx, capabilities as YAMLMap<unknown, unknown>, ['drop'], ['ALL']), true);
    }
    return settingFix(title, setIn(ctx, container.node, ['securityContext', 'capabilities', 'drop'], '[ALL]'), true);
  },
};

/** privileged: false. */
export const privilegedFixes: FixFamily = {
  rules: [pssPrivilegedRule, privilegedContainerRule],
  fixAll: true,
  fixes: (ctx) => valueFix(ctx, 'privileged', 'false'),
};

/** hostNetwork, hostPID, hostIPC: true → the field removed (the default is false), or set to false. */
export const hostNamespacesFixes: FixFamily = {
  rules: [pssHostNamespacesRule, hostNamespacesRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    if (!at || !['hostNetwork', 'hostPID', 'hostIPC'].includes(at.key)) return [];
    const removal = removePair(ctx.text, at.map, at.pair);
    return [
      ...(removal ? [{ title: `Remove ${code(at.key)} (the Pod keeps its own namespace)`, edits: [removal], preferred: true }] : []),
      { title: `Set ${code(`${at.key}: false`)}`, edits: [replaceScalar(at.node, 'false')], preferred: !removal },
    ];
  },
};

/** procMount: Default (/proc masked as usual). */
export const procMountFixes: FixFamily = {
  rules: [procMountRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    if (!at || at.key !== 'procMount') return [];
    return [{ title: `Set ${code('procMount: Default')}`, edits: [renameScalar(at.node, 'Default')], preferred: true }];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Removals and values of the other baseline controls (host ports, HostProcess, AppArmor, SELinux, sysctls) and
// the restricted runAsUser.

/** Mappings and lists that mean nothing once empty: removing their last entry removes them as well. */
const EMPTY_MEANS_NOTHING = new Set(['securityContext', 'seLinuxOptions', 'windowsOptions', 'appArmorProfile', 'sysctls']);

/** A removal, and whether it took a parent left empty with it (then two findings' fixes could overlap). */
interface Removal {
  readonly edit: Edit;
  readonly removesParent: boolean;
}

/**
 * Removes the entry at `depth` of the finding's location (the pair or item held by `parents[depth]`), together with
 * each parent that this leaves empty, as long as the parent is one of EMPTY_MEANS_NOTHING.
 */
function removeEntry(ctx: FixContext, depth: number): Removal | undefined {
  const at = locate(ctx.doc.root, ctx.finding.start);
  if (!at || depth < 0 || depth >= at.parents.length) return undefined;
  let level = depth;
  while (level > 0) {
    const holder = at.parents[level] as YAMLMap | YAMLSeq;
    const parentKey = at.path[level - 1];
    if (holder.items.length !== 1 || typeof parentKey !== 'string' || !EMPTY_MEANS_NOTHING.has(parentKey) || !isMap(at.parents[level - 1])) break;
    level--;
  }
  const holder = at.parents[level];
  const step = at.path[level];
  let edit: Edit | undefined;
  if (isMap(holder) && typeof step === 'string') {
    const pair = pairOf(holder, step);
    edit = pair && removePair(ctx.text, holder as YAMLMap, pair as Pair);
  } else if (isSeq(holder) && typeof step === 'number') {
    const item = holder.items[step];
    edit = item ? removeItem(ctx.text, holder as YAMLSeq, item as Node) : undefined;
  }
  return edit && { edit, removesParent: level !== depth };
}

/** One fix from a removal: left out of "fix all" when it takes a parent with it. */
function removalFix(title: string, removal: Removal | undefined, preferred: boolean): Fix[] {
  return removal ? [{ title, edits: [removal.edit], preferred, alone: removal.removesParent || undefined }] : [];
}

/** The depth of the mapping that holds the finding's value (its last parent). */
function holderDepth(ctx: FixContext): number {
  return (locate(ctx.doc.root, ctx.finding.start)?.parents.length ?? 0) - 1;
}

/** hostPort removed: the containerPort stays, reachable through the Pod's IP or a Service. */
export const hostPortsFixes: FixFamily = {
  rules: [hostPortsRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    // Without a containerPort the port would be left empty: that mistake is the schema's to report first.
    if (!at || at.key !== 'hostPort' || !pairOf(at.map, 'containerPort')) return [];
    const edit = removePair(ctx.text, at.map, at.pair);
    return edit ? [{ title: `Remove ${code('hostPort')} (keep the containerPort; expose it through a Service)`, edits: [edit], preferred: true }] : [];
  },
};

/** hostProcess: false, or the field removed (with a windowsOptions it leaves empty). */
export const hostProcessFixes: FixFamily = {
  rules: [hostProcessRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    if (!at || at.key !== 'hostProcess') return [];
    return [
      { title: `Set ${code('hostProcess: false')}`, edits: [replaceScalar(at.node, 'false')], preferred: true },
      ...removalFix(`Remove ${code('hostProcess')}`, removeEntry(ctx, holderDepth(ctx)), false),
    ];
  },
};

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** AppArmor: the profile type RuntimeDefault (field), or the annotation's value runtime/default. */
export const appArmorFixes: FixFamily = {
  rules: [appArmorRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    if (!at) return [];
    if (at.key.startsWith(APPARMOR_ANNOTATION)) {
      return [{ title: `Set the AppArmor annotation to ${code('runtime/default')}`, edits: [renameScalar(at.node, 'runtime/default')], preferred: true }];
    }
    if (at.key !== 'type') return [];
    // localhostProfile belongs to type Localhost only; the API rejects it beside RuntimeDefault.
    const localhost = pairOf(at.map, 'localhostProfile');
    const removal = localhost && removePair(ctx.text, at.map, localhost as Pair);
    if (localhost && !removal) return [];
    return [{ title: `Set the AppArmor profile type to ${code('RuntimeDefault')}`, edits: [renameScalar(at.node, 'RuntimeDefault'), ...(removal ? [removal] : [])], preferred: true }];
  },
};

/** SELinux: a custom user or role removed; a type outside the container types becomes container_t. */
export const seLinuxFixes: FixFamily = {
  rules: [seLinuxRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    if (!at) return [];
    if (at.key === 'type') return [{ title: `Set the SELinux type to ${code('container_t')}`, edits: [renameScalar(at.node, 'container_t')], preferred: true }];
    if (at.key !== 'user' && at.key !== 'role') return [];
    const removal = removeEntry(ctx, holderDepth(ctx));
    // A user and a role alone in seLinuxOptions: each removal would leave the other's fix an empty mapping.
    const othersStay = at.map.items.some((p) => !['user', 'role'].includes(keyName(p) ?? ''));
    return removal ? [{ title: `Remove the SELinux ${at.key} ${code(String(at.node.value))}`, edits: [removal.edit], preferred: true, alone: (removal.removesParent || !othersStay) || undefined }] : [];
  },
};

/** Sysctls: the unsafe item removed (the whole list when it was the only one). */
export const sysctlsFixes: FixFamily = {
  rules: [sysctlsRule],
  // Removing every unsafe item of a list of unsafe items would leave `sysctls:` empty: one at a time.
  fixAll: false,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    const location = locate(ctx.doc.root, ctx.finding.start);
    if (!at || at.key !== 'name' || !location || location.path[location.path.length - 3] !== 'sysctls') return [];
    // The item's mapping is the last parent; its list the one before.
    return removalFix(`Remove the sysctl ${code(String(at.node.value))}`, removeEntry(ctx, location.parents.length - 2), true);
  },
};

/**
 * runAsUser: 0 removed: the image's user applies (and runAsNonRoot: true, which restricted asks for too, makes the
 * kubelet refuse a root image). Not offered where removing it would leave the container root all the same: a
 * container's 0 under a Pod's 0.
 */
export const runAsUserFixes: FixFamily = {
  rules: [runAsUserRule],
  fixAll: true,
  fixes(ctx) {
    const at = valueAtFinding(ctx);
    if (!at || at.key !== 'runAsUser') return [];
    const container = containerAt(ctx);
    const podUser = valueOf(pairOf(podSecurityContext(ctx), 'securityContext')?.value, 'runAsUser');
    if (container && isScalar(podUser) && Number(podUser.value) === 0) return [];
    return removalFix(`Remove ${code('runAsUser: 0')} (the image's user applies)`, removeEntry(ctx, holderDepth(ctx)), true);
  },
};
