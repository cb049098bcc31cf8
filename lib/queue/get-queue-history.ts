// Queue history for the console: depth per sample and completed/failed per minute, derived from the
// difference between consecutive samples' cumulative counters (a counter reset — Redis flushed — reads as 0).
import { env } from '@/lib/env';
import { QUEUE_SAMPLES_KEY } from '@/lib/queue/redis-keys';
import type { TSampleEntry } from '@/lib/queue/sample-queues';
import { withRedis } from '@/lib/queue/with-redis';
import { producerRedis } from '@/lib/redis';

export type TQueueHistoryPoint = {
  at: string;
  queue: string;
  waiting: number;
  active: number;
  completedPerMin: number;
  failedPerMin: number;
};

function parse(raw: string): TSampleEntry | null {
  try {
    return JSON.parse(raw) as TSampleEntry;
  } catch {
    return null;
  }
}

function rate(current: number, previous: number | undefined, minutes: number): number {
  if (previous === undefined || minutes <= 0 || current < previous) return 0;
  return Math.round(((current - previous) / minutes) * 100) / 100;
}

export async function getQueueHistory(minutes: number): Promise<TQueueHistoryPoint[]> {
  const raw = await withRedis('read queue samples', () => producerRedis().lrange(QUEUE_SAMPLES_KEY, 0, env().QUEUE_SAMPLE_RETENTION - 1));
  const samples = raw
    .map(parse)
    .filter((s): s is TSampleEntry => s !== null)
    .reverse(); // oldest first
  const since = Date.now() - minutes * 60_000;
  const points: TQueueHistoryPoint[] = [];
  for (let i = 0; i < samples.length; i += 1) {
    const sample = samples[i];
    if (!sample || Date.parse(sample.at) < since) continue;
    const previous = samples[i - 1];
    const elapsed = previous ? (Date.parse(sample.at) - Date.parse(previous.at)) / 60_000 : 0;
    for (const q of sample.queues) {
      const before = previous?.queues.find((p) => p.queue === q.queue);
      points.push({
        at: sample.at,
        queue: q.queue,
        waiting: q.waiting,
        active: q.active,
        completedPerMin: rate(q.completedTotal, before?.completedTotal, elapsed),
        failedPerMin: rate(q.failedTotal, before?.failedTotal, elapsed),
      });
    }
  }
  return points;
}
