// What kube-linter, kube-score and Polaris check, and which Podsmith rule covers each check (or why none does).
// In our words; check names are the tools' own ids. The rule reference renders this as a table, and
// test/unit/docs/linterChecks.test.ts keeps every named rule real.

export type Linter = 'kube-linter' | 'kube-score' | 'Polaris';

export interface LinterCheck {
  readonly tool: Linter;
  /** The tool's check ids (several when one Podsmith answer covers them all). */
  readonly checks: readonly string[];
  /** The Podsmith rules that report it; empty when it is left out. */
  readonly rules: readonly string[];
  /** How the rules cover it, where that needs saying, or why it is left out. */
  readonly note?: string;
}

const WITH_PSS = 'with podsmith.podSecurityStandard set';
const OTHER_OBJECTS = 'left out: it compares the workload with other objects (Services, NetworkPolicies, PodDisruptionBudgets, autoscalers, ServiceAccounts, Secrets), and a Podsmith check reads one document';
const OTHER_KINDS = 'left out: it checks another kind than a Pod or a workload (Podsmith checks what runs in Pods)';

export const LINTER_CHECKS: readonly LinterCheck[] = [
  // ---- kube-linter
  { tool: 'kube-linter', checks: ['automount-service-account-token'], rules: ['automount-service-account-token'] },
  { tool: 'kube-linter', checks: ['default-service-account'], rules: ['default-service-account'] },
  { tool: 'kube-linter', checks: ['deprecated-service-account-field'], rules: ['deprecated-service-account'] },
  { tool: 'kube-linter', checks: ['docker-sock', 'container-runtime-sock'], rules: ['runtime-socket-mount'] },
  { tool: 'kube-linter', checks: ['drop-net-raw-capability'], rules: ['net-raw-not-dropped'] },
  { tool: 'kube-linter', checks: ['duplicate-env-var'], rules: ['duplicate-env'] },
  { tool: 'kube-linter', checks: ['env-var-secret'], rules: ['secret-in-env'], note: 'by the variable\'s name and by a private key in its value' },
  { tool: 'kube-linter', checks: ['read-secret-from-env-var'], rules: ['secret-from-env'] },
  { tool: 'kube-linter', checks: ['host-ipc', 'host-network', 'host-pid'], rules: ['host-namespaces', 'pss-host-namespaces'] },
  { tool: 'kube-linter', checks: ['init-container-security-gap'], rules: ['run-as-root'], note: 'on each container\'s effective runAsNonRoot: an init container inherits the Pod\'s, so only a real gap is reported' },
  { tool: 'kube-linter', checks: ['job-ttl-seconds-after-finished'], rules: ['job-ttl-missing'] },
  { tool: 'kube-linter', checks: ['latest-tag'], rules: ['image-tag'] },
  { tool: 'kube-linter', checks: ['liveness-port', 'readiness-port', 'startup-port', 'probe-port'], rules: ['probe-port-undeclared', 'probe-named-port'] },
  { tool: 'kube-linter', checks: ['minimum-three-replicas'], rules: ['too-few-replicas'], note: 'Podsmith asks for two; three is a zone policy' },
  { tool: 'kube-linter', checks: ['mismatching-selector'], rules: ['selector-mismatch'] },
  { tool: 'kube-linter', checks: ['no-anti-affinity'], rules: ['replicas-without-spread'], note: 'topology spread constraints count as well' },
  { tool: 'kube-linter', checks: ['no-extensions-v1beta'], rules: ['removed-api-version'] },
  { tool: 'kube-linter', checks: ['no-liveness-probe'], rules: ['liveness-probe-missing'] },
  { tool: 'kube-linter', checks: ['no-readiness-probe'], rules: ['readiness-probe-missing'] },
  { tool: 'kube-linter', checks: ['no-startup-probe'], rules: ['liveness-without-startup'], note: 'where the liveness probe leaves less than a minute to start' },
  { tool: 'kube-linter', checks: ['no-read-only-root-fs'], rules: ['read-only-root-filesystem'] },
  { tool: 'kube-linter', checks: ['priority-class-name'], rules: ['priority-class-missing'] },
  { tool: 'kube-linter', checks: ['privilege-escalation-container'], rules: ['privilege-escalation', 'pss-privilege-escalation'] },
  { tool: 'kube-linter', checks: ['privileged-container'], rules: ['privileged-container', 'pss-privileged'] },
  { tool: 'kube-linter', checks: ['privileged-ports'], rules: ['privileged-port'] },
  { tool: 'kube-linter', checks: ['run-as-non-root'], rules: ['run-as-root', 'pss-run-as-non-root'] },
  { tool: 'kube-linter', checks: ['sensitive-host-mounts', 'host-mounts', 'volume-mounts'], rules: ['sensitive-host-path'] },
  { tool: 'kube-linter', checks: ['writable-host-mount'], rules: ['writable-host-path'] },
  { tool: 'kube-linter', checks: ['ssh-port'], rules: ['ssh-port'] },
  { tool: 'kube-linter', checks: ['unsafe-proc-mount'], rules: ['pss-proc-mount'], note: WITH_PSS },
  { tool: 'kube-linter', checks: ['unsafe-sysctls'], rules: ['pss-sysctls'], note: WITH_PSS },
  { tool: 'kube-linter', checks: ['unset-cpu-requirements'], rules: ['cpu-request-missing', 'cpu-limit-missing'] },
  { tool: 'kube-linter', checks: ['unset-memory-requirements'], rules: ['memory-request-missing', 'memory-limit-missing'] },
  { tool: 'kube-linter', checks: ['unset-ephemeral-storage-requirements'], rules: ['ephemeral-storage-missing'] },
  { tool: 'kube-linter', checks: ['schema-validation'], rules: ['unknown-field', 'wrong-type', 'invalid-enum', 'missing-required'] },
  { tool: 'kube-linter', checks: ['invalid-target-ports'], rules: ['invalid-port-name'], note: 'the container side; a Service\'s targetPort is another kind' },
  { tool: 'kube-linter', checks: ['image-sha', 'image-not-pinned-by-digest'], rules: [], note: 'left out: pinning by digest is a supply-chain policy; image-tag and image-pull-policy report tags that move' },
  { tool: 'kube-linter', checks: ['dnsconfig-options'], rules: [], note: 'left out: the ndots value a cluster wants is a site choice, not a risk of the manifest' },
  { tool: 'kube-linter', checks: ['no-node-affinity'], rules: [], note: 'left out: most Pods need no node affinity; it is a placement choice' },
  { tool: 'kube-linter', checks: ['no-rolling-update-strategy', 'upgrade-strategy'], rules: [], note: 'left out: Recreate is right for a single-writer volume; deployment-strategy reports rollout settings that cannot work' },
  { tool: 'kube-linter', checks: ['restart-policy'], rules: [], note: 'left out: the API fills in restartPolicy; workload-restart-policy reports values a workload rejects' },
  { tool: 'kube-linter', checks: ['projected-token-long-expiration'], rules: [], note: 'left out: a projected token is bound to its Pod and stops working once the Pod is deleted' },
  { tool: 'kube-linter', checks: ['required-annotation-email', 'required-label-owner', 'use-namespace', 'sorted-keys', 'volumeclaimtemplates'], rules: [], note: 'left out: organisation conventions (owner labels, annotations, key order, namespaces given at apply time), not risks' },
  { tool: 'kube-linter', checks: ['env-value-from', 'non-existent-service-account', 'non-isolated-pod', 'duplicate-kinds', 'dangling-service', 'dangling-ingress', 'dangling-horizontalpodautoscaler', 'dangling-networkpolicy', 'dangling-networkpolicypeer-podselector', 'dangling-servicemonitor', 'pdb-max-unavailable', 'pdb-min-available', 'pdb-unhealthy-pod-eviction-policy'], rules: [], note: OTHER_OBJECTS },
  { tool: 'kube-linter', checks: ['access-to-create-pods', 'access-to-secrets', 'cluster-admin-role-binding', 'wildcard-in-rules', 'configmap-with-credentials', 'exposed-services', 'hpa-minimum-three-replicas', 'scc-deny-privileged-container', 'webhook-failure-policy-ignore'], rules: [], note: OTHER_KINDS },

  // ---- kube-score
  { tool: 'kube-score', checks: ['container-resources'], rules: ['cpu-request-missing', 'memory-request-missing', 'cpu-limit-missing', 'memory-limit-missing'] },
  { tool: 'kube-score', checks: ['container-ephemeral-storage-request-and-limit'], rules: ['ephemeral-storage-missing'] },
  { tool: 'kube-score', checks: ['container-resource-requests-equal-limits', 'container-cpu-requests-equal-limits', 'container-memory-requests-equal-limits', 'container-ephemeral-storage-request-equals-limit'], rules: [], note: 'left out: a request below its limit (Burstable) is a deliberate choice; request-exceeds-limit reports what cannot work' },
  { tool: 'kube-score', checks: ['container-image-tag'], rules: ['image-tag'] },
  { tool: 'kube-score', checks: ['container-image-pull-policy'], rules: ['image-pull-policy'] },
  { tool: 'kube-score', checks: ['container-ports-check'], rules: ['port-range', 'invalid-port-name', 'duplicate-port-name'] },
  { tool: 'kube-score', checks: ['environment-variable-key-duplication'], rules: ['duplicate-env'] },
  { tool: 'kube-score', checks: ['pod-probes', 'pod-probes-identical'], rules: ['readiness-probe-missing', 'identical-probes'], note: 'readiness for a container with ports (kube-score asks it where a Service selects the Pod)' },
  { tool: 'kube-score', checks: ['container-security-context-user-group-id'], rules: ['low-user-id', 'run-as-root', 'root-group'] },
  { tool: 'kube-score', checks: ['container-security-context-privileged'], rules: ['privileged-container'] },
  { tool: 'kube-score', checks: ['container-security-context-readonlyrootfilesystem'], rules: ['read-only-root-filesystem'] },
  { tool: 'kube-score', checks: ['container-seccomp-profile'], rules: ['linux-hardening', 'pss-seccomp'] },
  { tool: 'kube-score', checks: ['stable-version'], rules: ['removed-api-version'] },
  { tool: 'kube-score', checks: ['deployment-has-host-podantiaffinity', 'statefulset-has-host-podantiaffinity', 'pod-topology-spread-constraints'], rules: ['replicas-without-spread'] },
  { tool: 'kube-score', checks: ['deployment-replicas'], rules: ['too-few-replicas'] },
  { tool: 'kube-score', checks: ['deployment-pod-selector-labels-match-template-metadata-labels', 'statefulset-pod-selector-labels-match-template-metadata-labels'], rules: ['selector-mismatch'] },
  { tool: 'kube-score', checks: ['label-values'], rules: ['invalid-label'] },
  { tool: 'kube-score', checks: ['cronjob-has-deadline'], rules: ['cronjob-starting-deadline'] },
  { tool: 'kube-score', checks: ['cronjob-restartpolicy'], rules: ['workload-restart-policy'] },
  { tool: 'kube-score', checks: ['ingress-targets-service', 'deployment-has-poddisruptionbudget', 'statefulset-has-poddisruptionbudget', 'poddisruptionbudget-has-policy', 'pod-networkpolicy', 'networkpolicy-targets-pod', 'service-targets-pod', 'deployment-targeted-by-hpa-does-not-have-replicas-configured', 'horizontalpodautoscaler-has-target', 'statefulset-has-servicename'], rules: [], note: OTHER_OBJECTS },
  { tool: 'kube-score', checks: ['service-type'], rules: [], note: OTHER_KINDS },

  // ---- Polaris
  { tool: 'Polaris', checks: ['automountServiceAccountToken'], rules: ['automount-service-account-token'] },
  { tool: 'Polaris', checks: ['hostIPCSet', 'hostPIDSet', 'hostNetworkSet'], rules: ['host-namespaces', 'pss-host-namespaces'] },
  { tool: 'Polaris', checks: ['hostPortSet'], rules: ['pss-host-ports', 'host-network-port'], note: WITH_PSS },
  { tool: 'Polaris', checks: ['hostPathSet'], rules: ['runtime-socket-mount', 'sensitive-host-path', 'writable-host-path', 'pss-host-path'], note: 'every hostPath with podsmith.podSecurityStandard set; the risky ones always' },
  { tool: 'Polaris', checks: ['hostProcess'], rules: ['pss-host-process'], note: WITH_PSS },
  { tool: 'Polaris', checks: ['procMount'], rules: ['pss-proc-mount'], note: WITH_PSS },
  { tool: 'Polaris', checks: ['linuxHardening'], rules: ['linux-hardening'] },
  { tool: 'Polaris', checks: ['notReadOnlyRootFilesystem'], rules: ['read-only-root-filesystem'] },
  { tool: 'Polaris', checks: ['privilegeEscalationAllowed'], rules: ['privilege-escalation', 'pss-privilege-escalation'] },
  { tool: 'Polaris', checks: ['runAsRootAllowed'], rules: ['run-as-root', 'pss-run-as-non-root'] },
  { tool: 'Polaris', checks: ['runAsPrivileged'], rules: ['privileged-container', 'pss-privileged'] },
  { tool: 'Polaris', checks: ['dangerousCapabilities'], rules: ['dangerous-capabilities', 'pss-capabilities'] },
  { tool: 'Polaris', checks: ['insecureCapabilities'], rules: ['net-raw-not-dropped', 'pss-capabilities'], note: 'NET_RAW always; drop: [ALL] at restricted' },
  { tool: 'Polaris', checks: ['sensitiveContainerEnvVar'], rules: ['secret-in-env'] },
  { tool: 'Polaris', checks: ['cpuRequestsMissing'], rules: ['cpu-request-missing'] },
  { tool: 'Polaris', checks: ['cpuLimitsMissing'], rules: ['cpu-limit-missing'] },
  { tool: 'Polaris', checks: ['memoryRequestsMissing'], rules: ['memory-request-missing'] },
  { tool: 'Polaris', checks: ['memoryLimitsMissing'], rules: ['memory-limit-missing'] },
  { tool: 'Polaris', checks: ['readinessProbeMissing'], rules: ['readiness-probe-missing'] },
  { tool: 'Polaris', checks: ['livenessProbeMissing'], rules: ['liveness-probe-missing'] },
  { tool: 'Polaris', checks: ['tagNotSpecified'], rules: ['image-tag'] },
  { tool: 'Polaris', checks: ['pullPolicyNotAlways'], rules: ['image-pull-policy'] },
  { tool: 'Polaris', checks: ['priorityClassNotSet'], rules: ['priority-class-missing'] },
  { tool: 'Polaris', checks: ['deploymentMissingReplicas'], rules: ['too-few-replicas'] },
  { tool: 'Polaris', checks: ['topologySpreadConstraint'], rules: ['replicas-without-spread'] },
  { tool: 'Polaris', checks: ['metadataAndInstanceMismatched', 'metadataAndNameMismatched'], rules: [], note: 'left out: a labelling convention (app.kubernetes.io labels matching the name), not a risk' },
  { tool: 'Polaris', checks: ['missingPodDisruptionBudget', 'pdbDisruptionsIsZero', 'missingNetworkPolicy', 'hpaMaxAvailability', 'hpaMinAvailability', 'pdbMinAvailableGreaterThanOrEqualToHPAMinReplicas'], rules: [], note: OTHER_OBJECTS },
  { tool: 'Polaris', checks: ['tlsSettingsMissing', 'sensitiveConfigmapContent', 'clusterrolePodExecAttach', 'rolePodExecAttach', 'clusterrolebindingPodExecAttach', 'rolebindingRolePodExecAttach', 'rolebindingClusterRolePodExecAttach', 'clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole', 'rolebindingClusterAdminRole'], rules: [], note: OTHER_KINDS },
];
