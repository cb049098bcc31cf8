// The stack of the archive integration tests, started once per file: the archive kit (a Genesys simulator
// with a US and an EU account), an S3 client for the real RGW, and a Redis that answers; afterwards the kit,
// the queues, Redis, S3 and Postgres connections are closed. Call it at the top of a test file; hooks the
// file registers after it run after its start and before its teardown.
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import { db } from '@/lib/db';
import { closeQueues } from '@/lib/queue/queues';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';
import { createS3Client } from '@/lib/storage/s3-client';
import { startArchiveKit, type TArchiveKit } from './archive-test-kit';

export function setupArchiveKit(): { kit: TArchiveKit; s3: S3Client } {
  const s3 = createS3Client();
  let started: TArchiveKit | undefined;
  const live = () => {
    if (!started) throw new Error('the archive kit is used before its beforeAll ran');
    return started;
  };

  beforeAll(async () => {
    started = await startArchiveKit();
    await withRedis('test connection', () => producerRedis().ping());
  });
  afterAll(async () => {
    await started?.stop();
    await closeQueues();
    producerRedis().disconnect();
    s3.destroy();
    await db().$disconnect();
  });

  const kit: TArchiveKit = {
    get sim() {
      return live().sim;
    },
    client: (accountId) => live().client(accountId),
    job: (rec, over) => live().job(rec, over),
    archive: (rec, over, ctx) => live().archive(rec, over, ctx),
    stop: () => live().stop(),
  };
  return { kit, s3 };
}
