// Finds exports that no job is working on any more and settles them, so none stays "running" forever:
// a worker that crashed mid-export, a job lost with Redis, or a job BullMQ failed as stalled. While the
// export has attempts left it is queued again (a fresh job under the same id); after that it is failed,
// with the reason, and audited. An export whose job is still waiting, delayed or active is left alone:
// BullMQ itself hands an active job of a dead worker to another one (stalled-job recovery).
import { failAuditExport } from '@/lib/audit/fail-audit-export';
import { auditExportJobOptions, EXPORT_STATUS } from '@/lib/audit/start-audit-export';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { JOBS } from '@/lib/queue/contracts';
import { auditExportQueue } from '@/lib/queue/queues';

const LIVE_STATES = new Set(['active', 'waiting', 'waiting-children', 'delayed', 'prioritized']);

export type TExportSweep = { requeued: string[]; failed: string[] };

export async function sweepAuditExports(opts: { staleAfterMs?: number; now?: Date } = {}): Promise<TExportSweep> {
  const staleBefore = new Date((opts.now ?? new Date()).getTime() - (opts.staleAfterMs ?? 2 * 60_000));
  const rows = await db().auditExport.findMany({
    where: { status: { in: [EXPORT_STATUS.queued, EXPORT_STATUS.running] }, createdAt: { lt: staleBefore }, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] },
    select: { id: true, attempts: true },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  const outcome: TExportSweep = { requeued: [], failed: [] };
  const queue = auditExportQueue();
  for (const row of rows) {
    const job = await queue.getJob(row.id);
    const state = job ? await job.getState() : 'missing';
    if (LIVE_STATES.has(state)) continue;
    if (row.attempts < env().AUDIT_EXPORT_ATTEMPTS) {
      await job?.remove();
      await queue.add(JOBS.auditExport, { exportId: row.id }, auditExportJobOptions(row.id));
      outcome.requeued.push(row.id);
    } else if (await failAuditExport(row.id, `No worker finished the export after ${row.attempts} attempts (last job ${state}: ${job?.failedReason ?? 'lost'})`)) {
      outcome.failed.push(row.id);
    }
  }
  if (outcome.requeued.length || outcome.failed.length) logger.warn(outcome, 'audit exports without a live job settled');
  return outcome;
}
