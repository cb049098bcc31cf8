// A pull-style reader over pushed chunks, so each container parser can be written as straight-line code
// ("read 8 bytes, skip the payload") while the bytes arrive as a stream. Memory stays bounded: the producer
// waits while more than HIGH_WATER bytes are buffered, and skipped bytes are dropped as they arrive.
const HIGH_WATER = 1024 * 1024;

export class ByteReader {
  /** Bytes consumed (read or skipped) since the start of the stream. */
  position = 0;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  private closed = false;
  private dataWaiter: (() => void) | null = null;
  private drainWaiters: (() => void)[] = [];

  /** Producer side: resolves once the parser can take more (or no longer wants any). */
  async push(chunk: Buffer): Promise<void> {
    if (this.closed || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.wake();
    if (this.buffered > HIGH_WATER) await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  /** Consumer side: the parser has what it needs; drop everything and release the producer. */
  close(): void {
    this.closed = true;
    this.chunks = [];
    this.buffered = 0;
    this.wake();
    this.releaseProducer();
  }

  /** Exactly n bytes, or fewer only when the stream ended first. */
  async read(n: number): Promise<Buffer> {
    while (this.buffered < n && !this.ended && !this.closed) await this.waitForData();
    return this.take(Math.min(n, this.buffered));
  }

  /** Up to n bytes without consuming them (fewer only when the stream is shorter). */
  async peek(n: number): Promise<Buffer> {
    while (this.buffered < n && !this.ended && !this.closed) await this.waitForData();
    const head = this.chunks[0];
    if (head && head.length >= n) return head.subarray(0, n);
    return Buffer.concat(this.chunks).subarray(0, Math.min(n, this.buffered));
  }

  /** Drops n bytes; returns how many were there (fewer than n only at the end of the stream). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.buffered === 0) {
        if (this.ended || this.closed) break;
        await this.waitForData();
        continue;
      }
      const head = this.chunks[0]!;
      const k = Math.min(left, head.length);
      this.consumeHead(k);
      left -= k;
    }
    return n - left;
  }

  /** Whatever is buffered next (at least one byte), or null at the end: for parsers that scan. */
  async next(): Promise<Buffer | null> {
    while (this.buffered === 0 && !this.ended && !this.closed) await this.waitForData();
    if (this.buffered === 0) return null;
    const head = this.chunks[0]!;
    this.consumeHead(head.length);
    return head;
  }

  private take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    const head = this.chunks[0]!;
    if (head.length >= n) {
      const out = head.subarray(0, n);
      this.consumeHead(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const h = this.chunks[0]!;
      const k = Math.min(n - off, h.length);
      h.copy(out, off, 0, k);
      this.consumeHead(k);
      off += k;
    }
    return out;
  }

  private consumeHead(k: number): void {
    const head = this.chunks[0]!;
    if (k === head.length) this.chunks.shift();
    else this.chunks[0] = head.subarray(k);
    this.buffered -= k;
    this.position += k;
    if (this.buffered <= HIGH_WATER) this.releaseProducer();
  }

  private waitForData(): Promise<void> {
    this.releaseProducer();
    return new Promise<void>((resolve) => {
      this.dataWaiter = resolve;
    });
  }

  private wake(): void {
    const w = this.dataWaiter;
    this.dataWaiter = null;
    w?.();
  }

  private releaseProducer(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }
}
