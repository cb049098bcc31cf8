// Splits a byte stream into lines on "\n" without decoding, so a verifier can hash the exact bytes
// it read. Memory is bounded by the longest line, which is capped.
export type TRawLine = { bytes: Buffer; terminated: boolean };

export class LineTooLongError extends Error {}

export async function* readLines(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  maxLineBytes = 16 * 1024 * 1024,
): AsyncGenerator<TRawLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of source) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let nl = buf.indexOf(0x0a);
    while (nl !== -1) {
      const tail = buf.subarray(0, nl);
      const bytes = pending.length ? Buffer.concat([...pending, tail]) : tail;
      pending = [];
      pendingBytes = 0;
      yield { bytes, terminated: true };
      buf = buf.subarray(nl + 1);
      nl = buf.indexOf(0x0a);
    }
    if (buf.length) {
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes > maxLineBytes) throw new LineTooLongError(`a line is longer than ${maxLineBytes} bytes`);
    }
  }
  if (pendingBytes) yield { bytes: Buffer.concat(pending), terminated: false };
}
