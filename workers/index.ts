// The worker process: every BullMQ processor with explicit concurrency and limiter, the repeatable jobs
// (poll per vendor account, sweep, queue sampling, audit sealing and checkpoints), the audit sequencer (one
// leader per cluster, the other processes stand by), Prometheus metrics, OpenTelemetry tracing when the OTEL_*
// variables ask for it, and graceful shutdown.
// Run: `node --import tsx workers/index.ts`. Tests call startWorkers() in-process and close() the handle.
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { assertValidConfig } from '@/lib/health/assert-valid-config';
import { logger } from '@/lib/logger';
import { closeProducerConnection } from '@/lib/queue/close-producer-connection';
import { closeRateLimitRedis } from '@/lib/redis';
import { JOBS, QUEUES, ZVendor } from '@/lib/queue/contracts';
import { allQueueNames, closeQueues, maintenanceQueue, pollQueue } from '@/lib/queue/queues';
import { isFinalFailure } from '@/lib/dead-letters/record-dead-letter';
import { backoffStrategy } from '@/lib/queue/retry-schedule';
import { createWorkerMetrics, serveMetrics, type TWorkerMetrics } from '@/lib/queue/worker-metrics';
import { bullmqTelemetry } from '@/lib/telemetry/bullmq-telemetry';
import { startTelemetry, stopTelemetry } from '@/lib/telemetry/start-telemetry';
import { syncVendorAccounts, vendorAccounts } from '@/lib/vendors/accounts';
import { processArchiveJob } from '@/workers/processors/archive-recording';
import { startAuditSequencer, type TAuditSequencerHandle, type TAuditSequencerOptions } from '@/workers/processors/audit-sequencer';
import { processAuditExport } from '@/workers/processors/audit-export';
import { processCheckpointAudit } from '@/workers/processors/checkpoint-audit';
import { processEvidencePackage } from '@/workers/processors/evidence-package';
import { handleFailedJob } from '@/workers/processors/dead-letter';
import { processPollVendor } from '@/workers/processors/poll-vendor';
import { processReconcileVendorDay } from '@/workers/processors/reconcile-vendor-day';
import { processRedriveDeadLetters } from '@/workers/processors/redrive-dead-letters';
import { processResolveInteraction } from '@/workers/processors/resolve-interaction';
import { processSampleQueues } from '@/workers/processors/sample-queues';
import { processSealAudit } from '@/workers/processors/seal-audit';
import { processSweepArchive } from '@/workers/processors/sweep-archive';
import { processSweepUploads } from '@/workers/processors/sweep-uploads';
import { processSweepAuditExports } from '@/workers/processors/sweep-audit-exports';

export type TStartWorkersOptions = {
  /** Archive jobs processed at once per vendor queue (default WORKER_CONCURRENCY). */
  archiveConcurrency?: number;
  pollIntervalSeconds?: number;
  sweepIntervalSeconds?: number;
  /** Passed to every sweep job; default ARCHIVE_DEADLINE_MINUTES. */
  sweepDeadlineMinutes?: number;
  sampleIntervalSeconds?: number;
  sealIntervalSeconds?: number;
  exportSweepIntervalSeconds?: number;
  /** Run workers for these queues only (default WORKER_QUEUES, else every queue). */
  queues?: string[];
  checkpointIntervalSeconds?: number;
  /** Install the repeatable jobs (default true). */
  schedule?: boolean;
  /** How often missing schedulers are re-created (they vanish with a Redis flush); 0 = never. Default 30. */
  scheduleWatchdogSeconds?: number;
  /** Serve /metrics here (default WORKER_METRICS_PORT; null = off). */
  metricsPort?: number | null;
  /** Upsert VendorAccount rows from VENDOR_ACCOUNTS first (default true). */
  syncAccounts?: boolean;
  /** Take part in audit sequencer leader election (default true); false leaves chaining to other processes. */
  auditSequencer?: boolean | TAuditSequencerOptions;
};

