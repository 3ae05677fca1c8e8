import { appContainers, type ContainerModel, type PodModel } from './podModel';

/**
 * The part a container plays in its Pod, read from the manifest alone.
 *
 * The lifecycle roles are exact (init step, native sidecar, ephemeral). The multi-container patterns (sidecar,
 * ambassador, adapter) are conventions, so we detect them from evidence a reviewer would use and always say which.
 */
export type ContainerRole = 'app' | 'init' | 'native-sidecar' | 'ephemeral' | 'sidecar' | 'ambassador' | 'adapter';

export interface RoleInfo {
  readonly role: ContainerRole;
  /** 1-based step among init containers (sidecars included), for init containers and native sidecars. */
  readonly step?: number;
  /** Why we think so, in words (for patterns), e.g. "mounts volume logs that app writes to". */
  readonly reason?: string;
}

const SIDECAR_IMAGES = /(fluent-?bit|fluentd|filebeat|promtail|vector|logstash|otel|opentelemetry|jaeger-agent|datadog|splunk|git-sync|vault-agent|config-?reloader|configmap-reload|istio[/-]proxy|linkerd2?-proxy|busybox|alpine)/i;
const AMBASSADOR_IMAGES = /(cloud-sql-proxy|cloudsql-proxy|envoy|haproxy|twemproxy|nutcracker|pgbouncer|redis-proxy|ambassador|oauth2-proxy|kube-rbac-proxy|socat|stunnel)/i;
const ADAPTER_IMAGES = /(exporter|prom(etheus)?-?adapter|statsd|metrics-adapter|json-exporter|log-adapter)/i;

/** The role of every container of the Pod, in the model's order. */
export function containerRoles(pod: PodModel): Map<ContainerModel, RoleInfo> {
  const roles = new Map<ContainerModel, RoleInfo>();
  let step = 0;
  for (const c of pod.containers) {
    if (c.list === 'initContainers') {
      step++;
      roles.set(c, { role: c.isNativeSidecar ? 'native-sidecar' : 'init', step });
    } else if (c.list === 'ephemeralContainers') {
      roles.set(c, { role: 'ephemeral' });
    }
  }
  const apps = appContainers(pod);
  const main = primaryContainer(apps);
  for (const c of apps) roles.set(c, c === main ? { role: 'app' } : helperRole(c, main));
  return roles;
}

/** The container the Pod exists for: the first one, unless another is clearly the app (it alone serves ports). */
export function primaryContainer(apps: readonly ContainerModel[]): ContainerModel | undefined {
  if (apps.length <= 1) return apps[0];
  const nonHelpers = apps.filter((c) => !matchesAny(c.image, [SIDECAR_IMAGES, AMBASSADOR_IMAGES, ADAPTER_IMAGES]));
  return nonHelpers[0] ?? apps[0];
}

function helperRole(c: ContainerModel, main: ContainerModel | undefined): RoleInfo {
  const image = c.image ?? '';
  const mainName = main?.name ?? 'the app';
  if (ADAPTER_IMAGES.test(image)) {
    const port = c.ports.find((p) => p.name && /metric|prom/i.test(p.name)) ?? c.ports[0];
    return { role: 'adapter', reason: `its image (${image}) is an exporter${port?.containerPort ? ` serving port ${port.containerPort}` : ''}: it presents ${mainName}'s state in a standard format` };
  }
  if (AMBASSADOR_IMAGES.test(image)) {
    return { role: 'ambassador', reason: `its image (${image}) is a proxy: ${mainName} reaches the outside world through it on localhost` };
  }
  const shared = main ? sharedVolumes(c, main) : [];
  if (shared.length) {
    return { role: 'sidecar', reason: `shares volume ${shared.join(', ')} with ${mainName}` };
  }
  if (SIDECAR_IMAGES.test(image)) return { role: 'sidecar', reason: `its image (${image}) is a common helper that runs beside the app` };
  if (c.ports.some((p) => p.name && /metric/i.test(p.name))) {
    return { role: 'adapter', reason: 'it serves a metrics port for the app' };
  }
  return { role: 'sidecar', reason: `a second container beside ${mainName}` };
}

function sharedVolumes(a: ContainerModel, b: ContainerModel): string[] {
  const names = new Set(b.mounts.map((m) => m.name).filter((n): n is string => !!n));
  return [...new Set(a.mounts.map((m) => m.name).filter((n): n is string => !!n && names.has(n)))];
}

function matchesAny(image: string | undefined, patterns: RegExp[]): boolean {
  return !!image && patterns.some((p) => p.test(image));
}

/** Words for a role, for hover and the diagram. */
export function roleLabel(info: RoleInfo): string {
  switch (info.role) {
    case 'app':
      return 'app container';
    case 'init':
      return `init container, step ${info.step}`;
    case 'native-sidecar':
      return `native sidecar (init step ${info.step}, then runs beside the app)`;
    case 'ephemeral':
      return 'ephemeral debug container';
    default:
      return `${info.role} (detected)`;
  }
}
