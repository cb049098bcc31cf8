// A vendor event that names an interaction, not a recording (Genesys conversation end via EventBridge or an
// Architect data action). Like a recording delivery it is an IngestEvent row (kind INTERACTION, with its raw
// body) before the 2xx, so the sweep can re-drive it whatever Redis loses. Each EVENT is its own key: an early
// acw/user.end event does not make the later customer.end a duplicate; each one resolves the interaction again
// (recordings that appeared in between are found; those already queued collapse on their own job ids).
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { acceptDelivery, type TRecordArgs } from '@/lib/ingest/accept-delivery';
import { recordIngestEvent, type TIngestActor, type TRawPayload } from '@/lib/ingest/record-ingest-event';
import { interactionEventKey, JOBS, resolveEventJobId, ZResolveInteractionJob, type TResolveInteractionJob } from '@/lib/queue/contracts';
import { resolveQueue, retryOptions } from '@/lib/queue/queues';

export type TInteractionEnqueueOptions = {
  rawPayload?: TRawPayload;
  /** Sweep/replay re-drives run under a fresh job id and are recorded with this source. */
  source?: 'WEBHOOK' | 'SWEEP' | 'REPLAY';
  actor?: TIngestActor;
  auditDetails?: Record<string, unknown>;
  /** The event's key when re-driving a recorded event (the body hash is not at hand then). */
  eventKey?: string;
  skipIfSettled?: boolean;
};

async function isResolved(eventKey: string): Promise<boolean> {
  try {
    return (await db().ingestEvent.count({ where: { idempotencyKey: eventKey, kind: 'INTERACTION', resolvedAt: { not: null } } })) > 0;
  } catch {
    throw new AppError('unavailable', 'Database unavailable, retry later');
  }
}

export async function enqueueInteractionJob(
  input: TResolveInteractionJob,
  opts: TInteractionEnqueueOptions = {},
): Promise<{ jobId: string; duplicate: boolean }> {
  const parsed = ZResolveInteractionJob.parse(input);
  const eventRef = parsed.vendorEventId ?? opts.rawPayload?.sha256 ?? parsed.interactionDate ?? 'none';
  const eventKey =
    opts.eventKey ?? parsed.eventKey ?? interactionEventKey(parsed.vendorSource, parsed.interactionId, parsed.eventType, eventRef);
  const job: TResolveInteractionJob = { ...parsed, eventKey };
  const source = opts.source ?? 'WEBHOOK';
  const record = ({ jobId, duplicate, settled, redriven }: TRecordArgs) =>
    recordIngestEvent({
      kind: 'INTERACTION',
      idempotencyKey: eventKey,
      vendorSource: job.vendorSource,
      vendorRecordingId: null,
      vendorAccountId: job.vendorAccountId,
      interactionId: job.interactionId,
      source,
      eventType: job.eventType,
      vendorEventId: job.vendorEventId,
      interactionDate: job.interactionDate,
      duplicate,
      jobId,
      actor: opts.actor ?? { type: 'vendor', id: job.vendorAccountId },
      details: { ...(settled ? { reason: 'already resolved' } : {}), ...(redriven ? { redriven: true } : {}), ...opts.auditDetails },
      rawPayload: opts.rawPayload,
    }).then(() => undefined);
  const accepted = await acceptDelivery({
    key: eventKey,
    queue: resolveQueue,
    jobName: JOBS.resolveInteraction,
    data: job,
    jobOptions: retryOptions(),
    baseJobId: resolveEventJobId(eventKey),
    redeliverable: source === 'WEBHOOK',
    label: source.toLowerCase(),
    settled: () => isResolved(eventKey),
    skipIfSettled: opts.skipIfSettled,
    record,
  });
  return { jobId: accepted.jobId ?? resolveEventJobId(eventKey), duplicate: accepted.duplicate };
}
