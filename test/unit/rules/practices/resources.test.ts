import assert from 'node:assert/strict';
import { diagnosticsOf, settingsWith } from '../../support/service';
import { ruleTable } from '../support';
import { atName, deploymentWith } from './support';

const all = ['resources:', '  requests: {cpu: 250m, memory: 256Mi, ephemeral-storage: 1Gi}', '  limits: {cpu: "1", memory: 512Mi, ephemeral-storage: 2Gi}'];
const at = (text: string) => text.replace('  resources:', '  «resources»:');

describe('rules: resource practices', () => {
  ruleTable('cpu-request-missing', 2, [
    { title: 'no cpu request or limit', manifest: at(deploymentWith(['resources:', '  limits: {memory: 256Mi}'])), says: /has no CPU request/ },
    { title: 'silent: a cpu limit alone (the request defaults to it)', manifest: deploymentWith(['resources:', '  limits: {cpu: 500m}']) },
    { title: 'silent: Pod-level resources cover the containers', manifest: deploymentWith([], [], ['resources:', '  requests: {cpu: "1", memory: 1Gi}']) },
  ]);
  ruleTable('memory-request-missing', 2, [
    { title: 'only a cpu limit', manifest: at(deploymentWith(['resources:', '  limits: {cpu: 500m}'])), says: /has no memory request/ },
    { title: 'no resources at all: on the container name', manifest: atName(deploymentWith([])) },
    { title: 'silent: a memory limit alone', manifest: deploymentWith(['resources:', '  limits: {memory: 256Mi}']) },
  ]);
  ruleTable('memory-limit-missing', 2, [
    { title: 'requests but no memory limit', manifest: at(deploymentWith(['resources:', '  requests: {cpu: 250m, memory: 256Mi}'])), says: /has no memory limit/ },
    { title: 'silent: all set', manifest: deploymentWith(all) },
  ]);
  ruleTable('cpu-limit-missing', 3, [
    { title: 'no cpu limit', manifest: at(deploymentWith(['resources:', '  requests: {cpu: 250m}'])), says: /has no CPU limit/ },
    { title: 'silent: all set', manifest: deploymentWith(all) },
  ]);
  ruleTable('ephemeral-storage-missing', 3, [
    { title: 'no ephemeral-storage', manifest: at(deploymentWith(['resources:', '  requests: {cpu: 250m, memory: 256Mi}'])), says: /no ephemeral-storage request or limit/ },
    { title: 'silent: all set', manifest: deploymentWith(all) },
  ]);
  ruleTable('missing-resources', 4, [
    { title: 'no resources at all (recommended: the per-resource rules are off)', manifest: atName(deploymentWith([])), says: /sets no resource requests or limits/ },
    { title: 'silent under strict: the per-resource rules say it', manifest: deploymentWith([]), settings: { profile: 'strict' } },
    { title: 'silent: something is set', manifest: deploymentWith(['resources:', '  limits: {cpu: 500m}']) },
  ]);

  it('strict reports each missing resource once, on the resources key', () => {
    const found = diagnosticsOf(deploymentWith(['resources:', '  limits: {cpu: 500m}']), settingsWith({ profile: 'strict' }));
    const resourceRules = found.map((d) => String(d.code)).filter((c) => /resource|request|limit|storage/.test(c));
    assert.deepEqual(resourceRules, ['memory-request-missing', 'memory-limit-missing', 'ephemeral-storage-missing']);
  });
});
