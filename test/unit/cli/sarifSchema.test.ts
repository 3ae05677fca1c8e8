/**
 * The SARIF output validated against the SARIF 2.1.0 JSON schema (the OASIS schema as shipped in
 * @microsoft/jest-sarif, read offline), with findings of many rules, related places and safe fixes.
 */
import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { cli, workspace } from './support';

// The schema's language-code pattern is not a valid regular expression in unicode mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

const DEFECTS = {
  'deploy.yaml': `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx
          ports:
            - containerPort: 80
            - containerPort: 80
        - name: app
          image: "nginx:1.27"
          imagePullPolicy: sometimes
`,
  'replicas.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: "3"
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - {name: app, image: "nginx:1.27", resources: {limits: {memory: 1Gi}}}
`,
  'weird/ünïcode name.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "日本"\nspec:\n  containers: [{name: a, image: "x:1", imagePu: y}]\n',
  'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n',
  'binary.yaml': Uint8Array.from([0, 1, 2, 3]),
};

function assertValid(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
}

describe('cli: SARIF output against the SARIF 2.1.0 schema', () => {
  let ws: ReturnType<typeof workspace>;
  afterEach(() => ws?.cleanup());

  it('is valid, names a rule entry for every result, and carries safe fixes', async () => {
    ws = workspace(DEFECTS);
    const run = await cli(ws.dir, ['check', '--format', 'sarif', '--pod-security', 'restricted', '.']);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout);
    assertValid(log);
    const { results, tool } = log.runs[0];
    const ids = tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(results.length >= 10, `${results.length} results`);
    for (const result of results) {
      assert.equal(ids[result.ruleIndex], result.ruleId);
      const region = result.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1, JSON.stringify(region));
    }
    const uris = new Set(results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['binary.yaml', 'broken.yaml', 'deploy.yaml', 'replicas.yaml', 'weird/%C3%BCn%C3%AFcode%20name.yml']);
    const withFix = results.filter((r: { fixes?: unknown }) => r.fixes);
    assert.ok(withFix.some((r: { ruleId: string }) => r.ruleId === 'removed-api-version'), 'the apiVersion fix is carried');
    const wrongType = results.find((r: { ruleId: string; fixes?: unknown }) => r.ruleId === 'wrong-type' && r.fixes);
    assert.equal(wrongType.locations[0].physicalLocation.artifactLocation.uri, 'replicas.yaml');
    assert.deepEqual(wrongType.fixes[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 6, startColumn: 13, endLine: 6, endColumn: 16 }, insertedContent: { text: '3' } },
    ]);
  });

  it('the schema check can fail: a region at line 0 and a result without a message are refused', async () => {
    ws = workspace({ 'deploy.yaml': DEFECTS['deploy.yaml'] });
    const log = JSON.parse((await cli(ws.dir, ['check', '--format', 'sarif', '.'])).stdout);
    assertValid(log);
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validateSarif(broken), false);
    const noMessage = structuredClone(log);
    delete noMessage.runs[0].results[0].message;
    assert.equal(validateSarif(noMessage), false);
  });
});
