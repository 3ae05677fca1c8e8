/**
 * The Pod Security Standard rules against real manifests (../shared/corpus/real). With the setting off (the
 * default) they must say nothing at all; at restricted the test prints a count per control, and every finding
 * must sit on one line of the file, on a key or value of a pod-carrying document. Skipped, saying so, where the
 * corpus is not checked out beside the repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ManifestDocument } from '../../../server/src/document/manifestDocument';
import { splitDocuments } from '../../../server/src/document/splitDocuments';
import { podModelOf } from '../../../server/src/pod/podModel';
import { podSecurityVerdict } from '../../../server/src/pod/podSecurity';
import { diagnosticsOf, settingsWith } from '../support/service';
import { sharedDataPath } from '../../../scripts/sharedData';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = sharedDataPath('corpus', 'real') ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real');

function corpusFiles(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(CORPUS, d.name)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${d.name}/${f}`))
    .sort();
}

const isPss = (code: unknown) => String(code).startsWith('pss-');

describe('corpus: Pod Security Standards on real manifests', function () {
  before(function () {
    if (!existsSync(CORPUS)) {
      console.log(`    (skipped: the corpus is not at ${path.relative(REPO_ROOT, CORPUS)})`);
      this.skip();
    }
  });

  it('reports nothing with podsmith.podSecurityStandard off (the default)', function () {
    this.timeout(120_000);
    const settings = settingsWith({ kubernetesVersion: '1.35' });
    assert.equal(settings.podSecurityStandard, 'off');
    const found = corpusFiles().flatMap((file) => diagnosticsOf(readFileSync(path.join(CORPUS, file), 'utf8'), settings).filter((d) => isPss(d.code)).map((d) => `${file}: ${d.message}`));
    assert.deepEqual(found, []);
  });

  it('at restricted: prints a count per control; every finding is on one line', function () {
    this.timeout(120_000);
    const settings = settingsWith({ kubernetesVersion: '1.35', podSecurityStandard: 'restricted' });
    const perControl = new Map<string, { findings: number; files: Set<string> }>();
    const levels = new Map<string, number>();
    let pods = 0;
    for (const file of corpusFiles()) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      for (const d of diagnosticsOf(text, settings).filter((x) => isPss(x.code))) {
        assert.equal(d.range.start.line, d.range.end.line, `${file}: ${d.message}`);
        assert.ok(d.range.end.character > d.range.start.character, `${file}: an empty range for ${d.message}`);
        const control = /control "([^"]+)"/.exec(String(d.message))?.[1];
        const level = /^Pod Security Standard (baseline|restricted)/.exec(String(d.message))?.[1];
        assert.ok(control && level, `${file}: the message names the level and the control: ${d.message}`);
        const key = `${level} · ${control} (${d.code})`;
        const entry = perControl.get(key) ?? { findings: 0, files: new Set<string>() };
        entry.findings++;
        entry.files.add(file);
        perControl.set(key, entry);
      }
      for (const part of splitDocuments(text) ?? []) {
        const pod = podModelOf(ManifestDocument.parse(part, 0));
        if (!pod) continue;
        pods++;
        const { level } = podSecurityVerdict(pod, { version: '1.35' });
        levels.set(level, (levels.get(level) ?? 0) + 1);
      }
    }
    const rows = [...perControl].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, v]) => `      ${String(v.findings).padStart(5)} findings in ${String(v.files.size).padStart(3)} files  ${key}`);
    console.log(`    Restricted, per control (Kubernetes 1.35):\n${rows.join('\n')}`);
    console.log(`    Highest level met by the ${pods} Pods and templates: ${['privileged', 'baseline', 'restricted'].map((l) => `${l} ${levels.get(l) ?? 0}`).join(', ')}`);
    assert.ok(perControl.size > 0);
  });
});
