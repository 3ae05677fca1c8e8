import { CST } from 'yaml';

/**
 * How deep a YAML document may nest before we refuse to build its tree.
 *
 * Why: the `yaml` package composes nodes recursively, and so do the walks of our features. Around a thousand
 * levels (`[[[[...` or `- - - -...`) the stack runs out; the package catches that, but V8 can also die outright
 * when it compiles a regular expression with the stack nearly exhausted (a fatal out-of-memory that no `catch`
 * sees, found by the hostile-input tests). No Kubernetes object nests anywhere near this deep (the deepest CRD
 * schemas stay under a hundred levels), so a document past the limit gets one finding and no tree.
 */
export const MAX_NESTING = 256;

/**
 * Walks the parser's concrete syntax tree (built without recursion) without recursing, and returns the offset of
 * the first collection nested deeper than `limit`, or undefined when the document stays within it.
 */
export function tooDeepAt(tokens: readonly CST.Token[], limit = MAX_NESTING): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > limit) return token.offset;
        for (const item of token.items as CST.CollectionItem[]) {
          if (item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
