// Current job counts of every queue (console operations page, metrics gauges, samples).
import { allQueueNames, queueByName } from '@/lib/queue/queues';
import { withRedis } from '@/lib/queue/with-redis';

export type TQueueStats = { queue: string; waiting: number; active: number; delayed: number; failed: number; completed: number };

export async function getQueueStats(): Promise<TQueueStats[]> {
  return Promise.all(
    allQueueNames().map(async (name) => {
      const c = await withRedis('queue stats', () =>
        queueByName(name).getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'),
      );
      // Prioritized jobs are waiting as far as an operator is concerned.
      const waiting = (c.waiting ?? 0) + (c.prioritized ?? 0);
      return { queue: name, waiting, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 };
    }),
  );
}
