// BullMQ processor for `recording.archive` (one queue per vendor). Parses the job contract first; failures
// no retry can fix (bad job data, unknown account, permanent vendor/residency errors) become
// UnrecoverableError so BullMQ does not burn attempts on them; everything else is retried with backoff.
import { UnrecoverableError, type Job } from 'bullmq';
import { archiveRecording } from '@/lib/archive/archive-recording';
import { isPermanentFailure } from '@/lib/archive/archive-error';
import type { TArchiveOutcome } from '@/lib/archive/types';
import { ZArchiveJob } from '@/lib/queue/contracts';

export async function processArchiveJob(job: Job): Promise<TArchiveOutcome> {
  const parsed = ZArchiveJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Invalid archive job data: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  try {
    return await archiveRecording(parsed.data, {
      attempt: job.attemptsMade + 1,
      jobId: job.id ?? 'unknown',
      maxAttempts: job.opts.attempts ?? 1,
    });
  } catch (error) {
    if (isPermanentFailure(error)) throw new UnrecoverableError(`${(error as Error).name}: ${(error as Error).message}`);
    throw error;
  }
}
