/**
 * Every regular expression in the server's sources runs in time linear in its input. A backtracking pattern such as
 * `/\/+$/` tried at each of 100,000 slashes scans to the end each time: seconds for one value, on every keystroke.
 * The expressions are found in the sources (every regular-expression literal and `new RegExp`), so a new one is
 * checked without a list to maintain, and each is run on 100,000-character values built to make a backtracking
 * engine retry: long runs of each character the pattern names (and of common manifest characters), after a key, a
 * quote or a dash, and followed by a character that makes the match fail at the end.
 *
 * The bound is a hang detector: a linear expression takes about a millisecond on these values and a quadratic one
 * several seconds, so a busy machine cannot make the test fail or pass wrongly.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SOURCES = path.join(ROOT, 'server', 'src');
const LENGTH = 100_000;
const BOUND_MS = 1000;

interface FoundExpression {
  where: string;
  regex: RegExp;
}

/** Every regular-expression literal (and `new RegExp` with literal arguments) in server/src. */
function expressionsInSources(): { found: FoundExpression[]; dynamic: string[] } {
  const found: FoundExpression[] = [];
  const dynamic: string[] = [];
  for (const name of readdirSync(SOURCES, { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const file = path.join(SOURCES, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        found.push({ where: where(node), regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
        if (node.expression.getText() === 'RegExp') {
          const args = node.arguments ?? [];
          if (args.every((a) => ts.isStringLiteralLike(a))) {
            found.push({ where: where(node), regex: new RegExp((args[0] as ts.StringLiteralLike).text, (args[1] as ts.StringLiteralLike | undefined)?.text) });
          } else {
            dynamic.push(where(node));
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { found, dynamic };
}

/** Characters common in manifests, and the runs that make typical patterns backtrack. */
const COMMON = [' ', '\t', 'a', 'Z', '0', '9', '-', '_', '.', '/', ':', '#', '"', "'", '\\', '{', '}', '[', ']', ',', '@', '=', '$', '*', '|', '>', '\r'];
const PAIRS = [' :', ': ', '- ', ' #', 'a ', ' a', 'a-', '-a', 'a.', 'a/', '/a', '0.', 'a:', ':a', '\r\n', ' \n', 'a\n'];
/** Starts that make a pattern enter the run from its first alternative (a key, a quote, an item). */
const STARTS = ['', 'a', '"', '- '];
/** Ends that make a match fail after the run, so an engine retries from every start. */
const ENDS = ['\u0001', '\n'];

/** The literal characters a pattern names (letters, digits and punctuation in its source, escapes resolved roughly). */
function charactersOf(regex: RegExp): string[] {
  const chars = new Set<string>();
  const source = regex.source;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const next = source[++i];
      if (next === 's') chars.add(' ').add('\t');
      else if (next === 'd') chars.add('1');
      else if (next === 'w') chars.add('w');
      else if (next === 'n') chars.add('\n');
      else if (next === 'r') chars.add('\r');
      else if (next === 't') chars.add('\t');
      else if (!/[a-zA-Z0-9]/.test(next)) chars.add(next);
    } else {
      chars.add(c);
    }
  }
  return [...chars];
}

function* adversarialValues(regex: RegExp): Generator<string> {
  const runs = new Set([...COMMON, ...charactersOf(regex), ...PAIRS]);
  for (const run of runs) {
    const body = run.repeat(Math.ceil(LENGTH / run.length)).slice(0, LENGTH);
    for (const start of STARTS) for (const end of ENDS) yield start + body + end;
  }
}

/** Runs the expression the ways the sources use one: test, and replace (every match) for a global one. */
function exercise(regex: RegExp, value: string): void {
  const fresh = new RegExp(regex.source, regex.flags);
  if (fresh.global || fresh.sticky) {
    value.replace(fresh, '');
  } else {
    fresh.test(value);
  }
}

describe('reliability: every regular expression over manifest text is linear', function () {
  this.timeout(600_000);
  const { found, dynamic } = expressionsInSources();

  it('finds the expressions in server/src, and none built from a non-literal pattern', () => {
    assert.ok(found.length > 50, `found only ${found.length} expressions`);
    // A pattern built at run time cannot be checked here; build it from literals or check it in its own test.
    // The one exception: a CRD's own patterns (schema/customResources/compile.ts), which are refused when they may
    // backtrack exponentially and tested on bounded values (test/unit/schema/customResources.test.ts).
    assert.deepEqual(dynamic.filter((where) => !where.startsWith('server/src/schema/customResources/compile.ts:')), []);
    assert.ok(dynamic.length <= 1, `one RegExp built from a CRD pattern, not ${dynamic.length}`);
  });

  it('runs each on 100,000-character adversarial values within the hang bound', () => {
    const slow: string[] = [];
    for (const { where, regex } of found) {
      for (const value of adversarialValues(regex)) {
        const start = process.hrtime.bigint();
        exercise(regex, value);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (ms > BOUND_MS) {
          slow.push(`${where} ${regex} on ${JSON.stringify(value.slice(0, 4))}... (${value.length} chars): ${Math.round(ms)} ms`);
          break;
        }
      }
    }
    assert.deepEqual(slow, []);
  });
});
