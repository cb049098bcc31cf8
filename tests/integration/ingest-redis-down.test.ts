// Outages at the moment of delivery: with the producer pointed at a closed Redis port the webhook answers 503
// + Retry-After quickly and records nothing as accepted; with Postgres unreachable it answers 503 and queues
// nothing. Once the services are back, the vendor's retry is accepted as a first delivery.
import { createServer } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { createPrismaClient, db } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { QUEUES } from '@/lib/queue/contracts';
import { closeProducerConnection } from '@/lib/queue/close-producer-connection';
import { closeQueues } from '@/lib/queue/queues';
import { createProducerConnection } from '@/lib/redis';
import {
  closeProducerSide,
  genesysRecordingCompleted,
  ingestEventCount,
  jobTotal,
  resetRedis,
  runId,
  setVendorAccounts,
  webhookRequest,
} from './ingest-harness';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

const ACCOUNT = `b1-down-${runId}`;
const TOKEN = 'down-bearer-token-0123456789';
const globals = globalThis as unknown as { producerRedis?: Redis; prisma?: PrismaClient };

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function auditCount(recordingId: string): Promise<number> {
  await flushAuditSequencer();
  return db().auditEntry.count({ where: { subjectType: 'recording', subjectId: `genesys-cloud:${recordingId}` } });
}

beforeAll(async () => {
  setVendorAccounts([
    {
      id: ACCOUNT,
      vendorSource: 'genesys-cloud',
      instance: 'mypurecloud.com',
      apiBaseUrl: 'http://127.0.0.1:9',
      authUrl: 'http://127.0.0.1:9/t',
      clientId: 'c',
      clientSecret: 's',
      webhookBearerToken: TOKEN,
    },
  ]);
  await resetRedis();
});

afterAll(closeProducerSide);

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
    const real = globals.prisma;
    globals.prisma = createPrismaClient(`postgresql://postgres@127.0.0.1:${await closedPort()}/callvault_b1_down_test`);
    try {
      const response = await genesysPost(webhookRequest('genesys', ACCOUNT, body, { token: TOKEN }));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
    } finally {
      await globals.prisma.$disconnect().catch(() => undefined);
      globals.prisma = real;
    }
    expect(await jobTotal(QUEUES.archive('GENESYS_CLOUD'))).toBe(before);
    expect(await auditCount(recordingId)).toBe(0);
  });
});
