// Worker 'failed' handler: the final failure of a job becomes a dead letter (row + audit + FAILED recording).
// If Postgres is down right then, the sweep still finds the recording un-archived with no live job.
import type { Job } from 'bullmq';
import { logger } from '@/lib/logger';
import { isFinalFailure, recordDeadLetter } from '@/lib/queue/record-dead-letter';

export async function handleFailedJob(queue: string, job: Job | undefined, error: Error): Promise<boolean> {
  if (!job || !isFinalFailure(job, error)) return false;
  try {
    const { id } = await recordDeadLetter(queue, job, error);
    logger.warn({ queue, jobId: job.id, deadLetterId: id, attemptsMade: job.attemptsMade }, 'job dead-lettered');
    return true;
  } catch (err) {
    logger.error({ err, queue, jobId: job.id }, 'could not record dead letter');
    return false;
  }
}
