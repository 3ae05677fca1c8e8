/**
 * Quick fixes are computed from the tree only where the tree is what is written (issue 15, item 8). In a document
 * the parser had to repair, a fix follows the parser's guess: a missing comma in a flow list made an item "lack" its
 * image, and the fix added a placeholder where the person meant nothing to change. There, only "disable on this
 * line" is offered. And "fix all of this kind" is offered beside a fix of the very problem, never instead of one.
 */
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, sourceOf, yaml } from '../support/service';

function actionsByProblem(text: string): string[] {
  const source = sourceOf(text);
  const found: string[] = [];
  for (const diagnostic of service.validate(source, DEFAULT_SETTINGS)) {
    for (const action of service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, DEFAULT_SETTINGS)) {
      found.push(`${String(diagnostic.code)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}: ${action.title}`);
    }
  }
  return found;
}

describe('code actions: no fix from a tree the parser guessed', () => {
  it('offers no "add image" for a flow item whose comma is missing, only "disable"', () => {
    const actions = actionsByProblem(yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: a, image: b:1}, {name: c image: d:1}], restartPolicy: Always'));
    assert.ok(actions.length > 0);
    assert.deepEqual(actions.filter((a) => !/: Disable `[a-z-]+` for this line$/.test(a)), []);
  });

  it('still offers the fixes once the syntax is right', () => {
    const actions = actionsByProblem(yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: a, image: b:1}, {name: c}], restartPolicy: Always}'));
    assert.ok(actions.includes('missing-required@3:44: Add `image` (a placeholder to replace)'), actions.join('\n'));
  });

  it('offers "fix all" of a kind only beside a fix of the problem itself', () => {
    // The first key is no field and nothing like one: it has no fix, so no "fix all" either; the typo below has both.
    const text = yaml('apiVersion: apps/v1', 'kind: Deployment', 'hover over this: x', 'metadata:', '  name: shop', '  label: {app: shop}', 'spec:', '  selector: {matchLabels: {app: shop}}', '  template:', '    metadata: {labels: {app: shop}}', '    spec:', '      containers:', '        - name: shop', '          image: shop:1.4.2', '          imagePullPolice: IfNotPresent');
    const actions = actionsByProblem(text).filter((a) => a.startsWith('unknown-field'));
    assert.deepEqual(actions.filter((a) => a.startsWith('unknown-field@2:')), ['unknown-field@2:0: Disable `unknown-field` for this line']);
    assert.ok(actions.includes('unknown-field@5:2: Fix all unknown-field problems in the file'), actions.join('\n'));
  });
});
