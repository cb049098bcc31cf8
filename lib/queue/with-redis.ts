// Bounds a producer-side Redis operation in time and turns any failure into AppError('unavailable'),
// so callers (webhooks, console actions) answer 503 instead of hanging or claiming success.
// Why the readiness step: the producer connection refuses commands while connecting (enableOfflineQueue
// false), and BullMQ's Queue waits for 'ready' forever when Redis is down — so a fresh process waits briefly
// for its first connection, and a connection known to be down fails at once.
import type { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { logger } from '@/lib/logger';
import { producerRedis } from '@/lib/redis';

function waitUntilReady(connection: Redis, timeoutMs: number): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  if (connection.status === 'reconnecting' || connection.status === 'end' || connection.status === 'close') {
    return Promise.reject(new Error(`redis connection ${connection.status}`));
  }
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      connection.off('ready', onReady);
      connection.off('end', onEnd);
      connection.off('close', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => settle();
    // 'close' during the first connect = refused/unreachable: fail now rather than at the timeout.
    const onEnd = () => settle(new Error('redis connection closed'));
    const timer = setTimeout(() => settle(new Error('redis not ready')), timeoutMs);
    connection.once('ready', onReady);
    connection.once('end', onEnd);
    connection.once('close', onEnd);
  });
}

export async function withRedis<T>(what: string, operation: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = env().ENQUEUE_TIMEOUT_MS;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // A timed-out operation may still complete later (e.g. a job added after we answered 503): harmless,
    // because every enqueue is idempotent and the vendor retries.
    return await Promise.race([waitUntilReady(producerRedis(), timeoutMs).then(operation), timeout]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Message only: connection strings never reach logs or responses.
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    logger.warn({ what, reason }, 'redis operation failed');
    throw new AppError('unavailable', 'Queue unavailable, retry later', { what });
  } finally {
    clearTimeout(timer);
  }
}
