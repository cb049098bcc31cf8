// Fast intake keeps the durable-before-202 rule (route handlers, real Redis and Postgres, no workers):
// concurrent deliveries are committed together (one transaction, so one transaction timestamp) and each answers
// for its own row; a settled recording is recognised from its Redis marker, and after FLUSHDB from Postgres,
// which puts the marker back; an unsettled one is never dropped by a missing marker; with Postgres down every
// caller of a batch gets a 503 and nothing is queued.
import { describe, expect, it } from 'vitest';
import { setupIntake } from '@/tests/support/setup-intake';
import { withPostgresDown } from '@/tests/support/with-postgres-down';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { db } from '@/lib/db';
import { idempotencyKey, QUEUES } from '@/lib/queue/contracts';
import { settledKey } from '@/lib/queue/redis-keys';
import { producerRedis } from '@/lib/redis';
import {
  genesysRecordingCompleted,
  ingestEventCount,
  jobTotal,
  runId,
  webhookRequest,
  offlineGenesysAccount,
} from '@/tests/support/ingest-harness';
import { makeRecording } from './security-support';

const GEN = `fast-gen-${runId}`;
const TOKEN = 'fast-intake-bearer-token-0123456789';
const post = (recordingId: string) =>
  genesysPost(webhookRequest('genesys', GEN, genesysRecordingCompleted(recordingId, `conv-${recordingId}`), { token: TOKEN }));

setupIntake([offlineGenesysAccount(GEN, TOKEN)]);

describe('fast intake', () => {
  it('concurrent deliveries share transactions, each answered once its own row is committed', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => `rec-${runId}-batch-${i}`);
    const responses = await Promise.all(ids.map(post));
    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 202));
    const rows = await db().ingestEvent.findMany({
      where: { vendorRecordingId: { in: ids } },
      select: { vendorRecordingId: true, receivedAt: true, jobId: true },
    });
    expect(rows.map((r) => r.vendorRecordingId).sort()).toEqual([...ids].sort());
    // receivedAt is the transaction's start: fewer distinct values than deliveries = shared transactions.
    expect(new Set(rows.map((r) => r.receivedAt.getTime())).size).toBeLessThan(ids.length);
    expect(await db().rawVendorPayload.count({ where: { vendorRecordingId: { in: ids }, kind: 'webhook' } })).toBe(ids.length);
    for (const row of rows) expect(await producerRedis().exists(`bull:${QUEUES.archive('GENESYS_CLOUD')}:${row.jobId}`)).toBe(1);
  });

  it('a settled recording is a duplicate from its marker, and from Postgres after FLUSHDB (which restores the marker)', async () => {
    const settled = await makeRecording('fast-settled');
    const marker = settledKey(idempotencyKey('GENESYS_CLOUD', settled.vendorRecordingId));
    const before = await jobTotal(QUEUES.archive('GENESYS_CLOUD'));
    const first = await post(settled.vendorRecordingId);
    expect(await first.json()).toMatchObject({ accepted: true, duplicate: true });
    expect(await producerRedis().get(marker)).toBe('1');

    await producerRedis().flushdb();
    const afterFlush = await post(settled.vendorRecordingId);
    expect(await afterFlush.json()).toMatchObject({ duplicate: true });
    expect(await producerRedis().get(marker)).toBe('1');
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBeLessThanOrEqual(before);
    expect(await db().ingestEvent.count({ where: { vendorRecordingId: settled.vendorRecordingId, duplicate: true } })).toBe(2);

    // Not settled, and no marker after the flush: queued as a first delivery, never dropped.
    const fresh = `rec-${runId}-after-flush`;
    const res = await post(fresh);
    expect(await res.json()).toMatchObject({ duplicate: false });
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBe(1);
  });

  it('Postgres down: every delivery of the batch gets 503, none is queued or recorded', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `rec-${runId}-down-${i}`);
    const before = await jobTotal(QUEUES.archive('GENESYS_CLOUD'));
    const eventsBefore = await ingestEventCount(GEN);
    const statuses = await withPostgresDown(async () => (await Promise.all(ids.map(post))).map((r) => r.status));
    expect(statuses).toEqual(ids.map(() => 503));
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBe(before);
    expect(await ingestEventCount(GEN)).toBe(eventsBefore);
  });
});
