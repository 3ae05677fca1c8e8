/**
 * Version targeting against real manifests (../shared/corpus/real): at the default version (the newest) the version
 * rules say nothing at all, since every field the corpus uses exists there and none depends on a gate that is off.
 * At 1.29 the test prints what they would say. Skipped, saying so, where the corpus is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sharedDataPath } from '../../../scripts/sharedData';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { diagnosticsOf, settingsWith } from '../support/service';

const CORPUS = sharedDataPath('corpus', 'real');
const VERSION_RULES = new Set(['field-not-in-version', 'feature-gate-off']);

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(dir, d.name)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${d.name}/${f}`))
    .sort();
}

describe('corpus: version targeting on real manifests', function () {
  before(function () {
    if (!CORPUS || !existsSync(CORPUS)) {
      console.log('    (skipped: no shared/corpus/real beside the repository)');
      this.skip();
    }
  });

  it('at the default version, the version rules report nothing', function () {
    this.timeout(120_000);
    assert.equal(DEFAULT_SETTINGS.kubernetesVersion, '1.36');
    const found = corpusFiles(CORPUS!).flatMap((file) =>
      diagnosticsOf(readFileSync(path.join(CORPUS!, file), 'utf8'), DEFAULT_SETTINGS)
        .filter((d) => VERSION_RULES.has(String(d.code)))
        .map((d) => `${file}:${d.range.start.line + 1}: ${d.message}`),
    );
    assert.deepEqual(found, []);
  });

  it('at 1.29: prints what they report, each on one key', function () {
    this.timeout(120_000);
    const counts = new Map<string, number>();
    for (const file of corpusFiles(CORPUS!)) {
      for (const d of diagnosticsOf(readFileSync(path.join(CORPUS!, file), 'utf8'), settingsWith({ kubernetesVersion: '1.29' }))) {
        if (!VERSION_RULES.has(String(d.code))) continue;
        assert.equal(d.range.start.line, d.range.end.line, `${file}: ${d.message}`);
        const field = /^`([^`]+)`/.exec(String(d.message))?.[1];
        assert.ok(field, `the message names the field: ${d.message}`);
        const key = `${d.code} ${field}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    for (const [key, n] of [...counts].sort()) console.log(`      ${String(n).padStart(4)} × ${key}`);
  });
});
