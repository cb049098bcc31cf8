// A re-fetch that ended without settling the recording (its job dead-lettered: the vendor refused, the
// media is gone, retries ran out): the case shows "re-fetch failed" with the reason, decidable again,
// instead of waiting forever as REFETCH_REQUESTED. Runs inside the dead-letter transaction.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { DbTx } from '@/lib/db';

export async function failRefetch(tx: DbTx, caseId: string, reason: string): Promise<boolean> {
  const refetchError = reason.slice(0, 1000);
  const { count } = await tx.quarantineCase.updateMany({
    where: { id: caseId, state: 'REFETCH_REQUESTED' },
    data: { state: 'REFETCH_FAILED', refetchStatus: 'FAILED', refetchError, refetchAt: new Date() },
  });
  if (count === 0) return false;
  await appendAuditEntry(
    {
      actorType: 'worker',
      actorId: 'archive-recording',
      action: 'quarantine.refetch_failed',
      subjectType: 'quarantine_case',
      subjectId: caseId,
      details: { caseId, cause: 'job_failed', refetchError },
    },
    tx,
  );
  return true;
}
