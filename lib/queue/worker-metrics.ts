// Worker-process metrics: Prometheus counters/gauges (prom-client) and the cumulative Redis counters that
// the queue samples turn into per-minute rates. Counting never fails a job: Redis errors are swallowed.
import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { logger } from '@/lib/logger';
import { getQueueStats } from '@/lib/queue/get-queue-stats';
import { queueCounterKey } from '@/lib/queue/redis-keys';
import { producerRedis } from '@/lib/redis';

export type TWorkerMetrics = {
  registry: Registry;
  recordCompleted(queue: string, duplicate: boolean): void;
  recordFailed(queue: string, final: boolean): void;
};

export function createWorkerMetrics(): TWorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'callvault_worker_' });
  const completed = new Counter({ name: 'callvault_jobs_completed_total', help: 'Jobs completed', labelNames: ['queue'], registers: [registry] });
  const failed = new Counter({ name: 'callvault_jobs_failed_total', help: 'Failed job attempts (final = dead-lettered)', labelNames: ['queue', 'final'], registers: [registry] });
  const duplicates = new Counter({ name: 'callvault_archive_duplicates_total', help: 'Archive jobs that found the recording already claimed or archived', labelNames: ['queue'], registers: [registry] });
  new Gauge({
    name: 'callvault_queue_jobs',
    help: 'Jobs per queue and state (read from Redis at scrape time)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const stats = await getQueueStats().catch(() => []);
      for (const s of stats) for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) this.set({ queue: s.queue, state }, s[state]);
    },
  });
  const bump = (queue: string, kind: 'completed' | 'failed') => void producerRedis().incr(queueCounterKey(queue, kind)).catch(() => undefined);
  return {
    registry,
    recordCompleted(queue, duplicate) {
      completed.inc({ queue });
      if (duplicate) duplicates.inc({ queue });
      bump(queue, 'completed');
    },
    recordFailed(queue, final) {
      failed.inc({ queue, final: String(final) });
      if (final) bump(queue, 'failed');
    },
  };
}

/** GET /metrics on the given port (WORKER_METRICS_PORT); resolves once listening. */
export async function serveMetrics(registry: Registry, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry
      .metrics()
      .then((body) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(body))
      .catch((err: unknown) => {
        logger.error({ err }, 'metrics collection failed');
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '0.0.0.0', resolve));
  return server;
}
