import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { InlayHintKind, type InlayHint, type Range, type TextEdit } from 'vscode-languageserver-types';
import { insertPair } from '../document/collectionInserts';
import type { YamlValue } from '../document/flowWriter';
import { indentStyleOfDocument, type IndentStyle } from '../document/indentStyle';
import type { Edit } from '../document/textEdit';
import type { ManifestDocument } from '../document/manifestDocument';
import { nodeAtPath, pairOf, valueOf } from '../document/yamlTree';
import { defaultPullPolicy } from '../pod/imageReference';
import { initContainers, podModelOf, type ContainerModel, type PodModel } from '../pod/podModel';
import { probesOf } from '../pod/probes';
import { containerSecurity, effectiveSetting, podSecurityOf, SHARED_FIELDS } from '../pod/securityContext';
import { defaultsOf, type DefaultValue } from '../pod/apiDefaults';
import type { ParsedSource } from '../core/featureRequest';
import type { PodsmithSettings } from '../core/settings';

/**
 * Inlay hints: the values the API server fills in where a field is left out (imagePullPolicy from the image's tag,
 * a port's protocol, the Pod's restartPolicy, probe timings, a workload's update strategy), a native sidecar's
 * place in the start order, and the securityContext values a container inherits from its Pod. A hint that stands
 * for a field carries the edit that writes it explicitly (applied when the person accepts the hint).
 *
 * `podsmith.inlayHints`: `behaviour` (the default) shows the defaults that decide what happens at run time;
 * `all` adds the ones that rarely surprise (dnsPolicy, terminationGracePeriodSeconds); `off` shows none.
 */
export function inlayHints(source: ParsedSource, range: Range, settings: PodsmithSettings): InlayHint[] {
  const { textDocument, file } = source;
  if (settings.inlayHints === 'off' || file.tooLarge) return [];
  const from = textDocument.offsetAt(range.start);
  const to = textDocument.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const doc of file.documents) {
    if (doc.end < from || doc.start > to) continue;
    const pod = podModelOf(doc);
    if (!pod?.podSpec) continue;
    const style = indentStyleOfDocument(doc);
    const place = (offset: number) => textDocument.positionAt(doc.offset + offset);
    const toTextEdit = (edit: Edit): TextEdit => ({ range: { start: place(edit.start), end: place(edit.end) }, newText: edit.newText });
    // In reading order: the editor does not need it, but a list in order is what a person (and a test) expects.
    const sorted = podHints(doc, pod, style, settings).sort((a, b) => a.at - b.at);
    for (const hint of sorted) {
      const at = doc.offset + hint.at;
      if (at < from || at > to) continue;
      hints.push({
        position: place(hint.at),
        label: hint.label,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: hint.tooltip,
        textEdits: hint.edits?.map(toTextEdit),
      });
    }
  }
  return hints;
}

/** One hint before it is placed in the file: offsets relative to its document. */
interface PodHint {
  readonly at: number;
  readonly label: string;
  readonly tooltip: string;
  readonly edits?: readonly Edit[];
}

