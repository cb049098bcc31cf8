// Takes one sample of every queue for the history charts: depths now, plus the cumulative completed /
// finally-failed counters the workers keep (BullMQ's completed set is trimmed, so its size is no rate).
// Stored as one JSON entry per tick in a Redis list capped at QUEUE_SAMPLE_RETENTION.
import { env } from '@/lib/env';
import { getQueueStats } from '@/lib/queue/get-queue-stats';
import { QUEUE_SAMPLES_KEY, queueCounterKey } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

export type TQueueSample = {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completedTotal: number;
  failedTotal: number;
};
export type TSampleEntry = { at: string; queues: TQueueSample[] };

export async function sampleQueues(now = new Date()): Promise<TSampleEntry> {
  const stats = await getQueueStats();
  const keys = stats.flatMap((s) => [queueCounterKey(s.queue, 'completed'), queueCounterKey(s.queue, 'failed')]);
  const totals = await withRedis('read queue counters', () => producerRedis().mget(keys));
  const entry: TSampleEntry = {
    at: now.toISOString(),
    queues: stats.map((s, i) => ({
      queue: s.queue,
      waiting: s.waiting,
      active: s.active,
      delayed: s.delayed,
      failed: s.failed,
      completedTotal: Number(totals[2 * i] ?? 0),
      failedTotal: Number(totals[2 * i + 1] ?? 0),
    })),
  };
  await withRedis('store queue sample', () =>
    producerRedis()
      .multi()
      .lpush(QUEUE_SAMPLES_KEY, JSON.stringify(entry))
      .ltrim(QUEUE_SAMPLES_KEY, 0, env().QUEUE_SAMPLE_RETENTION - 1)
      .exec(),
  );
  return entry;
}
