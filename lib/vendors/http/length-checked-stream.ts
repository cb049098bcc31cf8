// Media is streamed, never buffered. A connection that dies mid-body must not look like a complete (shorter)
// file to the caller: the returned stream fails with `truncated_stream` once fewer than Content-Length bytes
// arrived, after delivering whatever did arrive.
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { VendorError } from './vendor-error';

export function lengthCheckedStream(res: IncomingMessage, contentLength: number | null, accountId: string): Readable {
  const out = new PassThrough();
  let received = 0;
  let settled = false;
  const fail = () => {
    if (settled) return;
    settled = true;
    const expected = contentLength === null ? 'an unknown number of' : String(contentLength);
    out.destroy(
      new VendorError('truncated_stream', `${accountId}: media stream broke off after ${received} of ${expected} bytes`, {
        accountId,
        bytesReceived: received,
        contentLength,
      }),
    );
  };
  res.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (!out.write(chunk)) res.pause();
  });
  out.on('drain', () => res.resume());
  res.on('end', () => {
    if (contentLength !== null && received !== contentLength) return fail();
    settled = true;
    out.end();
  });
  res.on('error', fail);
  res.on('close', () => {
    if (!res.complete) fail();
  });
  // The caller may still be doing other work (an audit write) before it pipes this stream anywhere; a
  // connection cut in that gap must not become an uncaught 'error' that kills the worker. pipeline() and
  // any later listener still receive the error: destroy() keeps it as the stream's errored state.
  out.on('error', () => undefined);
  // The consumer gave up (e.g. the storage write failed): stop downloading.
  out.on('close', () => {
    if (!res.complete) res.destroy();
  });
  return out;
}
