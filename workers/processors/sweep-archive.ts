// archive.sweep — re-drives deliveries not archived within the deadline, including those a Redis flush lost.
import type { Job } from 'bullmq';
import { sweepPendingArchives, type TSweepResult } from '@/lib/ingest/sweep-pending-archives';
import { ZSweepJob } from '@/lib/queue/contracts';

export async function processSweepArchive(job: Job): Promise<TSweepResult> {
  const { deadlineMinutes } = ZSweepJob.parse(job.data ?? {});
  return sweepPendingArchives({ deadlineMinutes });
}
