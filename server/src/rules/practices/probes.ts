import { isScalar, type Node } from 'yaml';
import { pairOf, valueOf } from '../../document/yamlTree';
import { podModelOf, type ContainerModel } from '../../pod/podModel';
import { probesOf, probeTiming } from '../../pod/probes';
import type { Check, CheckContext, RuleDescriptor } from '../../core/rule';
import { containerLabel, containerSpan, keySpan, sentence, spanOf } from '../support';
import { servesUntilStopped } from '../../pod/restartPolicies';
import { containersBesideApps } from '../../pod/runTogether';

/**
 * Probe practices: whether the kubelet can tell a serving container is ready and alive, and whether its probes
 * look where the container listens. What the API server rejects about probes is in rules/probes.ts.
 */

export const readinessProbeMissingRule: RuleDescriptor = {
  id: 'readiness-probe-missing',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Without a readiness probe a container receives traffic from its Services as soon as it starts, before it can answer, and keeps receiving it while it cannot.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n      - containerPort: 80',
  fix: 'Add a readinessProbe that answers only when the container can serve (an HTTP path, a TCP port, a gRPC health check).',
};

export const livenessProbeMissingRule: RuleDescriptor = {
  id: 'liveness-probe-missing',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Without a liveness probe a container that hangs (a deadlock, an exhausted pool) keeps running and is never restarted.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27',
  fix: 'Add a livenessProbe that checks the process itself (not its dependencies), with a generous failureThreshold.',
};

export const probePortUndeclaredRule: RuleDescriptor = {
  id: 'probe-port-undeclared',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A probe on a port number that the container does not declare among its ports usually checks the wrong port (a copy from another container, a changed port), so every probe fails and the container is restarted or never ready.',
  example: 'containers:\n  - name: web\n    ports:\n      - containerPort: 8080\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 80',
  fix: 'Probe a port the container declares, or declare the port the probe checks under ports.',
};

export const livenessWithoutStartupRule: RuleDescriptor = {
  id: 'liveness-without-startup',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'A liveness probe starts checking as soon as the container starts; without a startup probe, a container that starts slower than initialDelaySeconds + periodSeconds x failureThreshold (30 s by default) is killed before it is up, again and again.',
  example: 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080',
  fix: 'Add a startupProbe (same check, failureThreshold x periodSeconds covering the slowest start); liveness begins once it succeeds.',
};

/** Below this many seconds before the first restart, a liveness probe alone can kill a slow starter. */
const SLOW_START_SECONDS = 60;

/** Probes present where they matter, on ports the container declares, with time to start. */
export const probePracticesCheck: Check = {
  name: 'probe-practices',
  rules: [readinessProbeMissingRule, livenessProbeMissingRule, probePortUndeclaredRule, livenessWithoutStartupRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const serving = servesUntilStopped(pod);
    const declaredPorts = ctx.isEnabled(probePortUndeclaredRule);
    const presence = serving && [readinessProbeMissingRule, livenessProbeMissingRule, livenessWithoutStartupRule].some((rule) => ctx.isEnabled(rule));
    for (const c of containersBesideApps(pod)) {
      if (declaredPorts) {
        for (const { field, probe } of probesOf(c)) checkDeclaredPort(ctx, c, field, probe);
      }
      if (!presence || c.list !== 'containers') continue;
      const span = containerSpan(c);
      if (!span) continue;
      if (!pairOf(c.node, 'readinessProbe') && c.ports.length > 0) {
        ctx.report(readinessProbeMissingRule, {
          message: sentence(`${containerLabel(c)} declares ports but has no readinessProbe: its Services send it traffic as soon as it starts, before it can answer, and keep sending it while it cannot. Add a readinessProbe that succeeds only when it can serve.`),
          ...span,
        });
      }
      if (!pairOf(c.node, 'livenessProbe')) {
        ctx.report(livenessProbeMissingRule, {
          message: sentence(`${containerLabel(c)} has no livenessProbe: if it hangs (a deadlock, an exhausted pool) it keeps running and is never restarted. Add a livenessProbe that checks the process itself, not its dependencies.`),
          ...span,
        });
      }
      checkSlowStart(ctx, c);
    }
  },
};

function checkDeclaredPort(ctx: CheckContext, c: ContainerModel, kind: string, probe: Node): void {
  // A container that declares no ports says nothing about where it listens (ports are informational), so only a
  // probe that disagrees with the ports it does declare is reported.
  if (c.ports.length === 0) return;
  for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
    const port = valueOf(valueOf(probe, handler), 'port');
    if (!isScalar(port) || typeof port.value !== 'number' || !Number.isInteger(port.value)) continue;
    if (port.value < 1 || port.value > 65535) continue; // probe-port reports it.
    // A probe with its own host checks another machine, whose ports are not this container's.
    if (handler !== 'grpc' && valueOf(valueOf(probe, handler), 'host')) continue;
    if (c.ports.some((p) => p.containerPort === port.value)) continue;
    const span = spanOf(port);
    if (!span) continue;
    const declared = c.ports.map((p) => p.containerPort).filter((n): n is number => n !== undefined);
    ctx.report(probePortUndeclaredRule, {
      message: sentence(`the ${kind} of ${containerLabel(c)} checks port ${port.value}, which the container does not declare (it declares ${declared.length ? declared.join(', ') : 'only ports without a number'}). A probe on the wrong port fails every time, so the container is ${kind === 'readinessProbe' ? 'never ready' : 'restarted over and over'}. Probe a declared port, or declare port ${port.value} under ports.`),
      ...span,
      data: { port: port.value },
    });
  }
}

function checkSlowStart(ctx: CheckContext, c: ContainerModel): void {
  // A timing that is not a whole number (the schema check's finding) or negative (probe-timing's) tells no budget.
  const timing = pairOf(c.node, 'startupProbe') ? undefined : probeTiming(valueOf(c.node, 'livenessProbe'));
  if (!timing || Object.values(timing).some((t) => t.value < 0)) return;
  const budget = timing.initialDelaySeconds.value + timing.periodSeconds.value * timing.failureThreshold.value;
  if (budget >= SLOW_START_SECONDS) return;
  const span = keySpan(c.node, 'livenessProbe');
  if (!span) return;
  ctx.report(livenessWithoutStartupRule, {
    message: sentence(`${containerLabel(c)} is restarted if its livenessProbe still fails ${budget} s after it starts, and it has no startupProbe: a start slower than that (a cold cache, a migration, a slow node) ends in a restart loop. Add a startupProbe whose failureThreshold x periodSeconds covers the slowest start; liveness begins once it succeeds.`),
    ...span,
  });
}
