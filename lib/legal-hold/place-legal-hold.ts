// Places a matter's legal hold on a recording: storage first (PutObjectLegalHold ON on every version of the recording's key), then
// the LegalHold row + Recording.legalHold + audit entry in one transaction. If the database step fails the
// storage hold stays ON — over-holding is safe and a retry completes it; the database never claims a hold
// that storage does not have.
import type { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { loadHeldRecording } from '@/lib/legal-hold/load-held-recording';
import { holdActionSchema, resolveMatter } from '@/lib/legal-hold/resolve-matter';
import { setLegalHoldOnVersions } from '@/lib/legal-hold/object-legal-hold';
import { logger } from '@/lib/logger';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

/** The matter, by id or by reference (a new reference opens the matter). */
export const ZPlaceLegalHold = holdActionSchema('Name the matter');

export async function placeLegalHold(
  input: z.input<typeof ZPlaceLegalHold> & { recordingId: string; user: TUserRef },
  s3: S3Client = defaultS3(),
): Promise<void> {
  const { reason, ...ref } = ZPlaceLegalHold.parse(input);
  const recordingId = z.uuid().parse(input.recordingId);
  if (!can(input.user.role, 'legal_hold.manage')) throw new AppError('forbidden', 'Only compliance officers and admins place legal holds');
  const rec = await loadHeldRecording(recordingId);
  const matter = await resolveMatter(ref, input.user, { create: true });
  const caseReference = matter.reference;
  const duplicate = await db().legalHold.findFirst({ where: { recordingId, matterId: matter.id, active: true }, select: { id: true } });
  if (duplicate) throw new AppError('conflict', `A legal hold for matter ${caseReference} is already active on this recording`);

  let versions: string[] = [];
  if (rec.storage) {
    try {
      versions = await setLegalHoldOnVersions(s3, rec.storage.bucket, rec.storage.key, 'ON');
    } catch (e) {
      logger.error({ err: e, recordingId }, 'legal hold: storage refused PutObjectLegalHold ON');
      throw new AppError('unavailable', 'Storage did not accept the legal hold; nothing was recorded, retry later');
    }
  }
  try {
    await db().$transaction(async (tx) => {
      const hold = await tx.legalHold.create({
        data: { recordingId, matterId: matter.id, caseReference, reason, placedById: input.user.id },
        select: { id: true },
      });
      await tx.recording.update({ where: { id: recordingId }, data: { legalHold: true } });
      await appendAuditEntry(
        {
          actorType: 'user',
          actorId: input.user.id,
          action: 'legal_hold.placed',
          subjectType: 'recording',
          subjectId: rec.auditKey,
          details: {
            recordingId,
            legalHoldId: hold.id,
            matterId: matter.id,
            caseReference,
            reason,
            userEmail: input.user.email,
            storage: rec.storage,
            versionIds: versions,
          },
        },
        tx,
      );
    });
  } catch (e) {
    logger.error(
      { err: e, recordingId, versions: versions.length },
      'legal hold: storage hold is ON but the record failed; retry to record it',
    );
    throw e;
  }
}
