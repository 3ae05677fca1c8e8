import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf, type VolumeModel } from '../pod/podModel';
import { parseQuantity } from '../pod/quantity';
import { checkClaimSpec } from './claimSpec';
import { checkFieldRef, checkResourceFieldRef, downwardApiFieldRule } from './downwardApi';
import { dns1123LabelProblem, dns1123SubdomainProblem } from './nameFormats';
import { descendingPathProblem, hasBackstep, itemPathProblem } from './pathFormats';
import { intOf } from './fieldValues';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { hasPlaceholder, keySpan, spanOf, type Span } from './support';

export const volumeSourceFieldRule: RuleDescriptor = {
  id: 'volume-source-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Each volume source has its own rules beyond its fields\' types (a secret needs its secretName, an nfs path is absolute, an iSCSI lun is 0..255); the API server rejects a source that breaks them.',
  example: 'volumes:\n  - name: shared\n    nfs:\n      server: nfs.example.com\n      path: exports/shared',
  fix: 'Give the source what the message asks for, in the form it asks for.',
};

export const volumeItemPathRule: RuleDescriptor = {
  id: 'volume-item-path',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The files a configMap, secret, downwardAPI or projected volume writes must stay inside the volume (relative, no `..`) and, in a projected volume, be unique; the API server rejects others.',
  example: 'volumes:\n  - name: config\n    configMap:\n      name: app\n      items:\n        - key: app.yaml\n          path: /etc/app.yaml',
  fix: 'Write the file\'s path relative to the mount point (`app.yaml`, `conf/app.yaml`), once per volume.',
};

export const fileModeRule: RuleDescriptor = {
  id: 'file-mode',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A file mode is a permission, 0 to 0777 (511 in decimal); the API server rejects a mode outside that range, a common result of writing 644 where 0644 was meant.',
  example: 'volumes:\n  - name: config\n    configMap:\n      name: app\n      defaultMode: 777',
  fix: 'Write the mode in octal with a leading zero (`0644`), or its decimal value (`420`).',
};

export const projectedSourceRule: RuleDescriptor = {
  id: 'projected-source',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Each entry of a projected volume\'s sources projects exactly one thing (a secret, a configMap, downward API files, a service account token, a trust bundle), each with its own limits; the API server rejects others.',
  example: 'projected:\n  sources:\n    - serviceAccountToken:\n        path: token\n        expirationSeconds: 60',
  fix: 'Split an entry that projects two things into two entries; give a service account token at least 600 seconds.',
};

/** What the per-source checks see: the volume, the source's key and mapping, and the report helpers. */
interface SourceContext {
  readonly ctx: CheckContext;
  readonly volume: VolumeModel;
  readonly podName?: string;
  readonly key: Node;
  readonly source: Node;
}

type SourceCheck = (s: SourceContext) => void;

