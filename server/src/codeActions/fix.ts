import type { Node, Pair, YAMLMap } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { locate } from '../document/yamlTree';
import type { Finding } from '../core/finding';
import type { IndentStyle } from '../document/indentStyle';
import type { Edit } from '../document/textEdit';
import type { RuleDescriptor } from '../core/rule';
import { trimTrailing } from '../document/linearText';

/** One way to fix a finding: a title that says what it will do, and its edits on the document's text. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /** The fix the editor applies with its "auto fix" key when it is the only preferred one. */
  readonly preferred?: boolean;
  /** Left out of "fix all": its edits reach beyond its finding (two of them could create the same key). */
  readonly alone?: boolean;
  /**
   * Text the person should type next (a placeholder): the `length` characters at `offset` of the newText of the
   * edit at `edit`, selected after the fix is applied.
   */
  readonly select?: { readonly edit: number; readonly offset: number; readonly length: number };
}

/** What a fix family sees: the finding, its document, and the document's indentation habits. */
export interface FixContext {
  readonly doc: ManifestDocument;
  readonly text: string;
  readonly finding: Finding;
  readonly style: IndentStyle;
}

/**
 * The fixes of one rule (or a few related rules). `fixAll` marks families whose preferred fix touches only its own
 * finding's text, so that the fixes of many findings can be applied together.
 */
export interface FixFamily {
  /**
   * The rules it fixes, as their descriptors (imported from the rule modules), never as id strings: a renamed rule
   * keeps its fixes, and a family cannot name a rule that does not exist.
   */
  readonly rules: readonly RuleDescriptor[];
  readonly fixAll?: boolean;
  fixes(ctx: FixContext): Fix[];
}

/** The key and pair at a finding that is reported on a key, with the mapping that holds them. */
export function keyAt(ctx: FixContext): { pair: Pair<unknown, unknown>; map: YAMLMap<unknown, unknown>; path: (string | number)[] } | undefined {
  const start = ctx.finding.start;
  let at = locate(ctx.doc.root, start);
  // A key at the start of a line follows the block above it, whose range ends there (after its line break), and
  // locate, inclusive at ends, finds that block: one character into the key is the key's alone.
  if (!at?.onKey) at = locate(ctx.doc.root, start + 1);
  const keyStart = (at?.pair?.key as Node | undefined)?.range?.[0];
  if (!at?.onKey || !at.pair || keyStart === undefined || keyStart > start) return undefined;
  const map = at.parents[at.parents.length - 1] as YAMLMap<unknown, unknown>;
  return { pair: at.pair, map, path: at.path };
}

/** The node a finding reported on its value (a scalar), with its path. */
export function valueAt(doc: ManifestDocument, offset: number): { node: Node; path: (string | number)[]; parents: Node[] } | undefined {
  const at = locate(doc.root, offset);
  if (!at || at.onKey || !at.node || at.node.range?.[0] !== offset) return undefined;
  return { node: at.node, path: at.path, parents: at.parents };
}

/** `name`, then `name-2`, `name-3`... the first that `taken` lacks; kept within `max` characters. */
export function freeName(name: string, taken: ReadonlySet<string>, max = 63): string {
  const base = name.replace(/-\d+$/, '') || name;
  for (let i = 2; i < 10_000; i++) {
    const suffix = `-${i}`;
    const candidate = trimTrailing(base.slice(0, max - suffix.length), '-') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
  return name;
}

/** Backticked words for titles. */
export const code = (text: string | number) => `\`${text}\``;
