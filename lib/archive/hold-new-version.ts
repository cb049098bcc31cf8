// A version stored while a legal hold was being placed was not in that hold's version list: the pipeline
// extends the hold to it right after commit, so no version of a held recording is ever left unheld.
import type { S3Client } from '@aws-sdk/client-s3';
import { auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import type { TStoredMedia } from '@/lib/archive/recording-fields';
import { setObjectLegalHold } from '@/lib/legal-hold/object-legal-hold';

export async function holdNewVersion(s3: S3Client, key: string, media: TStoredMedia): Promise<void> {
  const version = { bucket: media.bucket, key: media.key, versionId: media.versionId };
  try {
    await setObjectLegalHold(s3, version, 'ON');
  } catch (e) {
    // Loud in the audit trail: placing the hold again (idempotent) covers every version of the key.
    await auditArchiveEvent(key, 'legal_hold.extend_failed', { ...version, error: (e as Error).message });
    throw e;
  }
  await auditArchiveEvent(key, 'legal_hold.extended', version);
}
