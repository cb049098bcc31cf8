// Puts one recording on its vendor's archive queue and records the delivery (lib/ingest/accept-delivery.ts:
// Postgres row first, then the job; 2xx only once both are durable). A recording already ARCHIVED or
// QUARANTINED is acknowledged as a duplicate and never re-queued (except a reviewer's REFETCH); that check reads
// a Redis marker first and Postgres only without one (lib/ingest/is-recording-settled.ts).
import { acceptDelivery, type TRecordArgs } from '@/lib/ingest/accept-delivery';
import { isRecordingSettled } from '@/lib/ingest/is-recording-settled';
import { recordIngestEvent, type TIngestActor, type TRawPayload } from '@/lib/ingest/record-ingest-event';
import { archiveJobId, idempotencyKey, JOBS, ZArchiveJob, type TArchiveJob } from '@/lib/queue/contracts';
import { archiveQueue, retryOptions } from '@/lib/queue/queues';

export type TEnqueueOptions = {
  eventType?: string;
  vendorEventId?: string | null;
  actor?: TIngestActor;
  /** The delivery's body, kept verbatim (RawVendorPayload kind 'webhook') for the first delivery of a key. */
  rawPayload?: TRawPayload;
  /** Added to the audit entry (e.g. why the sweep re-drove it). */
  auditDetails?: Record<string, unknown>;
  /** Sweep: a recording settled since it was selected is left alone, without an audit entry. */
  skipIfSettled?: boolean;
};

// Vendor deliveries (and polling, which re-lists what webhooks announced) share the key's job id, so BullMQ
// itself collapses them while the job is live.
const REDELIVERABLE = new Set<TArchiveJob['source']>(['WEBHOOK', 'POLL']);

function defaultActor(job: TArchiveJob): TIngestActor {
  if (job.source === 'WEBHOOK') return { type: 'vendor', id: job.vendorAccountId };
  if (job.source === 'POLL') return { type: 'worker', id: JOBS.poll };
  if (job.source === 'SWEEP') return { type: 'worker', id: JOBS.sweep };
  return { type: 'system', id: job.source.toLowerCase() };
}

async function isSettled(job: TArchiveJob): Promise<boolean> {
  if (job.source === 'REFETCH') return false;
  return isRecordingSettled(job.vendorSource, job.vendorRecordingId);
}

export async function enqueueArchiveJob(input: TArchiveJob, opts: TEnqueueOptions = {}): Promise<{ jobId: string; duplicate: boolean }> {
  const job = ZArchiveJob.parse(input);
  const key = idempotencyKey(job.vendorSource, job.vendorRecordingId);
  const base = archiveJobId(job.vendorSource, job.vendorRecordingId);
  const record = ({ jobId, duplicate, settled, redriven }: TRecordArgs) =>
    recordIngestEvent({
      idempotencyKey: key,
      vendorSource: job.vendorSource,
      vendorRecordingId: job.vendorRecordingId,
      vendorAccountId: job.vendorAccountId,
      interactionId: job.interactionId,
      source: job.source,
      eventType: opts.eventType ?? job.source.toLowerCase(),
      vendorEventId: opts.vendorEventId ?? null,
      interactionDate: job.interactionDate,
      duplicate,
      jobId,
      actor: opts.actor ?? defaultActor(job),
      details: {
        interactionId: job.interactionId,
        ...(settled ? { reason: 'already archived' } : {}),
        ...(redriven ? { redriven: true } : {}),
        ...opts.auditDetails,
      },
      rawPayload: opts.rawPayload,
    }).then(() => undefined);
  const accepted = await acceptDelivery({
    key,
    queue: () => archiveQueue(job.vendorSource),
    jobName: JOBS.archive,
    data: job,
    jobOptions: retryOptions(),
    baseJobId: base,
    redeliverable: REDELIVERABLE.has(job.source),
    label: job.source.toLowerCase(),
    settled: () => isSettled(job),
    skipIfSettled: opts.skipIfSettled,
    record,
  });
  return { jobId: accepted.jobId ?? base, duplicate: accepted.duplicate };
}
