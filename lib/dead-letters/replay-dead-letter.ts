// Replays a dead letter: re-enqueues its job under a new id (BullMQ keeps the failed one, so the old id
// would be refused as a duplicate), marks the row replayed and audits who did it — all or nothing: the row
// is marked in the same transaction that the audit entry commits in, after Redis confirmed the job.
// Operators replay from the console (replayDeadLetter); the automatic re-drive replays as the system.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import type { DeadLetter } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/http/app-error';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { enqueueInteractionJob } from '@/lib/ingest/enqueue-interaction-job';
import { JOBS, ZArchiveJob, ZResolveInteractionJob } from '@/lib/queue/contracts';

export type TReplayActor = { type: 'user' | 'system'; id: string; email?: string };

async function reenqueue(row: DeadLetter, actor: TReplayActor): Promise<string> {
  const auditDetails = { deadLetterId: row.id, replayedJobId: row.jobId };
  if (row.jobName === JOBS.archive) {
    const job = ZArchiveJob.parse(row.payload);
    const { jobId } = await enqueueArchiveJob(
      { ...job, source: 'REPLAY' },
      { eventType: 'dead_letter.replay', actor: { type: actor.type, id: actor.id }, auditDetails },
    );
    return jobId;
  }
  if (row.jobName === JOBS.resolveInteraction) {
    const job = ZResolveInteractionJob.parse(row.payload);
    const { jobId } = await enqueueInteractionJob(job, { source: 'REPLAY', actor: { type: actor.type, id: actor.id }, auditDetails });
    return jobId;
  }
  throw new AppError('unprocessable', `Jobs of type ${row.jobName} cannot be replayed`);
}

/** Marks the row replayed, re-enqueues its job and audits `action`; 409 if it was replayed meanwhile. */
export async function replayDeadLetterAs(
  row: DeadLetter,
  actor: TReplayActor,
  action: 'dead_letter.replayed' | 'dead_letter.auto_redriven',
): Promise<string> {
  return db().$transaction(
    async (tx) => {
      // Row lock first: two operators clicking "replay" at once enqueue once.
      const marked = await tx.deadLetter.updateMany({
        where: { id: row.id, replayedAt: null },
        data: { replayedAt: new Date(), replayedBy: actor.id },
      });
      if (marked.count === 0) throw new AppError('conflict', 'Dead letter already replayed');
      const newJobId = await reenqueue(row, actor);
      await appendAuditEntry(
        {
          actorType: actor.type,
          actorId: actor.id,
          action,
          subjectType: 'dead_letter',
          subjectId: row.id,
          details: {
            queue: row.queue,
            jobName: row.jobName,
            originalJobId: row.jobId,
            newJobId,
            vendorRecordingId: row.vendorRecordingId,
            ...(actor.email ? { userEmail: actor.email } : {}),
          },
        },
        tx,
      );
      return newJobId;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

export async function replayDeadLetter(id: string, user: TUserRef): Promise<void> {
  if (user.role !== 'ADMIN') throw new AppError('forbidden', 'Only administrators may replay dead letters');
  const row = await db().deadLetter.findUnique({ where: { id } });
  if (!row) throw new AppError('not_found', 'Dead letter not found');
  if (row.replayedAt) throw new AppError('conflict', 'Dead letter already replayed');
  await replayDeadLetterAs(row, { type: 'user', id: user.id, email: user.email }, 'dead_letter.replayed');
}
