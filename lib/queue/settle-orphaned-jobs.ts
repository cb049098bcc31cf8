// Settles rows (exports, evidence packages) whose job no worker is working on any more: a worker that
// crashed mid-run, a job lost with Redis, or a job BullMQ failed as stalled. While a row has attempts left
// its job is queued again (a fresh job under the same id); after that the row is failed, with the reason.
// A row whose job is still waiting, delayed or active is left alone: BullMQ itself hands an active job of a
// dead worker to another one (stalled-job recovery).
import type { JobsOptions, Queue } from 'bullmq';

const LIVE_STATES = new Set(['active', 'waiting', 'waiting-children', 'delayed', 'prioritized']);

export type TOrphanSweep = { requeued: string[]; failed: string[] };

export async function settleOrphanedJobs(
  rows: { id: string; attempts: number }[],
  how: {
    what: string;
    queue: Queue;
    jobName: string;
    jobData: (id: string) => Record<string, string>;
    maxAttempts: number;
    jobOptions: (id: string) => JobsOptions;
    fail: (id: string, reason: string) => Promise<boolean>;
  },
): Promise<TOrphanSweep> {
  const outcome: TOrphanSweep = { requeued: [], failed: [] };
  for (const row of rows) {
    const job = await how.queue.getJob(row.id);
    const state = job ? await job.getState() : 'missing';
    if (LIVE_STATES.has(state)) continue;
    if (row.attempts < how.maxAttempts) {
      await job?.remove();
      await how.queue.add(how.jobName, how.jobData(row.id), how.jobOptions(row.id));
      outcome.requeued.push(row.id);
    } else if (
      await how.fail(
        row.id,
        `No worker finished ${how.what} after ${row.attempts} attempts (last job ${state}: ${job?.failedReason ?? 'lost'})`,
      )
    ) {
      outcome.failed.push(row.id);
    }
  }
  return outcome;
}
