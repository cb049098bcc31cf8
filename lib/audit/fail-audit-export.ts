// Marks an export failed for good (attempts exhausted, or its worker lost more often than allowed) and
// audits it. Only an unsettled export changes: a completed one is never overwritten.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { EXPORT_STATUS } from '@/lib/audit/start-audit-export';
import { db } from '@/lib/db';

export async function failAuditExport(exportId: string, reason: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const changed = await tx.auditExport.updateMany({
      where: { id: exportId, status: { in: [EXPORT_STATUS.queued, EXPORT_STATUS.running] } },
      data: { status: EXPORT_STATUS.failed, error: reason.slice(0, 500) },
    });
    if (changed.count === 0) return false;
    const row = await tx.auditExport.findUniqueOrThrow({
      where: { id: exportId },
      select: { requestedById: true, scope: true, attempts: true },
    });
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: row.requestedById,
        action: 'audit.export_failed',
        subjectType: 'export',
        subjectId: exportId,
        details: { scope: row.scope, attempts: row.attempts, reason: reason.slice(0, 500) },
      },
      tx,
    );
    return true;
  });
}
