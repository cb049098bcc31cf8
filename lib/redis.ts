// Redis connections. Workers wait out Redis outages (maxRetriesPerRequest: null, as BullMQ requires);
// producers in request handlers fail fast so an outage becomes a 503, never a hang or a false 2xx.
import { Redis, type RedisOptions } from 'ioredis';
import { env } from '@/lib/env';

export function createWorkerConnection(url = env().REDIS_URL): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export function createProducerConnection(url = env().REDIS_URL, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 5000,
    ...extra,
  });
}

const globalForRedis = globalThis as unknown as { producerRedis?: Redis };

/** The per-process producer connection used by route handlers. */
export function producerRedis(): Redis {
  globalForRedis.producerRedis ??= createProducerConnection();
  return globalForRedis.producerRedis;
}
