import { isMap } from 'yaml';
import { valueOf } from '../../document/yamlTree';
import type { ContainerModel } from '../../pod/podModel';
import { isProbeField, probeTiming, PROBE_TIMING_DEFAULTS, type ProbeTimingField, type TimingValue } from '../../pod/probes';
import { code } from '../markdown';
import type { HoverSection } from '../section';



/**
 * Probes are per container, and their numbers only mean something together: on a probe's key or one of its
 * timing fields, when the first check comes, how often, and how long failing lasts before the kubelet acts, and
 * what it does then (restart this one container, or take the Pod out of its Services). Defaults are named.
 */
export const probeSection: HoverSection = {
  id: 'probe',
  render(ctx) {
    const { container: c, inContainer } = ctx;
    if (!c || !inContainer || c.list === 'ephemeralContainers') return undefined;
    const kind = String(inContainer[0]);
    if (!isProbeField(kind)) return undefined;
    // Only where the timing is the subject: the probe's key and its timing fields, not its handler's details.
    if (!(inContainer.length === 1 && ctx.onKey) && !(inContainer.length === 2 && String(inContainer[1]) in PROBE_TIMING_DEFAULTS)) return undefined;
    // An init container that runs to completion has no probes: the rules report it; nothing to time here.
    if (c.list === 'initContainers' && !c.isNativeSidecar) return undefined;
    const timing = timingOf(c, kind);
    return timing ? probeText(kind, timing, c) : undefined;
  },
};

type Timing = Record<ProbeTimingField, TimingValue>;

/** The probe's timing as the kubelet reads it; undefined when a field is not a whole number (the schema's finding). */
function timingOf(c: ContainerModel, kind: string): Timing | undefined {
  return probeTiming(valueOf(c.node, kind));
}

function probeText(kind: string, t: Timing, c: ContainerModel): string {
  const seconds = (field: ProbeTimingField) => `${t[field].value} s${t[field].defaulted ? ' (default)' : ''}`;
  const failures = t.failureThreshold.value;
  const window = failures * t.periodSeconds.value;
  const afterStartup = kind !== 'startupProbe' && isMap(valueOf(c.node, 'startupProbe')) ? ', once its startupProbe has passed' : '';
  const first = t.initialDelaySeconds.value === 0 ? 'as soon as the container starts' : `${seconds('initialDelaySeconds')} after the container starts`;
  const lines = [
    `**When this ${kind} checks:** first ${first}${afterStartup}, then every ${seconds('periodSeconds')}, each check waiting up to ${seconds('timeoutSeconds')} for an answer.`,
  ];
  const streak = `${failures} failed ${failures === 1 ? 'check' : 'checks'} in a row${t.failureThreshold.defaulted ? ' (default)' : ''}, about ${window} s`;
  if (kind === 'livenessProbe') {
    lines.push(`After ${streak}, the kubelet restarts this container alone; the Pod keeps its IP and volumes, and its other containers keep running.`);
  } else if (kind === 'readinessProbe') {
    const back = t.successThreshold.value;
    lines.push(`After ${streak}, the Pod counts as not Ready and Services stop sending it traffic, until ${back} ${back === 1 ? 'check passes' : 'checks pass in a row'}. Nothing is restarted.`);
  } else {
    lines.push(`The container has ${failures} × ${t.periodSeconds.value} s = ${window} s to start: its liveness and readiness probes wait until this one passes, and if it has not by then, the kubelet restarts the container.`);
  }
  if (t.timeoutSeconds.value >= t.periodSeconds.value) {
    lines.push(`${code('timeoutSeconds')} is not below ${code('periodSeconds')}: a slow answer runs into the next check.`);
  }
  return lines.join('\n\n');
}
