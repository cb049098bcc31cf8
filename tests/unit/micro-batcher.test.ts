// The micro-batcher: calls within the wait share one run, a full batch runs at once, each caller gets its own
// result, and a run that throws fails every caller in it (none is answered as if it succeeded).
import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from '@/lib/ingest/micro-batcher';

function recorder(fail?: (items: number[]) => Error | null) {
  const runs: number[][] = [];
  const batcher = createMicroBatcher<number, number>({
    maxWaitMs: 5,
    maxSize: 4,
    run: async (items) => {
      runs.push(items);
      const error = fail?.(items);
      if (error) throw error;
      return items.map((n) =>
        n < 0 ? { status: 'rejected' as const, reason: new Error(`bad ${n}`) } : { status: 'fulfilled' as const, value: n * 10 },
      );
    },
  });
  return { runs, batcher };
}

describe('createMicroBatcher', () => {
  it('gathers concurrent calls, splits at maxSize, answers each with its own result', async () => {
    const { runs, batcher } = recorder();
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => batcher.submit(n)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
    expect(runs).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('a rejected item fails only its caller; a failed run fails every caller', async () => {
    const { batcher } = recorder((items) => (items.includes(99) ? new Error('database down') : null));
    const mixed = await Promise.allSettled([1, -2, 3].map((n) => batcher.submit(n)));
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failed = await Promise.allSettled([7, 99, 8].map((n) => batcher.submit(n)));
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});
