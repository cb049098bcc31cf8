// Is a recording settled (ARCHIVED or QUARANTINED)? Settled is for good: no code path moves a recording out of
// those states, so a Redis marker set after the commit can answer for Postgres. A missing marker (never set,
// expired, or lost with a FLUSHDB) only costs a Postgres read, which puts the marker back: Redis losing
// everything can never drop a delivery that is not settled. Postgres reads of concurrent deliveries share
// one query (micro-batched).
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { createMicroBatcher, type TMicroBatcher } from '@/lib/ingest/micro-batcher';
import { idempotencyKey } from '@/lib/queue/contracts';
import { settledKey } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';
import type { TVendor } from '@/lib/vendors/types';

type TRecordingRef = { vendorSource: TVendor; vendorRecordingId: string };

const SETTLED = new Set(['ARCHIVED', 'QUARANTINED']);

async function lookup(refs: TRecordingRef[]): Promise<PromiseSettledResult<boolean>[]> {
  const rows = await db().recording.findMany({
    where: { OR: refs.map((r) => ({ vendorSource: r.vendorSource, vendorRecordingId: r.vendorRecordingId })) },
    select: { vendorSource: true, vendorRecordingId: true, status: true },
  });
  const settled = new Set(rows.filter((r) => SETTLED.has(r.status)).map((r) => `${r.vendorSource}\n${r.vendorRecordingId}`));
  return refs.map((r) => ({ status: 'fulfilled', value: settled.has(`${r.vendorSource}\n${r.vendorRecordingId}`) }));
}

const globalForLookup = globalThis as unknown as { callvaultSettledLookup?: TMicroBatcher<TRecordingRef, boolean> };

function batcher(): TMicroBatcher<TRecordingRef, boolean> {
  globalForLookup.callvaultSettledLookup ??= createMicroBatcher({ maxWaitMs: 2, maxSize: 200, run: lookup });
  return globalForLookup.callvaultSettledLookup;
}

/** Best effort: a marker that could not be written is only a Postgres read later. */
export async function markRecordingSettled(vendorSource: TVendor, vendorRecordingId: string): Promise<void> {
  await producerRedis()
    .set(settledKey(idempotencyKey(vendorSource, vendorRecordingId)), '1', 'EX', env().DEDUPE_TTL_SECONDS)
    .catch(() => undefined);
}

export async function isRecordingSettled(vendorSource: TVendor, vendorRecordingId: string): Promise<boolean> {
  // Redis unreachable: 503 at once (the delivery could not be queued anyway), without a Postgres read.
  const marker = await withRedis('read settled marker', () =>
    producerRedis().get(settledKey(idempotencyKey(vendorSource, vendorRecordingId))),
  );
  if (marker) return true;
  let settled: boolean;
  try {
    settled = await batcher().submit({ vendorSource, vendorRecordingId });
  } catch {
    throw new AppError('unavailable', 'Database unavailable, retry later');
  }
  if (settled) await markRecordingSettled(vendorSource, vendorRecordingId);
  return settled;
}
