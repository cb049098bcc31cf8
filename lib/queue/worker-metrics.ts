// Worker-process metrics: Prometheus counters/gauges/histograms (prom-client; job wait and processing time per
// queue, failures by error class) and the cumulative Redis counters that
// the queue samples turn into per-minute rates. Counting never fails a job: Redis errors are swallowed.
import { createServer, type Server } from 'node:http';
import type { Job } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { logger } from '@/lib/logger';
import { getQueueStats } from '@/lib/queue/get-queue-stats';
import { queueCounterKey } from '@/lib/queue/redis-keys';
import { errorClassOf } from '@/lib/queue/retry-schedule';
import { producerRedis } from '@/lib/redis';

export type TWorkerMetrics = {
  registry: Registry;
  recordCompleted(queue: string, duplicate: boolean, job?: Job): void;
  recordFailed(queue: string, final: boolean, job?: Job, error?: unknown): void;
};

// Seconds, from a fraction of a second to the hour-long waits of a backlog or a 4-hour recording's transfer.
const SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

/** Wait = queued (or retry-scheduled) until a worker took it; processing = taken until finished. */
function jobTimes(job: Job | undefined): { waitSeconds: number | null; processingSeconds: number | null } {
  if (!job?.processedOn) return { waitSeconds: null, processingSeconds: null };
  const queuedAt = job.timestamp + (job.delay ?? 0);
  const wait = job.processedOn - queuedAt;
  const processing = job.finishedOn ? job.finishedOn - job.processedOn : null;
  return {
    waitSeconds: wait >= 0 ? wait / 1000 : null,
    processingSeconds: processing !== null && processing >= 0 ? processing / 1000 : null,
  };
}

export function createWorkerMetrics(): TWorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'callvault_worker_' });
  const completed = new Counter({
    name: 'callvault_jobs_completed_total',
    help: 'Jobs completed',
    labelNames: ['queue'],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'callvault_jobs_failed_total',
    help: 'Failed job attempts (final = dead-lettered)',
    labelNames: ['queue', 'final'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'callvault_job_failures_total',
    help: 'Failed job attempts by error class (database, storage, vendor, media, network, queue, other)',
    labelNames: ['queue', 'reason'],
    registers: [registry],
  });
  const wait = new Histogram({
    name: 'callvault_job_wait_seconds',
    help: 'Time a job waited before a worker took it (processedOn - timestamp - delay)',
    labelNames: ['queue'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const processing = new Histogram({
    name: 'callvault_job_processing_seconds',
    help: 'Time a worker spent on a job attempt (finishedOn - processedOn)',
    labelNames: ['queue', 'outcome'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const observe = (queue: string, outcome: 'completed' | 'failed', job: Job | undefined) => {
    const times = jobTimes(job);
    if (times.waitSeconds !== null) wait.observe({ queue }, times.waitSeconds);
    if (times.processingSeconds !== null) processing.observe({ queue, outcome }, times.processingSeconds);
  };
  const duplicates = new Counter({
    name: 'callvault_archive_duplicates_total',
    help: 'Archive jobs that found the recording already claimed or archived',
    labelNames: ['queue'],
    registers: [registry],
  });
  new Gauge({
    name: 'callvault_queue_jobs',
    help: 'Jobs per queue and state (read from Redis at scrape time)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const stats = await getQueueStats().catch(() => []);
      for (const s of stats)
        for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) this.set({ queue: s.queue, state }, s[state]);
    },
  });
  const bump = (queue: string, kind: 'completed' | 'failed') =>
    void producerRedis()
      .incr(queueCounterKey(queue, kind))
      .catch(() => undefined);
  return {
    registry,
    recordCompleted(queue, duplicate, job) {
      completed.inc({ queue });
      observe(queue, 'completed', job);
      if (duplicate) duplicates.inc({ queue });
      bump(queue, 'completed');
    },
    recordFailed(queue, final, job, error) {
      failed.inc({ queue, final: String(final) });
      failures.inc({ queue, reason: errorClassOf(error) });
      observe(queue, 'failed', job);
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
