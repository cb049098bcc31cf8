// queues.sample — one depth/throughput sample of every queue for the console's history charts.
import type { Job } from 'bullmq';
import { sampleQueues } from '@/lib/queue/sample-queues';

export async function processSampleQueues(_job: Job): Promise<{ queues: number }> {
  const entry = await sampleQueues();
  return { queues: entry.queues.length };
}
