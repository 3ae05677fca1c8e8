/**
 * The Pod diagram's model: plain JSON the server computes (diagram/diagramModel.ts) and the webview draws.
 *
 * Types only. The client imports this file with `import type`, so no server code reaches its bundle; everything
 * Kubernetes-specific (roles, clashes, effective resources, which problem belongs where) is decided here on the
 * server, and the webview only lays out and renders what it is given.
 */

/** A zero-based position in the file, as in LSP. */
export interface DiagramPosition {
  readonly line: number;
  readonly character: number;
}

/** The place to reveal in the editor when an element is clicked (file positions, not document-relative). */
export interface DiagramRange {
  readonly start: DiagramPosition;
  readonly end: DiagramPosition;
}

export type DiagramSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic attached to the element whose node holds it. */
export interface DiagramProblem {
  readonly severity: DiagramSeverity;
  readonly message: string;
  readonly ruleId: string;
  /** Zero-based line of the finding in the file, to reveal it. */
  readonly range: DiagramRange;
}

/** Everything a drawn element has: a stable id, where it is written, the problems inside it. */
export interface DiagramElement {
  /** Stable across edits while the element keeps its list and index: `pod`, `container:initContainers:0`, `volume:data`... */
  readonly id: string;
  readonly range: DiagramRange;
  readonly problems: readonly DiagramProblem[];
}

/** A port a container opens on the Pod's single IP. */
export interface DiagramPort {
  readonly containerPort?: number;
  readonly name?: string;
  readonly protocol: string;
  readonly hostPort?: number;
  /** Set when another container that runs at the same time opens the same port and protocol. */
  readonly clashWith?: string;
  readonly range: DiagramRange;
}

/** One resource of a container: the request and the limit as written. */
export interface DiagramResource {
  readonly resource: string;
  readonly request?: string;
  readonly limit?: string;
}

export type DiagramRole = 'app' | 'init' | 'native-sidecar' | 'ephemeral' | 'sidecar' | 'ambassador' | 'adapter';

export interface DiagramContainer extends DiagramElement {
  /** The container's name, or a stand-in (`initContainers[1]`) when it has none. */
  readonly name: string;
  readonly named: boolean;
  readonly list: 'containers' | 'initContainers' | 'ephemeralContainers';
  readonly role: DiagramRole;
  /** The role in words: "native sidecar (init step 2, then runs beside the app)". */
  readonly roleLabel: string;
  /** Why a pattern role (sidecar, ambassador, adapter) was detected. */
  readonly roleReason?: string;
  /** 1-based start order among init containers (native sidecars included). */
  readonly step?: number;
  readonly image?: string;
  readonly ports: readonly DiagramPort[];
  readonly resources: readonly DiagramResource[];
  /** Ids of the edges that start at this container, in the order of its volumeMounts. */
  readonly mounts: readonly string[];
}

export interface DiagramVolume extends DiagramElement {
  readonly name: string;
  /** The source kind written (emptyDir, configMap...), when defined. */
  readonly source?: string;
  /** What the source points at: the ConfigMap, Secret or claim name. */
  readonly sourceDetail?: string;
  /** False for a name that containers mount but spec.volumes does not define. */
  readonly defined: boolean;
  /** False for a defined volume that no container mounts. */
  readonly used: boolean;
}

/** A volumeMount: a line from a container to a volume. */
export interface DiagramEdge extends DiagramElement {
  readonly container: string;
  readonly volume: string;
  readonly mountPath?: string;
  readonly readOnly: boolean;
  readonly subPath?: string;
}

/** An effective Pod-level amount of one resource, as the scheduler computes it. */
export interface DiagramEffectiveResource {
  readonly resource: string;
  /** Readable amount (`350m CPU`, `192 MiB`), or `unbounded` for a limit some running container leaves open. */
  readonly amount: string;
  /** How the figure came about. */
  readonly from: string;
}

export interface DiagramPod extends DiagramElement {
  readonly name?: string;
  /** The kind of the document: Pod, or the workload that owns the Pod's template. */
  readonly kind: string;
  /** How many Pods the owner runs, in words: "3 replicas", "one per node", "a Job on schedule ...". */
  readonly replicas?: string;
  /** The Pod's restartPolicy, with whether it is the default. */
  readonly restartPolicy: string;
  readonly restartPolicyDefaulted: boolean;
  readonly hostNetwork: boolean;
  /** Where the Pod may run, in words (nodeSelector, tolerations, affinity...); absent when the manifest sets none. */
  readonly placement?: string;
  /** The highest Pod Security Standard the Pod meets, and the controls that keep it from the next level up. */
  readonly podSecurity?: {
    readonly level: 'privileged' | 'baseline' | 'restricted';
    readonly blockedBy: readonly string[];
  };
}

export interface DiagramModel {
  /** Bumped when the shape changes, so a newer webview can refuse an older server's answer. */
  readonly schemaVersion: 1;
  readonly uri: string;
  /** Zero-based index of the document within its file. */
  readonly documentIndex: number;
  readonly pod: DiagramPod;
  /** Init containers in start order (native sidecars included), then app containers, then ephemeral ones. */
  readonly containers: readonly DiagramContainer[];
  readonly volumes: readonly DiagramVolume[];
  readonly edges: readonly DiagramEdge[];
  readonly effective: {
    readonly requests: readonly DiagramEffectiveResource[];
    readonly limits: readonly DiagramEffectiveResource[];
  };
  /** Count of every problem in the document, by severity. */
  readonly problemCounts: Readonly<Record<DiagramSeverity, number>>;
}
