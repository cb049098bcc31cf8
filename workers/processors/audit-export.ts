// audit-export: audit.export — builds one queued audit export into the Object-Locked audit bucket
// (lib/audit/run-audit-export.ts). A failed run is retried with backoff; the last failed attempt marks the
// export failed, with the reason, so it never stays "running". A worker that dies mid-run is covered by
// BullMQ's stalled-job recovery and by the export sweep (sweep-audit-exports.ts).
import type { Job } from 'bullmq';
import { failAuditExport } from '@/lib/audit/fail-audit-export';
import { runAuditExport, type TRunOutcome } from '@/lib/audit/run-audit-export';
import { ZAuditExportJob } from '@/lib/queue/contracts';

export async function processAuditExport(job: Job): Promise<TRunOutcome> {
  const { exportId } = ZAuditExportJob.parse(job.data);
  try {
    return await runAuditExport(exportId);
  } catch (error) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failAuditExport(exportId, (error as Error).message);
    throw error;
  }
}
