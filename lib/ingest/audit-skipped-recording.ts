// A vendor recording we deliberately do not archive (a screen or chat recording listed with a call) leaves an
// audit entry naming it and the reason, so "not archived" is always a decision on record, never a silence.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { idempotencyKey } from '@/lib/queue/contracts';
import type { TSkippedRecording, TVendorAccount } from '@/lib/vendors/types';

export async function auditSkippedRecording(account: TVendorAccount, skipped: TSkippedRecording): Promise<void> {
  await appendAuditEntry({
    actorType: 'vendor',
    actorId: account.id,
    action: 'ingest.recording_skipped',
    subjectType: 'recording',
    subjectId: idempotencyKey(account.vendorSource, skipped.vendorRecordingId),
    details: { interactionId: skipped.interactionId, media: skipped.media, reason: skipped.reason },
  });
}
