// Audit entries of the pipeline: subject = the recording's idempotency key, so entries written before the
// Recording row exists (attempt, download, storage) belong to it as much as those written at commit.
import type { TAuditActionFor, TAuditDetails, TAuditInput } from '@/lib/audit/actions';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { DbTx } from '@/lib/db';

export const ARCHIVE_ACTOR = 'archive-recording';

export async function auditArchiveEvent<A extends TAuditActionFor<'recording'>>(
  key: string,
  action: A,
  details: TAuditDetails<A>,
  tx?: DbTx,
): Promise<void> {
  // The signature ties details to the action; TypeScript cannot follow that through the generic, hence the cast.
  await appendAuditEntry(
    { actorType: 'worker', actorId: ARCHIVE_ACTOR, action, subjectType: 'recording', subjectId: key, details } as TAuditInput,
    tx,
  );
}
