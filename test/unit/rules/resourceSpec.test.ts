/**
 * Resource names, huge pages, Pod-level resources, resize policies and resource claims as the API server checks
 * them (upstream: validateContainerResourceName, validatePodResourceName, validateResourceRequirements'
 * huge-page rules, validatePodResourceConsistency, validateResizePolicy, validatePodResourceClaims,
 * validateResourceClaimNames; tests TestValidateResourceRequirements, TestValidateResizePolicy,
 * TestValidatePodResourceConsistency, TestValidatePodSpec's claim cases...).
 */
import { lines, ruleTable } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);
const web = (...container: string[]) => ['  containers:', '    - name: web', '      image: nginx:1.27', ...container.map((l) => `      ${l}`)];

describe('rules: resource names and their combinations', () => {
  ruleTable('resource-name', 1, [
    { title: 'a container resource without a domain that is not standard', manifest: pod(...web('resources:', '  limits:', '    «gpu»: 1')), says: /not a resource a container can ask for/ },
    { title: 'storage is not a container resource', manifest: pod(...web('resources:', '  requests:', '    «storage»: 1Gi')), says: /not a resource a container can ask for/ },
    { title: 'an extended resource starting with requests.', manifest: pod(...web('resources:', '  limits:', '    «requests.example.com/foo»: 1')), says: /may not start with 'requests\.'/ },
    { title: 'not a qualified name', manifest: pod(...web('resources:', '  limits:', '    «example.com/a b»: 1')), says: /not a resource name/ },
    { title: 'the Pod\'s own resources: ephemeral-storage', manifest: pod('  resources:', '    limits:', '      «ephemeral-storage»: 1Gi', ...web('image: x')), says: /cannot be set in the Pod's own resources/ },
    { title: 'silent: standard, huge pages, extended, kubernetes.io', manifest: pod('  resources:', '    limits: {cpu: 2, memory: 2Gi}', ...web('resources:', '  limits: {cpu: 1, memory: 1Gi, ephemeral-storage: 1Gi, hugepages-2Mi: 4Mi, example.com/gpu: 1, kubernetes.io/foo: 1}')) },
  ]);

  ruleTable('hugepages-resource', 1, [
    { title: 'not a whole number of pages', manifest: pod(...web('resources:', '  limits:', '    memory: 1Gi', '    hugepages-2Mi: «3Mi»')), says: /not a whole number of 2Mi pages/ },
    { title: 'huge pages without cpu or memory (on resources)', manifest: pod(...web('«resources»:', '  limits:', '    hugepages-1Gi: 2Gi')), says: /no cpu or memory/ },
    { title: 'silent: pages with memory', manifest: pod(...web('resources:', '  requests: {cpu: 100m}', '  limits:', '    hugepages-2Mi: 10Mi')) },
  ]);

  ruleTable('pod-resources', 1, [
    { title: 'the Pod requests less than its containers together', manifest: pod('  resources:', '    requests:', '      cpu: «1»', '  containers:', '    - {name: a, image: a:1, resources: {requests: {cpu: 600m}}}', '    - {name: b, image: b:1, resources: {requests: {cpu: 600m}}}'), says: /below what its containers request together \(1.2/ },
    { title: 'a container limit above the Pod\'s (on spec.resources)', manifest: pod('  «resources»:', '    limits: {memory: 1Gi}', ...web('resources:', '  limits:', '    memory: 2Gi')), says: /above the Pod's/ },
    { title: 'claims in the Pod\'s resources', manifest: pod('  resources:', '    «claims»: [{name: gpu}]', '  resourceClaims: [{name: gpu, resourceClaimName: gpu}]', ...web('image: x')), says: /claims cannot be set in the Pod's own resources/ },
    { title: 'silent: init steps take the maximum, not the sum', manifest: pod('  resources:', '    requests: {cpu: 1}', '  initContainers:', '    - {name: i1, image: i:1, resources: {requests: {cpu: 800m}}}', '    - {name: i2, image: i:1, resources: {requests: {cpu: 900m}}}', '  containers:', '    - {name: a, image: a:1, resources: {requests: {cpu: 1}}}') },
    { title: 'silent: before 1.34 (the schema check reports the field)', manifest: pod('  resources:', '    requests: {cpu: 100m}', ...web('resources: {requests: {cpu: 1}}')), settings: { kubernetesVersion: '1.33' } },
  ]);

  ruleTable('resize-policy', 1, [
    { title: 'a resource other than cpu and memory (on resizePolicy)', manifest: pod(...web('«resizePolicy»:', '  - resourceName: storage', '    restartPolicy: NotRequired')), says: /only cpu and memory/ },
    { title: 'cpu twice', manifest: pod(...web('resizePolicy:', '  - resourceName: cpu', '    restartPolicy: NotRequired', '  - «resourceName»: cpu', '    restartPolicy: RestartContainer')), says: /names cpu twice/ },
    { title: 'an unknown policy', manifest: pod(...web('«resizePolicy»:', '  - resourceName: memory', '    restartPolicy: Always')), says: /not NotRequired or RestartContainer/ },
    { title: 'RestartContainer in a Pod that never restarts', manifest: pod('  restartPolicy: Never', ...web('«resizePolicy»:', '  - resourceName: memory', '    restartPolicy: RestartContainer')), says: /restartPolicy is Never/ },
    { title: 'silent: both resources once', manifest: pod(...web('resizePolicy:', '  - {resourceName: cpu, restartPolicy: NotRequired}', '  - {resourceName: memory, restartPolicy: RestartContainer}')) },
  ]);

  ruleTable('resource-claims', 1, [
    { title: 'a container claim the Pod does not declare', manifest: pod(...web('resources:', '  claims:', '    - name: «gpu»')), says: /declares none/ },
    { title: 'a claim with both sources', manifest: pod('  resourceClaims:', '    - «name»: gpu', '      resourceClaimName: a', '      resourceClaimTemplateName: b', ...web('resources: {claims: [{name: gpu}]}')), says: /gives both/ },
    { title: 'a claim with no source', manifest: pod('  resourceClaims:', '    - «name»: gpu', ...web('resources: {claims: [{name: gpu}]}')), says: /says neither/ },
    { title: 'a claim declared twice', manifest: pod('  resourceClaims:', '    - {name: gpu, resourceClaimName: a}', '    - {name: «gpu», resourceClaimName: b}', ...web('resources: {claims: [{name: gpu}]}')), says: /declared twice/ },
    { title: 'a container naming a claim twice', manifest: pod('  resourceClaims: [{name: gpu, resourceClaimTemplateName: t}]', ...web('resources:', '  claims:', '    - name: gpu', '    - name: «gpu»')), says: /twice/ },
    { title: 'silent: declared claims with requests', manifest: pod('  resourceClaims: [{name: gpu, resourceClaimTemplateName: t}]', ...web('resources:', '  claims:', '    - {name: gpu, request: a}', '    - {name: gpu, request: b}')) },
  ]);
});
