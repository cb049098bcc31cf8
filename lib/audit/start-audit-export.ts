// Starts an audit export: validates the scope (unknown recordings/cases are a 404 before anything is
// recorded), records the AuditExport row and queues the job that builds it. A worker writes the bundle to
// the audit bucket (run-audit-export.ts), so any console instance can report on it and serve it. Answered
// only once the job is in Redis; if Redis refuses, the row is marked failed and the caller gets a 503.
import { resolveAuditScope } from '@/lib/audit/resolve-audit-scope';
import { ZAuditScope, type TAuditScope } from '@/lib/audit/scope';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { logger } from '@/lib/logger';
import { JOBS } from '@/lib/queue/contracts';
import { auditExportQueue } from '@/lib/queue/queues';

export const EXPORT_STATUS = { queued: 'queued', running: 'running', completed: 'completed', failed: 'failed' } as const;

/** Job options of an export: its own attempt budget; the job id is the export id. */
export function auditExportJobOptions(exportId: string) {
  return {
    jobId: exportId,
    attempts: env().AUDIT_EXPORT_ATTEMPTS,
    backoff: { type: 'exponential', delay: env().RETRY_BACKOFF_MS },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export async function startAuditExport(input: { scope: TAuditScope; user: { id: string } }): Promise<{ id: string }> {
  const scope = ZAuditScope.parse(input.scope);
  await resolveAuditScope(scope);
  const row = await db().auditExport.create({ data: { requestedById: input.user.id, scope, status: EXPORT_STATUS.queued, entryCount: 0 } });
  try {
    await auditExportQueue().add(JOBS.auditExport, { exportId: row.id }, auditExportJobOptions(row.id));
  } catch (error) {
    logger.error({ err: error, exportId: row.id }, 'could not queue the audit export');
    await db().auditExport.update({
      where: { id: row.id },
      data: { status: EXPORT_STATUS.failed, error: 'Could not queue the export (job queue unavailable); start it again' },
    });
    throw new AppError('unavailable', 'The job queue is unavailable; the export was not started');
  }
  return { id: row.id };
}
