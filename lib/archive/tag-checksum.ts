// The checksum as object tags: object metadata is fixed when a streamed upload starts, before the hash
// exists. Informational only (tags are mutable); the database and the audit trail hold the authoritative
// value, and a failure here does not fail the archive. The same tag set carries the retention policy tag
// the lifecycle rules select on; without it the version simply stays in its class (lifecycle-rules.ts).
import { PutObjectTaggingCommand, type S3Client, type Tag } from '@aws-sdk/client-s3';
import type { TVersionRef } from '@/lib/storage/confirm-object-lock';
import { storageWriteLimiter } from '@/lib/storage/storage-write-limiter';
import { logger } from '@/lib/logger';

export async function tagChecksum(s3: S3Client, v: TVersionRef, sha256: string, sizeBytes: number, extraTags: Tag[] = []): Promise<void> {
  try {
    await storageWriteLimiter().take();
    const TagSet = [{ Key: 'sha256', Value: sha256 }, { Key: 'size', Value: String(sizeBytes) }, ...extraTags];
    await s3.send(new PutObjectTaggingCommand({ Bucket: v.bucket, Key: v.key, VersionId: v.versionId, Tagging: { TagSet } }));
  } catch (e) {
    logger.warn({ err: e, bucket: v.bucket, key: v.key }, 'could not tag the stored version with its checksum');
  }
}
