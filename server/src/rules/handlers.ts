import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf, type ContainerModel, type PodModel } from '../pod/podModel';
import { hooksOf, probesOf } from '../pod/probes';
import { runsBesideApps } from '../pod/runTogether';
import { gateOnByDefault, gateOnSince } from '../versions/featureGates';
import { intOf } from './fieldValues';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, keySpan, spanOf, type Span } from './support';

/**
 * What the API server checks in probes and lifecycle hooks beyond which handler they use (probes.ts): each hook
 * has exactly one handler, each action is complete (an exec has a command, a header has a valid name, a sleep
 * fits in the grace period), and probe timings are not negative.
 */

export const lifecycleHandlerRule: RuleDescriptor = {
  id: 'lifecycle-handler',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A postStart or preStop hook does one thing: exactly one of exec, httpGet, sleep (or the deprecated tcpSocket); none or two is rejected.',
  example: 'lifecycle:\n  preStop:\n    exec:\n      command: [nginx, -s, quit]\n    sleep:\n      seconds: 5',
  fix: 'Keep one handler per hook; to wait and then run a command, make the command sleep first.',
};

export const handlerActionRule: RuleDescriptor = {
  id: 'handler-action',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A probe\'s or hook\'s action must be complete and well formed: an exec with a command, HTTP headers with valid names, a sleep within the Pod\'s termination grace period. The API server rejects others.',
  example: 'lifecycle:\n  preStop:\n    sleep:\n      seconds: 60   # the grace period is 30 s',
  fix: 'Give exec a command, name headers with letters, digits and \'-\', and keep a sleep within terminationGracePeriodSeconds (raise it if the hook needs longer).',
};

export const probeTimingRule: RuleDescriptor = {
  id: 'probe-timing',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Probe delays, periods, timeouts and thresholds are counts of seconds or attempts, never negative, and a probe\'s own termination grace period is at least 1 second; the API server rejects others.',
  example: 'livenessProbe:\n  httpGet: {path: /healthz, port: 8080}\n  periodSeconds: -10',
  fix: 'Use 0 or more (omit a field for its default); give a probe\'s terminationGracePeriodSeconds 1 or more, or remove it.',
};

const TIMINGS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;
/** The handlers of a lifecycle hook, in the order the API server counts them. */
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

export const handlersCheck: Check = {
  name: 'handlers',
  rules: [lifecycleHandlerRule, handlerActionRule, probeTimingRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    for (const c of pod.containers) {
      // An init step that is no sidecar may not have probes or hooks at all (init-container-field says so).
      if (!runsBesideApps(c)) continue;
      for (const { field, probe } of probesOf(c)) {
        checkTimings(ctx, probe, field, c);
        checkActions(ctx, pod, probe, `${field} of ${containerLabel(c)}`);
      }
      for (const { hook, pair, handler } of hooksOf(c)) {
        checkHook(ctx, pair, c);
        checkActions(ctx, pod, handler, `the ${hook} hook of ${containerLabel(c)}`);
      }
    }
  },
};

function checkTimings(ctx: CheckContext, probe: Node, kind: string, c: ContainerModel): void {
  for (const field of TIMINGS) {
    const node = valueOf(probe, field);
    const value = intOf(node);
    if (value === undefined || value >= 0) continue;
    ctx.report(probeTimingRule, {
      message: `${field} ${value} of the ${kind} of ${containerLabel(c)} is negative; it counts ${field.endsWith('Threshold') ? 'attempts' : 'seconds'}, so the API server rejects it. Use 0 or more, or omit it for the default.`,
      ...spanOf(node)!,
    });
  }
  const graceNode = valueOf(probe, 'terminationGracePeriodSeconds');
  const grace = intOf(graceNode);
  if (grace !== undefined && grace <= 0) {
    ctx.report(probeTimingRule, {
      message: `terminationGracePeriodSeconds ${grace} of the ${kind} of ${containerLabel(c)} must be greater than 0: it is how long the container gets to stop after the probe fails. The API server rejects it; remove it to use the Pod's grace period.`,
      ...spanOf(graceNode)!,
    });
  }
}

