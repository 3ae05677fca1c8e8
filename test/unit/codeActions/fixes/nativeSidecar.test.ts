import { nativeSidecarFixes } from '../../../../server/src/codeActions/nativeSidecar';
import { jobSidecarRule } from '../../../../server/src/rules/workloads';
import { fixTable, lines } from '../support/fixTable';

fixTable(nativeSidecarFixes, [
  {
    title: "turns a Job's long-running helper into a native sidecar",
    rule: jobSidecarRule,
    // The sidecar's resource hint would change its words (a native sidecar, not a container): not this fix's concern.
    settings: { rules: { 'missing-resources': 'off' } },
    manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: migrate', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: migrate', '          image: migrate:3.1', '        - name: «proxy» # reaches the database', '          image: gcr.io/cloud-sql-connectors/cloud-sql-gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', '          args: ["--port=5432"]'),
    apply: 'Make `proxy` a native sidecar (initContainers with restartPolicy: Always)',
    preferred: true,
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: migrate', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      initContainers:', '        - name: proxy # reaches the database', '          image: gcr.io/cloud-sql-connectors/cloud-sql-gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', '          args: ["--port=5432"]', '          restartPolicy: Always', '      containers:', '        - name: migrate', '          image: migrate:3.1'),
  },
  {
    title: 'appended to the init containers there are, CRLF',
    rule: jobSidecarRule,
    settings: { rules: { 'missing-resources': 'off' } },
    crlf: true,
    manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: m}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      initContainers:', '        - name: wait', '          image: busybox:1.36', '      containers:', '        - name: migrate', '          image: migrate:3.1', '        - name: «proxy»', '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0'),
    offers: ['Make `proxy` a native sidecar (initContainers with restartPolicy: Always)'],
    apply: 'Make `proxy` a native sidecar (initContainers with restartPolicy: Always)',
    preferred: true,
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: m}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      initContainers:', '        - name: wait', '          image: busybox:1.36', '        - name: proxy', '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', '          restartPolicy: Always', '      containers:', '        - name: migrate', '          image: migrate:3.1'),
  },
  {
    title: 'a flow container gets restartPolicy inside its braces',
    rule: jobSidecarRule,
    settings: { rules: { 'missing-resources': 'off' } },
    manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: m}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - {name: migrate, image: "migrate:3.1"}', '        - {name: «proxy», image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0"}'),
    apply: 'Make `proxy` a native sidecar (initContainers with restartPolicy: Always)',
    preferred: true,
    expected: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: m}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      initContainers:', '        - {name: proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0", restartPolicy: Always}', '      containers:', '        - {name: migrate, image: "migrate:3.1"}'),
  },
]);
