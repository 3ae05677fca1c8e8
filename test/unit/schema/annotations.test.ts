import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CONCEPT_NAMES,
  DEFINITIONS,
  ROLE_NAMES,
  annotatedFields,
  concept,
  fieldAnnotation,
  homeOf,
  role,
  scopeDescription,
  securityContextLevel,
} from '../../../server/src/schema/annotations';

// Needs dist/schema/annotations.json: `node scripts/build-annotations.mjs` (the full test runner builds first).

const root = path.resolve(__dirname, '../../..');
const models = path.join(root, 'node_modules/kubernetes-models');

/**
 * The property names of `export interface I<Name> { ... }` in a kubernetes-models .d.ts file. Properties are
 * written one per line as `    "name"?: type;` at four spaces; nested object types are indented further.
 */
function modelFields(file: string, name: string): string[] {
  const source = readFileSync(path.join(models, file), 'utf8');
  const start = source.indexOf(`export interface I${name} {`);
  assert.ok(start >= 0, `interface I${name} not found in ${file}`);
  const end = source.indexOf('\n}', start);
  const body = source.slice(start, end);
  return [...body.matchAll(/^ {4}"([A-Za-z0-9]+)"\??:/gm)].map((m) => m[1]).sort();
}

/** Each annotated definition and the .d.ts file that lists its fields. */
const MODELS: ReadonlyArray<[definition: string, file: string, name: string, scope: string]> = [
  [DEFINITIONS.PodSpec, 'v1/PodSpec.d.ts', 'PodSpec', 'pod'],
  [DEFINITIONS.Container, 'v1/Container.d.ts', 'Container', 'container'],
  [DEFINITIONS.EphemeralContainer, 'v1/EphemeralContainer.d.ts', 'EphemeralContainer', 'container'],
  [DEFINITIONS.PodSecurityContext, 'v1/PodSecurityContext.d.ts', 'PodSecurityContext', 'pod'],
  [DEFINITIONS.SecurityContext, 'v1/SecurityContext.d.ts', 'SecurityContext', 'container'],
  [DEFINITIONS.PodTemplateSpec, 'v1/PodTemplateSpec.d.ts', 'PodTemplateSpec', 'pod'],
  [DEFINITIONS.DeploymentSpec, 'apps/v1/DeploymentSpec.d.ts', 'DeploymentSpec', 'workload'],
  [DEFINITIONS.StatefulSetSpec, 'apps/v1/StatefulSetSpec.d.ts', 'StatefulSetSpec', 'workload'],
  [DEFINITIONS.DaemonSetSpec, 'apps/v1/DaemonSetSpec.d.ts', 'DaemonSetSpec', 'workload'],
  [DEFINITIONS.ReplicaSetSpec, 'apps/v1/ReplicaSetSpec.d.ts', 'ReplicaSetSpec', 'workload'],
  [DEFINITIONS.JobSpec, 'batch/v1/JobSpec.d.ts', 'JobSpec', 'workload'],
  [DEFINITIONS.JobTemplateSpec, 'batch/v1/JobTemplateSpec.d.ts', 'JobTemplateSpec', 'workload'],
  [DEFINITIONS.CronJobSpec, 'batch/v1/CronJobSpec.d.ts', 'CronJobSpec', 'workload'],
];

describe('annotations: coverage of the kubernetes-models fields', () => {
  for (const [definition, file, name, scope] of MODELS) {
    it(`${name}: every field has a scope, and no annotation names a missing field`, () => {
      const expected = modelFields(file, name);
      assert.ok(expected.length > 0, `no fields read from ${file}`);
      const missing = expected.filter((field) => fieldAnnotation(definition, field)?.scope === undefined);
      assert.deepEqual(missing, [], `${name}: fields without an annotation`);
      const extra = annotatedFields(definition).filter((field) => !expected.includes(field));
      assert.deepEqual(extra, [], `${name}: annotations of fields that do not exist`);
    });

    it(`${name}: fields have the ${scope} scope`, () => {
      for (const field of annotatedFields(definition)) {
        assert.equal(fieldAnnotation(definition, field)?.scope, scope, `${name}.${field}`);
      }
    });
  }

  it('annotates only the definitions listed above', () => {
    const known = new Set(MODELS.map(([definition]) => definition));
    for (const definition of Object.values(DEFINITIONS)) assert.ok(known.has(definition), definition);
  });

  it('gives every securityContext field a level that matches the definitions it appears in', () => {
    const podFields = modelFields('v1/PodSecurityContext.d.ts', 'PodSecurityContext');
    const containerFields = modelFields('v1/SecurityContext.d.ts', 'SecurityContext');
    for (const field of new Set([...podFields, ...containerFields])) {
      const inPod = podFields.includes(field);
      const inContainer = containerFields.includes(field);
      const expected = inPod && inContainer ? 'both' : inPod ? 'pod' : 'container';
      assert.equal(securityContextLevel(field), expected, field);
    }
  });
});