/** The API's own rules for each volume source, one module: sources, their items, their modes, projections. */
export const volumeSourcesCheck: Check = {
  name: 'volumeSources',
  rules: [volumeSourceFieldRule, volumeItemPathRule, fileModeRule, projectedSourceRule, downwardApiFieldRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const podName = pod.workload.kind === 'Pod' ? pod.name : undefined;
    // The claims this Pod's ephemeral volumes create, by name, found once.
    const ephemeralClaims = new Map(podName ? pod.volumes.filter((v) => v.sources.includes('ephemeral') && v.name !== undefined).map((v) => [`${podName}-${v.name}`, v]) : []);
    for (const volume of pod.volumes) {
      for (const pair of volume.node.items as Pair<unknown, unknown>[]) {
        const name = scalarString(pair.key);
        const check = name !== undefined ? SOURCE_CHECKS[name] : undefined;
        if (!check || !isMap(pair.value)) continue;
        check({ ctx, volume, podName, key: pair.key as Node, source: pair.value });
      }
      checkClaimOfEphemeral(ctx, volume, ephemeralClaims);
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Small readers

function report(s: SourceContext, span: Span | undefined, message: string, rule = volumeSourceFieldRule, related?: { span?: Span; message: string }): void {
  if (!span) return;
  s.ctx.report(rule, { message, ...span, related: related?.span ? [{ ...related.span, message: related.message }] : undefined });
}

/** The source's name in messages: "the nfs source of volume `data`". */
function sourceLabel(s: SourceContext): string {
  return `the ${scalarString(s.key)} source of volume ${s.volume.name !== undefined ? `\`${s.volume.name}\`` : `#${s.volume.index + 1}`}`;
}

/** A string field: its text, and where to point (the value, else the key). */
function text(map: unknown, key: string): { value?: string; pair?: Pair<unknown, unknown>; span?: Span } {
  const pair = pairOf(map, key);
  const value = scalarString(pair?.value);
  return { value, pair, span: pair ? (isScalar(pair.value) ? spanOf(pair.value) : undefined) ?? spanOf(pair.key) : undefined };
}

/**
 * A string the API requires though the schema calls it optional (secretName, configMap's name...): missing is
 * reported on the source's key, empty on the field's.
 */
function requireText(s: SourceContext, map: unknown, ownerKey: Node, key: string, why: string): string | undefined {
  const { value, pair } = text(map, key);
  if (value !== undefined && value !== '') return value;
  if (value === undefined && pair && !isScalar(pair.value) && pair.value !== null) return undefined; // a wrong type: the schema check
  report(s, pair ? spanOf(pair.key) : spanOf(ownerKey), `${pair ? `\`${key}\` is empty` : `\`${scalarString(ownerKey)}\` has no \`${key}\``}: ${why} The API server rejects ${sourceLabel(s)} without it.`);
  return undefined;
}

/** Where a file's problem goes: on the file's field, or on `anchor` (the downwardAPI key, which the API server names). */
function reportAt(s: SourceContext, span: Span | undefined, anchor: Span | undefined, message: string, rule: RuleDescriptor): void {
  if (anchor && span) report(s, anchor, message, rule, { span, message: 'the field' });
  else report(s, span, message, rule);
}

function checkMode(s: SourceContext, map: unknown, key: 'defaultMode' | 'mode', anchor?: Span): void {
  const node = valueOf(map, key);
  const mode = intOf(node);
  if (mode === undefined || (mode >= 0 && mode <= 0o777)) return;
  const written = isScalar(node) ? (node.source ?? String(node.value)) : String(mode);
  const octalHint = /^[0-7]{3}$/.test(written) ? ` Did you mean \`0${written}\` (octal)?` : '';
  reportAt(s, spanOf(node), anchor, `${key} ${written} is not a file mode: a mode is 0 to 0777 in octal (0 to 511 in decimal), so the API server rejects it.${octalHint}`, fileModeRule);
}

function checkItemPath(s: SourceContext, item: unknown, anchor?: Span): string | undefined {
  const { value, span } = text(item, 'path');
  if (value === undefined || value === '') return undefined; // missing or empty: the schema check
  const problem = itemPathProblem(value);
  if (problem) reportAt(s, span, anchor, `Item path \`${value}\` is not a file inside the volume: ${problem}. The API server rejects it; write it relative to the mount point.`, volumeItemPathRule);
  return value;
}

/** configMap and secret items: key and path (the schema requires both), the path's form, the file's mode. */
function checkKeyToPathItems(s: SourceContext, map: unknown, seen?: Map<string, Span | undefined>, projected?: Node): void {
  for (const [item] of mapItems(valueOf(map, 'items'))) {
    const path = checkItemPath(s, item);
    checkMode(s, item, 'mode');
    if (path !== undefined && seen) noteProjectedPath(s, seen, path, text(item, 'path').span, projected);
  }
}

/** Projected files share one directory: the API server rejects a path written twice, on the projected volume. */
function noteProjectedPath(s: SourceContext, seen: Map<string, Span | undefined>, path: string, span: Span | undefined, projected: Node | undefined): void {
  if (!seen.has(path)) {
    seen.set(path, span);
    return;
  }
  const first = seen.get(path);
  s.ctx.report(volumeItemPathRule, {
    message: `Projected volume ${s.volume.name !== undefined ? `\`${s.volume.name}\` ` : ''}writes \`${path}\` twice: every source of a projected volume writes into one directory, so each path may appear once. The API server rejects it.`,
    ...(spanOf(projected) ?? span!),
    related: [span && { ...span, message: `\`${path}\` again` }, first && { ...first, message: `\`${path}\` first` }].filter((r): r is Span & { message: string } => !!r),
  });
}

/**
 * A downwardAPI file. The API server names the downwardAPI source (not the file) in these errors, so the findings
 * go on its key (`anchor`) and relate the file's field.
 */
function checkDownwardApiItem(s: SourceContext, item: Node, anchor: Span | undefined): string | undefined {
  const path = checkItemPath(s, item, anchor);
  checkMode(s, item, 'mode', anchor);
  const fieldRef = valueOf(item, 'fieldRef');
  const resourceRef = valueOf(item, 'resourceFieldRef');
  if (isMap(fieldRef)) checkFieldRef(s.ctx, item, fieldRef, true, anchor);
  if (isMap(fieldRef) && isMap(resourceRef)) {
    report(s, anchor ?? itemSpan(item), 'This downwardAPI file takes both fieldRef and resourceFieldRef; a file holds one value, so the API server rejects it. Keep one of them.', downwardApiFieldRule, { span: keySpan(item, 'resourceFieldRef'), message: 'the second source' });
  } else if (isMap(resourceRef)) {
    checkResourceFieldRef(s.ctx, item, resourceRef, true, anchor);
  } else if (!fieldRef && !resourceRef) {
    report(s, anchor ?? itemSpan(item), 'A downwardAPI file names no value: give it a fieldRef (a Pod field) or a resourceFieldRef (a container\'s resource). The API server rejects it.', downwardApiFieldRule, { span: itemSpan(item), message: 'the file' });
  }
  return path;
}

/** The span of an item of a sequence: its first key, the line a reader sees as the item. */
function itemSpan(item: Node): Span | undefined {
  const first = isMap(item) ? (item.items[0] as Pair<unknown, unknown> | undefined) : undefined;
  return (first ? spanOf(first.key) : undefined) ?? spanOf(item);
}

// ---------------------------------------------------------------------------------------------------------------
// Per source

const IQN = /^iqn\.\d{4}-\d{2}\.[A-Za-z0-9.-]+(:[^,;*&$|\s]+)$/;
const EUI = /^eui\.[A-Za-z0-9]{16}$/;
const NAA = /^naa\.[A-Za-z0-9]{32}$/;

function iscsiNameProblem(name: string): string | undefined {
  if (!/^(iqn|eui|naa)/.test(name)) return 'it must start with iqn, eui or naa';
  const ok = name.startsWith('iqn') ? IQN.test(name) : name.startsWith('eui') ? EUI.test(name) : NAA.test(name);
  return ok ? undefined : name.startsWith('iqn')
    ? 'an iqn name has the form iqn.YYYY-MM.reversed.domain:identifier'
    : name.startsWith('eui') ? 'an eui name is eui. and 16 letters or digits' : 'a naa name is naa. and 32 letters or digits';
}

function checkRange(s: SourceContext, map: unknown, key: string, low: number, high: number, what: string): void {
  const node = valueOf(map, key);
  const value = intOf(node);
  if (value === undefined || (value >= low && value <= high)) return;
  report(s, spanOf(node), `${key} ${value} is out of range: ${what} is ${low} to ${high}, so the API server rejects ${sourceLabel(s)}.`);
}

function nonEmptyList(s: SourceContext, key: string): void {
  const pair = pairOf(s.source, key);
  if (pair && isSeq(pair.value) && pair.value.items.length === 0) {
    report(s, spanOf(pair.key), `\`${key}\` is empty: ${sourceLabel(s)} needs at least one entry, so the API server rejects it.`);
  }
}

function secretRefName(s: SourceContext, refKey: string): void {
  const ref = pairOf(s.source, refKey);
  if (!ref || !isMap(ref.value)) return;
  const { value, pair } = text(ref.value, 'name');
  if (value !== undefined && value !== '') return;
  report(s, spanOf(pair?.key ?? ref.key), `${refKey} of ${sourceLabel(s)} names no Secret: give it a name, or remove ${refKey}. The API server rejects an empty reference.`);
}

const SOURCE_CHECKS: Record<string, SourceCheck> = {
  emptyDir(s) {
    const node = valueOf(s.source, 'sizeLimit');
    const q = isScalar(node) ? parseQuantity(node.value) : undefined;
    if (q && q.value < 0) report(s, spanOf(node), `emptyDir.sizeLimit ${q.text} is negative; a size limit is 0 or more, so the API server rejects it.`);
  },
  hostPath(s) {
    const { value, span } = text(s.source, 'path');
    if (value && hasBackstep(value)) report(s, span, `hostPath.path \`${value}\` contains a '..' step; the API server rejects it, so that a Pod cannot climb out of the directory it names. Write the path without '..'.`);
  },
  gitRepo(s) {
    const { value, span } = text(s.source, 'directory');
    const problem = value ? descendingPathProblem(value) : undefined;
    if (problem) report(s, span, `gitRepo.directory \`${value}\` is not a directory inside the volume: ${problem}. The API server rejects it.`);
  },
  gcePersistentDisk(s) {
    checkRange(s, s.source, 'partition', 0, 255, 'a partition number');
  },
  awsElasticBlockStore(s) {
    checkRange(s, s.source, 'partition', 0, 255, 'a partition number');
  },
  secret(s) {
    requireText(s, s.source, s.key, 'secretName', 'it names the Secret whose keys become files.');
    checkMode(s, s.source, 'defaultMode');
    checkKeyToPathItems(s, s.source);
  },
  configMap(s) {
    requireText(s, s.source, s.key, 'name', 'it names the ConfigMap whose keys become files.');
    checkMode(s, s.source, 'defaultMode');
    checkKeyToPathItems(s, s.source);
  },
  nfs(s) {
    const { value, span } = text(s.source, 'path');
    if (value && !value.startsWith('/') && !hasPlaceholder(value)) {
      report(s, span, `nfs.path \`${value}\` is relative; it is the exported directory on the server, an absolute path such as \`/${value}\`. The API server rejects it.`);
    }
  },
  iscsi(s) {
    for (const key of ['iqn', 'initiatorName']) {
      const { value, span } = text(s.source, key);
      const problem = value ? iscsiNameProblem(value) : undefined;
      // The API server names iscsi.initiatorname (lower case), which no manifest has: that one lands on the source.
      if (problem && key === 'initiatorName') report(s, spanOf(s.key), `iscsi.${key} \`${value}\` is not an iSCSI name: ${problem}. The API server rejects it.`, volumeSourceFieldRule, { span, message: 'the initiatorName' });
      else if (problem) report(s, span, `iscsi.${key} \`${value}\` is not an iSCSI name: ${problem}. The API server rejects it.`);
    }
    checkRange(s, s.source, 'lun', 0, 255, 'an iSCSI lun');
    const chap = ['discoveryCHAPAuth', 'sessionCHAPAuth'].find((k) => valueOf(s.source, k) && (valueOf(s.source, k) as { value?: unknown }).value === true);
    if (chap && !isMap(valueOf(s.source, 'secretRef'))) {
      report(s, spanOf(s.key), `${sourceLabel(s)} turns on ${chap} but has no secretRef: CHAP authentication needs the Secret that holds its credentials, so the API server rejects it.`, volumeSourceFieldRule, { span: keySpan(s.source, chap), message: `${chap} is on here` });
    }
    const portal = scalarString(valueOf(s.source, 'targetPortal')) ?? '';
    if (pairOf(s.source, 'initiatorName') && s.volume.name !== undefined && `${s.volume.name}:${portal}`.length > 64) {
      report(s, spanOf(s.volume.nameNode), `With initiatorName set, the volume name and the target portal (\`${s.volume.name}:${portal}\`) must be under 64 characters together; the API server rejects ${sourceLabel(s)}. Shorten the volume's name.`);
    }
  },
  flocker(s) {
    const name = text(s.source, 'datasetName').value ?? '';
    const uuid = text(s.source, 'datasetUUID').value ?? '';
    if (!name && !uuid) report(s, spanOf(s.key), 'flocker names no dataset: give exactly one of datasetName or datasetUUID. The API server rejects it.');
    else if (name && uuid) report(s, spanOf(s.key), 'flocker names its dataset twice, by datasetName and datasetUUID: give exactly one. The API server rejects it.');
    if (name.includes('/')) report(s, text(s.source, 'datasetName').span, `flocker.datasetName \`${name}\` contains '/'; a dataset name may not, so the API server rejects it.`);
  },
  rbd(s) {
    nonEmptyList(s, 'monitors');
  },
  cinder(s) {
    secretRefName(s, 'secretRef');
  },
  cephfs(s) {
    nonEmptyList(s, 'monitors');
  },
  quobyte(s) {
    const { value: registry, span } = text(s.source, 'registry');
    const tenant = text(s.source, 'tenant');
    if (registry && tenant.value && tenant.value.length >= 65) {
      report(s, tenant.span, `quobyte.tenant is ${tenant.value.length} characters long; a tenant is a UUID of at most 64, so the API server rejects it.`);
    } else if (registry && registry.split(',').some((pair) => !/^(\[[^\]]*\]|[^:[\]]*):[^:]*$/.test(pair))) {
      report(s, span, `quobyte.registry \`${registry}\` is not a list of host:port pairs separated by commas; the API server rejects it.`);
    }
  },
  downwardAPI(s) {
    checkMode(s, s.source, 'defaultMode');
    for (const [item] of mapItems(valueOf(s.source, 'items'))) checkDownwardApiItem(s, item, spanOf(s.key));
  },
  fc(s) {
    const wwns = valueOf(s.source, 'targetWWNs');
    const wwids = valueOf(s.source, 'wwids');
    const count = (n: unknown) => (isSeq(n) ? n.items.length : 0);
    if (count(wwns) === 0 && count(wwids) === 0) {
      report(s, spanOf(s.key), 'fc names no disk: give targetWWNs (with a lun) or wwids, not both. The API server rejects it.');
    } else if (count(wwns) > 0 && count(wwids) > 0) {
      report(s, keySpan(s.source, 'targetWWNs'), 'fc gives both targetWWNs and wwids: a disk is named one way, so the API server rejects it. Keep one.', volumeSourceFieldRule, { span: keySpan(s.source, 'wwids'), message: 'wwids' });
    }
    if (count(wwns) > 0) {
      if (!pairOf(s.source, 'lun')) report(s, spanOf(s.key), 'fc gives targetWWNs but no lun: a target WWN names a port, and the lun names the disk behind it. The API server rejects it.');
      else checkRange(s, s.source, 'lun', 0, 255, 'a Fibre Channel lun');
    }
  },
  flexVolume(s) {
    const options = valueOf(s.source, 'options');
    if (!isMap(options)) return;
    for (const pair of options.items as Pair<unknown, unknown>[]) {
      const key = scalarString(pair.key);
      if (key === undefined) continue;
      const domain = '.' + (key.includes('/') ? key.slice(0, key.indexOf('/')) : key).toLowerCase();
      if (domain.endsWith('.kubernetes.io') || domain.endsWith('.k8s.io')) {
        report(s, spanOf(pair.key), `flexVolume option \`${key}\` uses a kubernetes.io or k8s.io prefix; those are reserved for Kubernetes itself (it passes its own options there), so the API server rejects it.`);
      }
    }
  },
  azureDisk(s) {
    const kind = text(s.source, 'kind').value;
    const uri = text(s.source, 'diskURI');
    if (!kind || !uri.value) return;
    if (kind === 'Managed' && !uri.value.startsWith('/subscriptions/')) {
      report(s, uri.span, 'A managed Azure disk (kind: Managed) is named by its resource ID, /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/disks/{disk}; the API server rejects this diskURI.');
    } else if (kind !== 'Managed' && !uri.value.startsWith('https://')) {
      report(s, uri.span, `An Azure blob disk (kind: ${kind}) is named by its URL, https://{account}.blob.core.windows.net/{container}/{disk}.vhd; the API server rejects this diskURI.`);
    }
  },
  storageos(s) {
    const name = requireText(s, s.source, s.key, 'volumeName', 'it names the StorageOS volume.');
    const problem = name ? dns1123LabelProblem(name) : undefined;
    if (problem) report(s, text(s.source, 'volumeName').span, `storageos.volumeName \`${name}\` is not a DNS-1123 label: ${problem}. The API server rejects it.`);
    const ns = text(s.source, 'volumeNamespace');
    const nsProblem = ns.value ? dns1123LabelProblem(ns.value) : undefined;
    if (nsProblem) report(s, ns.span, `storageos.volumeNamespace \`${ns.value}\` is not a DNS-1123 label: ${nsProblem}. The API server rejects it.`);
    secretRefName(s, 'secretRef');
  },
  scaleIO(s) {
    requireText(s, s.source, s.key, 'volumeName', 'it names the ScaleIO volume to attach.');
  },
  csi(s) {
    const { value, span } = text(s.source, 'driver');
    if (value) {
      const problem = value.length > 63 ? `it is ${value.length} characters long; at most 63 are allowed` : dns1123SubdomainProblem(value.toLowerCase());
      if (problem) report(s, span, `csi.driver \`${value}\` is not a CSI driver name (a DNS subdomain such as csi.example.com): ${problem}. The API server rejects it.`);
    }
    secretRefName(s, 'nodePublishSecretRef');
  },
  ephemeral(s) {
    if (!isMap(valueOf(s.source, 'volumeClaimTemplate'))) {
      report(s, spanOf(s.key), `${sourceLabel(s)} has no volumeClaimTemplate: an ephemeral volume is a claim made from that template for each Pod, so the API server rejects it without one.`);
      return;
    }
    const template = valueOf(s.source, 'volumeClaimTemplate');
    const spec = pairOf(template, 'spec');
    if (spec) checkClaimSpec(s.ctx, volumeSourceFieldRule, spec, sourceLabel(s));
    const metadata = valueOf(template, 'metadata');
    if (!isMap(metadata)) return;
    for (const pair of metadata.items as Pair<unknown, unknown>[]) {
      const key = scalarString(pair.key);
      if (key === undefined || key === 'labels' || key === 'annotations') continue;
      report(s, spanOf(pair.key), `volumeClaimTemplate.metadata.${key} cannot be set: the claim's name and namespace come from the Pod and the volume, so only labels and annotations may be given. The API server rejects it.`);
    }
  },
  image(s) {
    // Templates may leave the reference to be filled in later; a Pod cannot (validateImageVolumeSource).
    if (s.podName === undefined) return;
    const { value, pair } = text(s.source, 'reference');
    if (value === undefined || value === '') {
      report(s, spanOf(pair?.key ?? s.key), `${sourceLabel(s)} names no image: set reference to the image (or artifact) to mount. The API server rejects an image volume of a Pod without one.`);
    }
  },
  projected(s) {
    checkMode(s, s.source, 'defaultMode');
    const seen = new Map<string, Span | undefined>();
    for (const [entry] of mapItems(valueOf(s.source, 'sources'))) checkProjection(s, entry, seen);
  },
};

