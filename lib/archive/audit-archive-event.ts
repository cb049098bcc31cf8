// Audit entries of the pipeline: subject = the recording's idempotency key, so entries written before the
// Recording row exists (attempt, download, storage) belong to it as much as those written at commit.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { DbTx } from '@/lib/db';

export const ARCHIVE_ACTOR = 'archive-recording';

export async function auditArchiveEvent(key: string, action: string, details: Record<string, unknown>, tx?: DbTx): Promise<void> {
  await appendAuditEntry({ actorType: 'worker', actorId: ARCHIVE_ACTOR, action, subjectType: 'recording', subjectId: key, details }, tx);
}
