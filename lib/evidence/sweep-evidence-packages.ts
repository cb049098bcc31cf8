// Packages no job is working on any more are re-queued or failed (lib/queue/settle-orphaned-jobs.ts), so
// none stays "running" after its worker died.
import { auditExportJobOptions } from '@/lib/audit/start-audit-export';
import { staleWhere } from '@/lib/audit/sweep-audit-exports';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { failEvidencePackage } from '@/lib/evidence/fail-evidence-package';
import { logger } from '@/lib/logger';
import { JOBS } from '@/lib/queue/contracts';
import { evidencePackageQueue } from '@/lib/queue/queues';
import { settleOrphanedJobs, type TOrphanSweep } from '@/lib/queue/settle-orphaned-jobs';

export async function sweepEvidencePackages(opts: { staleAfterMs?: number; now?: Date } = {}): Promise<TOrphanSweep> {
  const rows = await db().evidencePackage.findMany({
    where: staleWhere(opts),
    select: { id: true, attempts: true },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  const outcome = await settleOrphanedJobs(rows, {
    what: 'the package',
    queue: evidencePackageQueue(),
    jobName: JOBS.evidencePackage,
    jobData: (packageId) => ({ packageId }),
    maxAttempts: env().AUDIT_EXPORT_ATTEMPTS,
    jobOptions: auditExportJobOptions,
    fail: failEvidencePackage,
  });
  if (outcome.requeued.length || outcome.failed.length) logger.warn(outcome, 'evidence packages without a live job settled');
  return outcome;
}
