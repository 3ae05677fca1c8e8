import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { appContainers, type ContainerModel, type PodModel } from '../pod/podModel';
import { primaryContainer } from '../pod/roles';
import { itemLines, mappingLines } from '../document/blockWriter';
import { flowText, type YamlValue } from '../document/flowWriter';
import type { IndentStyle } from '../document/indentStyle';
import type { FeatureRequest } from '../core/featureRequest';
import { atBlockKey, type CompletionContext } from './completionContext';
import { containerListAt, isNewFlowItem } from './newItemPlaces';
import type { CompletionProvider } from './provider';
import { mountEdit, volumeEdit } from './podEdits';

/**
 * The multi-container patterns, offered where a container goes and fitted to the Pod already written: the log
 * shipper mounts the volume the app writes to, the ambassador listens on a localhost port no container uses,
 * the adapter scrapes the app's own port on localhost. Containers of a Pod share volumes and one network
 * namespace, and these patterns are what that sharing is for.
 */

interface Pattern {
  readonly label: string;
  readonly detail: string;
  readonly why: string;
  readonly body: Record<string, YamlValue>;
  /** Mounts the shared volume: brings the edits that declare it and mount it in the app, where needed. */
  readonly sharesVolume?: boolean;
}

const SMALL_RESOURCES: YamlValue = { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } };

export const containerPatternProvider: CompletionProvider = { id: 'container-patterns', items: containerPatternItems };

/** Where a new container goes: under a container list's key or after a fresh `- ` (block), or at a new flow entry. */
function containerPatternItems(ctx: CompletionContext): CompletionItem[] {
  const list = containerListAt(ctx);
  if (!list || !(atBlockKey(ctx) || isNewFlowItem(ctx))) return [];
  const { req, cursor: context, pod, style, range, lineBreak: eol } = ctx;
  const app = pod ? primaryContainer(appContainers(pod)) : undefined;
  const shared = sharedVolume(pod, app);
  const sharing = shared.declared && shared.mountedByApp ? NO_SHARING : sharingEdits(req, pod, app, shared, style);
  const patterns = list === 'containers' ? appPatterns(pod, app, shared, sharing) : initPatterns(app, shared, sharing);
  // A new item: after `- ` the dash is written; under the sequence's key it is part of the insertion. In a flow
  // sequence (`containers: [|]`) the item is one flow mapping.
  const newItem = !context.itemStart;
  return patterns.map((pattern, i) => {
    const text =
      context.style === 'flow'
        ? flowText(pattern.body)
        : (newItem ? itemLines(pattern.body, context.column, style) : mappingLines(pattern.body, context.column, style)).join(eol).trimStart();
    return {
      label: pattern.label,
      kind: CompletionItemKind.Snippet,
      detail: pattern.detail,
      documentation: { kind: MarkupKind.Markdown, value: pattern.why },
      filterText: pattern.label,
      sortText: `3_${i}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: text + '$0' },
      additionalTextEdits: pattern.sharesVolume && sharing.edits.length ? sharing.edits : undefined,
    };
  });
}

function appPatterns(pod: PodModel | undefined, app: ContainerModel | undefined, shared: SharedVolume, sharing: Sharing): Pattern[] {
  const appName = app?.name ?? 'the app';
  const appPort = app?.ports.find((p) => p.containerPort !== undefined)?.containerPort ?? 8080;
  const proxyPort = freePort(pod, 5432);
  const metricsPort = freePort(pod, 9113);
  const logShipper = logShipperBody(shared, false);
  return [
    {
      label: 'sidecar: log shipper',
      detail: `shares volume ${shared.name} with ${appName}`,
      why: `A sidecar helps the app from beside it. Containers of a Pod can mount the same volume: this log shipper reads the files ${appName} writes to \`${shared.name}\` (${shared.mountPath}), read-only.${sharingNote(shared, appName, sharing)}`,
      body: logShipper,
      sharesVolume: true,
    },
    {
      label: 'ambassador: local proxy',
      detail: `${appName} connects to localhost:${proxyPort}`,
      why: `An ambassador is a proxy the app reaches on localhost: all containers of a Pod share one network namespace. It listens on 127.0.0.1:${proxyPort} (no container of this Pod uses that port), so only the Pod's own containers can reach it, and forwards to the real service; ${appName} keeps a simple, local address.`,
      body: {
        name: '${1:db-ambassador}',
        image: '${2:alpine/socat:1.8.0.1}',
        args: flowText([`"TCP-LISTEN:${proxyPort},fork,reuseaddr,bind=127.0.0.1"`, '"TCP:${3:db.example.svc.cluster.local}:${4:5432}"']),
        resources: SMALL_RESOURCES,
      },
    },
    {
      label: 'adapter: metrics exporter',
      detail: `scrapes ${appName} on localhost:${appPort}`,
      why: `An adapter presents the app's output in a standard format. This exporter reads ${appName}'s status page on localhost:${appPort} (containers of a Pod share localhost) and serves Prometheus metrics on port ${metricsPort}.`,
      body: {
        name: '${1:metrics-adapter}',
        image: '${2:nginx/nginx-prometheus-exporter:1.4.0}',
        args: flowText([`"--nginx.scrape-uri=http://localhost:${appPort}/\${3:stub_status}"`]),
        ports: [{ name: 'metrics', containerPort: String(metricsPort) }],
        resources: SMALL_RESOURCES,
      },
    },
  ];
}

function initPatterns(app: ContainerModel | undefined, shared: SharedVolume, sharing: Sharing): Pattern[] {
  const appName = app?.name ?? 'the app';
  return [
    {
      label: 'native sidecar: log shipper',
      detail: `restartPolicy: Always · shares volume ${shared.name}`,
      why: `An init container with \`restartPolicy: Always\` is a native sidecar: it starts before the app containers, keeps running beside them, and stops after them, so no log line is lost at startup or shutdown. It reads the files ${appName} writes to \`${shared.name}\` (${shared.mountPath}).${sharingNote(shared, appName, sharing)}`,
      body: logShipperBody(shared, true),
      sharesVolume: true,
    },
    {
      label: 'init container: wait for a service',
      detail: `runs to completion before ${appName} starts`,
      why: `Init containers run one at a time, in order, and each must succeed before the next starts; ${appName} starts only after the last. This one waits until a service name resolves.`,
      body: {
        name: '${1:wait-for-db}',
        image: '${2:busybox:1.37}',
        command: flowText(['"sh"', '"-c"', '"until nslookup ${3:db}; do echo waiting for ${3:db}; sleep 2; done"']),
        resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '16Mi' } },
      },
    },
  ];
}

