import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, visit, type Node, type Pair } from 'yaml';
import { contextInText } from '../../../server/src/completion/cursorContext';
import { TextLines } from '../../../server/src/document/textLines';
import { parseManifestFile } from '../../../server/src/document/manifestFile';
import type { PathSegment } from '../../../server/src/document/yamlTree';
import { sharedDataPath } from '../../../scripts/sharedData';

/**
 * The context inference read against the parser on real manifests: at the start of every block key of every
 * document, the path inferred from the text alone equals the path of that key's mapping in the parse tree; so does
 * the path on a new empty line above the key, indented like it (where the tree has no node); and at the end of
 * every one-word value, the path of its key.
 */
const CORPUS = sharedDataPath('corpus', 'real') ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');

function* yamlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* yamlFiles(full);
    else if (/\.ya?ml$/.test(name)) yield full;
  }
}

describe('completion: context inference on the real manifests', function () {
  this.timeout(120_000);

  it('infers the place of every block key and one-word value as the parser reads it', function () {
    if (!existsSync(CORPUS)) {
      console.log(`    (skipped: ${path.relative(process.cwd(), CORPUS)} is absent)`);
      this.skip();
    }
    let checked = 0;
    const mismatches: string[] = [];
    for (const file of yamlFiles(CORPUS)) {
      const text = readFileSync(file, 'utf8');
      for (const doc of parseManifestFile('file:///x.yaml', 1, text).documents) {
        if (doc.isTemplate || doc.yaml.errors.length || doc.fromStream) continue;
        const lines = TextLines.of(doc);
        visit(doc.yaml, {
          Pair(_, pair, ancestors) {
            const key = (pair as Pair<unknown, unknown>).key;
            const map = ancestors[ancestors.length - 1] as Node;
            if (!isScalar(key) || !key.range || !isMap(map) || map.flow) return;
            // Only keys that start their line's content (after indentation and dashes) are typed there.
            const lineStart = lines.starts[lines.lineAt(key.range[0])];
            if (!/^[ -]*$/.test(doc.text.slice(lineStart, key.range[0])) || doc.text[key.range[0]] === '"' || doc.text[key.range[0]] === "'") return;
            const expected = pathOf(ancestors as readonly unknown[]);
            const expect = (offset: number, position: 'key' | 'value', want: PathSegment[]) => {
              const context = contextInText(lines, offset);
              checked++;
              const got = context && context.position === position ? context.path.join('.') : `(${context?.position ?? 'none'})`;
              if (got !== want.join('.') && mismatches.length < 20) {
                mismatches.push(`${path.relative(CORPUS, file)} doc ${doc.index} line ${lines.lineAt(offset) + 1} (${position}): ${got} != ${want.join('.')}`);
              }
            };
            expect(key.range[0], 'key', expected);
            // A new, empty line above a key that starts its line, indented like it: a key of the same mapping.
            if (doc.text.slice(lineStart, key.range[0]).trim() === '') {
              const column = key.range[0] - lineStart;
              const edited = doc.text.slice(0, lineStart) + ' '.repeat(column) + '\n' + doc.text.slice(lineStart);
              const context = contextInText(TextLines.ofText(edited), lineStart + column);
              checked++;
              const got = context && context.position === 'key' ? context.path.join('.') : `(${context?.position ?? 'none'})`;
              if (got !== expected.join('.') && mismatches.length < 20) {
                mismatches.push(`${path.relative(CORPUS, file)} doc ${doc.index} new line above ${lines.lineAt(key.range[0]) + 1}: ${got} != ${expected.join('.')}`);
              }
            }
            // A one-word plain value on the key's line: the cursor at its end completes that key's value.
            const value = (pair as Pair<unknown, unknown>).value;
            if (isScalar(value) && value.range && value.type === 'PLAIN' && lines.lineAt(value.range[0]) === lines.lineAt(key.range[0])) {
              const written = doc.text.slice(value.range[0], value.range[1]);
              if (/^[A-Za-z0-9_.\-/]+$/.test(written)) expect(value.range[1], 'value', [...expected, String(key.value)]);
            }
          },
        });
      }
    }
    assert.ok(checked > 10_000, `checked ${checked} keys`);
    assert.deepEqual(mismatches, []);
  });
});

/** The path of the mapping that holds a pair, from the visitor's ancestors (document, collections, pairs). */
function pathOf(ancestors: readonly unknown[]): PathSegment[] {
  const out: PathSegment[] = [];
  for (let i = 1; i < ancestors.length; i++) {
    const node = ancestors[i] as { items?: unknown[] };
    const parent = ancestors[i - 1] as { items?: unknown[]; key?: unknown };
    if (parent && Array.isArray(parent.items) && !isMap(parent)) out.push(parent.items.indexOf(node));
    else if (parent && 'key' in (parent as object) && isScalar((parent as Pair).key)) out.push(String(((parent as Pair).key as { value: unknown }).value));
  }
  return out;
}
