/**
 * Ways a person (or a bad paste, or an attacker) turns a good manifest into a bad one, as fast-check arbitraries:
 * delete a span, duplicate a span, indent or dedent lines, insert YAML-significant or random characters, truncate,
 * swap documents. Each mutation is data (so a failure shrinks to and prints a small recipe) applied by `mutate`.
 */
import fc from 'fast-check';

export type Mutation =
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'duplicate'; readonly at: number; readonly length: number; readonly to: number }
  | { readonly op: 'indent'; readonly line: number; readonly lines: number; readonly by: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'swapDocuments'; readonly a: number; readonly b: number };

/** Positions are fractions of the text's length, so a mutation applies to any text (and shrinks toward 0). */
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** Characters that change how YAML reads a line, plus the ones editors and encodings get wrong. */
const SIGNIFICANT = [
  ':', '-', ' ', '\n', '\r\n', '\t', '#', '[', ']', '{', '}', ',', '&a', '*a', '!', '!!str ', '|', '>', "'", '"',
  '%', '@', '`', '?', '---\n', '...\n', '{{ .Values.x }}', '{{- if .Values.y }}\n', '\\', '\u00a0', '\ufeff',
  '\u2028', '\ud800', '\u0000', 'é', '😀', '0x1F', '1e3', 'null', '~', '<<: *a\n',
];

const insertion = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SIGNIFICANT) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...SIGNIFICANT), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.nat({ max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fraction, length: fc.nat({ max: 300 }), to: fraction }),
  fc.record({ op: fc.constant('indent' as const), line: fraction, lines: fc.integer({ min: 1, max: 12 }), by: fc.integer({ min: -4, max: 6 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fraction, text: insertion }),
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
  fc.record({ op: fc.constant('swapDocuments' as const), a: fraction, b: fraction }),
);

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

const index = (f: number, length: number) => Math.min(length, Math.floor(f * (length + 1)));

export function mutate(text: string, mutation: Mutation): string {
  switch (mutation.op) {
    case 'delete': {
      const at = index(mutation.at, text.length);
      return text.slice(0, at) + text.slice(at + mutation.length);
    }
    case 'duplicate': {
      const at = index(mutation.at, text.length);
      const piece = text.slice(at, at + mutation.length);
      const to = index(mutation.to, text.length);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'indent': {
      const lines = text.split('\n');
      const first = index(mutation.line, lines.length - 1);
      for (let i = first; i < Math.min(lines.length, first + mutation.lines); i++) {
        lines[i] = mutation.by >= 0 ? ' '.repeat(mutation.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-mutation.by}}`), '');
      }
      return lines.join('\n');
    }
    case 'insert': {
      const at = index(mutation.at, text.length);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, index(mutation.at, text.length));
    case 'swapDocuments': {
      const docs = text.split(/^(?=---)/m);
      if (docs.length < 2) return text;
      const a = index(mutation.a, docs.length - 1);
      const b = index(mutation.b, docs.length - 1);
      [docs[a], docs[b]] = [docs[b], docs[a]];
      return docs.join('');
    }
  }
}

export function applyAll(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(mutate, text);
}
