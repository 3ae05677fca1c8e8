import { fractionalBytesFixes, memoryWithoutUnitFixes, requestAboveLimitFixes } from '../../../../server/src/codeActions/resources';
import { fractionalBytesRule, memoryWithoutUnitRule, requestExceedsLimitRule } from '../../../../server/src/rules/resources';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

fixTable(requestAboveLimitFixes, [
  {
    title: 'raises a limit to the request',
    rule: requestExceedsLimitRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        «requests»: {memory: 512Mi}', '        limits: {memory: 256Mi}'),
    offers: ['Raise the memory limit to `512Mi`', 'Lower the memory request to `256Mi`'],
    apply: 'Raise the memory limit to `512Mi`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests: {memory: 512Mi}', '        limits: {memory: 512Mi}'),
  },
  {
    title: 'lowers a request to the limit',
    rule: requestExceedsLimitRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        «requests»:', '          cpu: "2"', '        limits:', '          cpu: 500m'),
    apply: 'Lower the cpu request to `500m`',
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests:', '          cpu: 500m', '        limits:', '          cpu: 500m'),
  },
]);

fixTable(fractionalBytesFixes, [
  {
    title: 'reads a milli-byte memory amount as the mebibytes meant, keeping the quotes',
    rule: fractionalBytesRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits: {memory: «"512m"»}'),
    apply: 'Change to `512Mi` (mebibytes)',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits: {memory: "512Mi"}'),
  },
]);

fixTable(memoryWithoutUnitFixes, [
  {
    title: 'gives a memory amount without a unit the mebibytes meant',
    rule: memoryWithoutUnitRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits:', '          memory: «512»'),
    apply: 'Change to `512Mi` (mebibytes)',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits:', '          memory: 512Mi'),
  },
]);
