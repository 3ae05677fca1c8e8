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
  {
    title: 'CRLF: a block limit raised',
    rule: requestExceedsLimitRule,
    crlf: true,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        «requests»:', '          memory: 1Gi', '        limits:', '          memory: 512Mi'),
    apply: 'Raise the memory limit to `1Gi`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests:', '          memory: 1Gi', '        limits:', '          memory: 1Gi'),
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
  {
    title: 'a plain amount stays plain; the megabytes meant are the other choice',
    rule: fractionalBytesRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests: {memory: «100m»}'),
    offers: ['Change to `100Mi` (mebibytes)', 'Change to `100M` (megabytes)'],
    apply: 'Change to `100M` (megabytes)',
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests: {memory: 100M}'),
  },
  {
    title: 'a plain amount becomes a plain quantity',
    rule: fractionalBytesRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests:', '          memory: «100m»'),
    apply: 'Change to `100Mi` (mebibytes)',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests:', '          memory: 100Mi'),
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
  {
    title: 'a small amount: mebibytes or gibibytes, quotes kept',
    rule: memoryWithoutUnitRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits: {memory: «"2"»}'),
    offers: ['Change to `2Mi` (mebibytes)', 'Change to `2Gi` (gibibytes)'],
    apply: 'Change to `2Gi` (gibibytes)',
    expected: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits: {memory: "2Gi"}'),
  },
  {
    title: 'from 1024 on, only mebibytes',
    rule: memoryWithoutUnitRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1', '      resources:', '        limits: {memory: «2048»}'),
    offers: ['Change to `2048Mi` (mebibytes)'],
  },
]);
