import { isPair, isScalar, type Pair } from 'yaml';
import { pairOf, spanOf } from '../document/yamlTree';
import type { ContainerModel } from '../pod/podModel';

/**
 * Small helpers every Pod rule uses: exact spans of keys and values, and names of containers in words.
 * Spans are relative to the document, like every finding.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export { spanOf };

/** The span of the key `key` in `map`. */
export function keySpan(map: unknown, key: string): Span | undefined {
  return spanOf(pairOf(map, key)?.key);
}

/** The span of a pair's key. */
export function pairKeySpan(pair: Pair<unknown, unknown> | undefined): Span | undefined {
  return isPair(pair) ? spanOf(pair.key) : undefined;
}

/** The value span of `key` in `map`, else the key's span, else undefined: where a finding about a field points. */
export function fieldSpan(map: unknown, key: string): Span | undefined {
  const pair = pairOf(map, key);
  if (!pair) return undefined;
  return (isScalar(pair.value) ? spanOf(pair.value) : undefined) ?? spanOf(pair.key);
}

const LIST_WORDS: Record<ContainerModel['list'], string> = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
};

/** "container `web`", "init container `migrate`", "native sidecar `proxy`", "container #2" when unnamed. */
export function containerLabel(c: ContainerModel): string {
  const kind = c.isNativeSidecar ? 'native sidecar' : LIST_WORDS[c.list];
  return c.name ? `${kind} \`${c.name}\`` : `${kind} #${c.index + 1}`;
}

/** A message that opens with a label ("container `web` sets..."), as a sentence: "Container `web` sets...". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Labels for two containers in one sentence: by position as well when their names are the same. */
export function twoLabels(a: ContainerModel, b: ContainerModel): [string, string] {
  const [la, lb] = [containerLabel(a), containerLabel(b)];
  if (la !== lb) return [la, lb];
  const at = (c: ContainerModel) => `${LIST_WORDS[c.list]} #${c.index + 1} (\`${c.name}\`)`;
  return [at(a), at(b)];
}

/** Where a finding about a whole container points: its name, else the first line of its mapping. */
export function containerSpan(c: ContainerModel): Span | undefined {
  return spanOf(c.nameNode) ?? (c.node.items[0] ? pairKeySpan(c.node.items[0] as Pair<unknown, unknown>) : spanOf(c.node));
}

const PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|<[A-Za-z_][A-Za-z0-9_-]*>/;

/**
 * True for text that holds an envsubst-style placeholder (`${APP}`, `$APP`) or a documentation one
 * (`<SERVICE_ACCOUNT>`): a person or a tool fills it in before the manifest is applied, so its grammar and
 * cross-references are not ours to judge yet.
 */
export function hasPlaceholder(text: string): boolean {
  return (text.includes('$') || text.includes('<')) && PLACEHOLDER.test(text);
}
