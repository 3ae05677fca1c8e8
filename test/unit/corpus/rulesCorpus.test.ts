/**
 * The Pod rules against real manifests (../shared/corpus/real, 357 files from public repositories). The bar: every
 * error a Pod rule reports is a real one, listed in KNOWN_FINDINGS.tsv as `semantic` or `semantic-v1.35`, and every
 * listed one is reported. Skipped, saying so, where the corpus is not checked out beside the repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ALL_CHECKS } from '../../../server/src/rules/index';
import { diagnosticsOf, settingsWith } from '../support/service';
import { sharedDataPath } from '../../../scripts/sharedData';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = sharedDataPath('corpus', 'real') ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real');
const KNOWN = path.join(CORPUS, 'KNOWN_FINDINGS.tsv');

/** Every check of the Pod rules: all but the YAML, apiVersion and schema checks and the Pod Security Standards (off by default). */
const NOT_POD_RULE_CHECKS = new Set(['yaml-syntax', 'api-version', 'schema']);
const POD_RULES = new Set(
  ALL_CHECKS.filter((c) => !NOT_POD_RULE_CHECKS.has(c.name)).flatMap((c) => c.rules.map((r) => r.id)).filter((id) => !id.startsWith('pss-')),
);

/** Known findings whose detail is prose, by the rule that stands for them. */
const DETAIL_TO_RULE: [RegExp, string][] = [[/restartPolicyRules on a restartPolicy=Always sidecar/, 'sidecar-restart-rules']];

interface Known {
  readonly file: string;
  readonly severity: string;
  readonly rule: string;
}

function knownSemanticFindings(): Known[] {
  const rows = readFileSync(KNOWN, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const out: Known[] = [];
  for (const [file, severity, kind, detail] of rows) {
    if (kind !== 'semantic' && kind !== 'semantic-v1.35') continue;
    const rule = /^([a-z-]+):/.exec(detail)?.[1] ?? DETAIL_TO_RULE.find(([pattern]) => pattern.test(detail))?.[1];
    assert.ok(rule, `a rule stands for the known finding "${detail}"`);
    out.push({ file, severity, rule });
  }
  return out;
}

function corpusFiles(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(CORPUS, d.name)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${d.name}/${f}`))
    .sort();
}

describe('corpus: Pod rules on real manifests', function () {
  let reported: { file: string; rule: string; severity: number; line: number }[] = [];

  before(function () {
    // Checking 357 files is work; the time goes to the benchmark, not to an assertion.
    this.timeout(120_000);
    if (!existsSync(KNOWN)) {
      console.log(`    (skipped: the corpus is not at ${path.relative(REPO_ROOT, CORPUS)})`);
      this.skip();
    }
    // The known findings were established against Kubernetes 1.35.
    const settings = settingsWith({ kubernetesVersion: '1.35' });
    reported = [];
    for (const file of corpusFiles()) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      for (const d of diagnosticsOf(text, settings)) {
        if (POD_RULES.has(String(d.code))) reported.push({ file, rule: String(d.code), severity: d.severity ?? 0, line: d.range.start.line + 1 });
      }
    }
  });

  it('reads the whole corpus', () => {
    assert.ok(corpusFiles().length >= 350, `${corpusFiles().length} files`);
  });

  it('every error a Pod rule reports is a known real error', () => {
    const known = new Set(knownSemanticFindings().filter((k) => k.severity === 'error').map((k) => `${k.file} ${k.rule}`));
    const unexpected = reported.filter((r) => r.severity === 1 && !known.has(`${r.file} ${r.rule}`));
    assert.deepEqual(unexpected, [], 'errors not in KNOWN_FINDINGS.tsv (false positives)');
  });

  it('every known semantic finding is reported, with its severity', () => {
    const missed = knownSemanticFindings().filter(
      (k) => !reported.some((r) => r.file === k.file && r.rule === k.rule && r.severity === (k.severity === 'error' ? 1 : 2)),
    );
    assert.deepEqual(missed, [], 'known findings the rules did not report');
  });

  it('reports each known error once', () => {
    const errors = reported.filter((r) => r.severity === 1).map((r) => `${r.file} ${r.rule}`);
    assert.deepEqual(errors.sort(), knownSemanticFindings().filter((k) => k.severity === 'error').map((k) => `${k.file} ${k.rule}`).sort());
  });
});
