// A vendor event that names an interaction, not a recording (Genesys conversation-end via EventBridge or an
// Architect data action): queue a resolve job that lists the interaction's recordings and enqueues each one.
// Answered only once the job is in Redis and the delivery is audited. There is no IngestEvent row: the table
// is keyed by recording, and inventing a recording id is not an option; the recordings get theirs when resolved.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { logger } from '@/lib/logger';
import { interactionKey, JOBS, resolveJobId, ZResolveInteractionJob, type TResolveInteractionJob } from '@/lib/queue/contracts';
import { resolveQueue, retryOptions } from '@/lib/queue/queues';
import { acceptedKey, DUPLICATE_COUNTER_KEY } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

export async function enqueueInteractionJob(input: TResolveInteractionJob): Promise<{ jobId: string; duplicate: boolean }> {
  const job = ZResolveInteractionJob.parse(input);
  const key = interactionKey(job.vendorSource, job.interactionId);
  const jobId = resolveJobId(job.vendorSource, job.interactionId);
  const first = await withRedis('mark accepted', () =>
    producerRedis().set(acceptedKey(key), new Date().toISOString(), 'EX', env().DEDUPE_TTL_SECONDS, 'NX'),
  );
  await withRedis('enqueue resolve job', () => resolveQueue().add(JOBS.resolveInteraction, job, { ...retryOptions(), jobId }));
  const duplicate = first !== 'OK';
  try {
    await appendAuditEntry({
      actorType: 'vendor',
      actorId: job.vendorAccountId,
      action: duplicate ? 'ingest.duplicate' : 'ingest.received',
      subjectType: 'system',
      subjectId: key,
      details: { kind: 'interaction', eventType: job.eventType, vendorEventId: job.vendorEventId, interactionDate: job.interactionDate, jobId },
    });
  } catch (error) {
    logger.error({ err: error, key }, 'could not audit interaction event');
    if (!duplicate) await producerRedis().del(acceptedKey(key)).catch(() => undefined);
    throw new AppError('unavailable', 'Database unavailable, retry later');
  }
  if (duplicate) await producerRedis().incr(DUPLICATE_COUNTER_KEY).catch(() => undefined);
  return { jobId, duplicate };
}
