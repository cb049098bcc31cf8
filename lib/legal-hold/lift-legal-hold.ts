// Lifts ONE matter's legal hold on a recording (the caller names the matter): the database first (that
// matter's LegalHold row closed, the flag cleared only if no other matter still holds, audit entry — one
// transaction), then storage: PutObjectLegalHold OFF on every version, and only when no matter holds any
// more. Storage failing after the commit leaves MORE protection than the record says, never less; calling
// again finishes the job (a recording with no active hold but versions still held is completed and audited).
import type { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { loadHeldRecording } from '@/lib/legal-hold/load-held-recording';
import { holdActionSchema, resolveMatter } from '@/lib/legal-hold/resolve-matter';
import { heldVersions, setLegalHoldOnVersions, setObjectLegalHold } from '@/lib/legal-hold/object-legal-hold';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export const ZLiftLegalHold = holdActionSchema('Name the matter whose hold you lift');

type THeld = Awaited<ReturnType<typeof loadHeldRecording>>;

async function releaseStorage(s3: S3Client, rec: THeld, user: TUserRef, reason: string): Promise<string[]> {
  if (!rec.storage) return [];
  try {
    return await setLegalHoldOnVersions(s3, rec.storage.bucket, rec.storage.key, 'OFF');
  } catch {
    const details = { recordingId: rec.id, reason, storage: rec.storage };
    await appendAuditEntry({
      actorType: 'user',
      actorId: user.id,
      action: 'legal_hold.lift_incomplete',
      subjectType: 'recording',
      subjectId: rec.auditKey,
      details,
    });
    throw new AppError('unavailable', 'The hold is lifted in the record but storage still holds the media; retry to complete');
  }
}

/** A previous lift committed but storage kept some versions held: turn them off now. */
async function completeEarlierLift(s3: S3Client, rec: THeld, user: TUserRef, reason: string): Promise<boolean> {
  if (!rec.storage) return false;
  const held = await heldVersions(s3, rec.storage.bucket, rec.storage.key);
  if (held.length === 0) return false;
  for (const versionId of held) await setObjectLegalHold(s3, { ...rec.storage, versionId }, 'OFF');
  const details = { recordingId: rec.id, reason, userEmail: user.email, storage: rec.storage, versionIds: held };
  await appendAuditEntry({
    actorType: 'user',
    actorId: user.id,
    action: 'legal_hold.lift_completed',
    subjectType: 'recording',
    subjectId: rec.auditKey,
    details,
  });
  return true;
}

export async function liftLegalHold(
  input: z.input<typeof ZLiftLegalHold> & { recordingId: string; user: TUserRef },
  s3: S3Client = defaultS3(),
): Promise<{ remainingMatters: string[] }> {
  const { reason, ...ref } = ZLiftLegalHold.parse(input);
  const recordingId = z.uuid().parse(input.recordingId);
  if (!can(input.user.role, 'legal_hold.manage')) throw new AppError('forbidden', 'Only compliance officers and admins lift legal holds');
  const rec = await loadHeldRecording(recordingId);
  const matter = await resolveMatter(ref, input.user, { create: false });
  const active = await db().legalHold.findMany({
    where: { recordingId, active: true },
    select: { id: true, caseReference: true, matterId: true },
  });
  const lifting = active.filter((h) => h.matterId === matter.id);
  if (lifting.length === 0) {
    if (active.length === 0 && (await completeEarlierLift(s3, rec, input.user, reason))) return { remainingMatters: [] };
    throw new AppError('conflict', `Matter ${matter.reference} has no active legal hold on this recording`);
  }
  const remainingMatters = [...new Set(active.filter((h) => h.matterId !== matter.id).map((h) => h.caseReference))];
  await db().$transaction(async (tx) => {
    const now = new Date();
    await tx.legalHold.updateMany({
      where: { id: { in: lifting.map((h) => h.id) }, active: true },
      data: { active: false, liftedById: input.user.id, liftedAt: now, liftReason: reason },
    });
    if (remainingMatters.length === 0) await tx.recording.update({ where: { id: recordingId }, data: { legalHold: false } });
    const details = {
      recordingId,
      reason,
      userEmail: input.user.email,
      matterId: matter.id,
      caseReference: matter.reference,
      holds: lifting.map((h) => h.id),
      remainingMatters,
      storage: rec.storage,
    };
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: input.user.id,
        action: 'legal_hold.lifted',
        subjectType: 'recording',
        subjectId: rec.auditKey,
        details,
      },
      tx,
    );
  });
  // Other matters still hold the recording: storage keeps its hold.
  if (remainingMatters.length === 0) await releaseStorage(s3, rec, input.user, reason);
  return { remainingMatters };
}