const PROJECTIONS = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate'];

function checkProjection(s: SourceContext, entry: Node, seen: Map<string, Span | undefined>): void {
  const kinds = PROJECTIONS.filter((k) => pairOf(entry, k));
  if (kinds.length > 1) {
    report(s, itemSpan(entry), `This projected source projects ${kinds.join(' and ')}; each entry of sources projects one thing, so the API server rejects it. Make one entry per projection.`, projectedSourceRule);
  }
  for (const kind of ['secret', 'configMap'] as const) {
    const pair = pairOf(entry, kind);
    if (!pair || !isMap(pair.value)) continue;
    requireText(s, pair.value, pair.key as Node, 'name', `it names the ${kind === 'secret' ? 'Secret' : 'ConfigMap'} to project.`);
    checkKeyToPathItems(s, pair.value, seen, s.key);
  }
  const downward = pairOf(entry, 'downwardAPI');
  for (const [item] of mapItems(valueOf(downward?.value, 'items'))) {
    const path = checkDownwardApiItem(s, item, spanOf(downward?.key));
    if (path !== undefined) noteProjectedPath(s, seen, path, text(item, 'path').span, s.key);
  }
  const token = valueOf(entry, 'serviceAccountToken');
  if (isMap(token)) {
    const node = valueOf(token, 'expirationSeconds');
    const seconds = intOf(node);
    if (seconds !== undefined && (seconds < 600 || seconds > 2 ** 32)) {
      report(s, spanOf(node), seconds < 600
        ? `expirationSeconds ${seconds} is under 10 minutes; the API server rejects service account tokens that short (the kubelet renews them well before they expire). Use 600 or more (the default is 3600).`
        : `expirationSeconds ${seconds} is over 2^32 seconds; the API server rejects it.`, projectedSourceRule);
    }
    // The API server names the projected volume, not the token, for a token's path.
    const path = checkItemPath(s, token, spanOf(s.key));
    if (path !== undefined) noteProjectedPath(s, seen, path, text(token, 'path').span, s.key);
  }
  const bundle = pairOf(entry, 'clusterTrustBundle');
  if (bundle && isMap(bundle.value)) {
    const hasName = pairOf(bundle.value, 'name');
    const hasSigner = pairOf(bundle.value, 'signerName');
    if (hasName && hasSigner) {
      report(s, spanOf(bundle.key), 'clusterTrustBundle names its bundle by name and by signerName; give exactly one of them. The API server rejects it.', projectedSourceRule);
    } else if (!hasName && !hasSigner) {
      report(s, spanOf(bundle.key), 'clusterTrustBundle names no bundle: give a name, or a signerName (with a labelSelector to choose among its bundles). The API server rejects it.', projectedSourceRule);
    } else if (hasName && pairOf(bundle.value, 'labelSelector')) {
      report(s, keySpan(bundle.value, 'labelSelector'), 'clusterTrustBundle selects by name, so a labelSelector means nothing there; the API server rejects it. Remove it, or select by signerName instead.', projectedSourceRule);
    }
    const path = checkItemPath(s, bundle.value);
    if (path !== undefined) noteProjectedPath(s, seen, path, text(bundle.value, 'path').span, s.key);
  }
}

/** A Pod's persistentVolumeClaim may not name the claim the Pod's own ephemeral volume creates (`<pod>-<volume>`). */
function checkClaimOfEphemeral(ctx: CheckContext, volume: VolumeModel, ephemeralClaims: ReadonlyMap<string, VolumeModel>): void {
  if (ephemeralClaims.size === 0) return;
  const { value, span } = text(valueOf(volume.node, 'persistentVolumeClaim'), 'claimName');
  if (!value || !span) return;
  const owner = ephemeralClaims.get(value);
  if (!owner) return;
  ctx.report(volumeSourceFieldRule, {
    message: `claimName \`${value}\` is the claim this Pod's ephemeral volume \`${owner.name}\` creates; a Pod may not mount that claim by name as well, so the API server rejects it. Mount volume \`${owner.name}\` instead.`,
    ...span,
    related: spanOf(owner.nameNode) ? [{ ...spanOf(owner.nameNode)!, message: 'the ephemeral volume' }] : undefined,
  });
}
