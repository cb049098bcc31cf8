import { describe, expect, it } from 'vitest';
import { ArchiveError } from '@/lib/queue/archive-error';
import { AppError } from '@/lib/http/app-error';
import { errorClassOf, retryDelayMs, type TRetryConfig } from '@/lib/queue/retry-schedule';
import { VendorError } from '@/lib/vendors/http/vendor-error';

// The production defaults (lib/env.ts): 10 s base, 5 min cap, 75 min budget.
const cfg: TRetryConfig = { baseMs: 10_000, capMs: 300_000, budgetMs: 4500 * 1000 };

/** Walks the schedule as BullMQ would: attempt, fail, wait, until the strategy says -1. */
function walk(error: unknown): { attempts: number; totalMs: number; waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  for (let attemptsMade = 1; ; attemptsMade += 1) {
    const delay = retryDelayMs(attemptsMade, error, 0, now, cfg);
    if (delay === -1) return { attempts: attemptsMade, totalMs: now, waits };
    waits.push(delay);
    now += delay;
  }
}

describe('retry schedule', () => {
  const storage = new ArchiveError('retryable', 'upload_failed', 'S3 down');

  it('outlasts an hour-long outage before a dead letter, with exponential waits capped at 5 minutes (+10 % jitter)', () => {
    const { attempts, totalMs, waits } = walk(storage);
    expect(totalMs).toBeGreaterThanOrEqual(3600 * 1000);
    expect(attempts).toBeGreaterThan(10);
    expect(Math.max(...waits)).toBeLessThanOrEqual(300_000 * 1.1);
    expect(waits[0]).toBeGreaterThanOrEqual(9_000);
    expect(waits[0]).toBeLessThanOrEqual(11_000);
    expect(waits[3]).toBeGreaterThan(waits[2] as number); // still growing before the cap
  });

  it('gives a throttling vendor longer waits than a failing store', () => {
    const throttled = new VendorError('rate_limited', '429');
    expect(walk(throttled).waits[0]).toBeGreaterThan(50_000);
    expect(walk(throttled).attempts).toBeLessThan(walk(storage).attempts);
    expect(walk(throttled).totalMs).toBeGreaterThanOrEqual(3600 * 1000);
  });

  it('classifies errors by what failed', () => {
    expect(errorClassOf(new VendorError('server_error', '503'))).toBe('vendor');
    expect(errorClassOf(new VendorError('rate_limited', '429'))).toBe('vendor_throttled');
    expect(errorClassOf(storage)).toBe('storage');
    expect(errorClassOf(new ArchiveError('retryable', 'short_stream', 'cut'))).toBe('media');
    expect(errorClassOf(new AppError('unavailable', 'Database unavailable, retry later'))).toBe('database');
    expect(errorClassOf(Object.assign(new Error('x'), { name: 'PrismaClientKnownRequestError', code: 'P1001' }))).toBe('database');
    expect(errorClassOf(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } }))).toBe('storage');
    expect(errorClassOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('network');
    expect(errorClassOf(new Error('bug'))).toBe('other');
  });
});
