// Shutdown of the per-process producer connection created by lib/redis.ts producerRedis(). Clearing the
// cached instance lets a later producerRedis() (tests starting workers again in one process) reconnect.
import type { Redis } from 'ioredis';

export async function closeProducerConnection(): Promise<void> {
  const holder = globalThis as unknown as { producerRedis?: Redis };
  const connection = holder.producerRedis;
  holder.producerRedis = undefined;
  if (connection) await connection.quit().catch(() => connection.disconnect());
}
