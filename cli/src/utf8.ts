/**
 * Bytes to text: UTF-8, exactly as written. A leading byte order mark stays the text's first character, as in the
 * text a language server is given when a client reads the file (columns of the first line count it). A file with
 * NUL bytes (binary, or UTF-16) or with bytes that are not UTF-8 is reported as such instead of being checked as
 * the mojibake a lenient decoder would make of it.
 */
export type Decoded =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'invalid'; readonly at: { line: number; character: number; lineText: string } };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.indexOf(0) !== -1) return { kind: 'binary' };
  try {
    return { kind: 'text', text: strict.decode(bytes) };
  } catch {
    return { kind: 'invalid', at: placeOf(bytes, firstInvalidByte(bytes)) };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const low = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < low || c > high) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Line and UTF-16 column of a byte offset, from the valid text before it. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; character: number; lineText: string } {
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let lineEnd = bytes.indexOf(0x0a, offset);
  if (lineEnd === -1) lineEnd = bytes.length;
  const lineText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(offset - (new TextEncoder().encode(before.slice(lineStart)).length), lineEnd)).replace(/\r$/, '');
  let line = 0;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, character: before.length - lineStart, lineText };
}
