import { fieldVersionFixes } from '../../../../server/src/codeActions/fieldVersion';
import { fieldVersionRule } from '../../../../server/src/schema/schemaRules';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(fieldVersionFixes, [
  {
    title: 'a field too new for the target version is removed, saying since when it exists (not preferred: the target may be wrong)',
    rule: fieldVersionRule,
    settings: { kubernetesVersion: '1.29' },
    manifest: pod('  «resources»: {limits: {cpu: "1", memory: 1Gi}}', '  containers:', '    - name: app', '      image: nginx:1.27'),
    offers: ['Remove `resources` (Kubernetes 1.32 and later)'],
    apply: 'Remove `resources` (Kubernetes 1.32 and later)',
    expected: pod('  containers:', '    - name: app', '      image: nginx:1.27'),
  },
  {
    title: 'a key of a flow mapping is removed with its comma',
    rule: fieldVersionRule,
    settings: { kubernetesVersion: '1.29' },
    manifest: pod('  securityContext: {«appArmorProfile»: {type: RuntimeDefault}, runAsNonRoot: true}', '  containers:', '    - name: app', '      image: nginx:1.27'),
    apply: 'Remove `appArmorProfile` (Kubernetes 1.30 and later)',
    expected: pod('  securityContext: {runAsNonRoot: true}', '  containers:', '    - name: app', '      image: nginx:1.27'),
  },
  {
    title: 'a field the target version no longer has is removed, saying when it went',
    rule: fieldVersionRule,
    settings: { kubernetesVersion: '1.36' },
    crlf: true,
    manifest: pod('  «workloadRef»: {name: w, podGroup: g}', '  containers:', '    - name: app', '      image: nginx:1.27'),
    apply: 'Remove `workloadRef` (removed in Kubernetes 1.36)',
    expected: pod('  containers:', '    - name: app', '      image: nginx:1.27'),
  },
]);
