// Reads back the lock of the version just written and makes it what the retention policy asked for.
// Ceph RGW 16 ignores ObjectLockRetainUntilDate on multipart uploads and applies the bucket's default
// retention instead: a window shorter than the policy's is extended with PutObjectRetention (COMPLIANCE
// allows extending, never shortening); a longer one is kept (over-retention is safe). The date recorded in
// the database is the one storage actually enforces.
import { HeadObjectCommand, PutObjectRetentionCommand, type S3Client } from '@aws-sdk/client-s3';
import { ArchiveError } from '@/lib/queue/archive-error';
import { storageWriteLimiter } from '@/lib/storage/storage-write-limiter';

export type TVersionRef = { bucket: string; key: string; versionId: string };

async function readLock(s3: S3Client, v: TVersionRef) {
  const head = await s3.send(new HeadObjectCommand({ Bucket: v.bucket, Key: v.key, VersionId: v.versionId }));
  return { mode: head.ObjectLockMode, until: head.ObjectLockRetainUntilDate ?? null };
}

export async function confirmObjectLock(s3: S3Client, v: TVersionRef, wanted: Date): Promise<Date> {
  let lock = await readLock(s3, v);
  if (lock.mode !== 'COMPLIANCE' || !lock.until || lock.until.getTime() < wanted.getTime() - 1000) {
    await storageWriteLimiter().take();
    await s3.send(
      new PutObjectRetentionCommand({
        Bucket: v.bucket,
        Key: v.key,
        VersionId: v.versionId,
        Retention: { Mode: 'COMPLIANCE', RetainUntilDate: wanted },
      }),
    );
    lock = await readLock(s3, v);
  }
  if (lock.mode !== 'COMPLIANCE' || !lock.until || lock.until.getTime() < wanted.getTime() - 1000) {
    throw new ArchiveError('retryable', 'upload_failed', 'Stored version is not locked in COMPLIANCE mode until the policy date', {
      ...v,
      mode: lock.mode ?? null,
      retainUntil: lock.until?.toISOString() ?? null,
      wanted: wanted.toISOString(),
    });
  }
  return lock.until;
}
