import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { isFinalFailure } from '@/lib/dead-letters/record-dead-letter';
import { handleFailedJob } from '@/workers/processors/dead-letter';

const job = (over: Partial<Job>) =>
  ({ id: 'j1', name: 'x', data: {}, attemptsMade: 1, opts: { attempts: 10_000 }, ...over }) as unknown as Job;

describe('failed-job handling', () => {
  it('a retry BullMQ scheduled is not final; one it did not (budget spent: finishedOn set) is', () => {
    expect(isFinalFailure(job({}), new Error('S3 down'))).toBe(false);
    expect(isFinalFailure(job({ finishedOn: Date.now() }), new Error('S3 down'))).toBe(true);
    expect(isFinalFailure(job({}), Object.assign(new Error('bad'), { name: 'UnrecoverableError' }))).toBe(true);
  });

  it('a failed tick of a repeatable maintenance job never becomes a dead letter', async () => {
    // No database is reachable from a unit test: reaching recordDeadLetter would fail, not return false at once.
    const tick = job({ name: 'archive.sweep', repeatJobKey: 'archive-sweep', finishedOn: Date.now(), opts: { attempts: 1 } });
    expect(await handleFailedJob('maintenance', tick, new Error('Database unavailable'))).toBe(false);
  });
});
