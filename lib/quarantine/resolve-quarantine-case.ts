// A reviewer's decision on a quarantine case (only OPEN, ESCALATED or REFETCH_FAILED cases can be decided):
//   accept   → ACCEPTED with the note. The recording keeps its quarantine tags — it is not silently fixed.
//              A TRUNCATION_DETECTED recording becomes ARCHIVED-with-tag: its stored media passed checksum
//              verification, the shortfall is at the source and stays flagged (tag + case + audit). Any other
//              reason (no media stored, or media we cannot vouch for/parse) stays QUARANTINED, case ACCEPTED.
//   refetch  → REFETCH_REQUESTED (re-fetch QUEUED) and a REFETCH job; the pipeline writes a new version of the
//              same key and settles the case (RESOLVED if it now passes, REFETCH_FAILED with the reason if
//              not, superseded by a new case if a different defect shows) — same Recording row.
//   escalate → ESCALATED; it can still be accepted or re-fetched later.
// Each decision is audited in the same transaction as the state change.
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { db, type DbTx } from '@/lib/db';
import type { QuarantineState, RecordingStatus } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/http/app-error';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { idempotencyKey } from '@/lib/queue/contracts';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';

export const ZResolveQuarantineCase = z.object({
  caseId: z.string().uuid(),
  decision: z.enum(['accept', 'refetch', 'escalate']),
  note: z.string().trim().min(3, 'a note of at least 3 characters is required').max(4000),
});
export type TQuarantineDecision = z.infer<typeof ZResolveQuarantineCase>['decision'];

export const DECIDABLE_STATES: QuarantineState[] = ['OPEN', 'ESCALATED', 'REFETCH_FAILED'];
const NEXT_STATE: Record<TQuarantineDecision, QuarantineState> = {
  accept: 'ACCEPTED',
  refetch: 'REFETCH_REQUESTED',
  escalate: 'ESCALATED',
};

type TCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

function loadCase(tx: DbTx, caseId: string) {
  return tx.quarantineCase.findUnique({
    where: { id: caseId },
    include: {
      recording: {
        select: {
          id: true,
          status: true,
          vendorSource: true,
          vendorRecordingId: true,
          vendorAccountId: true,
          interactionId: true,
          startTime: true,
          storageVersionId: true,
          checksumSha256: true,
          dataResidencyRegion: true,
        },
      },
    },
  });
}

/** Accepting the last open case of a truncated-but-verified recording archives it, tags and all. */
async function statusAfterAccept(tx: DbTx, c: TCase): Promise<RecordingStatus> {
  const r = c.recording;
  if (c.reason !== 'TRUNCATION_DETECTED' || r.status !== 'QUARANTINED' || !r.storageVersionId || !r.checksumSha256) return r.status;
  const others = await tx.quarantineCase.count({
    where: { recordingId: r.id, id: { not: c.id }, state: { in: ['OPEN', 'ESCALATED', 'REFETCH_REQUESTED'] } },
  });
  if (others > 0) return r.status;
  await tx.recording.update({ where: { id: r.id }, data: { status: 'ARCHIVED', archivedAt: new Date() } });
  return 'ARCHIVED';
}

async function enqueueRefetch(c: TCase): Promise<string> {
  const r = c.recording;
  if (!r.vendorAccountId) throw new AppError('conflict', 'The recording has no vendor account to re-fetch from');
  const { jobId } = await enqueueArchiveJob(
    {
      vendorSource: r.vendorSource,
      vendorAccountId: r.vendorAccountId,
      vendorRecordingId: r.vendorRecordingId,
      interactionId: r.interactionId,
      interactionDate: r.startTime ? r.startTime.toISOString().slice(0, 10) : null,
      source: 'REFETCH',
      quarantineCaseId: c.id,
    },
    { eventType: 'quarantine.refetch' },
  );
  return jobId;
}

/** A decision taken for several cases at once: each case still gets its own audit entries, tagged with the batch. */
export type TDecisionBatch = { id: string; size: number };

/** The decider; a region-scoped user (regions non-empty) decides only cases of recordings in those regions. */
export type TDecider = TUserRef & { regions?: readonly string[] };

export async function resolveQuarantineCase(
  input: z.input<typeof ZResolveQuarantineCase> & { user: TDecider; batch?: TDecisionBatch },
): Promise<void> {
  const { caseId, decision, note } = ZResolveQuarantineCase.parse(input);
  const { user } = input;
  if (!can(user.role, 'quarantine.decide')) throw new AppError('forbidden', 'Only reviewers and admins decide quarantine cases');
  await db().$transaction(
    async (tx) => {
      const c = await loadCase(tx, caseId);
      if (!c) throw new AppError('not_found', 'Quarantine case not found');
      assertRegionAccess(user.regions, c.recording.dataResidencyRegion);
      const from = c.state;
      if (!DECIDABLE_STATES.includes(from) || (decision === 'escalate' && from === 'ESCALATED')) {
        throw new AppError(
          'conflict',
          `A case in state ${from} cannot be ${decision === 'accept' ? 'accepted' : decision === 'refetch' ? 're-fetched' : 'escalated'}`,
        );
      }
      const now = new Date();
      const resolved =
        decision === 'accept'
          ? { resolvedById: user.id, resolvedAt: now }
          : decision === 'refetch'
            ? { refetchStatus: 'QUEUED' as const, refetchError: null, refetchAt: now }
            : {};
      // The state guard in WHERE makes two reviewers deciding at once safe: the second one updates nothing.
      const { count } = await tx.quarantineCase.updateMany({
        where: { id: caseId, state: from },
        data: { state: NEXT_STATE[decision], resolutionNote: note, ...resolved },
      });
      if (count !== 1) throw new AppError('conflict', 'The case was decided by someone else meanwhile');
      // Enqueue before taking the audit chain lock: the enqueue writes its own audited IngestEvent.
      const jobId = decision === 'refetch' ? await enqueueRefetch(c) : null;
      const recordingStatus = decision === 'accept' ? await statusAfterAccept(tx, c) : c.recording.status;
      const details = {
        caseId,
        recordingId: c.recording.id,
        reason: c.reason,
        decision,
        note,
        from,
        to: NEXT_STATE[decision],
        recordingStatus,
        jobId,
        userEmail: user.email,
        ...(input.batch ? { batchId: input.batch.id, batchSize: input.batch.size } : {}),
      };
      await appendAuditEntry(
        { actorType: 'user', actorId: user.id, action: 'quarantine.resolved', subjectType: 'quarantine_case', subjectId: caseId, details },
        tx,
      );
      const key = idempotencyKey(c.recording.vendorSource, c.recording.vendorRecordingId);
      await appendAuditEntry(
        { actorType: 'user', actorId: user.id, action: 'quarantine.resolved', subjectType: 'recording', subjectId: key, details },
        tx,
      );
    },
    { timeout: 20_000 },
  );
}
