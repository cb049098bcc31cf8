// The one way a delivery becomes work (recording or interaction event, webhook, poll, sweep, replay).
// Order, so that a 2xx always means "recorded in Postgres AND queued in Redis":
//   1. Is the subject already settled (a Redis marker, else Postgres)? Then it is recorded as a duplicate and
//      nothing is queued.
//   2. Redis: the first delivery of a key sets an "accepted" marker (SET NX); later ones count as duplicates.
//   3. Postgres: the IngestEvent row (+ raw body, audit), committed in one batch with concurrent deliveries —
//      from here on the sweep can re-drive it whatever Redis loses.
//   4. Redis: the job. A vendor redelivery shares the key's job id, so BullMQ collapses it while that job is
//      live; if that job already finished or failed without settling the subject, the redelivery re-drives
//      it under a new id instead of answering "duplicate" and running nothing.
// Any failure rolls the marker back (the vendor's retry counts as a first delivery again) and surfaces as 503.
import { randomBytes } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';
import { env } from '@/lib/env';
import { acceptedKey, DUPLICATE_COUNTER_KEY } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

export const LIVE_JOB_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export type TRecordArgs = { jobId: string | null; duplicate: boolean; settled: boolean; redriven: boolean };

export type TDelivery = {
  key: string;
  queue: () => Queue;
  jobName: string;
  data: object;
  jobOptions: JobsOptions;
  baseJobId: string;
  /** Vendor deliveries and polls share baseJobId; sweep/replay/refetch always run under a fresh id. */
  redeliverable: boolean;
  /** Why a fresh id is used (job id suffix). */
  label: string;
  /** Reads Postgres; rejects with AppError('unavailable') when it cannot. */
  settled: () => Promise<boolean>;
  /** A settled subject is skipped without any record (sweep: it settled between the query and now). */
  skipIfSettled?: boolean;
  /** Writes the IngestEvent row and audit entry; rejects with AppError('unavailable') when it cannot. */
  record: (args: TRecordArgs) => Promise<void>;
};

export type TAccepted = { jobId: string | null; duplicate: boolean; settled: boolean; redriven: boolean };

export function freshJobId(base: string, label: string): string {
  return `${base}__${label}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

async function markAccepted(key: string): Promise<boolean> {
  const set = await withRedis('mark accepted', () =>
    producerRedis().set(acceptedKey(key), new Date().toISOString(), 'EX', env().DEDUPE_TTL_SECONDS, 'NX'),
  );
  return set === 'OK';
}

/** The job id to add under, or null when a live job with the shared id already covers this delivery. */
async function jobIdFor(d: TDelivery): Promise<{ jobId: string; add: boolean; redriven: boolean }> {
  if (!d.redeliverable) return { jobId: freshJobId(d.baseJobId, d.label), add: true, redriven: false };
  const state = await withRedis('read job state', () => d.queue().getJobState(d.baseJobId));
  if (LIVE_JOB_STATES.has(state)) return { jobId: d.baseJobId, add: false, redriven: false };
  if (state === 'unknown') return { jobId: d.baseJobId, add: true, redriven: false };
  // The job may have settled the subject between our first look and now (commit comes before completion):
  // look again before re-driving, or a redelivery racing the commit would queue a needless second job.
  if (await d.settled()) return { jobId: d.baseJobId, add: false, redriven: false };
  return { jobId: freshJobId(d.baseJobId, 'redeliver'), add: true, redriven: true };
}

export async function acceptDelivery(d: TDelivery): Promise<TAccepted> {
  const settled = await d.settled();
  if (settled && d.skipIfSettled) return { jobId: null, duplicate: true, settled, redriven: false };
  const first = !settled && d.redeliverable ? await markAccepted(d.key) : !settled;
  const rollback = () =>
    d.redeliverable && first
      ? producerRedis()
          .del(acceptedKey(d.key))
          .catch(() => 0)
      : Promise.resolve(0);
  let result: TAccepted = { jobId: null, duplicate: !first, settled, redriven: false };
  try {
    if (!settled) {
      const plan = await jobIdFor(d);
      result = { ...result, jobId: plan.jobId, redriven: plan.redriven };
      await d.record(result);
      if (plan.add) await withRedis('enqueue job', () => d.queue().add(d.jobName, d.data, { ...d.jobOptions, jobId: plan.jobId }));
    } else {
      await d.record(result);
    }
  } catch (error) {
    await rollback();
    throw error;
  }
  if (result.duplicate)
    await producerRedis()
      .incr(DUPLICATE_COUNTER_KEY)
      .catch(() => undefined);
  return result;
}
