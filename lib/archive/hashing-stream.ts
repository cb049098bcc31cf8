// A pass-through that hashes (SHA-256) and counts what flows through it, in constant memory.
// With a known Content-Length it fails the stream instead of ending it when the bytes fall short, so a cut
// download can never complete an upload as if it were the whole recording.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ArchiveError } from '@/lib/queue/archive-error';

export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private hex: string | null = null;

  constructor(private readonly expectedLength: number | null) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expectedLength !== null && this.bytes > this.expectedLength) {
      callback(this.lengthError('more'));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expectedLength !== null && this.bytes !== this.expectedLength) {
      callback(this.lengthError('fewer'));
      return;
    }
    this.hex = this.hash.digest('hex');
    callback();
  }

  get byteCount(): number {
    return this.bytes;
  }

  /** The hex digest; only available once the stream ended with every expected byte. */
  get sha256(): string {
    if (this.hex === null) throw new Error('HashingStream: digest requested before the stream completed');
    return this.hex;
  }

  private lengthError(direction: 'more' | 'fewer'): ArchiveError {
    return new ArchiveError('retryable', 'short_stream', `Download delivered ${direction} bytes than its Content-Length`, {
      bytesReceived: this.bytes,
      contentLength: this.expectedLength,
    });
  }
}
