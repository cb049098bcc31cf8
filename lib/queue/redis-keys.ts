// Redis keys CallVault owns next to BullMQ's (`bull:*`). One place, so a FLUSHDB's blast radius is easy to reason about.

/** Dedupe claim of one recording: 'processing' (short TTL) → 'completed' (DEDUPE_TTL_SECONDS). */
export function claimKey(idempotencyKey: string): string {
  return `cv:claim:${idempotencyKey}`;
}

/** Set on the first accepted delivery of a key, so later deliveries are reported (and audited) as duplicates. */
export function acceptedKey(idempotencyKey: string): string {
  return `cv:accepted:${idempotencyKey}`;
}

/** Running count of duplicate deliveries acknowledged (webhooks and polling). */
export const DUPLICATE_COUNTER_KEY = 'cv:ingest:duplicates';

/** Cumulative completed / finally-failed job counters per queue (sampled into per-minute rates). */
export function queueCounterKey(queue: string, kind: 'completed' | 'failed'): string {
  return `cv:queue-count:${queue}:${kind}`;
}

/** Bounded list of queue samples (newest first), written by the queues.sample job. */
export const QUEUE_SAMPLES_KEY = 'cv:queue-samples';

/** Set once a recording is ARCHIVED or QUARANTINED (a state it never leaves): later deliveries are known
 *  duplicates without a Postgres read. Its absence only means "ask Postgres" (lib/ingest/is-recording-settled.ts). */
export function settledKey(idempotencyKey: string): string {
  return `cv:settled:${idempotencyKey}`;
}
