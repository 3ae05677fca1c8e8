// How loud each profile is on real manifests: findings per file by severity, for api, recommended and strict, and
// the rules that fire most under strict. Shared by scripts/noise/measure.ts (which writes the figures the rule
// reference shows) and test/unit/corpus/profileNoise.test.ts (which checks them against a fresh measurement).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, RULE_PROFILES, type RuleProfile } from '../../server/src/core/settings';
import { sharedDataPath } from '../sharedData';

/** The corpus of real manifests in the shared data beside the repository (undefined where it is absent). */
export function corpusDirectory(): string | undefined {
  return sharedDataPath('corpus', 'real');
}

/** The corpus's YAML files (one folder per source repository), relative to it, sorted; empty when it is absent. */
export function corpusFiles(dir = corpusDirectory()): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(dir, d.name)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${d.name}/${f}`))
    .sort();
}

export interface ProfileNoise {
  readonly profile: RuleProfile;
  /** Findings per file, by severity, rounded to 3 decimals. */
  readonly errorsPerFile: number;
  readonly warningsPerFile: number;
  readonly informationPerFile: number;
  readonly hintsPerFile: number;
}

export interface CorpusNoise {
  readonly files: number;
  readonly profiles: readonly ProfileNoise[];
  /** Under strict: each rule's findings at warning or above, and in how many files, most first. */
  readonly loudestRules: readonly { readonly rule: string; readonly findings: number; readonly files: number }[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Measures every profile on `files` (paths relative to `dir`). */
export function measureNoise(dir: string, files = corpusFiles(dir)): CorpusNoise {
  const service = getLanguageService({ log: () => undefined });
  const texts = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const loud = new Map<string, { findings: number; files: Set<number> }>();
  const profiles = RULE_PROFILES.map((profile): ProfileNoise => {
    const settings = { ...DEFAULT_SETTINGS, profile };
    const bySeverity = [0, 0, 0, 0, 0];
    texts.forEach((text, i) => {
      const textDocument = TextDocument.create(`file:///corpus/${i}.yaml`, 'yaml', 1, text);
      for (const d of service.validate({ textDocument, file: service.parse(textDocument, settings) }, settings)) {
        const severity = d.severity ?? 1;
        bySeverity[severity]++;
        if (profile !== 'strict' || severity > 2) continue;
        const entry = loud.get(String(d.code)) ?? { findings: 0, files: new Set<number>() };
        entry.findings++;
        entry.files.add(i);
        loud.set(String(d.code), entry);
      }
    });
    const per = (n: number) => round(n / Math.max(1, texts.length));
    return { profile, errorsPerFile: per(bySeverity[1]), warningsPerFile: per(bySeverity[2]), informationPerFile: per(bySeverity[3]), hintsPerFile: per(bySeverity[4]) };
  });
  const loudestRules = [...loud]
    .map(([rule, { findings, files: inFiles }]) => ({ rule, findings, files: inFiles.size }))
    .sort((a, b) => b.findings - a.findings || (a.rule < b.rule ? -1 : 1));
  return { files: texts.length, profiles, loudestRules };
}
