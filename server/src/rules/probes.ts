import { isMap, isScalar, type Node } from 'yaml';
import { pairOf, sameValue, valueOf } from '../document/yamlTree';
import { probesOf, type ProbeField } from '../pod/probes';
import { podModelOf, type ContainerModel } from '../pod/podModel';
import { portNameProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, keySpan, sentence, spanOf } from './support';

export const probeHandlerRule: RuleDescriptor = {
  id: 'probe-handler',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A probe checks the container one way: exactly one of exec, httpGet, tcpSocket or grpc; none or two is rejected.',
  example: 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  tcpSocket:\n    port: 8080',
  fix: 'Keep one handler per probe.',
};

export const probeSuccessThresholdRule: RuleDescriptor = {
  id: 'probe-success-threshold',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Liveness and startup probes act on the first success, so their successThreshold must be 1; the API server rejects other values.',
  example: 'livenessProbe:\n  successThreshold: 3\n  httpGet:\n    path: /healthz\n    port: 8080',
  fix: 'Remove successThreshold (it defaults to 1), or use it on the readinessProbe.',
};

export const probePortRule: RuleDescriptor = {
  id: 'probe-port',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A probe port is a number in 1..65535 or a port name (IANA service name; a number only for grpc); the API server rejects others.',
  example: 'readinessProbe:\n  tcpSocket:\n    port: 70000',
  fix: 'Use the container\'s port number (1..65535) or the name of one of its ports.',
};

export const probeNamedPortRule: RuleDescriptor = {
  id: 'probe-named-port',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'The kubelet resolves a probe\'s named port among the ports of the probed container only; a name it does not declare makes every probe fail.',
  example: 'containers:\n  - name: web\n    ports:\n      - name: http\n        containerPort: 8080\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: healthz',
  fix: 'Name a port this container declares under ports, or use the port number.',
};

export const identicalProbesRule: RuleDescriptor = {
  id: 'identical-probes',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A liveness probe identical to the readiness probe restarts a container that is merely busy or waiting on a dependency, turning a slow moment into a restart loop.',
  example: 'livenessProbe:\n  httpGet: {path: /ready, port: 8080}\nreadinessProbe:\n  httpGet: {path: /ready, port: 8080}',
  fix: 'Let liveness check only that the process works (a cheap /healthz, a longer period or higher failureThreshold); keep dependency checks in readiness.',
};

export const readinessGracePeriodRule: RuleDescriptor = {
  id: 'readiness-probe-grace-period',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A failing readiness probe never kills the container, so a termination grace period on it means nothing; the API server rejects it.',
  example: 'readinessProbe:\n  httpGet: {path: /ready, port: 8080}\n  terminationGracePeriodSeconds: 30',
  fix: 'Remove it, or move it to the livenessProbe or startupProbe, whose failures do restart the container.',
};

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** Probes: one handler each, thresholds, ports that exist, and liveness that differs from readiness. */
export const probesCheck: Check = {
  name: 'probes',
  rules: [probeHandlerRule, probeSuccessThresholdRule, probePortRule, probeNamedPortRule, identicalProbesRule, readinessGracePeriodRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    for (const c of pod.containers) {
      for (const { field, probe } of probesOf(c)) checkProbe(ctx, c, field, probe);
      checkIdentical(ctx, c);
    }
  },
};

