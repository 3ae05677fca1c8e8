import { lines, sourceFixAll } from '../support/fixTable';

/**
 * The entry's own action: "fix all auto-fixable problems" (source.fixAll.podsmith), which takes the preferred fix
 * of every finding of a fix-all family in every document of the file, leaving out the fixes that reach beyond their
 * finding. (The quick fix "fix all of this kind" is in each family's table.)
 */
const threeDocuments = (fixed: boolean) =>
  lines(
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', `  labels: {version: ${fixed ? '"2"' : '2'}}`, 'spec:', `  restartPolicy: ${fixed ? 'Never' : 'never'}`,
    '  containers:', '    - name: web', '      image: web:1', `      ports: [{containerPort: ${fixed ? '80' : '"80"'}}]`,
    '---',
    'apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:', '  selector: {matchLabels: {app: agent}}', '  template:', '    metadata: {labels: {app: agent}}', '    spec:', '      containers:',
    '        - name: agent', '          image: agent:1', `          imagePullPolicy: ${fixed ? 'Never' : 'never'}`, `          env: [{name: PORT, value: ${fixed ? '"9100"' : '9100'}}]`,
    '---',
    `apiVersion: ${fixed ? 'apps/v1' : 'apps/v1beta2'}`, 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  serviceName: db', ...(fixed ? ['  selector:', '    matchLabels:', '      app: db'] : []),
    '  template:', '    metadata: {labels: {app: db}}', '    spec:', '      containers:', '        - name: db', '          image: postgres:17',
  );

describe('fixes: fix all auto-fixable problems (source action)', () => {
  it('takes the preferred fix of every finding of the file, in every document', () => {
    sourceFixAll(threeDocuments(false), threeDocuments(true));
  });

  it('CRLF: every edit keeps the line ends', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    sourceFixAll(crlf(threeDocuments(false)), crlf(threeDocuments(true)));
  });

  it('leaves out the fixes that are not safe together (a setting that creates a securityContext), and offers nothing when nothing is left', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: web', '      image: web:1.4.2');
    sourceFixAll(text, undefined, { podSecurityStandard: 'restricted' });
  });
});
