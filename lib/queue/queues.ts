// Producer-side queues: one BullMQ Queue per name per process, on the fail-fast producer connection
// (lib/redis.ts), so a Redis outage surfaces as an error the caller maps to 503 instead of a hang.
import { Queue, type JobsOptions } from 'bullmq';
import { ZVendor, QUEUES } from '@/lib/queue/contracts';
import { BACKOFF_TYPE } from '@/lib/queue/retry-schedule';
import { producerRedis } from '@/lib/redis';
import { bullmqTelemetry } from '@/lib/telemetry/bullmq-telemetry';
import type { TVendor } from '@/lib/vendors/types';

/** The one retry policy: retried on the schedule of lib/queue/retry-schedule.ts until its time budget is spent
 *  (the attempt count is only a backstop); finished jobs kept long enough for the console. */
export const RETRY_OPTIONS = {
  attempts: 10_000,
  backoff: { type: BACKOFF_TYPE },
  // Completed jobs are not the dedupe (claims are): keep a day for the console, bounded in count.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  // Failed jobs are mirrored to DeadLetter rows; keep them 30 days so the console can show stack traces.
  removeOnFail: { age: 30 * 24 * 3600, count: 50_000 },
} as const satisfies JobsOptions;

export function retryOptions(): JobsOptions {
  return { ...RETRY_OPTIONS };
}

const globalForQueues = globalThis as unknown as { callvaultQueues?: Map<string, Queue> };

function registry(): Map<string, Queue> {
  globalForQueues.callvaultQueues ??= new Map();
  return globalForQueues.callvaultQueues;
}

/** A cached producer Queue by name. */
export function queueByName(name: string): Queue {
  const queues = registry();
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: producerRedis(), telemetry: bullmqTelemetry() });
    // Connection errors also reach callers as rejected commands; this only keeps them out of stderr noise.
    queue.on('error', () => undefined);
    queues.set(name, queue);
  }
  return queue;
}

export function archiveQueue(vendor: TVendor): Queue {
  return queueByName(QUEUES.archive(vendor));
}

export function resolveQueue(): Queue {
  return queueByName(QUEUES.resolve);
}

export function pollQueue(): Queue {
  return queueByName(QUEUES.poll);
}

export function maintenanceQueue(): Queue {
  return queueByName(QUEUES.maintenance);
}

export function auditExportQueue(): Queue {
  return queueByName(QUEUES.auditExport);
}

export function evidencePackageQueue(): Queue {
  return queueByName(QUEUES.evidencePackage);
}

/** Every queue of the application, in display order (console operations page, metrics, sampling). */
export function allQueueNames(): string[] {
  return [
    ...ZVendor.options.map((v) => QUEUES.archive(v)),
    QUEUES.resolve,
    QUEUES.poll,
    QUEUES.maintenance,
    QUEUES.auditExport,
    QUEUES.evidencePackage,
  ];
}

/** Closes every cached producer queue (graceful shutdown, tests). The shared connection is closed by its owner. */
export async function closeQueues(): Promise<void> {
  const queues = [...registry().values()];
  registry().clear();
  await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
}
