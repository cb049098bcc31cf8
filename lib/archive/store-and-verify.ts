// Steps 4–6 for a recording whose metadata and residency passed: download → locked storage → read-back
// verification → duration check. Returns what was stored and, if anything is wrong with it, the quarantine.
import type { S3Client } from '@aws-sdk/client-s3';
import { abortOrphanUploads } from '@/lib/archive/abort-orphan-uploads';
import { ArchiveError } from '@/lib/archive/archive-error';
import { recordingsBucketFor } from '@/lib/archive/assert-same-region';
import { auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import { checkMedia } from '@/lib/archive/check-media';
import { MIME_BY_FORMAT } from '@/lib/archive/duration-probe';
import { recordingObjectKey } from '@/lib/archive/recording-object-key';
import type { TStoredMedia } from '@/lib/archive/recording-fields';
import { transferMedia, type TTransferResult } from '@/lib/archive/transfer-media';
import { verifyStoredObject } from '@/lib/archive/verify-stored-object';
import { logger } from '@/lib/logger';
import type { TQuarantine } from '@/lib/quarantine/open-quarantine-case';
import type { TArchiveJob } from '@/lib/queue/contracts';
import { selectRetentionPolicy } from '@/lib/retention/select-retention-policy';
import type { TCanonicalRecording, TVendorClient } from '@/lib/vendors/types';

export type TStoreInput = {
  job: TArchiveJob;
  key: string;
  attemptId: string;
  record: TCanonicalRecording;
  region: string;
  legalHold: boolean;
  lastAttempt: boolean;
  client: TVendorClient;
  s3: S3Client;
};

export type TStoreResult = { media: TStoredMedia | null; measuredDurationSeconds: number | null; quarantine: TQuarantine | null };

// This attempt holds the recording's claim: an upload still open on the same key belongs to an attempt that
// died mid-transfer. Its parts are released before we write (audited); failing to list is not fatal,
// the periodic uploads sweep catches what is left.
async function abortDeadAttemptUploads(input: TStoreInput, bucket: string, objectKey: string): Promise<void> {
  try {
    const aborted = await abortOrphanUploads(input.s3, bucket, { key: objectKey, initiatedBefore: new Date() });
    if (aborted.length > 0) await auditArchiveEvent(input.key, 'storage.multipart_aborted', { reason: 'upload of an attempt that did not finish', uploads: aborted });
  } catch (e) {
    logger.warn({ err: e, bucket, key: objectKey }, 'could not list incomplete uploads of the object key');
  }
}

async function transfer(input: TStoreInput, bucket: string, objectKey: string, retention: { retainUntil: Date; policyId: string | null }): Promise<TTransferResult> {
  const { job, record, key } = input;
  const download = await input.client.openMedia({ vendorRecordingId: job.vendorRecordingId, interactionId: record.interactionId });
  const contentType = download.contentType ?? MIME_BY_FORMAT[record.mediaFormat] ?? 'application/octet-stream';
  try {
    await auditArchiveEvent(key, 'archive.download', { status: 'opened', contentLength: download.contentLength, contentType, mediaFormat: download.mediaFormat });
  } catch (e) {
    download.stream.destroy();
    throw e;
  }
  const metadata = {
    'attempt-id': input.attemptId,
    vendor: job.vendorSource,
    'vendor-recording-id': encodeURIComponent(job.vendorRecordingId),
    'interaction-id': encodeURIComponent(record.interactionId),
    'vendor-account-id': encodeURIComponent(job.vendorAccountId),
  };
  try {
    const target = { region: input.region, bucket, key: objectKey, retainUntil: retention.retainUntil, retentionPolicyId: retention.policyId, legalHold: input.legalHold, contentType, metadata };
    const stored = await transferMedia(input.s3, download, target);
    await auditArchiveEvent(key, 'archive.download', { status: 'completed', bytes: stored.sizeBytes, contentLength: stored.contentLength });
    return stored;
  } catch (e) {
    const details = e instanceof ArchiveError ? e.details : undefined;
    await auditArchiveEvent(key, 'archive.download', { status: 'failed', error: (e as Error).message, ...details });
    throw e;
  }
}

export async function storeAndVerify(input: TStoreInput): Promise<TStoreResult> {
  const { key, record } = input;
  const bucket = recordingsBucketFor(input.region);
  const retention = await selectRetentionPolicy(record.complianceTags);
  const { job } = input;
  const objectKey = recordingObjectKey({ vendorSource: job.vendorSource, vendorRecordingId: job.vendorRecordingId, startTime: record.startTime, mediaFormat: record.mediaFormat });
  await abortDeadAttemptUploads(input, bucket, objectKey);
  const stored = await transfer(input, bucket, objectKey, retention);
  const media: TStoredMedia = { ...stored, mediaFormat: record.mediaFormat, retentionPolicyId: retention.policyId };
  await auditArchiveEvent(key, 'archive.stored', {
    bucket,
    key: stored.key,
    versionId: stored.versionId,
    retainUntil: stored.retainUntil.toISOString(),
    policyRetainUntil: retention.retainUntil.toISOString(),
    retentionPolicy: retention.policyId ?? retention.policyName,
    objectLockMode: 'COMPLIANCE',
    legalHold: input.legalHold,
    sha256: stored.sha256,
    sizeBytes: stored.sizeBytes,
  });
  const check = await verifyStoredObject(input.s3, { bucket, key: stored.key, versionId: stored.versionId });
  return checkMedia({ key, record, media, stored, check, lastAttempt: input.lastAttempt });
}
