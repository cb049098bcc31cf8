// BullMQ processor for `recording.archive` (one queue per vendor). Parses the job contract first; failures
// no retry can fix (bad job data, unknown account, permanent vendor/residency errors) become
// UnrecoverableError so BullMQ does not burn attempts on them; everything else is retried with backoff.
import { UnrecoverableError, type Job } from 'bullmq';
import { archiveRecording } from '@/lib/archive/archive-recording';
import { isPermanentFailure } from '@/lib/queue/archive-error';
import type { TArchiveOutcome } from '@/lib/archive/types';
import type { TClaimOwner } from '@/lib/ingest/claim-recording';
import { ZArchiveJob } from '@/lib/queue/contracts';

/** BullMQ's lock of this job: held (and renewed) while this worker runs it, gone once it stops. */
function ownerOf(job: Job, token: string | undefined): TClaimOwner {
  const jobId = job.id ?? 'unknown';
  const lockKey = job.queueQualifiedName && job.id ? `${job.queueQualifiedName}:${job.id}:lock` : null;
  return { jobId, lockKey, token: token ?? null };
}

export async function processArchiveJob(job: Job, token?: string): Promise<TArchiveOutcome> {
  const parsed = ZArchiveJob.safeParse(job.data);
  if (!parsed.success)
    throw new UnrecoverableError(
      `Invalid archive job data: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  try {
    return await archiveRecording(parsed.data, {
      attempt: job.attemptsMade + 1,
      jobId: job.id ?? 'unknown',
      maxAttempts: job.opts.attempts ?? 1,
      owner: ownerOf(job, token),
    });
  } catch (error) {
    if (isPermanentFailure(error)) throw new UnrecoverableError(`${(error as Error).name}: ${(error as Error).message}`);
    throw error;
  }
}
