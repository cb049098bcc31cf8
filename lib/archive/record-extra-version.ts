// An Object-Locked version that is not the recording's media (lost a race, superseded by other bytes, failed
// its read-back, or was completed by a cut download) cannot be deleted before its retention ends. It is never
// hidden: one ExtraObjectVersion row (reported to operators) and one audit entry per version.
import { auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import { db, type DbTx } from '@/lib/db';
import type { TVendor } from '@/lib/vendors/types';

export type TExtraVersion = {
  key: string;
  vendorSource: TVendor;
  vendorRecordingId: string;
  bucket: string;
  objectKey: string;
  versionId: string;
  sha256: string | null;
  sizeBytes: number | null;
  reason: 'lost_race' | 'superseded_by_other_bytes' | 'checksum_mismatch' | 'stray_write';
  attemptId: string | null;
};

export async function recordExtraVersion(v: TExtraVersion, tx: DbTx = db()): Promise<void> {
  const created = await tx.extraObjectVersion.createMany({
    data: [
      {
        vendorSource: v.vendorSource,
        vendorRecordingId: v.vendorRecordingId,
        bucket: v.bucket,
        key: v.objectKey,
        versionId: v.versionId,
        sha256: v.sha256,
        sizeBytes: v.sizeBytes === null ? null : BigInt(v.sizeBytes),
        reason: v.reason,
        attemptId: v.attemptId,
      },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return;
  await auditArchiveEvent(
    v.key,
    'archive.extra_version',
    {
      bucket: v.bucket,
      key: v.objectKey,
      versionId: v.versionId,
      sha256: v.sha256,
      sizeBytes: v.sizeBytes,
      reason: v.reason,
      attemptId: v.attemptId,
    },
    tx,
  );
}
