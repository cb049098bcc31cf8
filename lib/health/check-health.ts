// Reachability of every service the archive depends on, each bounded by a timeout.
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';
import { bucketName } from '@/lib/storage/buckets';
import { s3 } from '@/lib/storage/s3-client';

export type TComponentHealth = { name: 'postgres' | 'redis' | 's3'; up: boolean; latencyMs: number; error?: string };

const TIMEOUT_MS = 3000;

async function probe(name: TComponentHealth['name'], check: () => Promise<unknown>): Promise<TComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    await Promise.race([check(), timeout]);
    return { name, up: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the error class/message: never connection strings or credentials.
    const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unreachable';
    return { name, up: false, latencyMs: Math.round(performance.now() - started), error: message };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<{ ok: boolean; components: TComponentHealth[] }> {
  const components = await Promise.all([
    probe('postgres', () => db().$queryRaw`SELECT 1`),
    probe('redis', () => withRedis('health ping', () => producerRedis().ping())),
    probe('s3', () =>
      Promise.all(env().RESIDENCY_REGIONS.map((r) => s3().send(new HeadBucketCommand({ Bucket: bucketName('recordings', r) })))),
    ),
  ]);
  return { ok: components.every((c) => c.up), components };
}
