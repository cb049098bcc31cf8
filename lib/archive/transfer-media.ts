// Step 4: vendor download → SHA-256/byte count → multipart Upload into the region's Object Lock bucket.
// Memory is bounded by queueSize × partSize whatever the file size. A download that breaks off or ends
// short aborts the upload before completion; no partial object is ever referenced as archived.
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { pipeline } from 'node:stream/promises';
import { ArchiveError } from '@/lib/queue/archive-error';
import { assertSameRegion } from '@/lib/archive/assert-same-region';
import { confirmObjectLock } from '@/lib/storage/confirm-object-lock';
import { HashingStream } from '@/lib/archive/hashing-stream';
import { storageWriteLimiter } from '@/lib/storage/storage-write-limiter';
import { tagChecksum } from '@/lib/archive/tag-checksum';
import { watchIdleDownload } from '@/lib/archive/watch-idle-download';
import { env } from '@/lib/env';
import { retentionTag } from '@/lib/retention/retention-tag';
import type { TMediaDownload } from '@/lib/vendors/types';

export const PART_SIZE = 8 * 1024 * 1024;
export const QUEUE_SIZE = 2;

export type TTransferTarget = {
  region: string;
  bucket: string;
  key: string;
  retainUntil: Date;
  /** Retention policy of the recording: tagged on the version so the bucket's lifecycle rule for it applies. */
  retentionPolicyId?: string | null;
  legalHold: boolean;
  contentType: string;
  /** Object metadata (ASCII); attempt-id identifies this write when the store returns no VersionId. */
  metadata: Record<string, string> & { 'attempt-id': string };
};

export type TTransferResult = {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  sizeBytes: number;
  contentLength: number | null;
  /** The retain-until storage enforces on this version (read back; >= the policy's date). */
  retainUntil: Date;
};

function uploadFor(s3: S3Client, target: TTransferTarget, body: HashingStream): Upload {
  return new Upload({
    client: s3,
    queueSize: QUEUE_SIZE,
    partSize: PART_SIZE,
    leavePartsOnError: false,
    params: {
      Bucket: target.bucket,
      Key: target.key,
      Body: body,
      ContentType: target.contentType,
      Metadata: target.metadata,
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: target.retainUntil,
      ...(target.legalHold ? { ObjectLockLegalHoldStatus: 'ON' as const } : {}),
      // The SDK then sends x-amz-checksum-sha256 on every PutObject/UploadPart for the store to check.
      ...(env().S3_CHECKSUM_SUPPORTED ? { ChecksumAlgorithm: 'SHA256' as const } : {}),
    },
  });
}

export async function transferMedia(s3: S3Client, download: TMediaDownload, target: TTransferTarget): Promise<TTransferResult> {
  try {
    assertSameRegion(target.region, target.bucket);
  } catch (e) {
    download.stream.destroy();
    throw e;
  }
  await storageWriteLimiter().take();
  const hasher = new HashingStream(download.contentLength);
  const upload = uploadFor(s3, target, hasher);
  const piped = pipeline(download.stream, hasher);
  const stopWatch = watchIdleDownload(download.stream);
  // A failed upload stops reading: tear the download down so the pipeline settles too.
  const stored = upload.done().catch((e: unknown) => {
    download.stream.destroy();
    hasher.destroy();
    throw e;
  });
  const [pipeResult, uploadResult] = await Promise.allSettled([piped, stored]);
  stopWatch();
  // lib-storage aborts the multipart upload itself when its body fails, before done() settles.
  if (pipeResult.status === 'rejected') {
    throw downloadError(
      pipeResult.reason,
      hasher,
      download,
      uploadResult.status === 'fulfilled' ? uploadResult.value.VersionId : undefined,
    );
  }
  if (uploadResult.status === 'rejected') {
    throw new ArchiveError('retryable', 'upload_failed', `Storage write failed: ${(uploadResult.reason as Error).message}`, {
      bucket: target.bucket,
      key: target.key,
    });
  }
  const version = {
    bucket: target.bucket,
    key: target.key,
    versionId: uploadResult.value.VersionId || (await versionOfOurWrite(s3, target)),
  };
  const retainUntil = await confirmObjectLock(s3, version, target.retainUntil);
  await tagChecksum(
    s3,
    version,
    hasher.sha256,
    hasher.byteCount,
    target.retentionPolicyId === undefined ? [] : [retentionTag(target.retentionPolicyId)],
  );
  return { ...version, sha256: hasher.sha256, sizeBytes: hasher.byteCount, contentLength: download.contentLength, retainUntil };
}

function downloadError(reason: unknown, hasher: HashingStream, download: TMediaDownload, strayVersionId: string | undefined): ArchiveError {
  const details = { bytesReceived: hasher.byteCount, contentLength: download.contentLength, strayVersionId: strayVersionId ?? null };
  if (reason instanceof ArchiveError) return new ArchiveError(reason.kind, reason.code, reason.message, { ...reason.details, ...details });
  return new ArchiveError('retryable', 'short_stream', `Download broke off: ${(reason as Error)?.message ?? String(reason)}`, details);
}

/** Completed multipart uploads on RGW come back without VersionId/ETag: read it, and make sure it is ours. */
async function versionOfOurWrite(s3: S3Client, target: TTransferTarget): Promise<string> {
  const head = await s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: target.key }));
  if (!head.VersionId || head.Metadata?.['attempt-id'] !== target.metadata['attempt-id']) {
    throw new ArchiveError('retryable', 'version_unknown', 'Could not identify the stored version of this write', {
      bucket: target.bucket,
      key: target.key,
    });
  }
  return head.VersionId;
}
