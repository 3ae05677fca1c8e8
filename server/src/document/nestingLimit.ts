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
 * Walks the parser's concrete syntax tree without recursing and returns the offset of the first collection
 * nested deeper than `limit` (the one that starts first), or undefined when the document stays within it. With
 * `cut`, every collection past the limit is also removed from the tree (its place becomes an empty value), so
 * that what lies around it can still be composed and checked.
 *
 * Why cut rather than refuse the whole document: a shallow manifest with one missing comma or colon inside a
 * flow mapping makes the parser nest one level per following line; refusing it hid every other finding and
 * pointed at a line far below the mistake. Cut, the parser's own error at the mistake stays, and so does the rest.
 */
export function tooDeepAt(tokens: readonly CST.Token[], limit = MAX_NESTING, cut = false): number | undefined {
  let first: number | undefined;
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
        for (const item of token.items as CST.CollectionItem[]) {
          for (const field of ['key', 'value'] as const) {
            const child = item[field];
            if (!child) continue;
            if (isCollection(child) && depth + 2 > limit) {
              if (first === undefined || child.offset < first) first = child.offset;
              if (!cut) return first;
              item[field] = undefined;
            } else {
              stack.push([child, depth + 1]);
            }
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return first;
}

function isCollection(token: CST.Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}
