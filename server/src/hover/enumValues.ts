/**
 * What each value of the common enum fields does, in our words. Keyed by field name and the place the field is
 * in, because the same word means different things in different places: `Always` as the Pod's restartPolicy
 * restarts app containers, while on an init container it turns the container into a native sidecar.
 */

/** Where a field sits, as far as the meaning of its values goes. */
export type ValuePlace = 'pod' | 'app-container' | 'init-container' | 'workload' | 'other';

interface EnumEntry {
  readonly field: string;
  /** The places where these meanings hold; any place when absent. */
  readonly places?: readonly ValuePlace[];
  /** The parent key when the field name alone is ambiguous (`type` under `strategy`). */
  readonly parent?: string;
  readonly values: Readonly<Record<string, string>>;
}

/** Container-level restart policies other than a sidecar's Always came with container restart rules. */
const CONTAINER_RULES =
  "Accepted only where the cluster enables container restart rules (the ContainerRestartRules feature, alpha in Kubernetes 1.34); there,";

const ENUM_VALUES: readonly EnumEntry[] = [
  {
    field: 'restartPolicy',
    places: ['pod'],
    values: {
      Always:
        'The kubelet restarts every app container whenever it exits, successful or not. The only value Deployments, StatefulSets, DaemonSets and ReplicaSets accept: their Pods are meant to run forever.',
      OnFailure:
        'The kubelet restarts a container only when it exits with an error; a container that exits with 0 stays finished. The usual choice for Jobs that should retry in place.',
      Never:
        'No container is restarted: when the containers have exited the Pod is finished, Succeeded or Failed. For Jobs, a failure then shows as a failed Pod and the Job controller decides whether to make a new one.',
    },
  },
  {
    field: 'restartPolicy',
    places: ['init-container'],
    values: {
      Always:
        'Makes this init container a native sidecar: it starts at its place in the init sequence, the next init container does not wait for it to finish, it keeps running beside the app containers, is restarted when it exits, and is stopped after them.',
      OnFailure: `${CONTAINER_RULES} this init container alone is restarted in place when it fails, whatever the Pod's restartPolicy.`,
      Never: `${CONTAINER_RULES} this init container alone is never restarted, whatever the Pod's restartPolicy.`,
    },
  },
  {
    field: 'restartPolicy',
    places: ['app-container'],
    values: {
      Always: `${CONTAINER_RULES} this container alone is restarted whenever it exits, whatever the Pod's restartPolicy.`,
      OnFailure: `${CONTAINER_RULES} this container alone is restarted only when it fails, whatever the Pod's restartPolicy.`,
      Never: `${CONTAINER_RULES} this container alone is never restarted, whatever the Pod's restartPolicy.`,
    },
  },
  {
    field: 'imagePullPolicy',
    values: {
      Always: 'The node asks the registry for the image every time this container starts, and runs what the tag names now. Slower starts, but a moved tag is picked up.',
      IfNotPresent: 'The node pulls the image only when it does not have it yet. A tag that moved in the registry is not picked up on nodes that already have the old one: pin a version or a digest.',
      Never: 'The node never pulls: the image must already be on the node, or the container fails to start (ErrImageNeverPull).',
    },
  },
  {
    field: 'protocol',
    values: {
      TCP: 'The default. The port is open for TCP on the Pod IP, shared by every container of the Pod.',
      UDP: 'The port is open for UDP. The same number may also be used for TCP by this or another container of the Pod.',
      SCTP: 'The port is open for SCTP; the cluster network must support it.',
    },
  },
  {
    field: 'dnsPolicy',
    values: {
      ClusterFirst: 'The default: names are resolved by the cluster DNS first, so Services resolve by name; other names go to the upstream servers.',
      ClusterFirstWithHostNet: 'Like ClusterFirst, for Pods with hostNetwork: true, which would otherwise fall back to the node\'s resolver.',
      Default: "The Pod inherits the node's resolver configuration: cluster Service names do not resolve (despite the name, it is not the default).",
      None: 'The Pod gets no DNS settings except those in dnsConfig.',
    },
  },
  {
    field: 'terminationMessagePolicy',
    values: {
      File: 'The default: the message shown when this container ends is read from its terminationMessagePath file.',
      FallbackToLogsOnError: 'When the file is empty and the container failed, the end of its log is used as the termination message.',
    },
  },
  {
    field: 'preemptionPolicy',
    values: {
      PreemptLowerPriority: 'The default: to make room for this Pod, the scheduler may evict Pods of lower priority from a node.',
      Never: 'This Pod waits for room instead of evicting other Pods, while still being placed ahead of lower-priority Pods in the queue.',
    },
  },
  {
    field: 'type',
    parent: 'strategy',
    values: {
      RollingUpdate: 'The default: new Pods are created and old ones removed a few at a time (maxSurge, maxUnavailable), so the app stays up during a rollout.',
      Recreate: 'All old Pods are stopped before new ones start: a short outage, but two versions never run at once.',
    },
  },
  {
    field: 'type',
    parent: 'updateStrategy',
    values: {
      RollingUpdate: 'The default: Pods are replaced one by one (for a StatefulSet from the highest ordinal down) when the template changes.',
      OnDelete: 'Changing the template replaces no Pod: a new Pod gets the new template only when you delete an old one.',
    },
  },
  {
    field: 'podManagementPolicy',
    values: {
      OrderedReady: 'The default: Pods are created one at a time in ordinal order, each after the previous one is Ready, and removed in reverse.',
      Parallel: 'Pods are created and removed all at once, without waiting for each other (updates still follow updateStrategy).',
    },
  },
  {
    field: 'concurrencyPolicy',
    values: {
      Allow: 'The default: a new Job starts on schedule even if the previous one is still running.',
      Forbid: 'A scheduled run is skipped while the previous Job is still running.',
      Replace: 'The running Job is stopped and replaced by the new one.',
    },
  },
  {
    field: 'completionMode',
    values: {
      NonIndexed: 'The default: the Job is complete after `completions` Pods succeeded, whichever they were.',
      Indexed: 'Each Pod gets an index (0 to completions-1, in JOB_COMPLETION_INDEX) and the Job is complete when every index succeeded once.',
    },
  },
  {
    field: 'operator',
    parent: 'tolerations',
    values: {
      Equal: 'The default: the toleration matches a taint with the same key and value.',
      Exists: 'The toleration matches any taint with the key (or, with no key, every taint), whatever its value.',
    },
  },
  {
    field: 'effect',
    parent: 'tolerations',
    values: {
      NoSchedule: 'Tolerates taints that keep new Pods off a node.',
      PreferNoSchedule: 'Tolerates taints that make the scheduler avoid a node when it can.',
      NoExecute: 'Tolerates taints that evict running Pods; tolerationSeconds bounds how long the Pod may stay.',
    },
  },
  {
    field: 'whenUnsatisfiable',
    values: {
      DoNotSchedule: 'The default: the Pod stays Pending rather than break the spread (maxSkew).',
      ScheduleAnyway: 'The spread is a preference: the scheduler favours nodes that reduce the skew but places the Pod anyway.',
    },
  },
  {
    field: 'medium',
    values: {
      '': 'The default: the emptyDir lives on the node\'s disk.',
      Memory: "The emptyDir is a tmpfs in the node's memory: fast, wiped on reboot, and its contents count against the memory limit of the containers that write to it.",
    },
  },
];

/**
 * What `value` means for `field` at `place`; `parent` is the key above the field's mapping (for a list item,
 * the list's key).
 */
export function enumValueMeaning(field: string, value: string, place: ValuePlace, parent?: string): string | undefined {
  for (const entry of ENUM_VALUES) {
    if (entry.field !== field) continue;
    if (entry.parent && entry.parent !== parent) continue;
    if (entry.places && !entry.places.includes(place)) continue;
    const meaning = Object.prototype.hasOwnProperty.call(entry.values, value) ? entry.values[value] : undefined;
    if (meaning) return meaning;
  }
  return undefined;
}
