// Finds exports that no job is working on any more and settles them (lib/queue/settle-orphaned-jobs.ts), so
// none stays "running" forever: re-queued while attempts remain, then failed with the reason and audited.
import { failAuditExport } from '@/lib/audit/fail-audit-export';
import { auditExportJobOptions, EXPORT_STATUS } from '@/lib/audit/start-audit-export';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { JOBS } from '@/lib/queue/contracts';
import { auditExportQueue } from '@/lib/queue/queues';
import { settleOrphanedJobs, type TOrphanSweep } from '@/lib/queue/settle-orphaned-jobs';

export type TExportSweep = TOrphanSweep;

/** Unsettled rows without a sign of life since staleBefore (shared by exports and evidence packages). */
export function staleWhere(opts: { staleAfterMs?: number; now?: Date }) {
  const staleBefore = new Date((opts.now ?? new Date()).getTime() - (opts.staleAfterMs ?? 2 * 60_000));
  return {
    status: { in: [EXPORT_STATUS.queued, EXPORT_STATUS.running] },
    createdAt: { lt: staleBefore },
    OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }],
  };
}

export async function sweepAuditExports(opts: { staleAfterMs?: number; now?: Date } = {}): Promise<TExportSweep> {
  const rows = await db().auditExport.findMany({
    where: staleWhere(opts),
    select: { id: true, attempts: true },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  const outcome = await settleOrphanedJobs(rows, {
    what: 'the export',
    queue: auditExportQueue(),
    jobName: JOBS.auditExport,
    jobData: (exportId) => ({ exportId }),
    maxAttempts: env().AUDIT_EXPORT_ATTEMPTS,
    jobOptions: auditExportJobOptions,
    fail: failAuditExport,
  });
  if (outcome.requeued.length || outcome.failed.length) logger.warn(outcome, 'audit exports without a live job settled');
  return outcome;
}
