// Places or releases a matter's legal hold on ALL its recordings in one action: each recording goes
// through the same per-recording hold (storage, record, audit entry on the recording), then one entry on
// the matter states the outcome. Releasing lifts only this matter's holds: a recording another matter
// still holds keeps its storage hold (lift-legal-hold.ts). Recordings already in the wanted state are
// skipped, so a call that failed part-way is finished by calling again.
import type { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { TAuditInput } from '@/lib/audit/actions';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { findMatter } from '@/lib/legal-hold/find-matter';
import { liftLegalHold } from '@/lib/legal-hold/lift-legal-hold';
import { placeLegalHold } from '@/lib/legal-hold/place-legal-hold';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export const ZMatterHoldAction = z
  .object({
    reason: z.string().trim().min(3).max(2000),
    /** The count the confirmation dialog showed: a matter that changed since is refused, not half-surprised. */
    expectedCount: z.number().int().min(0),
  })
  .strict();

export type TMatterHoldOutcome = { changed: number; unchanged: number; failed: { recordingId: string; error: string }[] };

async function targets(matterId: string, mode: 'place' | 'release') {
  const rows = await db().matterRecording.findMany({
    where: { matterId },
    select: { recordingId: true, recording: { select: { legalHolds: { where: { matterId, active: true }, select: { id: true } } } } },
    orderBy: { addedAt: 'asc' },
  });
  const held = (r: (typeof rows)[number]) => r.recording.legalHolds.length > 0;
  return { total: rows.length, todo: rows.filter((r) => (mode === 'place' ? !held(r) : held(r))).map((r) => r.recordingId) };
}

export async function holdMatterRecordings(
  matterId: string,
  mode: 'place' | 'release',
  input: z.input<typeof ZMatterHoldAction>,
  user: TUserRef,
  s3: S3Client = defaultS3(),
): Promise<TMatterHoldOutcome> {
  const { reason, expectedCount } = ZMatterHoldAction.parse(input);
  if (!can(user.role, 'legal_hold.manage'))
    throw new AppError('forbidden', 'Only compliance officers and admins place or release legal holds');
  const matter = await findMatter(matterId);
  const { total, todo } = await targets(matter.id, mode);
  if (total !== expectedCount)
    throw new AppError('conflict', `The matter now has ${total} recordings, not ${expectedCount}: review and confirm again`);
  const outcome: TMatterHoldOutcome = { changed: 0, unchanged: total - todo.length, failed: [] };
  for (const recordingId of todo) {
    try {
      if (mode === 'place') await placeLegalHold({ recordingId, matterId: matter.id, reason, user }, s3);
      else await liftLegalHold({ recordingId, matterId: matter.id, reason, user }, s3);
      outcome.changed++;
    } catch (error) {
      outcome.failed.push({ recordingId, error: (error as Error).message });
    }
  }
  const details = { reference: matter.reference, reason, recordings: total, ...outcome, userEmail: user.email };
  await appendAuditEntry({
    actorType: 'user',
    actorId: user.id,
    action: mode === 'place' ? 'matter.hold_placed' : 'matter.hold_released',
    subjectType: 'matter',
    subjectId: matter.id,
    details,
  } as TAuditInput);
  if (outcome.failed.length)
    throw new AppError(
      'unavailable',
      `${outcome.failed.length} of ${todo.length} recordings could not be changed; retry to finish`,
      outcome,
    );
  return outcome;
}
