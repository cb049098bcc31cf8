// Puts one recording on its vendor's archive queue and records the delivery — resolving only once both
// are durable (job in Redis, IngestEvent + audit in Postgres). Order matters:
//   1. Postgres: a recording already ARCHIVED/QUARANTINED is acknowledged as a duplicate, never re-queued;
//   2. Redis: the first delivery of a key sets an "accepted" marker (SET NX), later ones are duplicates —
//      but still re-add the job (a no-op while it exists), so a duplicate's 2xx is never more optimistic than
//      the original's;
//   3. Postgres: IngestEvent + audit. If the add or this write fails, the marker is rolled back so the
//      vendor's retry counts as the first delivery again (the caller answers 503).
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { recordIngestEvent, type TIngestActor, type TRawPayload } from '@/lib/ingest/record-ingest-event';
import { archiveJobId, idempotencyKey, JOBS, ZArchiveJob, type TArchiveJob } from '@/lib/queue/contracts';
import { archiveQueue, retryOptions } from '@/lib/queue/queues';
import { acceptedKey, DUPLICATE_COUNTER_KEY } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

export type TEnqueueOptions = {
  eventType?: string;
  vendorEventId?: string | null;
  actor?: TIngestActor;
  /** The delivery's body, kept verbatim (RawVendorPayload kind 'webhook') for the first delivery of a key. */
  rawPayload?: TRawPayload;
  /** Added to the audit entry (e.g. why the sweep re-drove it). */
  auditDetails?: Record<string, unknown>;
};

// Vendor deliveries (and polling, which re-lists what webhooks announced) share the key's job id, so BullMQ
// itself collapses them. Sweep/replay/refetch must run even though a finished job with that id may still be
// retained, so they get a unique suffix; claims stop them re-downloading what is already done.
const REDELIVERABLE = new Set<TArchiveJob['source']>(['WEBHOOK', 'POLL']);

function jobIdFor(job: TArchiveJob): string {
  const base = archiveJobId(job.vendorSource, job.vendorRecordingId);
  if (REDELIVERABLE.has(job.source)) return base;
  return `${base}__${job.source.toLowerCase()}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

function defaultActor(job: TArchiveJob): TIngestActor {
  if (job.source === 'WEBHOOK') return { type: 'vendor', id: job.vendorAccountId };
  if (job.source === 'POLL') return { type: 'worker', id: JOBS.poll };
  if (job.source === 'SWEEP') return { type: 'worker', id: JOBS.sweep };
  return { type: 'system', id: job.source.toLowerCase() };
}

async function alreadySettled(job: TArchiveJob): Promise<boolean> {
  try {
    const row = await db().recording.findUnique({
      where: { vendorSource_vendorRecordingId: { vendorSource: job.vendorSource, vendorRecordingId: job.vendorRecordingId } },
      select: { status: true },
    });
    return row?.status === 'ARCHIVED' || row?.status === 'QUARANTINED';
  } catch {
    throw new AppError('unavailable', 'Database unavailable, retry later');
  }
}

async function markAccepted(key: string): Promise<boolean> {
  const set = await withRedis('mark accepted', () =>
    producerRedis().set(acceptedKey(key), new Date().toISOString(), 'EX', env().DEDUPE_TTL_SECONDS, 'NX'),
  );
  return set === 'OK';
}

export async function enqueueArchiveJob(input: TArchiveJob, opts: TEnqueueOptions = {}): Promise<{ jobId: string; duplicate: boolean }> {
  const job = ZArchiveJob.parse(input);
  const key = idempotencyKey(job.vendorSource, job.vendorRecordingId);
  const redelivery = REDELIVERABLE.has(job.source);
  const settled = redelivery && (await alreadySettled(job));
  const first = redelivery && !settled ? await markAccepted(key) : !settled;
  const jobId = jobIdFor(job);
  const duplicate = !first;
  // A marker left without its job or its record would hide the vendor's retry behind "duplicate".
  const rollback = () => (redelivery && first ? producerRedis().del(acceptedKey(key)).catch(() => 0) : Promise.resolve(0));
  try {
    if (!settled) {
      await withRedis('enqueue archive job', () => archiveQueue(job.vendorSource).add(JOBS.archive, job, { ...retryOptions(), jobId }));
    }
    await recordIngestEvent({
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
      jobId: settled ? null : jobId,
      actor: opts.actor ?? defaultActor(job),
      details: { interactionId: job.interactionId, ...(settled ? { reason: 'already archived' } : {}), ...opts.auditDetails },
      rawPayload: opts.rawPayload,
    });
  } catch (error) {
    await rollback();
    throw error;
  }
  if (duplicate) await producerRedis().incr(DUPLICATE_COUNTER_KEY).catch(() => undefined);
  return { jobId, duplicate };
}
