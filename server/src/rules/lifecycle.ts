import { pairOf } from '../document/yamlTree';
import { podModelOf, type ContainerModel } from '../pod/podModel';
import { RUNNING_CONTAINER_FIELDS } from '../pod/containerFields';
import { containerRestartRulesOnByDefault, overridesPodRestartPolicy, sidecarRestartRulesOnByDefault } from '../pod/restartPolicies';
import { gateOnByDefault } from '../versions/featureGates';
import { fieldExistsIn } from '../versions/fieldVersions';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, fieldSpan, keySpan, sentence, spanOf } from './support';

export const initContainerFieldRule: RuleDescriptor = {
  id: 'init-container-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'An init container runs to completion before the app starts, so lifecycle hooks and probes mean nothing for it unless it is a native sidecar (restartPolicy: Always); the API server rejects them.',
  example: 'initContainers:\n  - name: migrate\n    image: app:1.0\n    readinessProbe:\n      exec:\n        command: [true]',
  fix: 'Remove the probe or hook, or make the container a native sidecar with `restartPolicy: Always` if it should keep running beside the app.',
};

export const initRestartPolicyRule: RuleDescriptor = {
  id: 'init-container-restart-policy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'On an init container, restartPolicy Always makes it a native sidecar; OnFailure and Never need the ContainerRestartRules gate (alpha and off by default in 1.34, beta from 1.35), and API servers without it reject them.',
  example: '# podsmith.kubernetesVersion: "1.34"\ninitContainers:\n  - name: setup\n    image: busybox:1.36\n    restartPolicy: OnFailure',
  fix: 'Remove restartPolicy (the Pod\'s restartPolicy governs init containers), set Always for a native sidecar, or target Kubernetes 1.35 or later and make sure the feature gate is on.',
};

export const containerRestartPolicyRule: RuleDescriptor = {
  id: 'container-restart-policy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A restartPolicy (or restartPolicyRules) on a regular container needs the ContainerRestartRules gate (alpha and off by default in 1.34, beta from 1.35); API servers without it reject it.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27\n    restartPolicy: Never',
  fix: 'Use the Pod\'s spec.restartPolicy, or target Kubernetes 1.35 or later and make sure the feature gate is on.',
};

export const sidecarRestartRulesRule: RuleDescriptor = {
  id: 'sidecar-restart-rules',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'restartPolicyRules on a native sidecar need the gate RestartAllContainersOnContainerExits (alpha, off by default in 1.35; beta from 1.36); the API server rejects them where it is off.',
  example: 'initContainers:\n  - name: watcher\n    restartPolicy: Always\n    restartPolicyRules:\n      - action: RestartAllContainers\n        exitCodes: {operator: In, values: [88]}',
  fix: 'Remove restartPolicyRules from the sidecar unless your cluster enables the alpha feature gate.',
};

export const nativeSidecarVersionRule: RuleDescriptor = {
  id: 'native-sidecar-version',
  defaultSeverity: 'warning',
  profile: 'api',
  rationale: 'Native sidecars (init containers with restartPolicy: Always) are on by default from Kubernetes 1.29; older clusters reject them or run them as blocking init steps.',
  example: '# podsmith.kubernetesVersion: "1.28"\ninitContainers:\n  - name: proxy\n    restartPolicy: Always',
  fix: 'Target a cluster of 1.29 or later, or run the helper as a regular container.',
};

export const ephemeralContainersRule: RuleDescriptor = {
  id: 'ephemeral-containers-in-manifest',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Ephemeral containers are added to a running Pod through its ephemeralcontainers subresource (kubectl debug); the API server rejects them on create and in templates.',
  example: 'spec:\n  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36',
  fix: 'Remove them from the manifest; use `kubectl debug` against the running Pod instead.',
};

/** What each list of containers may hold in the Pod's lifecycle: init steps, native sidecars, ephemeral containers. */
export const lifecycleCheck: Check = {
  name: 'lifecycle',
  rules: [initContainerFieldRule, initRestartPolicyRule, containerRestartPolicyRule, sidecarRestartRulesRule, nativeSidecarVersionRule, ephemeralContainersRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const ephemeralKey = keySpan(pod.podSpec, 'ephemeralContainers');
    if (ephemeralKey && pod.containers.some((c) => c.list === 'ephemeralContainers')) {
      ctx.report(ephemeralContainersRule, {
        message: `ephemeralContainers cannot be set in a manifest: the API server rejects them when a ${pod.workload.kind === 'Pod' ? 'Pod is created' : 'Pod template is written'}. They are debug containers added to a running Pod through its ephemeralcontainers subresource; use \`kubectl debug\` instead.`,
        ...ephemeralKey,
      });
    }
    const version = ctx.settings.kubernetesVersion;
    for (const c of pod.containers) {
      if (c.list === 'initContainers') checkInitContainer(ctx, c, version);
      else if (c.list === 'containers') checkRegularContainer(ctx, c, version);
    }
  },
};

