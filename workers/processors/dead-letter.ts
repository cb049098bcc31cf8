// Worker 'failed' handler: the final failure of a job becomes a dead letter (row + audit + FAILED recording).
// The outage that failed the job often still holds Postgres down: the write is retried with backoff until it
// lands or the worker shuts down (then the deadline sweep still finds the recording un-archived with no live
// job). Ticks of repeatable jobs (poll, sweep, seal, samples) are never dead letters: the next tick runs anyway.
import type { Job } from 'bullmq';
import { logger } from '@/lib/logger';
import { isFinalFailure, recordDeadLetter } from '@/lib/dead-letters/record-dead-letter';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;
const GIVE_UP_AFTER_MS = 2 * 3600 * 1000;

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export async function handleFailedJob(queue: string, job: Job | undefined, error: Error, signal?: AbortSignal): Promise<boolean> {
  if (!job || !isFinalFailure(job, error)) return false;
  if (job.repeatJobKey) {
    logger.warn({ queue, jobId: job.id, job: job.name, reason: error.message }, 'scheduled job tick failed; the next tick runs as usual');
    return false;
  }
  const started = Date.now();
  for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, MAX_RETRY_MS)) {
    try {
      const { id } = await recordDeadLetter(queue, job, error);
      logger.warn({ queue, jobId: job.id, deadLetterId: id, attemptsMade: job.attemptsMade }, 'job dead-lettered');
      return true;
    } catch (err) {
      const givingUp = signal?.aborted || Date.now() - started > GIVE_UP_AFTER_MS;
      logger.error(
        { err, queue, jobId: job.id, retryInMs: givingUp ? null : wait },
        givingUp ? 'could not record dead letter; the sweep will re-drive it' : 'could not record dead letter yet; retrying',
      );
      if (givingUp) return false;
      await pause(wait, signal);
    }
  }
}
