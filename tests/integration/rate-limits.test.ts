// Rate budgets shared through Redis: two TokenBuckets on separate connections stand for two worker
// processes. Together they stay within one budget, and a Retry-After seen by one holds the other.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createProducerConnection } from '@/lib/redis';
import { TokenBucket } from '@/lib/rate-limit/token-bucket';

const connections: Redis[] = [];
const connection = () => {
  const c = createProducerConnection(undefined, { enableOfflineQueue: true });
  connections.push(c);
  return c;
};

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
});

/** Takes `n` tokens from `bucket`, recording when each was granted. */
async function takeTimes(bucket: TokenBucket, n: number, into: number[]): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, async () => {
      await bucket.take();
      into.push(Date.now());
    }),
  );
}

describe('shared token buckets', () => {
  it('two processes together never exceed the budget of one', async () => {
    const name = `test:${randomUUID()}`;
    const budget = { points: 5, seconds: 1 };
    const a = new TokenBucket(name, budget, connection());
    const b = new TokenBucket(name, budget, connection());
    const granted: number[] = [];
    const start = Date.now();
    await Promise.all([takeTimes(a, 10, granted), takeTimes(b, 10, granted)]);
    // 20 calls at 5 per window need at least 4 windows: 3 full waits after the first.
    expect(Date.now() - start).toBeGreaterThanOrEqual(2_900);
    granted.sort((x, y) => x - y);
    // No 1-second span (window boundaries included) holds more than 2 windows' worth.
    for (let i = 0; i < granted.length; i++)
      expect(granted.filter((t) => t >= granted[i]! && t < granted[i]! + 1000).length).toBeLessThanOrEqual(10);
  }, 30_000);

  it('a Retry-After seen by one process holds the account in the other', async () => {
    const name = `test:${randomUUID()}`;
    const a = new TokenBucket(name, { points: 100, seconds: 1 }, connection());
    const b = new TokenBucket(name, { points: 100, seconds: 1 }, connection());
    await a.take();
    await a.blockFor(2_000);
    const start = Date.now();
    await b.take();
    expect(Date.now() - start).toBeGreaterThanOrEqual(1_500);
  }, 30_000);
});
