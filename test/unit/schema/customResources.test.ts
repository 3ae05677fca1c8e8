import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { compileStats, mayBacktrackExponentially, resetCompileCache } from '../../../server/src/schema/customResources/compile';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service } from '../support/service';

const CRD = readFileSync(path.resolve(__dirname, '../../fixtures/crds/widget-crd.yaml'), 'utf8');
const CODES = /^(custom-resource-|crd-)/;

function sourceOf(uri: string, text: string, version = 1) {
  const textDocument = TextDocument.create(uri, 'yaml', version, text);
  return { textDocument, file: service.parse(textDocument, DEFAULT_SETTINGS) };
}

/** The custom resource findings of `resource` in a workspace with `crd`: [code, line, text, message]. */
function check(resource: string, crd = CRD, settings = DEFAULT_SETTINGS) {
  const index = new WorkspaceIndex();
  index.setFile(sourceOf('file:///ws/crd.yaml', crd).file);
  const source = sourceOf('file:///ws/resource.yaml', resource);
  index.setFile(source.file);
  return service
    .validate(source, settings, index)
    .filter((d) => CODES.test(String(d.code)) && d.code !== 'custom-resource-cel-not-checked')
    .map((d) => [String(d.code), d.range.start.line, source.textDocument.getText(d.range), d.message]);
}

/** The CRD's own findings. */
function checkCrd(crd: string) {
  const source = sourceOf('file:///ws/crd.yaml', crd);
  const index = new WorkspaceIndex();
  index.setFile(source.file);
  return service.validate(source, DEFAULT_SETTINGS, index).filter((d) => CODES.test(String(d.code))).map((d) => [String(d.code), d.range.start.line, source.textDocument.getText(d.range), d.message]);
}

const widget = (spec: string) => `apiVersion: shop.example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n${spec}`;