describe('annotations: texts and links', () => {
  const everyEntry = () =>
    MODELS.flatMap(([definition]) => annotatedFields(definition).map((field) => ({ where: `${definition}.${field}`, entry: fieldAnnotation(definition, field)! })));

  it('links only to https://kubernetes.io/docs/ pages', () => {
    const links = [
      ...everyEntry().map(({ where, entry }) => ({ where, docs: entry.docs })),
      ...(['pod', 'container', 'workload'] as const).map((scope) => ({ where: scope, docs: scopeDescription(scope).docs })),
      ...CONCEPT_NAMES.map((name) => ({ where: name, docs: concept(name)?.docs })),
      ...ROLE_NAMES.map((name) => ({ where: name, docs: role(name)?.docs })),
    ];
    for (const { where, docs } of links) {
      if (docs !== undefined) assert.match(docs, /^https:\/\/kubernetes\.io\/docs\/[a-z0-9\-/#]*$/, where);
    }
  });

  it('explains every field, and names only known concepts', () => {
    for (const { where, entry } of everyEntry()) {
      assert.ok(entry.explain && entry.explain.length > 20, `${where}: explain`);
      if (entry.concept !== undefined) assert.ok(CONCEPT_NAMES.includes(entry.concept), `${where}: concept ${entry.concept}`);
    }
  });

  it('writes misplaced fragments as clauses the validator can append', () => {
    for (const { where, entry } of everyEntry()) {
      if (entry.misplaced === undefined) continue;
      assert.match(entry.misplaced, /^[a-z/]/, `${where}: starts in lower case`);
      assert.doesNotMatch(entry.misplaced, /[.!]$/, `${where}: no closing full stop`);
    }
  });

  it('describes the three scopes, the roles and the concepts', () => {
    assert.equal(scopeDescription('pod').label, 'Pod-level');
    assert.equal(scopeDescription('container').label, 'container-level');
    assert.equal(scopeDescription('workload').label, 'workload-level');
    for (const name of CONCEPT_NAMES) assert.ok(concept(name)?.explain, name);
    for (const name of ROLE_NAMES) assert.ok(role(name)?.explain, name);
    assert.match(role('sidecar')!.explain, /restartPolicy: Always/);
  });
});

describe('annotations: API', () => {
  it('answers field annotations', () => {
    const volumes = fieldAnnotation('io.k8s.api.core.v1.PodSpec', 'volumes');
    assert.equal(volumes?.scope, 'pod');
    assert.equal(volumes?.concept, 'storage');
    assert.equal(volumes?.misplaced, 'volumes are defined once for the Pod and mounted into containers with volumeMounts');
    assert.equal(fieldAnnotation('io.k8s.api.core.v1.Container', 'image')?.scope, 'container');
    assert.equal(fieldAnnotation('io.k8s.api.core.v1.Container', 'ports')?.concept, 'network');
    assert.equal(fieldAnnotation('io.k8s.api.apps.v1.DeploymentSpec', 'replicas')?.scope, 'workload');
    assert.equal(fieldAnnotation('io.k8s.api.core.v1.PodSpec', 'image'), undefined);
    assert.equal(fieldAnnotation('io.k8s.api.core.v1.Nope', 'volumes'), undefined);
    // Object.prototype names are not fields.
    assert.equal(fieldAnnotation('io.k8s.api.core.v1.PodSpec', 'constructor'), undefined);
    assert.deepEqual(homeOf('toString'), []);
  });

  it('marks what an ephemeral container cannot have, and inherits the rest from Container', () => {
    assert.equal(fieldAnnotation(DEFINITIONS.EphemeralContainer, 'ports')?.unsupported, true);
    assert.equal(fieldAnnotation(DEFINITIONS.EphemeralContainer, 'resources')?.unsupported, true);
    assert.equal(fieldAnnotation(DEFINITIONS.Container, 'ports')?.unsupported, undefined);
    assert.deepEqual(fieldAnnotation(DEFINITIONS.EphemeralContainer, 'image'), fieldAnnotation(DEFINITIONS.Container, 'image'));
  });

  it('answers securityContext levels', () => {
    assert.equal(securityContextLevel('fsGroup'), 'pod');
    assert.equal(securityContextLevel('sysctls'), 'pod');
    assert.equal(securityContextLevel('privileged'), 'container');
    assert.equal(securityContextLevel('capabilities'), 'container');
    assert.equal(securityContextLevel('runAsUser'), 'both');
    assert.equal(securityContextLevel('image'), undefined);
    assert.match(fieldAnnotation(DEFINITIONS.SecurityContext, 'privileged')!.explain!, /container/);
    assert.ok(fieldAnnotation(DEFINITIONS.PodSecurityContext, 'fsGroup')?.misplaced);
    assert.match(fieldAnnotation(DEFINITIONS.SecurityContext, 'runAsUser')!.explain!, /container's own value wins/);
  });

  it('finds the home of a misplaced field', () => {
    assert.deepEqual(homeOf('volumes'), [DEFINITIONS.PodSpec]);
    assert.deepEqual(homeOf('image'), [DEFINITIONS.Container]);
    assert.deepEqual(homeOf('resources'), [DEFINITIONS.PodSpec, DEFINITIONS.Container]);
    assert.deepEqual(homeOf('replicas'), [DEFINITIONS.DeploymentSpec, DEFINITIONS.StatefulSetSpec, DEFINITIONS.ReplicaSetSpec]);
    assert.deepEqual(homeOf('activeDeadlineSeconds'), [DEFINITIONS.PodSpec, DEFINITIONS.JobSpec]);
    assert.deepEqual(homeOf('targetContainerName'), []);
    assert.deepEqual(homeOf('fsGroup'), []);
    // The fields people most often put at the wrong level carry a reason.
    for (const [field, home] of [
      ['volumes', DEFINITIONS.PodSpec],
      ['containers', DEFINITIONS.PodSpec],
      ['nodeSelector', DEFINITIONS.PodSpec],
      ['image', DEFINITIONS.Container],
      ['ports', DEFINITIONS.Container],
      ['env', DEFINITIONS.Container],
      ['volumeMounts', DEFINITIONS.Container],
      ['replicas', DEFINITIONS.DeploymentSpec],
      ['selector', DEFINITIONS.DeploymentSpec],
    ] as const) {
      assert.ok(homeOf(field).includes(home), `${field} lives in ${home}`);
      assert.ok(fieldAnnotation(home, field)?.misplaced, `${field} has a misplaced fragment`);
    }
  });
});