function podHints(doc: ManifestDocument, pod: PodModel, style: IndentStyle, settings: PodsmithSettings): PodHint[] {
  const hints: PodHint[] = [];
  const text = doc.text;
  const all = settings.inlayHints === 'all';
  /**
   * One hint for the defaults `defaults` lists that `map` leaves out, after the colon of its key `key`: several
   * defaults of one mapping share a hint (the editor cuts a place's hints past about 40 characters), and accepting
   * it writes them all.
   */
  const missing = (map: YAMLMap<unknown, unknown> | undefined, key: Node | null | undefined, defaults: readonly DefaultValue[]) => {
    if (!map || !key?.range) return;
    const left = defaults.filter((d) => (all || d.level === 'behaviour') && !pairOf(map, d.field));
    if (!left.length) return;
    const edits = left.map((d) => insertPair(text, map, d.field, d.value, style));
    hints.push({
      at: afterColon(text, key.range[1]),
      label: left.map((d) => d.short).join(', '),
      tooltip: left.map((d) => `${d.field}: ${labelOf(d.value)}. ${d.why}`).join('\n\n'),
      edits: edits.every((e) => e !== undefined) ? (edits as Edit[]) : undefined,
    });
  };

  const defaults = defaultsOf(pod);
  const specKey = specKeyOf(doc, pod.podSpecPath);
  missing(pod.podSpec, specKey, defaults.podSpec);
  if (defaults.workloadSpec.length) {
    const workloadSpec = nodeAtPath(doc.root, ['spec']);
    if (isMap(workloadSpec)) missing(workloadSpec, specKeyOf(doc, ['spec']), defaults.workloadSpec);
  }

  const security = podSecurityOf(pod);
  for (const container of pod.containers) {
    const image = valueOf(container.node, 'image');
    if (container.image && isScalar(image) && !pairOf(container.node, 'imagePullPolicy')) {
      const policy = defaultPullPolicy(container.image);
      const edit = insertPair(text, container.node, 'imagePullPolicy', policy, style);
      hints.push({
        at: image.range![1],
        label: `imagePullPolicy: ${policy}`,
        tooltip: policy === 'Always'
          ? 'Filled in by the API server: this image names no version (no tag, or :latest), so the node pulls it again at every container start.'
          : 'Filled in by the API server: this image names a version, so the node pulls it only when it does not have it yet.',
        edits: edit ? [edit] : undefined,
      });
    }
    for (const port of container.ports) {
      const number = valueOf(port.node, 'containerPort');
      if (!number?.range || pairOf(port.node, 'protocol')) continue;
      const edit = insertPair(text, port.node, 'protocol', 'TCP', style);
      hints.push({ at: number.range[1], label: 'protocol: TCP', tooltip: 'Filled in by the API server: a port without a protocol is TCP. A UDP or SCTP service needs it written.', edits: edit ? [edit] : undefined });
    }
    for (const { pair, probe } of probesOf(container)) missing(probe, pair.key as Node, defaults.probe);
    if (container.isNativeSidecar && container.nameNode?.range) {
      const step = initContainers(pod).indexOf(container) + 1;
      hints.push({
        at: container.nameNode.range[1],
        label: `native sidecar: starts at init step ${step}, then runs beside the app containers`,
        tooltip: 'An init container with restartPolicy: Always starts in order with the init containers, but does not have to exit: later init steps and the app containers start once it has started (and passed its startupProbe), and it is stopped after them.',
      });
    }
    inheritedSecurity(container, security, text, style, hints);
  }
  return hints;
}

/** The Pod's shared securityContext values this container runs with without writing them: one hint on its name. */
function inheritedSecurity(container: ContainerModel, security: ReturnType<typeof podSecurityOf>, text: string, style: IndentStyle, hints: PodHint[]): void {
  const own = containerSecurity(security, container);
  if (!own || !container.nameNode?.range) return;
  const inherited: Record<string, YamlValue> = {};
  for (const field of SHARED_FIELDS) {
    const effective = effectiveSetting(security, own, field);
    const value = effective.source === 'pod' ? toYamlValue(effective.value) : undefined;
    if (value !== undefined) inherited[field] = value;
  }
  const fields = Object.keys(inherited);
  if (!fields.length) return;
  const edits = own.context
    ? fields.map((field) => insertPair(text, own.context!, field, inherited[field], style))
    : [insertPair(text, container.node, 'securityContext', inherited, style)];
  hints.push({
    at: container.nameNode.range[1],
    label: `from the Pod: ${fields.map((f) => `${f} ${labelOf(inherited[f])}`).join(', ')}`,
    tooltip: `This container runs with the Pod's securityContext ${fields.join(', ')}, since its own securityContext does not set ${fields.length > 1 ? 'them' : 'it'}. Writing ${fields.length > 1 ? 'them' : 'it'} here pins ${fields.length > 1 ? 'them' : 'it'} for this container even if the Pod's value changes.`,
    edits: edits.every((e) => e !== undefined) ? (edits as Edit[]) : undefined,
  });
}

/** Just past the `:` that follows a key (where a hint about the key's value reads naturally), else the key's end. */
function afterColon(text: string, keyEnd: number): number {
  let i = keyEnd;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':' ? i + 1 : keyEnd;
}

/** The key of the pair whose value is the mapping at `path` (`spec:`), where the hint for it goes. */
function specKeyOf(doc: ManifestDocument, path: readonly (string | number)[]): Node | undefined {
  const parent = path.length > 1 ? nodeAtPath(doc.root, path.slice(0, -1)) : doc.root;
  const key = pairOf(parent, String(path[path.length - 1]))?.key;
  return key && (key as Node).range ? (key as Node) : undefined;
}

function labelOf(value: YamlValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(labelOf).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${k}: ${labelOf(v)}`).join(', ')}}`;
}

/** A securityContext value read from the manifest as a value the edit toolkit writes. */
function toYamlValue(value: unknown): YamlValue | undefined {
  if (typeof value === 'string') return /^[A-Za-z0-9_./-]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(toYamlValue);
    return items.every((i) => i !== undefined) ? (items as YamlValue[]) : undefined;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, YamlValue> = {};
    for (const [k, v] of Object.entries(value)) {
      const converted = toYamlValue(v);
      if (converted === undefined) return undefined;
      out[k] = converted;
    }
    return out;
  }
  return undefined;
}
