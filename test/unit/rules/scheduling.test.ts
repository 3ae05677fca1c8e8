import { lines, ruleTable } from './support';

/** A Pod whose spec holds `spec` (lines indented by two spaces) beside one container. */
const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: app', '      image: app:1.0', ...spec);

describe('rules: scheduling (upstream validateAffinity, validateNodeSelector*, validatePreferredSchedulingTerms)', () => {
  ruleTable('node-affinity', 1, [
    { title: 'an empty list of required node selector terms', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        «nodeSelectorTerms»: []'), says: /needs at least one term/ },
    { title: 'In without values', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchExpressions:', '              - {key: disk, operator: In, «values»: []}'), says: /operator In needs at least one value/ },
    { title: 'In with no values key at all lands on the requirement', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchExpressions:', '              - «key»: disk', '                operator: NotIn') },
    { title: 'Exists with values', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchExpressions:', '              - key: disk', '                operator: Exists', '                «values»: [ssd]'), says: /values may not be set/ },
    { title: 'Gt with two values', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchExpressions:', '              - key: cores', '                operator: Gt', '                «values»: ["2", "4"]'), says: /exactly one number/ },
    { title: 'an invalid label key and value', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchExpressions:', '              - key: «disk type»', '                operator: In', '                values: [«fast ssd»]') },
    { title: 'matchFields on a label', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchFields:', '              - key: «metadata.labels»', '                operator: In', '                values: [node-1]'), says: /only the key metadata.name/ },
    { title: 'matchFields with two node names', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchFields:', '              - key: metadata.name', '                operator: In', '                «values»: [node-1, node-2]'), says: /exactly one value/ },
    { title: 'matchFields with Exists', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchFields:', '              - key: metadata.name', '                operator: «Exists»'), says: /only the operators In and NotIn/ },
    { title: 'a preferred weight of 0 and of 101', manifest: pod('  affinity:', '    nodeAffinity:', '      preferredDuringSchedulingIgnoredDuringExecution:', '        - weight: «0»', '          preference: {matchExpressions: [{key: disk, operator: Exists}]}', '        - weight: «101»', '          preference: {matchExpressions: [{key: disk, operator: Exists}]}'), says: /between 1 and 100/ },
    { title: 'a preferred term with Exists and values', manifest: pod('  affinity:', '    nodeAffinity:', '      preferredDuringSchedulingIgnoredDuringExecution:', '        - weight: 10', '          preference:', '            matchExpressions:', '              - {key: disk, operator: DoesNotExist, «values»: [hdd]}') },
    { title: 'silent: every operator used correctly, an empty term, matchFields by name', manifest: pod('  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - {}', '          - matchExpressions:', '              - {key: kubernetes.io/os, operator: In, values: [linux]}', '              - {key: example.com/cores, operator: Gt, values: ["3"]}', '              - {key: spot, operator: DoesNotExist}', '            matchFields:', '              - {key: metadata.name, operator: NotIn, values: [node-1.example.com]}', '      preferredDuringSchedulingIgnoredDuringExecution:', '        - weight: 100', '          preference: {matchExpressions: [{key: disk, operator: Exists}]}') },
  ]);

  ruleTable('pod-affinity', 1, [
    { title: 'an empty topologyKey', manifest: pod('  affinity:', '    podAntiAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector: {matchLabels: {app: web}}', '          topologyKey: «""»'), says: /topologyKey is empty: a podAntiAffinity term/ },
    { title: 'a topologyKey that is no label key', manifest: pod('  affinity:', '    podAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector: {matchLabels: {app: web}}', '          topologyKey: «"zone/a/b"»') },
    { title: 'a namespace that is no namespace name', manifest: pod('  affinity:', '    podAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector: {matchLabels: {app: web}}', '          namespaces: [«Team_A»]', '          topologyKey: kubernetes.io/hostname'), says: /not a namespace name/ },
    { title: 'a preferred weight of 200', manifest: pod('  affinity:', '    podAffinity:', '      preferredDuringSchedulingIgnoredDuringExecution:', '        - weight: «200»', '          podAffinityTerm:', '            labelSelector: {matchLabels: {app: web}}', '            topologyKey: kubernetes.io/hostname') },
    { title: 'matchLabelKeys without labelSelector', manifest: pod('  affinity:', '    podAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - topologyKey: kubernetes.io/hostname', '          «matchLabelKeys»: [pod-template-hash]'), says: /refines a labelSelector/ },
    { title: 'a key in both matchLabelKeys and mismatchLabelKeys', manifest: pod('  affinity:', '    podAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector: {matchLabels: {app: web}}', '          topologyKey: kubernetes.io/hostname', '          matchLabelKeys: [tenant]', '          mismatchLabelKeys: [«tenant»]'), says: /in both matchLabelKeys and mismatchLabelKeys/ },
    { title: 'silent: a well-formed required and preferred term', manifest: pod('  affinity:', '    podAntiAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}', '          namespaceSelector: {}', '          namespaces: [default, team-a]', '          topologyKey: topology.kubernetes.io/zone', '          matchLabelKeys: [pod-template-hash]', '      preferredDuringSchedulingIgnoredDuringExecution:', '        - weight: 1', '          podAffinityTerm:', '            labelSelector: {matchLabels: {app: web}}', '            topologyKey: kubernetes.io/hostname') },
  ]);

  ruleTable('label-selector', 1, [
    { title: 'an affinity selector with In and no values', manifest: pod('  affinity:', '    podAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector:', '            matchExpressions:', '              - key: app', '                operator: In', '                «values»: []', '          topologyKey: kubernetes.io/hostname'), says: /podAffinity labelSelector requirement without values/ },
    { title: 'a namespaceSelector with Gt', manifest: pod('  affinity:', '    podAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector: {matchLabels: {app: web}}', '          namespaceSelector:', '            matchExpressions: [{key: tier, operator: «Gt», values: ["1"]}]', '          topologyKey: kubernetes.io/hostname'), says: /not a selector operator/ },
  ]);

  ruleTable('toleration', 1, [
    { title: 'no key with operator Equal', manifest: pod('  tolerations:', '    - operator: «Equal»', '      value: gpu'), says: /without a key matches every taint, so its operator must be Exists, not Equal/ },
    { title: 'no key and no operator (Equal by default)', manifest: pod('  tolerations:', '    - «effect»: NoSchedule'), says: /the default is Equal/ },
    { title: 'Exists with a value', manifest: pod('  tolerations:', '    - key: dedicated', '      operator: Exists', '      value: «gpu»'), says: /value must be empty/ },
    { title: 'tolerationSeconds with NoSchedule', manifest: pod('  tolerations:', '    - key: node.kubernetes.io/unreachable', '      operator: Exists', '      effect: «NoSchedule»', '      tolerationSeconds: 60'), says: /effect must be NoExecute, not NoSchedule/ },
    { title: 'tolerationSeconds without effect', manifest: pod('  tolerations:', '    - «key»: node.kubernetes.io/unreachable', '      operator: Exists', '      tolerationSeconds: 60') },
    { title: 'an invalid key and value', manifest: pod('  tolerations:', '    - key: «dedicated node»', '      operator: Equal', '      value: «gpu nodes»') },
    { title: 'Gt at 1.35 needs a gate that is off', manifest: pod('  tolerations:', '    - key: example.com/score', '      operator: «Gt»', '      value: "5"'), settings: { kubernetesVersion: '1.35' }, says: /TaintTolerationComparisonOperators feature gate, alpha, off by default in Kubernetes 1\.35/ },
    { title: 'silent: tolerate everything, NoExecute with seconds, Equal with a value', manifest: pod('  tolerations:', '    - operator: Exists', '    - key: node.kubernetes.io/not-ready', '      operator: Exists', '      effect: NoExecute', '      tolerationSeconds: 300', '    - key: dedicated', '      value: gpu', '      effect: NoSchedule') },
  ]);

  ruleTable('topology-spread', 1, [
    { title: 'maxSkew 0', manifest: pod('  topologySpreadConstraints:', '    - maxSkew: «0»', '      topologyKey: topology.kubernetes.io/zone', '      whenUnsatisfiable: DoNotSchedule'), says: /maxSkew is 0; it must be greater than 0/ },
    { title: 'an empty topologyKey', manifest: pod('  topologySpreadConstraints:', '    - maxSkew: 1', '      topologyKey: «""»', '      whenUnsatisfiable: DoNotSchedule') },
    { title: 'the same topologyKey and whenUnsatisfiable twice', manifest: pod('  topologySpreadConstraints:', '    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}', '    - {maxSkew: 2, topologyKey: «zone», whenUnsatisfiable: DoNotSchedule}'), says: /already spreads by `zone`/ },
    { title: 'minDomains 0', manifest: pod('  topologySpreadConstraints:', '    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: «0»}') },
    { title: 'minDomains with ScheduleAnyway', manifest: pod('  topologySpreadConstraints:', '    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: «3»}'), says: /only with whenUnsatisfiable DoNotSchedule, not ScheduleAnyway/ },
    { title: 'matchLabelKeys without labelSelector', manifest: pod('  topologySpreadConstraints:', '    - maxSkew: 1', '      topologyKey: zone', '      whenUnsatisfiable: DoNotSchedule', '      «matchLabelKeys»: [pod-template-hash]') },
    { title: 'a key in matchLabelKeys and the selector', manifest: pod('  topologySpreadConstraints:', '    - maxSkew: 1', '      topologyKey: zone', '      whenUnsatisfiable: DoNotSchedule', '      labelSelector: {matchLabels: {app: web}}', '      matchLabelKeys: [«app»]'), says: /both in matchLabelKeys and in the labelSelector/ },
    { title: 'silent: two constraints on one key with different whenUnsatisfiable', manifest: pod('  topologySpreadConstraints:', '    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 3, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [pod-template-hash]}', '    - {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, nodeAffinityPolicy: Honor}') },
  ]);

  ruleTable('pod-gates', 1, [
    { title: 'a scheduling gate listed twice', manifest: pod('  schedulingGates:', '    - name: example.com/quota', '    - name: «example.com/quota»'), says: /listed twice/ },
    { title: 'a gate and a readiness condition that are no qualified names', manifest: pod('  schedulingGates:', '    - name: «wait for quota»', '  readinessGates:', '    - conditionType: «a/b/c»') },
    { title: 'silent: distinct qualified gates', manifest: pod('  schedulingGates:', '    - name: example.com/quota', '    - name: provisioned', '  readinessGates:', '    - conditionType: www.example.com/feature-1') },
  ]);

  ruleTable('invalid-reference-name', 1, [
    { title: 'names other objects cannot have', manifest: pod('  nodeName: «Node_1»', '  priorityClassName: «High Priority»', '  runtimeClassName: «gVisor»', '  serviceAccountName: «-builder»'), says: /cannot name a/ },
    { title: 'silent: valid names, documentation placeholders, any scheduler name', manifest: pod('  nodeName: node-1.example.com', '  priorityClassName: system-node-critical', '  serviceAccountName: <KSA_NAME>', '  schedulerName: My_Scheduler') },
  ]);

  ruleTable('active-deadline', 1, [
    { title: 'a deadline of 0', manifest: pod('  activeDeadlineSeconds: «0»'), says: /between 1 and 4294967295/ },
    { title: 'silent: a deadline of an hour', manifest: pod('  activeDeadlineSeconds: 3600') },
  ]);
});

describe('rules: label maps where upstream names the whole map', () => {
  ruleTable('invalid-label', 1, [
    { title: 'a nodeSelector value with a space lands on nodeSelector', manifest: pod('  «nodeSelector»:', '    disktype: fast ssd'), says: /nodeSelector label value `fast ssd`/ },
    { title: 'silent: a valid nodeSelector', manifest: pod('  nodeSelector:', '    kubernetes.io/os: linux') },
  ]);
});

describe('rules: deprecated node labels (upstream pkg/api/pod/warnings.go)', () => {
  ruleTable('deprecated-node-label', 2, [
    { title: 'in nodeSelector, node affinity and topology keys', manifest: pod('  nodeSelector:', '    «beta.kubernetes.io/os»: linux', '  affinity:', '    nodeAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        nodeSelectorTerms:', '          - matchExpressions: [{key: «beta.kubernetes.io/arch», operator: In, values: [amd64]}]', '    podAntiAffinity:', '      requiredDuringSchedulingIgnoredDuringExecution:', '        - labelSelector: {matchLabels: {app: web}}', '          topologyKey: «failure-domain.beta.kubernetes.io/zone»', '  topologySpreadConstraints:', '    - {maxSkew: 1, topologyKey: «failure-domain.beta.kubernetes.io/region», whenUnsatisfiable: ScheduleAnyway}'), says: /is deprecated since Kubernetes 1\.1[47]; use / },
    { title: 'silent: the stable labels', manifest: pod('  nodeSelector:', '    kubernetes.io/os: linux', '  topologySpreadConstraints:', '    - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}') },
  ]);
});
