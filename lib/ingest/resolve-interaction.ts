// Resolves an interaction event into recordings: asks the vendor for the interaction's recordings (the client
// retries Genesys' 202 "still transcoding"; if it gives up the job fails and BullMQ retries with backoff)
// and enqueues each one with the original event's type and id, so the audit trail links them. Then the
// interaction's events received before this listing started are marked resolved: the sweep leaves them be.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { auditSkippedRecording } from '@/lib/ingest/audit-skipped-recording';
import { db } from '@/lib/db';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { interactionKey, JOBS, type TResolveInteractionJob } from '@/lib/queue/contracts';
import { vendorAccount } from '@/lib/vendors/accounts';
import { createVendorClient } from '@/lib/vendors/create-vendor-client';

export async function resolveInteraction(job: TResolveInteractionJob): Promise<{ recordings: number; duplicates: number }> {
  const account = vendorAccount(job.vendorAccountId);
  const startedAt = new Date();
  const { recordings: listed, skipped } = await createVendorClient(account).listInteractionRecordings(job.interactionId);
  for (const s of skipped) await auditSkippedRecording(account, s);
  let duplicates = 0;
  for (const recording of listed) {
    const result = await enqueueArchiveJob(
      {
        vendorSource: job.vendorSource,
        vendorAccountId: job.vendorAccountId,
        vendorRecordingId: recording.vendorRecordingId,
        interactionId: recording.interactionId ?? job.interactionId,
        interactionDate: recording.interactionDate ?? job.interactionDate,
        source: 'WEBHOOK',
      },
      { eventType: job.eventType, vendorEventId: job.vendorEventId, actor: { type: 'worker', id: JOBS.resolveInteraction } },
    );
    if (result.duplicate) duplicates += 1;
  }
  await appendAuditEntry({
    actorType: 'worker',
    actorId: JOBS.resolveInteraction,
    action: 'ingest.interaction_resolved',
    subjectType: 'system',
    subjectId: interactionKey(job.vendorSource, job.interactionId),
    details: { recordings: listed.map((r) => r.vendorRecordingId), duplicates, eventKey: job.eventKey ?? null },
  });
  await db().ingestEvent.updateMany({
    where: {
      kind: 'INTERACTION',
      vendorSource: job.vendorSource,
      interactionId: job.interactionId,
      resolvedAt: null,
      receivedAt: { lte: startedAt },
    },
    data: { resolvedAt: new Date() },
  });
  return { recordings: listed.length, duplicates };
}
