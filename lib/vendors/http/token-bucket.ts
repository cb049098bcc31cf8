// Client-side budget for one vendor account's API calls (the vendors count per OAuth client), so a burst of
// archive jobs queues here instead of being answered 429 by the vendor.
import { setTimeout as sleep } from 'node:timers/promises';

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private blockedUntil = 0;
  private tail: Promise<void> = Promise.resolve();
  private readonly perMs: number;

  constructor(
    requestsPerMinute: number,
    private readonly capacity = Math.max(1, Math.ceil(requestsPerMinute / 10)),
    private readonly now: () => number = Date.now,
  ) {
    if (!(requestsPerMinute > 0)) throw new Error(`requestsPerMinute must be > 0, got ${requestsPerMinute}`);
    this.perMs = requestsPerMinute / 60_000;
    this.tokens = this.capacity;
    this.updatedAt = now();
  }

  /** Milliseconds until a token is available (0 = take one now). Takes it when 0. */
  tryTake(): number {
    const now = this.now();
    if (now < this.blockedUntil) return this.blockedUntil - now;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.perMs);
  }

  /** Waits for a token; callers are served in arrival order. */
  take(): Promise<void> {
    const turn = this.tail.then(async () => {
      for (let wait = this.tryTake(); wait > 0; wait = this.tryTake()) await sleep(wait);
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** The vendor said "not before" (Retry-After): hold every caller of this account until then. */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }
}
