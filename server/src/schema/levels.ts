import type { Path, PathSegment } from '../document/yamlTree';
import { containerPlace } from '../pod/containerAt';
import { isContainerList } from '../pod/podModel';
import type { WorkloadKind } from '../pod/workloadKinds';
import { annotationIfBuilt, DEFINITIONS, ifAnnotationsBuilt, securityContextLevel } from './annotations';
import { embeddedShapeOf, shapeAround } from './embeddedShape';
import { definitionForKind } from './kubernetesSchema';
import { shapeOfDefinition, type Shape } from './shapes';
import { suggest } from './suggest';

/**
 * The levels of a pod-carrying object (the object itself, its metadata, the workload's spec, the Pod template,
 * the PodSpec, a container, the two security contexts...) and where an unknown key belongs instead.
 *
 * Why: the most common structural mistake is a right field at the wrong level (`volumes` in a container,
 * `image` under the PodSpec, `replicas` inside the template). The schema alone says only "unknown field"; knowing
 * the levels lets the message name the level where the field is valid, with the real path for this kind.
 */
export type LevelId =
  | 'object'
  | 'metadata'
  | 'workloadSpec'
  | 'jobTemplate'
  | 'jobSpec'
  | 'template'
  | 'templateMetadata'
  | 'podSpec'
  | 'container'
  | 'podSecurityContext'
  | 'containerSecurityContext'
  | 'containerPort'
  | 'resources';

/** Where a misplaced field belongs, for quick fixes: the Pod, a container, the workload, or metadata. */
export type Home = 'pod' | 'container' | 'workload' | 'metadata' | 'object';

/** Stands for "any container list and index" in a level's path. */
const CONTAINER = Symbol('container');
/** Stands for "any index" in a level's path. */
const ITEM = Symbol('item');
type PatternStep = PathSegment | typeof CONTAINER | typeof ITEM;

interface Level {
  readonly id: LevelId;
  readonly pattern: readonly PatternStep[];
  readonly shape: Shape;
}

export interface Misplacement {
  readonly level: LevelId;
  readonly home: Home;
  /** "the Pod", "a container", "the Deployment's spec"... */
  readonly label: string;
  /** The field's path at its home, as shown to a person: `spec.template.spec.volumes`, `spec.containers[].image`. */
  readonly displayPath: string;
  /** The same path for a quick fix, with the container the key was found in, else the first one (index 0). */
  readonly targetPath: readonly PathSegment[];
  /** Why the field belongs there, in our words (from the annotations when they have a reason). */
  readonly reason: string;
}

/** For a key found at each level, where else to look for it, most likely first. */
const CANDIDATES: Readonly<Record<LevelId, readonly LevelId[]>> = {
  object: ['metadata', 'workloadSpec', 'jobSpec', 'podSpec', 'container'],
  metadata: ['podSpec', 'workloadSpec', 'container'],
  workloadSpec: ['podSpec', 'container', 'jobSpec', 'templateMetadata'],
  jobTemplate: ['jobSpec', 'podSpec', 'container', 'workloadSpec'],
  jobSpec: ['podSpec', 'container', 'workloadSpec', 'templateMetadata'],
  template: ['podSpec', 'templateMetadata', 'workloadSpec', 'jobSpec', 'container'],
  templateMetadata: ['podSpec', 'workloadSpec', 'container'],
  podSpec: ['container', 'containerPort', 'workloadSpec', 'jobSpec', 'templateMetadata', 'resources'],
  container: ['podSpec', 'containerPort', 'resources', 'workloadSpec', 'jobSpec', 'templateMetadata'],
  podSecurityContext: ['containerSecurityContext'],
  containerSecurityContext: ['podSecurityContext'],
  containerPort: [],
  resources: [],
};

const HOME: Readonly<Record<LevelId, Home>> = {
  object: 'object',
  metadata: 'metadata',
  workloadSpec: 'workload',
  jobTemplate: 'workload',
  jobSpec: 'workload',
  template: 'workload',
  templateMetadata: 'metadata',
  podSpec: 'pod',
  container: 'container',
  podSecurityContext: 'pod',
  containerSecurityContext: 'container',
  containerPort: 'container',
  resources: 'container',
};

/** The levels of one kind, built once per kind. */
export class KindLevels {
  private readonly levels: Level[] = [];
  private readonly byId = new Map<LevelId, Level>();

  private constructor(readonly workload: WorkloadKind) {}

