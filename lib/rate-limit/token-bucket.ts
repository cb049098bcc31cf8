// A request budget shared by every process of the deployment through Redis (rate-limiter-flexible):
// one vendor account's API calls (the vendors count per OAuth client, whichever worker sends them) or
// the object store's writes. N worker processes together stay within the budget instead of spending N
// times it, and a vendor's 429 + Retry-After holds the account for every process, not just the one
// that received it. If Redis is unreachable, each process falls back to the same budget in memory
// (the insurance limiter) rather than stopping work: a Redis outage can then cost N x the budget,
// which the vendor answers with 429s that are waited out as usual.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterQueue, RateLimiterRedis } from 'rate-limiter-flexible';
import { rateLimitRedis } from '@/lib/redis';

const KEY = 'budget';

export type TBudget = {
  /** Calls allowed per window, across all processes. */
  points: number;
  /** Window length in whole seconds (rate-limiter-flexible keeps windows as Redis key TTLs). */
  seconds: number;
};

/**
 * A per-minute budget as fixed 6-second windows of rpm/11 calls: any sliding minute overlaps at most
 * 11 windows, so no 60 s span ever sees more than rpm calls (one 1-minute window would allow 2 x rpm
 * across a window boundary). The price is a steady rate of 10/11 of the budget.
 */
export function perMinute(requestsPerMinute: number): TBudget {
  if (!(requestsPerMinute > 0)) throw new Error(`requestsPerMinute must be > 0, got ${requestsPerMinute}`);
  if (requestsPerMinute >= 11) return { points: Math.floor(requestsPerMinute / 11), seconds: 6 };
  // Tiny budgets: one call per window, windows long enough that a minute overlaps at most rpm of them
  // (below 2 per minute fixed windows cannot be exact; 120 s windows allow 2 in an unlucky minute).
  return { points: 1, seconds: requestsPerMinute >= 2 ? Math.ceil(60 / (Math.floor(requestsPerMinute) - 1)) : 120 };
}

export class TokenBucket {
  private readonly limiter: RateLimiterRedis;
  private readonly queue: RateLimiterQueue;

  /** name: the budget's identity across processes, e.g. `vendor:<accountId>` or `storage-writes`. */
  constructor(
    readonly name: string,
    readonly budget: TBudget,
    redis: Redis = rateLimitRedis(),
  ) {
    if (!(budget.points >= 1) || !Number.isInteger(budget.seconds) || budget.seconds < 1)
      throw new Error(`invalid budget for ${name}: ${JSON.stringify(budget)}`);
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `callvault:rate:${name}`,
      points: budget.points,
      duration: budget.seconds,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `callvault:rate:${name}`, points: budget.points, duration: budget.seconds }),
    });
    // Waiting callers of this process are served in arrival order; the queue retries at msBeforeNext.
    this.queue = new RateLimiterQueue(this.limiter);
  }

  /** Waits for a call of the shared budget. */
  async take(): Promise<void> {
    await this.queue.removeTokens(1, KEY);
  }

  /** The vendor said "not before" (Retry-After): hold every caller in every process until then. */
  async blockFor(ms: number): Promise<void> {
    await this.limiter.block(KEY, Math.max(1, Math.ceil(ms / 1000)));
  }
}
