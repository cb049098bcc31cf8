// Opens a quarantine case inside the caller's transaction (the pipeline's commit), with the tag that is
// also appended to the recording's complianceTags so the flag travels with the record everywhere.
import type { DbTx } from '@/lib/db';
import type { QuarantineReason } from '@/lib/generated/prisma/enums';
import { Prisma } from '@/lib/generated/prisma/client';

export const QUARANTINE_TAG: Record<QuarantineReason, string> = {
  TRUNCATION_DETECTED: 'truncation_detected',
  INVALID_METADATA: 'invalid_metadata',
  RESIDENCY_VIOLATION: 'residency_violation',
  CHECKSUM_MISMATCH: 'checksum_mismatch',
  INVALID_MEDIA: 'invalid_media',
};

export type TQuarantine = { reason: QuarantineReason; evidence: Record<string, unknown> };

export async function openQuarantineCase(tx: DbTx, recordingId: string, quarantine: TQuarantine): Promise<string> {
  const row = await tx.quarantineCase.create({
    data: {
      recordingId,
      reason: quarantine.reason,
      tags: [QUARANTINE_TAG[quarantine.reason]],
      evidence: quarantine.evidence as Prisma.InputJsonValue,
      state: 'OPEN',
    },
    select: { id: true },
  });
  return row.id;
}