  static of(workload: WorkloadKind): KindLevels | undefined {
    const cached = cache.get(workload);
    if (cached) return cached;
    const custom = workload.customResource;
    const embedded = embeddedShapeOf(workload);
    const root = custom ? embedded && shapeAround(custom.schemaPath, embedded) : shapeOfDefinition(definitionForKind(workload) ?? '');
    if (!root) return undefined;
    const levels = new KindLevels(workload);
    const pod = workload.podSpecPath;
    const container: PatternStep[] = [...pod, CONTAINER];
    // A custom resource's own levels are its CRD's: only those of the Kubernetes value it embeds are known here.
    if (!custom) {
      levels.add('object', [], root);
      levels.add('metadata', ['metadata'], root);
      if (workload.kind !== 'Pod' && workload.kind !== 'PodTemplate') levels.add('workloadSpec', ['spec'], root);
    } else if (custom.schemaDefinition === JOB_SPEC) {
      levels.add('jobSpec', custom.schemaPath, root);
    }
    if (workload.kind === 'CronJob') {
      levels.add('jobTemplate', ['spec', 'jobTemplate'], root);
      levels.add('jobSpec', ['spec', 'jobTemplate', 'spec'], root);
    }
    if (workload.templateMetadataPath) {
      levels.add('template', workload.templateMetadataPath.slice(0, -1), root);
      levels.add('templateMetadata', workload.templateMetadataPath, root);
    }
    levels.add('podSpec', pod, root);
    levels.add('container', container, root);
    levels.add('podSecurityContext', [...pod, 'securityContext'], root);
    levels.add('containerSecurityContext', [...container, 'securityContext'], root);
    levels.add('containerPort', [...container, 'ports', ITEM], root);
    levels.add('resources', [...container, 'resources'], root);
    cache.set(workload, levels);
    return levels;
  }

  private add(id: LevelId, pattern: readonly PatternStep[], root: Shape): void {
    let shape: Shape | undefined = root;
    for (const step of pattern) {
      if (!shape) return;
      if (step === CONTAINER) shape = shape.fields.get('containers')?.element;
      else if (step === ITEM) shape = shape.element;
      else if (typeof step === 'string') shape = shape.fields.get(step);
    }
    if (!shape || shape.kind !== 'object') return;
    const level = { id, pattern, shape };
    this.levels.push(level);
    this.byId.set(id, level);
  }

  /** The level whose mapping sits at `path` (a path of the document), if any. */
  levelAt(path: Path): LevelId | undefined {
    for (const level of this.levels) if (matches(level.pattern, path)) return level.id;
    return undefined;
  }

  /**
   * Where `key`, unknown at `path`, belongs: the first other level of this kind that has the field. `path` is the
   * path of the mapping that holds the key.
   */
  misplacement(key: string, path: Path): Misplacement | undefined {
    const at = this.levelAt(path);
    if (!at) return undefined;
    for (const [candidate, level] of this.candidates(at)) {
      if (!level.shape.fields.has(key)) continue;
      if (at === 'podSecurityContext' || at === 'containerSecurityContext') {
        // Fields both contexts have are valid in either; only a field of one level alone is misplaced.
        if (securityLevelOf(key) === 'both') continue;
      }
      const container = containerOf(this.workload.podSpecPath, path);
      return {
        level: candidate,
        home: HOME[candidate],
        label: this.label(candidate),
        displayPath: display([...level.pattern, key]),
        targetPath: concrete([...level.pattern, key], container),
        reason: reasonFor(candidate, level.shape, key, this.workload.kind),
      };
    }
    return undefined;
  }

  /**
   * For a key unknown at `path` and at every other level: a field of another level it is a typo of
   * (`imagePullSecret` in a container → the Pod's `imagePullSecrets`), with where that field belongs.
   */
  nearMisplacement(key: string, path: Path): { suggestion: string; place: Misplacement } | undefined {
    const at = this.levelAt(path);
    if (!at) return undefined;
    for (const [candidate, level] of this.candidates(at)) {
      const suggestion = suggest(key, level.shape.fieldNames, level.shape.lowerCaseFields);
      if (!suggestion) continue;
      const place = this.misplacement(suggestion, path);
      if (place && place.level === candidate) return { suggestion, place };
    }
    return undefined;
  }