function checkHook(ctx: CheckContext, hook: Pair<unknown, unknown>, c: ContainerModel): void {
  const name = scalarString(hook.key);
  const handlers = HOOK_HANDLERS.filter((h) => pairOf(hook.value, h));
  if (handlers.length === 0) {
    // An unknown key only (a typo) is the schema check's finding; an empty hook is this rule's.
    if (isMap(hook.value) && hook.value.items.length > 0) return;
    ctx.report(lifecycleHandlerRule, {
      message: `The ${name} hook of ${containerLabel(c)} has no handler: say what to do with exactly one of exec, httpGet or sleep. The API server rejects an empty hook.`,
      ...spanOf(hook.key)!,
    });
    return;
  }
  for (const extra of handlers.slice(1)) {
    ctx.report(lifecycleHandlerRule, {
      message: `The ${name} hook of ${containerLabel(c)} has ${handlers.length} handlers (${handlers.join(', ')}); a hook does one thing, so the API server rejects \`${extra}\` beside \`${handlers[0]}\`. Keep one of them.`,
      ...keySpan(hook.value, extra)!,
      related: [{ ...keySpan(hook.value, handlers[0])!, message: `\`${handlers[0]}\` is the first handler` }],
    });
  }
}

const HEADER_NAME = /^[-A-Za-z0-9]+$/;

/** The actions of a probe or hook: exec's command, HTTP header names, a sleep within the grace period. */
function checkActions(ctx: CheckContext, pod: PodModel, handler: Node, owner: string): void {
  const exec = pairOf(handler, 'exec');
  if (exec) {
    const command = valueOf(exec.value, 'command');
    const empty = !command || (isSeq(command) && command.items.length === 0) || (isScalar(command) && command.value === null);
    if (empty) {
      ctx.report(handlerActionRule, {
        message: `exec in ${owner} has no command: say what to run (e.g. [cat, /tmp/healthy]). The API server rejects an exec without one.`,
        ...(spanOf(pairOf(exec.value, 'command')?.key) ?? spanOf(exec.key)!),
      });
    }
  }
  for (const [header] of mapItems(valueOf(valueOf(handler, 'httpGet'), 'httpHeaders'))) {
    const nameNode = valueOf(header, 'name');
    const name = scalarString(nameNode);
    if (name === undefined || name === '' || HEADER_NAME.test(name)) continue;
    ctx.report(handlerActionRule, {
      message: `HTTP header name \`${name}\` in ${owner} is not a header name: letters, digits and '-' only. The API server rejects it.`,
      ...spanOf(nameNode)!,
    });
  }
  const sleep = pairOf(handler, 'sleep');
  if (sleep && isMap(sleep.value)) checkSleep(ctx, pod, sleep, owner);
}

/** validateSleepAction: 0 (1 where PodLifecycleSleepActionAllowZero is off) up to the Pod's terminationGracePeriodSeconds, reported on `sleep`. */
function checkSleep(ctx: CheckContext, pod: PodModel, sleep: Pair<unknown, unknown>, owner: string): void {
  const node = valueOf(sleep.value, 'seconds');
  const seconds = intOf(node);
  if (seconds === undefined) return;
  const grace = pod.terminationGracePeriodSeconds;
  // PodLifecycleSleepActionAllowZero allows a sleep of 0 seconds where it is on.
  const zeroAllowed = gateOnByDefault('PodLifecycleSleepActionAllowZero', ctx.settings.kubernetesVersion);
  const low = zeroAllowed ? 0 : 1;
  if (seconds >= low && seconds <= grace) return;
  const valueSpan: Span | undefined = spanOf(node);
  ctx.report(handlerActionRule, {
    message: seconds > grace
      ? `The sleep of ${seconds} seconds in ${owner} is longer than the Pod's terminationGracePeriodSeconds (${grace}${pairOf(pod.podSpec, 'terminationGracePeriodSeconds') ? '' : ', the default'}): the container would be killed before it ends, so the API server rejects it. Sleep less, or raise terminationGracePeriodSeconds.`
      : `The sleep of ${seconds} seconds in ${owner} must be ${zeroAllowed ? '0 or more' : `greater than 0 before Kubernetes ${gateOnSince('PodLifecycleSleepActionAllowZero')} (the target version is ${ctx.settings.kubernetesVersion}, podsmith.kubernetesVersion)`}; the API server rejects it.`,
    ...spanOf(sleep.key)!,
    related: valueSpan ? [{ ...valueSpan, message: 'the seconds' }] : undefined,
  });
}
