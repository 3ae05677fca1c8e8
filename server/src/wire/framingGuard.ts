/**
 * Checks the framing of the LSP byte stream (headers, then `Content-Length` bytes of body) before the connection
 * reads it. vscode-jsonrpc's reader, given a header without `Content-Length`, a length that is not a number, a
 * header line without a colon or headers ended by bare newlines, either waits forever for a header end that never
 * comes or loses its place in the stream: the server stays alive and answers nothing again, so the editor never
 * restarts it. A stream whose framing is broken cannot be resynchronised, so the guard stops at the first error and
 * reports it; the server then logs it and exits, and the client starts a fresh server.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Headers longer than this are not an LSP header block (two short lines in practice). */
const MAX_HEADER_BYTES = 8192;
/** A body larger than this is not a message an editor sends (the size limit for files is 5 MB by default). */
const MAX_BODY_BYTES = 1 << 30;

export class FramingError extends Error {}

/**
 * A pass-through stream that forwards bytes while they are well framed. At the first framing error it forwards
 * nothing more and calls `onError` once.
 */
export class FramingGuard extends Transform {
  private header: number[] = [];
  private bodyLeft = 0;
  private failed = false;

  constructor(private readonly onError: (error: FramingError) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.failed) return callback();
    try {
      this.check(chunk);
    } catch (error) {
      // Nothing of this chunk is forwarded: the server exits on the error, and half a stream helps no one.
      this.failed = true;
      this.onError(error instanceof FramingError ? error : new FramingError(String(error)));
      return callback();
    }
    callback(null, chunk);
  }

  private check(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= take;
        i += take;
        continue;
      }
      const byte = chunk[i++];
      this.header.push(byte);
      if (this.header.length > MAX_HEADER_BYTES) throw new FramingError(`a header block longer than ${MAX_HEADER_BYTES} bytes`);
      if (byte !== 0x0a) continue;
      if (this.header[this.header.length - 2] !== 0x0d) throw new FramingError('a header line ended by a bare newline (headers end with CR LF)');
      if (this.header.length >= 4 && this.header[this.header.length - 3] === 0x0a) {
        this.bodyLeft = bodyLength(Buffer.from(this.header).toString('latin1'));
        this.header = [];
      }
    }
  }
}

/** The body length a header block (ending with CR LF CR LF) announces; throws when it is not one valid length. */
export function bodyLength(block: string): number {
  const lines = block.slice(0, -4).split('\r\n');
  let length: number | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new FramingError(`a header line without a name and a colon: ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name !== 'content-length') continue;
    if (length !== undefined) throw new FramingError('two Content-Length headers');
    if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_BODY_BYTES) throw new FramingError(`a Content-Length that is not a length: ${JSON.stringify(value.slice(0, 40))}`);
    length = Number(value);
  }
  if (length === undefined) throw new FramingError('a header block without Content-Length');
  if (length === 0) throw new FramingError('an empty message (Content-Length: 0)');
  return length;
}