export type TWorkersHandle = {
  workers: Worker[];
  metrics: TWorkerMetrics;
  sequencer: TAuditSequencerHandle | null;
  /** Re-creates any repeatable job scheduler that is missing (e.g. after FLUSHDB). */
  ensureSchedules(): Promise<void>;
  /** worker.close() → queue.close() → Redis → prisma.$disconnect(). */
  close(): Promise<void>;
};

type TSchedule = {
  queue: 'poll' | 'maintenance';
  id: string;
  every: number;
  name: string;
  data: Record<string, unknown>;
  /** cron (UTC) instead of every */
  pattern?: string;
  /** job options instead of SCHEDULED_JOB_OPTS */
  opts?: Record<string, unknown>;
};

function schedules(opts: TStartWorkersOptions): TSchedule[] {
  const e = env();
  const polls = vendorAccounts().map((a) => ({
    queue: 'poll' as const,
    id: `poll-${a.id}`,
    every: (opts.pollIntervalSeconds ?? e.POLL_INTERVAL_SECONDS) * 1000,
    name: JOBS.poll,
    data: { vendorAccountId: a.id },
  }));
  const reconciles = vendorAccounts().map((a) => ({
    queue: 'maintenance' as const,
    id: `reconcile-${a.id}`,
    every: 0,
    pattern: e.RECONCILE_CRON,
    name: JOBS.reconcile,
    data: { vendorAccountId: a.id },
    // A daily run has no next tick to catch up: retry for about two hours (vendor or storage outages) first.
    opts: { ...SCHEDULED_JOB_OPTS, attempts: 8, backoff: { type: 'exponential', delay: 60_000 } },
  }));
  const sweepData = opts.sweepDeadlineMinutes === undefined ? {} : { deadlineMinutes: opts.sweepDeadlineMinutes };
  return [
    ...polls,
    ...reconciles,
    {
      queue: 'maintenance',
      id: 'archive-sweep',
      every: (opts.sweepIntervalSeconds ?? e.SWEEP_INTERVAL_SECONDS) * 1000,
      name: JOBS.sweep,
      data: sweepData,
    },
    {
      queue: 'maintenance',
      id: 'queues-sample',
      every: (opts.sampleIntervalSeconds ?? e.QUEUE_SAMPLE_INTERVAL_SECONDS) * 1000,
      name: JOBS.sampleQueues,
      data: {},
    },
    {
      queue: 'maintenance',
      id: 'audit-seal',
      every: (opts.sealIntervalSeconds ?? e.AUDIT_SEAL_EVERY_SECONDS) * 1000,
      name: JOBS.sealAudit,
      data: {},
    },
    {
      queue: 'maintenance',
      id: 'dead-letter-redrive',
      every: e.DEAD_LETTER_REDRIVE_INTERVAL_SECONDS * 1000,
      name: JOBS.redriveDeadLetters,
      data: {},
    },
    { queue: 'maintenance', id: 'uploads-sweep', every: e.UPLOAD_SWEEP_INTERVAL_SECONDS * 1000, name: JOBS.sweepUploads, data: {} },
    {
      queue: 'maintenance',
      id: 'audit-export-sweep',
      every: (opts.exportSweepIntervalSeconds ?? 60) * 1000,
      name: JOBS.sweepAuditExports,
      data: {},
    },
    {
      queue: 'maintenance',
      id: 'audit-checkpoint',
      every: (opts.checkpointIntervalSeconds ?? e.AUDIT_CHECKPOINT_EVERY_SECONDS) * 1000,
      name: JOBS.checkpointAudit,
      data: {},
    },
  ];
}

// Repeatable jobs are cheap and frequent: keep a short tail for the console, never retry (the next tick does).
const SCHEDULED_JOB_OPTS = { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 200 } };

