// Marks a package failed for good (attempts exhausted, or its worker lost more often than allowed) and
// audits it. Only an unsettled package changes: a completed one is never overwritten.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { EXPORT_STATUS } from '@/lib/audit/start-audit-export';
import { db } from '@/lib/db';

export async function failEvidencePackage(packageId: string, reason: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const changed = await tx.evidencePackage.updateMany({
      where: { id: packageId, status: { in: [EXPORT_STATUS.queued, EXPORT_STATUS.running] } },
      data: { status: EXPORT_STATUS.failed, error: reason.slice(0, 500) },
    });
    if (changed.count === 0) return false;
    const row = await tx.evidencePackage.findUniqueOrThrow({
      where: { id: packageId },
      select: { requestedById: true, matterId: true, attempts: true },
    });
    const details = { matterId: row.matterId, attempts: row.attempts, reason: reason.slice(0, 500) };
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: row.requestedById,
        action: 'evidence.package_failed',
        subjectType: 'evidence_package',
        subjectId: packageId,
        details,
      },
      tx,
    );
    return true;
  });
}
