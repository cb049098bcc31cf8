// Outages at the moment of delivery: with the producer pointed at a closed Redis port the webhook answers 503
// + Retry-After quickly and records nothing as accepted; with Postgres unreachable it answers 503 and queues
// nothing. Once the services are back, the vendor's retry is accepted as a first delivery.
import { closedPort } from '@/tests/support/closed-port';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { setupIntake } from '@/tests/support/setup-intake';
import { withPostgresDown } from '@/tests/support/with-postgres-down';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { db } from '@/lib/db';
import { QUEUES } from '@/lib/queue/contracts';
import { closeProducerConnection } from '@/lib/queue/close-producer-connection';
import { closeQueues } from '@/lib/queue/queues';
import { createProducerConnection } from '@/lib/redis';
import {
  genesysRecordingCompleted,
  ingestEventCount,
  jobTotal,
  runId,
  webhookRequest,
  offlineGenesysAccount,
} from '@/tests/support/ingest-harness';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

const ACCOUNT = `b1-down-${runId}`;
const TOKEN = 'down-bearer-token-0123456789';
const globals = globalThis as unknown as { producerRedis?: Redis };

async function auditCount(recordingId: string): Promise<number> {
  await flushAuditSequencer();
  return db().auditEntry.count({ where: { subjectType: 'recording', subjectId: `genesys-cloud:${recordingId}` } });
}

setupIntake([offlineGenesysAccount(ACCOUNT, TOKEN)]);

describe('outages at delivery time', () => {
  it('Redis unreachable → 503 with Retry-After, nothing recorded as accepted; accepted once Redis is back', async () => {
    const recordingId = `rec-${runId}-redis-down`;
    const body = genesysRecordingCompleted(recordingId, `conv-${runId}`);
    await closeQueues();
    await closeProducerConnection();
    const dead = createProducerConnection(`redis://127.0.0.1:${await closedPort()}/12`);
    dead.on('error', () => undefined);
    globals.producerRedis = dead;
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      const response = await genesysPost(webhookRequest('genesys', ACCOUNT, body, { token: TOKEN }));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(3000);
    }
    expect(await ingestEventCount(ACCOUNT)).toBe(0);
    expect(await auditCount(recordingId)).toBe(0);

    await closeQueues();
    await closeProducerConnection(); // the next producerRedis() connects to the real Redis again
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBe(0);
    const retried = await genesysPost(webhookRequest('genesys', ACCOUNT, body, { token: TOKEN }));
    expect(retried.status).toBe(202);
    expect(await retried.json()).toMatchObject({ duplicate: false });
    expect(await ingestEventCount(ACCOUNT)).toBe(1);
  });

  it('Postgres unreachable → 503, nothing queued', async () => {
    const recordingId = `rec-${runId}-pg-down`;
    const body = genesysRecordingCompleted(recordingId, `conv-${runId}`);
    const before = await jobTotal(QUEUES.archive('GENESYS_CLOUD'));
    const response = await withPostgresDown(() => genesysPost(webhookRequest('genesys', ACCOUNT, body, { token: TOKEN })));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBe(before);
    expect(await auditCount(recordingId)).toBe(0);
  });
});