async function installSchedules(list: TSchedule[], onlyMissing: boolean): Promise<void> {
  for (const s of list) {
    const queue = s.queue === 'poll' ? pollQueue() : maintenanceQueue();
    // Re-upserting an existing scheduler would push its next run back; the watchdog only fills gaps.
    if (onlyMissing && (await queue.getJobScheduler(s.id))) continue;
    await queue.upsertJobScheduler(s.id, s.pattern ? { pattern: s.pattern, tz: 'UTC' } : { every: s.every }, {
      name: s.name,
      data: s.data,
      opts: s.opts ?? SCHEDULED_JOB_OPTS,
    });
  }
  if (onlyMissing) return;
  // Accounts removed from VENDOR_ACCOUNTS stop being polled.
  const wanted = new Set(list.map((s) => s.id));
  for (const existing of await pollQueue().getJobSchedulers()) {
    if (existing.key && !wanted.has(existing.key)) await pollQueue().removeJobScheduler(existing.key);
  }
}

const maintenanceProcessors: Record<string, (job: Job) => Promise<unknown>> = {
  [JOBS.sweep]: processSweepArchive,
  [JOBS.sampleQueues]: processSampleQueues,
  [JOBS.sealAudit]: processSealAudit,
  [JOBS.reconcile]: processReconcileVendorDay,
  [JOBS.redriveDeadLetters]: processRedriveDeadLetters,
  [JOBS.sweepUploads]: processSweepUploads,
  [JOBS.sweepAuditExports]: processSweepAuditExports,
  [JOBS.checkpointAudit]: processCheckpointAudit,
};

async function processMaintenance(job: Job): Promise<unknown> {
  const processor = maintenanceProcessors[job.name];
  if (!processor) throw new UnrecoverableError(`no maintenance processor for ${job.name}`);
  return processor(job);
}

function isDuplicateOutcome(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { status?: unknown }).status === 'DUPLICATE';
}

type TWorkerSpec = { queue: string; processor: Processor; concurrency: number; limiter?: { max: number; duration: number } };

function workerSpecs(opts: TStartWorkersOptions): TWorkerSpec[] {
  const e = env();
  const archive = ZVendor.options.map((vendor) => ({
    queue: QUEUES.archive(vendor),
    processor: processArchiveJob as Processor,
    concurrency: opts.archiveConcurrency ?? e.WORKER_CONCURRENCY,
    // Storage writes and vendor calls have their own token buckets; this caps job starts per queue.
    limiter: { max: e.ARCHIVE_JOBS_PER_SECOND, duration: 1000 },
  }));
  return [
    ...archive,
    {
      queue: QUEUES.resolve,
      processor: processResolveInteraction,
      concurrency: e.RESOLVE_CONCURRENCY,
      limiter: { max: 10, duration: 1000 },
    },
    // One poll at a time: accounts share nothing, but vendor quotas are tight and cursors must not race.
    { queue: QUEUES.poll, processor: processPollVendor, concurrency: 1, limiter: { max: 2, duration: 1000 } },
    { queue: QUEUES.maintenance, processor: processMaintenance, concurrency: 1 },
    // Exports stream from Postgres into S3 in bounded memory; two at a time keep a worker responsive.
    { queue: QUEUES.auditExport, processor: processAuditExport as Processor, concurrency: 2 },
    // One package at a time: it streams every recording's media through the worker.
    { queue: QUEUES.evidencePackage, processor: processEvidencePackage as Processor, concurrency: 1 },
  ].filter((spec) => !opts.queues || opts.queues.includes(spec.queue));
}