function checkInitContainer(ctx: CheckContext, c: ContainerModel, version: string): void {
  const policy = c.restartPolicy;
  const policySpan = fieldSpan(c.node, 'restartPolicy');
  // Values outside the enum are the schema check's finding (invalid-enum); this rule explains the valid ones.
  // OnFailure and Never on an init step came with ContainerRestartRules (KEP-5307), as on a regular container.
  if (overridesPodRestartPolicy(policy) && policySpan) {
    if (!containerRestartRulesOnByDefault(version)) {
      ctx.report(initRestartPolicyRule, {
        message: `restartPolicy \`${policy}\` on an init container needs the ContainerRestartRules feature, alpha and off by default before Kubernetes 1.35 (you target ${version}): the API server accepts only Always there, which turns the init container into a native sidecar that keeps running beside the app. Remove it (the Pod's restartPolicy decides whether a failed init step is retried), or set Always.`,
        ...policySpan,
      });
    } else {
      ctx.report(initRestartPolicyRule, {
        message: `restartPolicy \`${policy}\` on an init container relies on the ContainerRestartRules feature gate (alpha in 1.34, beta from 1.35). It overrides the Pod's restartPolicy for this init step only (${policy === 'Never' ? 'a failed step is not retried and the Pod fails' : 'a failed step is retried in place'}); clusters that turn the gate off reject it. Make sure your cluster and its nodes support it.`,
        ...policySpan,
        severity: 'warning',
      });
    }
  }
  if (c.isNativeSidecar) {
    if (!gateOnByDefault('SidecarContainers', version) && policySpan) {
      ctx.report(nativeSidecarVersionRule, {
        message: sentence(`${containerLabel(c)} is a native sidecar (an init container with restartPolicy: Always), which is on by default only from Kubernetes 1.29; you target ${version}, where the API server rejects it (1.28 needs the SidecarContainers gate). Target 1.29 or later, or run the helper as a regular container.`),
        ...policySpan,
      });
    }
    const rules = knownIn('restartPolicyRules', version) ? keySpan(c.node, 'restartPolicyRules') : undefined;
    if (rules && !sidecarRestartRulesOnByDefault(version)) {
      ctx.report(sidecarRestartRulesRule, {
        message: `restartPolicyRules on a native sidecar needs the feature gate RestartAllContainersOnContainerExits, alpha and off by default in Kubernetes 1.35 (you target ${version}), so the API server rejects it unless your cluster turns it on. Remove it, or enable the gate on the API server and the kubelets.`,
        ...rules,
      });
    } else if (rules) {
      ctx.report(sidecarRestartRulesRule, {
        message: `restartPolicyRules on a native sidecar relies on the feature gate RestartAllContainersOnContainerExits (alpha in 1.35, beta from 1.36); clusters that turn it off reject the Pod. Make sure your cluster and its nodes support it.`,
        ...rules,
        severity: 'warning',
      });
    }
    return;
  }
  if (policy === 'Always') return;
  for (const field of RUNNING_CONTAINER_FIELDS) {
    const span = keySpan(c.node, field);
    if (!span) continue;
    ctx.report(initContainerFieldRule, {
      message: `${field} is not allowed on ${containerLabel(c)}: an init container runs to completion before the app containers start, so there is nothing to probe or hook, and the API server rejects it. Remove it, or add \`restartPolicy: Always\` to make this a native sidecar that keeps running beside the app.`,
      ...span,
    });
  }
}

/** A container field the target version lacks altogether is the schema walk's finding (field-not-in-version), not ours. */
function knownIn(field: string, version: string): boolean {
  return fieldExistsIn('io.k8s.api.core.v1.Container', field, version) !== false;
}

function checkRegularContainer(ctx: CheckContext, c: ContainerModel, version: string): void {
  const policyPair = pairOf(c.node, 'restartPolicy');
  const rulesPair = pairOf(c.node, 'restartPolicyRules');
  for (const pair of [policyPair, rulesPair]) {
    const span = spanOf(pair?.key);
    if (!pair || !span) continue;
    const field = pair === policyPair ? 'restartPolicy' : 'restartPolicyRules';
    if (!knownIn(field, version)) continue;
    if (!containerRestartRulesOnByDefault(version)) {
      ctx.report(containerRestartPolicyRule, {
        message: `${field} on a regular container needs the ContainerRestartRules feature, which is alpha and off by default before Kubernetes 1.35 (you target ${version}): the API server rejects it. Use the Pod's spec.restartPolicy instead.`,
        ...span,
      });
    } else {
      ctx.report(containerRestartPolicyRule, {
        message: `${field} on a regular container relies on the ContainerRestartRules feature gate (alpha in 1.34, beta from 1.35). It overrides the Pod's spec.restartPolicy for this container only; clusters that turn the gate off reject it. Make sure your cluster and its nodes support it.`,
        ...span,
        severity: 'warning',
      });
    }
  }
}
