// A job that exhausted its attempts (or failed unrecoverably) becomes a DeadLetter row: visible in the
// console, replayable, audited. Its recording, if a row exists and is not settled, is marked FAILED so the
// archive shows the gap instead of a silent PENDING. The claim is released: nothing is processing it any more.
import type { Job } from 'bullmq';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { db } from '@/lib/db';
import { releaseClaim } from '@/lib/ingest/claim-recording';
import { logger } from '@/lib/logger';
import { idempotencyKey, interactionKey, ZArchiveJob, ZResolveInteractionJob } from '@/lib/queue/contracts';

/** BullMQ emits 'failed' after every attempt; only the last one (or an UnrecoverableError) is final. */
export function isFinalFailure(job: Job, error: Error): boolean {
  return error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

function subjectOf(job: Job) {
  const archive = ZArchiveJob.safeParse(job.data);
  if (archive.success) {
    const { vendorSource, vendorRecordingId } = archive.data;
    return { vendorSource, vendorRecordingId, key: idempotencyKey(vendorSource, vendorRecordingId), subjectType: 'recording' };
  }
  const resolve = ZResolveInteractionJob.safeParse(job.data);
  if (resolve.success) {
    return { vendorSource: resolve.data.vendorSource, vendorRecordingId: null, key: interactionKey(resolve.data.vendorSource, resolve.data.interactionId), subjectType: 'system' };
  }
  return { vendorSource: null, vendorRecordingId: null, key: null, subjectType: 'system' };
}

export async function recordDeadLetter(queue: string, job: Job, error: Error): Promise<{ id: string; created: boolean }> {
  const jobId = job.id ?? 'unknown';
  const subject = subjectOf(job);
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
        failedReason: (error.message || error.name).slice(0, 2000),
        attemptsMade: job.attemptsMade,
      },
      select: { id: true },
    });
    let recordingId: string | null = null;
    if (subject.vendorSource && subject.vendorRecordingId) {
      const where = { vendorSource: subject.vendorSource, vendorRecordingId: subject.vendorRecordingId, status: { in: ['PENDING' as const, 'FAILED' as const] } };
      const rec = await tx.recording.findFirst({ where, select: { id: true } });
      if (rec) await tx.recording.update({ where: { id: rec.id }, data: { status: 'FAILED' } });
      recordingId = rec?.id ?? null;
    }
    await appendAuditEntry(
      {
        actorType: 'worker',
        actorId: queue,
        action: 'archive.dead_lettered',
        subjectType: subject.subjectType,
        subjectId: subject.key ?? `job:${queue}:${jobId}`,
        details: { deadLetterId: row.id, queue, jobId, jobName: job.name, attemptsMade: job.attemptsMade, failedReason: (error.message || error.name).slice(0, 500), recordingId },
      },
      tx,
    );
    return { id: row.id, created: true };
  });
  if (subject.vendorRecordingId && subject.key) {
    await releaseClaim(subject.key).catch((err: unknown) => logger.warn({ err, key: subject.key }, 'could not release claim of dead-lettered job'));
  }
  return result;
}
