/**
 * The Problems panel and the quick-fix menu show text, not Markdown: the server's messages name fields and values
 * as `code`, which would show as backticks there. Each `code` span becomes 'code' (hovers keep their Markdown).
 */
export function plainText(message: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    // A span opened by one or two backticks (two when the code itself holds one) and closed by the same run.
    const open = message.indexOf('`', i);
    if (open === -1) break;
    const fence = message.startsWith('``', open) ? '``' : '`';
    const close = message.indexOf(fence, open + fence.length);
    if (close === -1) break;
    out += message.slice(i, open) + `'${message.slice(open + fence.length, close).trim()}'`;
    i = close + fence.length;
  }
  return out + message.slice(i);
}