function logShipperBody(shared: SharedVolume, native: boolean): Record<string, YamlValue> {
  const body: Record<string, YamlValue> = {
    name: '${1:log-shipper}',
    image: '${2:fluent/fluent-bit:3.2}',
  };
  if (native) body.restartPolicy = 'Always';
  body.args = flowText(['"-i"', '"tail"', '"-p"', `"path=${snippetEscape(shared.mountPath)}/*.log"`, '"-o"', '"stdout"']);
  body.volumeMounts = [{ name: snippetEscape(shared.name), mountPath: snippetEscape(shared.mountPath), readOnly: 'true' }];
  body.resources = SMALL_RESOURCES;
  return body;
}

interface SharedVolume {
  readonly name: string;
  readonly mountPath: string;
  /** False when the Pod has no such volume yet. */
  readonly declared: boolean;
  /** False when the app does not mount it yet. */
  readonly mountedByApp: boolean;
}

/** The volume a helper should share with the app: an emptyDir the app mounts (writable), else any it writes to. */
function sharedVolume(pod: PodModel | undefined, app: ContainerModel | undefined): SharedVolume {
  if (pod && app) {
    const candidates = app.mounts.filter((m) => m.name && m.mountPath && pod.volumes.some((v) => v.name === m.name));
    const emptyDir = candidates.find((m) => pod.volumes.find((v) => v.name === m.name)?.sources.includes('emptyDir') && !m.readOnly);
    const chosen = emptyDir ?? candidates.find((m) => !m.readOnly);
    if (chosen) return { name: chosen.name!, mountPath: chosen.mountPath!, declared: true, mountedByApp: true };
  }
  const declared = !!pod?.volumes.some((v) => v.name === 'logs');
  return { name: 'logs', mountPath: '/var/log/app', declared, mountedByApp: false };
}

/** The edits that make the sharing real, and which of the two parts they do. */
interface Sharing {
  readonly edits: TextEdit[];
  readonly declares: boolean;
  readonly mounts: boolean;
}

const NO_SHARING: Sharing = { edits: [], declares: false, mounts: false };

/**
 * Edits that make the sharing real: declare the emptyDir volume, mount it in the app. Without the volume there is
 * nothing to mount, so when it cannot be declared nothing is edited.
 */
function sharingEdits(req: FeatureRequest, pod: PodModel | undefined, app: ContainerModel | undefined, shared: SharedVolume, style: IndentStyle): Sharing {
  if (!pod) return NO_SHARING;
  const edits: TextEdit[] = [];
  if (!shared.declared) {
    const edit = volumeEdit(req, pod, { name: shared.name, emptyDir: {} }, style);
    if (!edit) return NO_SHARING;
    edits.push(edit);
  }
  let mounts = false;
  if (app && !shared.mountedByApp) {
    const edit = mountEdit(req, app, { name: shared.name, mountPath: shared.mountPath }, style);
    if (edit) edits.push(edit);
    mounts = !!edit;
  }
  return { edits, declares: !shared.declared, mounts };
}

/** What the documentation says about the sharing: what accepting does, and only that; the rest as advice. */
function sharingNote(shared: SharedVolume, appName: string, sharing: Sharing): string {
  if (shared.declared && shared.mountedByApp) return '';
  const toMount = !shared.mountedByApp && !sharing.mounts;
  if (sharing.edits.length) {
    const adds = [sharing.declares ? `declares the emptyDir volume \`${shared.name}\`` : '', sharing.mounts ? `mounts it in ${appName} at ${shared.mountPath}` : ''].filter(Boolean).join(' and ');
    if (!toMount) return ` Accepting it also ${adds}: point ${appName}'s log files there.`;
    return ` Accepting it also ${adds}; mount it in ${appName} at ${shared.mountPath} yourself.`;
  }
  const declare = shared.declared ? '' : `Declare an emptyDir volume \`${shared.name}\` under volumes and `;
  return toMount || !shared.declared ? ` ${declare}${declare ? 'mount' : 'Mount'} it in ${appName} too.` : '';
}

/** `preferred`, or the next port no container of the Pod declares (they all share the Pod's ports). */
function freePort(pod: PodModel | undefined, preferred: number): number {
  const used = new Set(pod?.containers.flatMap((c) => c.ports.map((p) => p.containerPort)));
  let port = preferred;
  while (used.has(port)) port++;
  return port;
}

/** Escapes text for a snippet (`$`, `}` and `\` are special there). */
function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