  /**
   * The levels this kind has where a key found at `at` may belong instead, most likely first. A Pod has no
   * template metadata: its own metadata stands in.
   */
  private *candidates(at: LevelId): Generator<[LevelId, Level]> {
    for (const id of CANDIDATES[at]) {
      const candidate = id === 'templateMetadata' && !this.byId.has(id) ? 'metadata' : id;
      const level = this.byId.get(candidate);
      if (level) yield [candidate, level];
    }
  }

  /** "the Pod", "a container", "the Deployment's spec"... */
  label(id: LevelId): string {
    const kind = this.workload.kind;
    switch (id) {
      case 'object':
        return `the top level of the ${kind}`;
      case 'metadata':
        return `the ${kind}'s metadata`;
      case 'workloadSpec':
        return `the ${kind}'s spec`;
      case 'jobTemplate':
        return "the CronJob's jobTemplate";
      case 'jobSpec':
        return kind === 'CronJob' ? "the Job spec in the CronJob's jobTemplate" : `the ${kind}'s Job spec`;
      case 'template':
        return 'the Pod template';
      case 'templateMetadata':
        return "the Pod template's metadata";
      case 'podSpec':
        return 'the Pod';
      case 'container':
        return 'a container';
      case 'podSecurityContext':
        return "the Pod's securityContext";
      case 'containerSecurityContext':
        return "a container's securityContext";
      case 'containerPort':
        return "a container's ports list";
      case 'resources':
        return "a container's resources";
    }
  }
}

const cache = new Map<WorkloadKind, KindLevels>();
const JOB_SPEC = 'io.k8s.api.batch.v1.JobSpec';

function matches(pattern: readonly PatternStep[], path: Path): boolean {
  let p = 0;
  for (const step of pattern) {
    if (step === CONTAINER) {
      const list = path[p];
      if (!isContainerList(list) || typeof path[p + 1] !== 'number') return false;
      p += 2;
    } else if (step === ITEM) {
      if (typeof path[p] !== 'number') return false;
      p += 1;
    } else {
      if (path[p] !== step) return false;
      p += 1;
    }
  }
  return p === path.length;
}

/** The [list, index] of the container that `path` is inside, if it is inside one. */
function containerOf(podSpecPath: Path, path: Path): [string, number] | undefined {
  const place = containerPlace(podSpecPath, path);
  return place && [place.list, place.index];
}

function display(pattern: readonly PatternStep[]): string {
  let out = '';
  for (const step of pattern) {
    if (step === CONTAINER) out += '.containers[]';
    else if (step === ITEM) out += '[]';
    else out += out ? `.${String(step)}` : String(step);
  }
  return out;
}

function concrete(pattern: readonly PatternStep[], container: [string, number] | undefined): PathSegment[] {
  const out: PathSegment[] = [];
  for (const step of pattern) {
    if (step === CONTAINER) out.push(...(container ?? ['containers', 0]));
    else if (step === ITEM) out.push(0);
    else out.push(step);
  }
  return out;
}

function securityLevelOf(key: string): string | undefined {
  return ifAnnotationsBuilt(() => securityContextLevel(key));
}

/** The annotation's reason for `key` at its home, else a reason of our own for the level. */
function reasonFor(level: LevelId, shape: Shape, key: string, kind: string): string {
  const definition = level === 'podSecurityContext' ? DEFINITIONS.PodSecurityContext : level === 'containerSecurityContext' ? DEFINITIONS.SecurityContext : shape.definition;
  // Without the annotations built, the generic reason below.
  const reason = definition ? annotationIfBuilt(definition, key)?.misplaced : undefined;
  if (reason) return reason;
  switch (level) {
    case 'podSpec':
      return 'it applies to the whole Pod and all its containers, so it is written once in the Pod spec';
    case 'container':
      return 'it is set for each container on its own, in its entry of the containers list';
    case 'containerPort':
      return 'each container lists the ports it listens on as entries of its `ports` list, e.g. `ports: [{containerPort: 8080}]`';
    case 'resources':
      return "a container's requests and limits are written under its `resources`";
    case 'podSecurityContext':
      return "it acts on what all containers share, so it is set once in the Pod's securityContext";
    case 'containerSecurityContext':
      return "it acts on one container's processes, so it is set in that container's securityContext";
    case 'metadata':
    case 'templateMetadata':
      return 'names, labels and annotations describe the object and are written in its metadata';
    case 'workloadSpec':
    case 'jobSpec':
    case 'jobTemplate':
    case 'template':
      return `the ${kind} controller reads it to create and manage Pods; the Pods themselves never see it`;
    case 'object':
      return `it is a top-level field of the ${kind}`;
  }
}