function checkProbe(ctx: CheckContext, c: ContainerModel, kind: ProbeField, probe: Node): void {
  const handlers = HANDLERS.filter((h) => pairOf(probe, h));
  if (handlers.length === 0) {
    const span = keySpan(c.node, kind);
    if (span) {
      ctx.report(probeHandlerRule, {
        message: `${kind} of ${containerLabel(c)} has no handler: say how to check the container with exactly one of exec, httpGet, tcpSocket or grpc. The API server rejects a probe without one.`,
        ...span,
      });
    }
  } else if (handlers.length > 1) {
    ctx.report(probeHandlerRule, {
      message: `${kind} of ${containerLabel(c)} has ${handlers.length} handlers (${handlers.join(', ')}); a probe checks one way, so the API server rejects more than one. Keep one of them.`,
      ...keySpan(probe, handlers[1])!,
      related: [{ ...keySpan(probe, handlers[0])!, message: `\`${handlers[0]}\` is the first handler` }],
    });
  }
  const threshold = valueOf(probe, 'successThreshold');
  if (kind !== 'readinessProbe' && isScalar(threshold) && typeof threshold.value === 'number' && threshold.value !== 1) {
    ctx.report(probeSuccessThresholdRule, {
      message: `successThreshold of a ${kind === 'livenessProbe' ? 'liveness' : 'startup'} probe must be 1: the kubelet acts on the first success (${kind === 'livenessProbe' ? 'the container is alive' : 'startup is over'}), so the API server rejects ${threshold.value}. Remove it, or move the threshold to the readinessProbe.`,
      ...spanOf(threshold)!,
    });
  }
  const grace = kind === 'readinessProbe' ? keySpan(probe, 'terminationGracePeriodSeconds') : undefined;
  if (grace) {
    ctx.report(readinessGracePeriodRule, {
      message: `terminationGracePeriodSeconds is not allowed on the readinessProbe of ${containerLabel(c)}: a failing readiness probe only takes the Pod out of its Services and never stops the container, so there is no termination to give time to. The API server rejects it; set it on the livenessProbe or startupProbe instead.`,
      ...grace,
    });
  }
  for (const handler of handlers) {
    if (handler === 'exec') continue;
    const portNode = valueOf(valueOf(probe, handler), 'port');
    if (isScalar(portNode)) checkPort(ctx, c, kind, handler, portNode);
  }
}

function checkPort(ctx: CheckContext, c: ContainerModel, kind: string, handler: string, portNode: Node & { value?: unknown }): void {
  const span = spanOf(portNode);
  if (!span) return;
  const value = portNode.value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      ctx.report(probePortRule, {
        message: `Probe port ${value} is out of range: a port number is 1..65535. The API server rejects the ${kind}; use the port the container listens on.`,
        ...span,
      });
    }
    return;
  }
  if (typeof value !== 'string') return;
  if (handler === 'grpc') return; // The schema check reports a string where grpc takes an integer.
  if (/^\d+$/.test(value)) return; // A number in quotes: the schema check's concern, and the kubelet reads it as a number.
  const problem = portNameProblem(value);
  if (problem) {
    ctx.report(probePortRule, {
      message: `Probe port \`${value}\` is neither a number nor a valid port name: ${problem}. The API server rejects the ${kind}.`,
      ...span,
    });
    return;
  }
  if (c.ports.some((p) => p.name === value)) return;
  ctx.report(probeNamedPortRule, {
    message: sentence(`${containerLabel(c)} declares no port named \`${value}\`. The kubelet looks a probe's named port up among the probed container's own ports only (not the Pod's other containers), so every ${kind} would fail. Add \`name: ${value}\` to one of this container's ports, or use the port number.`),
    ...span,
    data: { portName: value },
  });
}

function checkIdentical(ctx: CheckContext, c: ContainerModel): void {
  const liveness = valueOf(c.node, 'livenessProbe');
  const readiness = valueOf(c.node, 'readinessProbe');
  if (!isMap(liveness) || !isMap(readiness)) return;
  if (!sameValue(liveness, readiness)) return;
  const live = keySpan(c.node, 'livenessProbe');
  const ready = keySpan(c.node, 'readinessProbe');
  if (!live || !ready) return;
  ctx.report(identicalProbesRule, {
    message: `The livenessProbe of ${containerLabel(c)} is identical to its readinessProbe. When the container is merely busy or a dependency is down, readiness should take it out of the Service while liveness keeps it running; identical probes restart it instead, which can turn a slow moment into a restart loop. Make liveness a cheaper check of the process itself, or give it a higher failureThreshold.`,
    ...live,
    related: [{ ...ready, message: 'the identical readinessProbe' }],
  });
}