function startWorker(spec: TWorkerSpec, metrics: TWorkerMetrics, pending: Set<Promise<unknown>>, closing: AbortSignal): Worker {
  const worker = new Worker(spec.queue, spec.processor, {
    connection: { url: env().REDIS_URL, maxRetriesPerRequest: null },
    // Each attempt is a consumer span in the trace of the request that queued it (when tracing is on).
    telemetry: bullmqTelemetry(),
    concurrency: spec.concurrency,
    limiter: spec.limiter,
    // A crashed worker's job is taken over once its lock lapses and the stalled check (every 30 s) sees it:
    // within about a minute. The lock is renewed every 15 s while the job runs, however long the transfer.
    lockDuration: 30_000,
    // Retry waits per error class, until the time budget is spent (lib/queue/retry-schedule.ts).
    settings: { backoffStrategy },
  });
  worker.on('completed', (job, result) => metrics.recordCompleted(spec.queue, isDuplicateOutcome(result), job));
  worker.on('failed', (job, error) => {
    metrics.recordFailed(spec.queue, job ? isFinalFailure(job, error) : false, job, error);
    // Tracked so close() waits for dead-letter writes instead of cutting them off.
    const handling = handleFailedJob(spec.queue, job, error, closing).finally(() => pending.delete(handling));
    pending.add(handling);
  });
  worker.on('error', (err) => logger.error({ err, queue: spec.queue }, 'worker error'));
  return worker;
}

export async function startWorkers(options: TStartWorkersOptions = {}): Promise<TWorkersHandle> {
  const listed = options.queues ?? env().WORKER_QUEUES;
  const queues = listed?.length ? listed : undefined;
  const unknown = queues?.filter((q) => !allQueueNames().includes(q)) ?? [];
  if (unknown.length) throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(', ')} (known: ${allQueueNames().join(', ')})`);
  // A process serving only some queues leaves the repeatable jobs to the ones running maintenance.
  const opts = { ...options, queues, schedule: options.schedule ?? (!queues || queues.includes(QUEUES.maintenance)) };
  if (opts.syncAccounts !== false) await syncVendorAccounts();
  const metrics = createWorkerMetrics();
  const pending = new Set<Promise<unknown>>();
  const shutdown = new AbortController();
  const workers = workerSpecs(opts).map((spec) => startWorker(spec, metrics, pending, shutdown.signal));
  const sequencerOpts = opts.auditSequencer ?? true;
  const sequencer = sequencerOpts === false ? null : startAuditSequencer(sequencerOpts === true ? {} : sequencerOpts);
  const list = schedules(opts);
  if (opts.schedule !== false) await installSchedules(list, false);
  const ensureSchedules = () => installSchedules(list, true);
  const watchdogSeconds = opts.scheduleWatchdogSeconds ?? 30;
  const watchdog =
    opts.schedule !== false && watchdogSeconds > 0
      ? setInterval(
          () => void ensureSchedules().catch((err: unknown) => logger.warn({ err }, 'schedule watchdog failed')),
          watchdogSeconds * 1000,
        )
      : undefined;
  watchdog?.unref();
  const port = opts.metricsPort === undefined ? env().WORKER_METRICS_PORT : opts.metricsPort;
  const server: Server | undefined = port ? await serveMetrics(metrics.registry, port) : undefined;
  logger.info({ queues: workers.map((w) => w.name), metricsPort: port ?? null }, 'workers started');
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(watchdog);
      await Promise.all(workers.map((w) => w.close()));
      // Dead-letter writes still waiting out an outage stop retrying (the sweep covers what they leave).
      shutdown.abort();
      await Promise.allSettled([...pending]);
      // After the processors: entries they journaled while finishing still get chained by this leader.
      await sequencer?.stop();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await closeQueues();
      await closeProducerConnection();
      await closeRateLimitRedis();
      await db().$disconnect();
      await stopTelemetry();
    })();
    return closing;
  };
  return { workers, metrics, sequencer, ensureSchedules, close };
}

async function main(): Promise<void> {
  try {
    assertValidConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  await startTelemetry({ serviceName: 'callvault-workers' });
  const handle = await startWorkers();
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down workers');
    handle.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    logger.fatal({ err }, 'workers failed to start');
    process.exit(1);
  });
}
