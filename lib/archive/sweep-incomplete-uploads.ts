// Periodic sweep of incomplete multipart uploads in every bucket of ours (recordings and audit, each region):
// an upload initiated longer ago than MULTIPART_MAX_AGE_MINUTES (longer than any transfer can take) was left by
// a process that died; its parts are aborted and each abort is audited. The bucket lifecycle rule does the
// same after days; this keeps the window to hours and leaves a record.
import type { S3Client } from '@aws-sdk/client-s3';
import { abortOrphanUploads, type TAbortedUpload } from '@/lib/archive/abort-orphan-uploads';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { env } from '@/lib/env';
import { JOBS } from '@/lib/queue/contracts';
import { bucketName } from '@/lib/storage/buckets';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export async function sweepIncompleteUploads(
  opts: { s3?: S3Client; maxAgeMinutes?: number; prefix?: string } = {},
): Promise<{ aborted: TAbortedUpload[] }> {
  const s3 = opts.s3 ?? defaultS3();
  const before = new Date(Date.now() - (opts.maxAgeMinutes ?? env().MULTIPART_MAX_AGE_MINUTES) * 60_000);
  const buckets = env().RESIDENCY_REGIONS.flatMap((r) => [bucketName('recordings', r), bucketName('audit', r)]);
  const aborted: TAbortedUpload[] = [];
  for (const bucket of buckets) {
    for (const upload of await abortOrphanUploads(s3, bucket, { prefix: opts.prefix, initiatedBefore: before })) {
      aborted.push(upload);
      await appendAuditEntry({
        actorType: 'worker',
        actorId: JOBS.sweepUploads,
        action: 'storage.multipart_aborted',
        subjectType: 'system',
        subjectId: `s3://${upload.bucket}/${upload.key}`,
        details: {
          reason: 'incomplete upload older than the longest possible transfer',
          uploadId: upload.uploadId,
          initiated: upload.initiated,
          olderThan: before.toISOString(),
        },
      });
    }
  }
  return { aborted };
}