/** A CRD of kind Thing whose v1 schema is `schema` (YAML, indented by 10 spaces under openAPIV3Schema). */
function thingCrd(schema: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: things.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Thing, plural: things}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
${schema.replace(/^/gm, '          ')}
`;
}
const thing = (body: string) => `apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\n${body}`;

describe('custom resources: validated against their CRD with ajv', () => {
  it('a valid resource is clean, and a kind without a CRD (or a version that is not served) is silent', () => {
    const fixture = readFileSync(path.resolve(__dirname, '../../fixtures/crds/widgets.yaml'), 'utf8');
    const [good] = fixture.split('---\n');
    assert.deepEqual(check(good), []);
    assert.deepEqual(check('apiVersion: shop.example.com/v1\nkind: Gadget\nspec: {whatever: 1}\n'), []);
    assert.deepEqual(check('apiVersion: other.example.com/v1\nkind: Widget\nspec: {size: enormous}\n'), []);
  });

  it('a version the CRD does not serve, or does not define, is an error on the apiVersion naming the served ones', () => {
    assert.deepEqual(check('apiVersion: shop.example.com/v1alpha1\nkind: Widget\nspec: {size: enormous}\n'), [
      ['custom-resource-version-not-served', 0, 'shop.example.com/v1alpha1', 'The Widget CRD (widgets.shop.example.com) defines v1alpha1 with served: false: it serves shop.example.com/v1. The API server has no Widget at shop.example.com/v1alpha1.'],
    ]);
    assert.deepEqual(check('apiVersion: shop.example.com/v2\nkind: Widget\n').map(([code, , , message]) => [code, message]), [
      ['custom-resource-version-not-served', 'The Widget CRD (widgets.shop.example.com) has no version v2: it serves shop.example.com/v1. The API server has no Widget at shop.example.com/v2.'],
    ]);
  });

  it('an enum value outside the enum: the allowed values, and the close one', () => {
    assert.deepEqual(check(widget('  size: huge\n')), [['custom-resource-invalid-enum', 5, 'huge', '"huge" is not a value the Widget CRD allows for spec.size: use one of small, medium, large.']]);
    assert.deepEqual(check(widget('  size: Large\n')), [['custom-resource-invalid-enum', 5, 'Large', '"Large" is not a value the Widget CRD allows for spec.size: did you mean large? (one of small, medium, large; values are case-sensitive)']]);
  });

  it('a number outside its bounds, a string too long and a pattern: the bound in the message', () => {
    assert.deepEqual(check(widget('  size: small\n  replicas: 0\n')), [['custom-resource-out-of-range', 6, '0', 'spec.replicas must be at least 1 (the minimum of the Widget CRD); it is 0.']]);
    assert.deepEqual(check(widget('  size: small\n  replicas: 11\n')), [['custom-resource-out-of-range', 6, '11', 'spec.replicas must be at most 10 (the maximum of the Widget CRD); it is 11.']]);
    assert.deepEqual(check(widget('  size: small\n  colour: abcdefghijklmn\n')), [['custom-resource-out-of-range', 6, 'abcdefghijklmn', 'spec.colour must have at most 12 characters (the Widget CRD); it has 14.']]);
    assert.deepEqual(check(widget('  size: small\n  colour: Blue\n')), [['custom-resource-pattern', 6, 'Blue', 'spec.colour must match the pattern `^[a-z]+$` of the Widget CRD, and "Blue" does not.']]);
  });

  it('a misspelled field: did you mean, on the key; with no close name, the declared fields', () => {
    assert.deepEqual(check(widget('  size: small\n  replcas: 2\n')), [['custom-resource-unknown-field', 6, 'replcas', 'Unknown field `replcas` in spec: did you mean `replicas`? The Widget CRD does not declare it, and the API server rejects it (strict field validation) or drops it.']]);
    assert.deepEqual(check(widget('  size: small\n  zzz: 2\n')), [['custom-resource-unknown-field', 6, 'zzz', 'Unknown field `zzz` in spec: the Widget CRD does not declare it, and the API server rejects it (strict field validation) or drops it. Its fields: size, replicas, colour, port, tags, ports, settings, labels, template, note.']]);
    // apiVersion, kind and metadata are always fields of the resource; anything else at the top level is checked.
    assert.deepEqual(check(`${widget('  size: small\n')}specs: {}\n`).map(([code, line, text]) => [code, line, text]), [['custom-resource-unknown-field', 6, 'specs']]);
  });

  it('a wrong type says what YAML made of the value, as kubectl reads it', () => {
    assert.deepEqual(check(widget('  size: small\n  replicas: "3"\n')), [['custom-resource-wrong-type', 6, '"3"', '`spec.replicas` must be an integer, but "3" is a quoted string: remove the quotes. (The type comes from the Widget CRD.)']]);
    assert.deepEqual(check(widget('  size: small\n  colour: yes\n')), [['custom-resource-wrong-type', 6, 'yes', '`spec.colour` must be a string, but kubectl reads the unquoted `yes` as the boolean true (YAML 1.1 rules; YAML 1.2 tools read the string "yes"), and the API server rejects it: quote it ("yes"). (The type comes from the Widget CRD.)']]);
    assert.deepEqual(check(widget('  size: small\n  labels: {team: 5}\n')), [['custom-resource-wrong-type', 6, '5', '`spec.labels.team` must be a string, but 5 is a number: quote it ("5"). (The type comes from the Widget CRD.)']]);
  });

  it('one finding per mistake: a scalar where a mapping belongs hides nothing below it, and required fields are named together', () => {
    assert.deepEqual(check(widget('  size: small\n  settings: fast\n')), [['custom-resource-wrong-type', 6, 'fast', '`spec.settings` must be a mapping (key: value lines), not the string fast. (The type comes from the Widget CRD.)']]);
    assert.deepEqual(check('apiVersion: shop.example.com/v1\nkind: Widget\nspec: big\n').map(([code, line]) => [code, line]), [['custom-resource-wrong-type', 2]]);
    assert.deepEqual(check(widget('  size: small\n  template: {data: {}}\n')), [['custom-resource-missing-required', 6, 'template', '`spec.template` is missing the fields `apiVersion` and `kind`, which the Widget CRD requires.']]);
    assert.deepEqual(check(widget('  replicas: 2\n')), [['custom-resource-missing-required', 4, 'spec', '`spec` is missing the field `size`, which the Widget CRD requires.']]);
  });

  it('x-kubernetes-int-or-string: an integer or a string, nothing else', () => {
    assert.deepEqual(check(widget('  size: small\n  port: 8080\n')), []);
    assert.deepEqual(check(widget('  size: small\n  port: http\n')), []);
    assert.deepEqual(check(widget('  size: small\n  port: 1.5\n')).map(([code, line, text]) => [code, line, text]), [['custom-resource-wrong-type', 6, '1.5']]);
    assert.deepEqual(check(widget('  size: small\n  port: [80]\n')).map(([code, line, text]) => [code, line, text]), [['custom-resource-wrong-type', 6, 'port']]);
  });

  it('x-kubernetes-preserve-unknown-fields: unknown fields below are kept, declared ones still checked', () => {
    assert.deepEqual(check(widget('  size: small\n  settings: {anything: goes, deeper: {too: 1}}\n')), []);
    assert.deepEqual(check(widget('  size: small\n  settings: {mode: slow}\n')).map(([code, , text]) => [code, text]), [['custom-resource-invalid-enum', 'slow']]);
  });

  it('x-kubernetes-embedded-resource: apiVersion, kind and metadata allowed and checked', () => {
    assert.deepEqual(check(widget('  size: small\n  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: b}}\n')), []);
    assert.deepEqual(check(widget('  size: small\n  template: {apiVersion: 1, kind: ConfigMap}\n')).map(([code, , text]) => [code, text]), [['custom-resource-wrong-type', '1']]);
  });

  it('x-kubernetes-list-type set and map: a duplicate is an error on the later item, related to the first', () => {
    assert.deepEqual(check(widget('  size: small\n  tags: [a, b, a]\n')), [['custom-resource-duplicate-item', 6, 'a', 'This item repeats item 1 of spec.tags, which the Widget CRD declares a set: each value once.']]);
    const ports = '  size: small\n  ports:\n    - name: http\n      number: 80\n    - name: admin\n    - name: http\n      number: 8080\n';
    assert.deepEqual(check(widget(ports)), [['custom-resource-duplicate-item', 10, 'name: http', 'This item repeats item 1 of spec.ports, which the Widget CRD declares a map keyed by name (this one has the same name: "http").']]);
  });

  it('nullable: null is accepted where the CRD says nullable; elsewhere a warning that the API server drops the field', () => {
    assert.deepEqual(check(widget('  size: small\n  note: null\n')), []);
    assert.deepEqual(check(widget('  size: small\n  colour: null\n')), [['custom-resource-wrong-type', 6, 'null', '`spec.colour` is null, which the Widget CRD does not allow here (no nullable: true): the API server drops the field, as if it were not written.']]);
  });

  it('pruning: an object with no declared fields drops everything written in it', () => {
    const crd = thingCrd('type: object\nproperties:\n  spec:\n    type: object\n');
    assert.deepEqual(check(thing('spec: {a: 1}\n'), crd), [['custom-resource-unknown-field', 3, 'a', 'Unknown field `a` in spec: the Widget CRD does not declare it, and the API server rejects it (strict field validation) or drops it. The Widget CRD declares no fields here: everything written here is dropped.'.replace(/Widget/g, 'Thing')]]);
  });

  it('anyOf and oneOf: one finding on the value, none from inside the alternatives', () => {
    const crd = thingCrd('type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      name: {type: string}\n      selector: {type: string}\n    oneOf:\n      - required: [name]\n      - required: [selector]\n');
    assert.deepEqual(check(thing('spec: {name: a, selector: b}\n'), crd), [['custom-resource-schema-mismatch', 3, '{name: a, selector: b}', 'spec must match exactly one of the forms the Thing CRD allows here (oneOf): it matches none, or more than one.']]);
    assert.deepEqual(check(thing('spec: {name: a}\n'), crd), []);
  });

  it('leaves the Kubernetes value a known project embeds (a Rollout\'s spec.template) to the schema walk', () => {
    const crd = thingCrd('type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      replicas: {type: integer}\n      template: {type: object, properties: {metadata: {type: object}}}\n')
      .replace('group: example.com', 'group: argoproj.io')
      .replace('{kind: Thing, plural: things}', '{kind: Rollout, plural: rollouts}')
      .replace('name: v1\n', 'name: v1alpha1\n');
    const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  replicas: two\n  template:\n    spec:\n      containers: [{name: a, image: nginx:1.27}]\n';
    assert.deepEqual(check(rollout, crd).map(([code, line, text]) => [code, line, text]), [['custom-resource-wrong-type', 4, 'two']]);
  });

  it('reports the CEL rules once per resource, on its kind, as a hint that they were not checked offline', () => {
    const index = new WorkspaceIndex();
    index.setFile(sourceOf('file:///ws/crd.yaml', CRD).file);
    const source = sourceOf('file:///ws/w.yaml', widget('  size: small\n'));
    index.setFile(source.file);
    const cel = service.validate(source, DEFAULT_SETTINGS, index).filter((d) => d.code === 'custom-resource-cel-not-checked');
    assert.deepEqual(cel.map((d) => [d.range.start.line, source.textDocument.getText(d.range), d.severity, d.message]), [
      [1, 'Widget', 4, "2 CEL rules of the Widget CRD (x-kubernetes-validations) were not checked offline: `self.spec.replicas <= 5 || self.spec.size == 'large'`; `self.size() < 100` on spec.note. The API server evaluates them when the resource is applied."],
    ]);
  });

  it('compiles each schema once per content: resources share it; an edit compiles the new content', () => {
    resetCompileCache();
    const index = new WorkspaceIndex();
    index.setFile(sourceOf('file:///ws/crd.yaml', CRD).file);
    const validate = (uri: string, text: string) => {
      const source = sourceOf(uri, text);
      index.setFile(source.file);
      return service.validate(source, DEFAULT_SETTINGS, index);
    };
    validate('file:///ws/a.yaml', widget('  size: small\n'));
    validate('file:///ws/b.yaml', widget('  size: large\n'));
    validate('file:///ws/c.yaml', widget('  size: medium\n'));
    assert.deepEqual(compileStats(), { compiles: 1, hits: 2, cached: 1 });
    index.setFile(sourceOf('file:///ws/crd.yaml', CRD.replace('maximum: 10', 'maximum: 12'), 2).file);
    validate('file:///ws/d.yaml', widget('  size: small\n  replicas: 11\n'));
    // The old schema is dropped once the index moved past it.
    assert.deepEqual(compileStats(), { compiles: 2, hits: 2, cached: 1 });
  });

  describe('bad CRDs: one finding on the CRD, never a crash or a hang', () => {
    it('$ref, uniqueItems, properties beside additionalProperties: crd-invalid-schema on the keyword', () => {
      assert.deepEqual(checkCrd(thingCrd('type: object\nproperties:\n  spec: {$ref: "#/definitions/Spec"}\n')), [
        ['crd-invalid-schema', 15, '$ref', 'The schema of version v1 cannot be used: a CRD schema cannot use $ref: every type is written out in place. The API server refuses such a CRD, and Podsmith does not check its resources.'],
      ]);
      assert.deepEqual(checkCrd(thingCrd('type: object\nproperties:\n  list: {type: array, uniqueItems: true, items: {type: string}}\n')).map(([code, line, text]) => [code, line, text]), [['crd-invalid-schema', 15, 'uniqueItems']]);
      assert.deepEqual(checkCrd(thingCrd('type: object\nproperties:\n  m: {type: object, properties: {a: {type: string}}, additionalProperties: {type: string}}\n')).map(([code, text]) => [code, text]), [['crd-invalid-schema', 15]]);
      assert.deepEqual(checkCrd(thingCrd('type: objekt\n')).map(([code, , text]) => [code, text]), [['crd-invalid-schema', 'type']]);
    });

    it('its resources are not checked (and do not throw) while the schema is invalid', () => {
      const crd = thingCrd('type: object\nproperties:\n  spec: {$ref: "#/definitions/Spec"}\n');
      assert.deepEqual(check(thing('spec: {a: 1}\n'), crd).filter(([code]) => String(code).startsWith('custom-resource')), []);
    });

    it('a schema nested past the depth bounds is information, not an error, and its resources stay silent', () => {
      // Lists of lists: one YAML level per schema level, so the compile bound (64 schemas deep) is met first.
      let lists = 'type: string';
      for (let i = 0; i < 70; i++) lists = `type: array\nitems:\n${lists.replace(/^/gm, '  ')}`;
      const deepLists = thingCrd(`type: object\nproperties:\n  a:\n${lists.replace(/^/gm, '    ')}`);
      // On the `items` key where the bound is passed (the 65th list down).
      assert.deepEqual(checkCrd(deepLists).map(([code, line, text]) => [code, line, text]), [['crd-schema-not-checked', 17 + 2 * 63, 'items']]);
      assert.match(String(checkCrd(deepLists)[0][3]), /^The schema of version v1 is beyond what Podsmith compiles: the schema nests deeper than 64 levels/);
      assert.deepEqual(check(thing('a: [[1]]\n'), deepLists), []);
      // Objects in objects: two YAML levels per schema level, so the bound on what is read (96 levels) is met first.
      let objects = 'type: string';
      for (let i = 0; i < 50; i++) objects = `type: object\nproperties:\n  a:\n${objects.replace(/^/gm, '    ')}`;
      assert.deepEqual(checkCrd(thingCrd(objects)).map(([code, line, text, message]) => [code, line, text, message]), [
        ['crd-schema-not-checked', 8, 'v1', 'The schema of version v1 is larger than Podsmith reads (more than 96 levels of nesting): resources of this version are not checked against it offline.'],
      ]);
    });

    it('a pattern that may backtrack exponentially is not tested (no hang on a hostile value), and the CRD says so', () => {
      const crd = thingCrd("type: object\nproperties:\n  name: {type: string, pattern: '^(a+)+$'}\n  code: {type: string, pattern: '(?i)abc'}\n");
      assert.deepEqual(checkCrd(crd).map(([code, line, text, message]) => [code, line, text, message]), [
        ['crd-schema-not-checked', 8, 'v1', 'Podsmith does not test 2 patterns of version v1 offline: `^(a+)+$` (may backtrack exponentially), `(?i)abc` (not JavaScript syntax). The API server still does.'],
      ]);
      assert.deepEqual(check(thing(`name: ${'a'.repeat(5000)}!\ncode: x\n`), crd), []);
    });

    it('tells exponential patterns from safe ones', () => {
      for (const risky of ['(a+)+', '(a|aa)*', '^(\\w+\\s?)*$', '(a*)*b', '(x+x+)+y', '(a)\\1']) assert.equal(mayBacktrackExponentially(risky), true, risky);
      for (const safe of ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', '^\\d{1,3}$', '(ab)?c+', '[(a+)+]', '^(a){2}$', '^[a-z]+(\\.[a-z]+)?$']) assert.equal(mayBacktrackExponentially(safe), false, safe);
    });
  });
});
