// Redis connections. Workers wait out Redis outages (maxRetriesPerRequest: null, as BullMQ requires);
// producers in request handlers fail fast so an outage becomes a 503, never a hang or a false 2xx.
import { Redis, type RedisOptions } from 'ioredis';
import { env } from '@/lib/env';

export function createProducerConnection(url = env().REDIS_URL, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 5000,
    ...extra,
  });
}

const globalForRedis = globalThis as unknown as { producerRedis?: Redis; rateLimitRedis?: Redis };

/** The per-process producer connection used by route handlers. */
export function producerRedis(): Redis {
  globalForRedis.producerRedis ??= createProducerConnection();
  return globalForRedis.producerRedis;
}

/** The per-process connection of the shared rate limits; fails fast so their in-memory fallback takes over in an outage. */
export function rateLimitRedis(): Redis {
  globalForRedis.rateLimitRedis ??= createProducerConnection(env().REDIS_URL, { connectionName: 'callvault-rate-limits' });
  return globalForRedis.rateLimitRedis;
}

export async function closeRateLimitRedis(): Promise<void> {
  const connection = globalForRedis.rateLimitRedis;
  globalForRedis.rateLimitRedis = undefined;
  await connection?.quit().catch(() => connection.disconnect());
}
