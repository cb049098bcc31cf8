// A job that exhausted its retry budget (or failed unrecoverably) becomes a DeadLetter row: visible in the
// console, replayable, audited. Its recording gets a FAILED row with the reason (created if the pipeline
// never wrote one), so search shows the gap instead of nothing. The claim is released: nothing is processing
// it any more. `retryable` and `autoRedrives` let the automatic re-drive pick it up once its cause clears.
import type { Job } from 'bullmq';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { markRecordingUnsettled } from '@/lib/archive/mark-recording-unsettled';
import { db, type DbTx } from '@/lib/db';
import { failRefetch } from '@/lib/quarantine/fail-refetch';
import { releaseClaim } from '@/lib/ingest/claim-recording';
import { logger } from '@/lib/logger';
import { AUTO_REDRIVE_ACTOR, idempotencyKey, interactionKey, ZArchiveJob, ZResolveInteractionJob } from '@/lib/queue/contracts';
import { errorClassOf } from '@/lib/queue/retry-schedule';

/** BullMQ emits 'failed' after every attempt; only the last one (or an UnrecoverableError) is final.
 *  A job BullMQ did not retry (budget spent, stalled too often) has its finishedOn set. */
export function isFinalFailure(job: Job, error: Error): boolean {
  return error.name === 'UnrecoverableError' || typeof job.finishedOn === 'number' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

function subjectOf(job: Job) {
  const archive = ZArchiveJob.safeParse(job.data);
  if (archive.success) {
    const { vendorSource, vendorRecordingId } = archive.data;
    return { vendorSource, vendorRecordingId, key: idempotencyKey(vendorSource, vendorRecordingId), subjectType: 'recording' as const };
  }
  const resolve = ZResolveInteractionJob.safeParse(job.data);
  if (resolve.success) {
    const key = resolve.data.eventKey ?? interactionKey(resolve.data.vendorSource, resolve.data.interactionId);
    return { vendorSource: resolve.data.vendorSource, vendorRecordingId: null, key, subjectType: 'system' as const };
  }
  return { vendorSource: null, vendorRecordingId: null, key: null, subjectType: 'system' as const };
}

/** Automatic re-drives already spent on this subject (carried over from its earlier dead letters). */
async function autoRedrivesSoFar(tx: DbTx, queue: string, subject: ReturnType<typeof subjectOf>): Promise<number> {
  if (!subject.key) return 0;
  const where = subject.vendorRecordingId
    ? { vendorSource: subject.vendorSource, vendorRecordingId: subject.vendorRecordingId }
    : { queue, payload: { path: ['eventKey'], equals: subject.key } };
  const last = await tx.deadLetter.findFirst({
    where: { ...where, replayedBy: AUTO_REDRIVE_ACTOR },
    orderBy: { createdAt: 'desc' },
    select: { autoRedrives: true },
  });
  return last ? last.autoRedrives + 1 : 0;
}

export async function recordDeadLetter(queue: string, job: Job, error: Error): Promise<{ id: string; created: boolean }> {
  const jobId = job.id ?? 'unknown';
  const subject = subjectOf(job);
  const failedReason = (error.message || error.name).slice(0, 2000);
  const result = await db().$transaction(async (tx) => {
    // 'failed' can be delivered twice for one job (stalled + failed); one open dead letter per job.
    const existing = await tx.deadLetter.findFirst({ where: { queue, jobId, replayedAt: null }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    const row = await tx.deadLetter.create({
      data: {
        queue,
        jobId,
        jobName: job.name,
        vendorSource: subject.vendorSource,
        vendorRecordingId: subject.vendorRecordingId,
        payload: job.data as object,
        failedReason,
        attemptsMade: job.attemptsMade,
        retryable: error.name !== 'UnrecoverableError',
        autoRedrives: await autoRedrivesSoFar(tx, queue, subject),
      },
      select: { id: true },
    });
    const archive = ZArchiveJob.safeParse(job.data);
    const { recordingId } = archive.success
      ? await markRecordingUnsettled({ ...archive.data, status: 'FAILED', reason: `${errorClassOf(error)}: ${failedReason}` }, tx)
      : { recordingId: null };
    // A reviewer's re-fetch that ended here: its case shows the failure instead of waiting forever.
    if (archive.success && archive.data.source === 'REFETCH' && archive.data.quarantineCaseId)
      await failRefetch(tx, archive.data.quarantineCaseId, `${errorClassOf(error)}: ${failedReason}`);
    await appendAuditEntry(
      {
        actorType: 'worker',
        actorId: queue,
        action: 'archive.dead_lettered',
        subjectType: subject.subjectType,
        subjectId: subject.key ?? `job:${queue}:${jobId}`,
        details: {
          deadLetterId: row.id,
          queue,
          jobId,
          jobName: job.name,
          attemptsMade: job.attemptsMade,
          failedReason: failedReason.slice(0, 500),
          recordingId,
        },
      },
      tx,
    );
    return { id: row.id, created: true };
  });
  if (subject.vendorRecordingId && subject.key) {
    await releaseClaim(subject.key).catch((err: unknown) =>
      logger.warn({ err, key: subject.key }, 'could not release claim of dead-lettered job'),
    );
  }
  return result;
}
