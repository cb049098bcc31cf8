// Replays a dead letter: re-enqueues its job under a new id (BullMQ keeps the failed one, so the old id
// would be refused as a duplicate), marks the row replayed and audits who did it — all or nothing: the row
// is marked in the same transaction that the audit entry commits in, after Redis confirmed the job.
import { randomBytes } from 'node:crypto';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import type { DeadLetter } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/http/app-error';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { JOBS, ZArchiveJob, ZResolveInteractionJob } from '@/lib/queue/contracts';
import { resolveQueue, retryOptions } from '@/lib/queue/queues';
import { withRedis } from '@/lib/queue/with-redis';

async function reenqueue(row: DeadLetter, user: TUserRef): Promise<string> {
  if (row.jobName === JOBS.archive) {
    const job = ZArchiveJob.parse(row.payload);
    const { jobId } = await enqueueArchiveJob(
      { ...job, source: 'REPLAY' },
      { eventType: 'dead_letter.replay', actor: { type: 'user', id: user.id }, auditDetails: { deadLetterId: row.id, replayedJobId: row.jobId } },
    );
    return jobId;
  }
  if (row.jobName === JOBS.resolveInteraction) {
    const job = ZResolveInteractionJob.parse(row.payload);
    const jobId = `${row.jobId}__replay-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    await withRedis('replay resolve job', () => resolveQueue().add(JOBS.resolveInteraction, job, { ...retryOptions(), jobId }));
    return jobId;
  }
  throw new AppError('unprocessable', `Jobs of type ${row.jobName} cannot be replayed`);
}

export async function replayDeadLetter(id: string, user: TUserRef): Promise<void> {
  if (user.role !== 'ADMIN') throw new AppError('forbidden', 'Only administrators may replay dead letters');
  const row = await db().deadLetter.findUnique({ where: { id } });
  if (!row) throw new AppError('not_found', 'Dead letter not found');
  if (row.replayedAt) throw new AppError('conflict', 'Dead letter already replayed');
  await db().$transaction(
    async (tx) => {
      // Row lock first: two operators clicking "replay" at once enqueue once.
      const marked = await tx.deadLetter.updateMany({ where: { id, replayedAt: null }, data: { replayedAt: new Date(), replayedBy: user.id } });
      if (marked.count === 0) throw new AppError('conflict', 'Dead letter already replayed');
      const newJobId = await reenqueue(row, user);
      await appendAuditEntry(
        {
          actorType: 'user',
          actorId: user.id,
          action: 'dead_letter.replayed',
          subjectType: 'dead_letter',
          subjectId: id,
          details: { queue: row.queue, jobName: row.jobName, originalJobId: row.jobId, newJobId, vendorRecordingId: row.vendorRecordingId, userEmail: user.email },
        },
        tx,
      );
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
