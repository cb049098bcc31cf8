// Steps 4–6 for a recording whose metadata and residency passed: download → locked storage → read-back
// verification → duration check. Returns what was stored and, if anything is wrong with it, the quarantine.
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { abortOrphanUploads } from '@/lib/archive/abort-orphan-uploads';
import { ArchiveError } from '@/lib/queue/archive-error';
import { recordingsBucketFor } from '@/lib/archive/assert-same-region';
import { auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import { checkMedia } from '@/lib/archive/check-media';
import { confirmObjectLock } from '@/lib/storage/confirm-object-lock';
import { hashDownload, storedCandidates, type TStoredCandidate } from '@/lib/archive/find-reusable-version';
import { recordExtraVersion } from '@/lib/archive/record-extra-version';
import { MIME_BY_FORMAT } from '@/lib/media/duration-probe';
import { recordingObjectKey } from '@/lib/archive/recording-object-key';
import type { TStoredMedia } from '@/lib/archive/recording-fields';
import { transferMedia, type TTransferResult } from '@/lib/archive/transfer-media';
import { verifyStoredObject } from '@/lib/archive/verify-stored-object';
import { db } from '@/lib/db';
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
    if (aborted.length > 0)
      await auditArchiveEvent(input.key, 'storage.multipart_aborted', {
        reason: 'upload of an attempt that did not finish',
        uploads: aborted,
      });
  } catch (e) {
    logger.warn({ err: e, bucket, key: objectKey }, 'could not list incomplete uploads of the object key');
  }
}

type TRetention = { retainUntil: Date; policyId: string | null };

const extra = (
  input: TStoreInput,
  c: { bucket: string; versionId: string; sha256: string | null; sizeBytes: number | null },
  objectKey: string,
  reason: 'superseded_by_other_bytes' | 'stray_write' | 'checksum_mismatch',
) =>
  recordExtraVersion({
    key: input.key,
    vendorSource: input.job.vendorSource,
    vendorRecordingId: input.job.vendorRecordingId,
    bucket: c.bucket,
    objectKey,
    versionId: c.versionId,
    sha256: c.sha256,
    sizeBytes: c.sizeBytes,
    reason,
    attemptId: input.attemptId,
  });

async function candidatesAt(input: TStoreInput, bucket: string, objectKey: string): Promise<TStoredCandidate[]> {
  try {
    return await storedCandidates(input.s3, bucket, objectKey);
  } catch (e) {
    throw new ArchiveError('retryable', 'upload_failed', `Could not list stored versions: ${(e as Error).message}`, {
      bucket,
      key: objectKey,
    });
  }
}

/** The newest stored version written by an earlier attempt at this same recording (its attempt-id metadata
 *  names one of the recording's IngestAttempt rows). */
async function ownEarlierVersion(input: TStoreInput, candidates: TStoredCandidate[]): Promise<TStoredCandidate | null> {
  // An untagged version's writer died before recording its checksum: it is compared with the vendor's bytes instead.
  for (const c of candidates.filter((v) => v.checksumFrom === 'tag')) {
    const head = await input.s3.send(new HeadObjectCommand({ Bucket: c.bucket, Key: c.key, VersionId: c.versionId }));
    const attemptId = head.Metadata?.['attempt-id'];
    if (!attemptId || !/^[0-9a-f-]{36}$/.test(attemptId)) continue;
    if (await db().ingestAttempt.count({ where: { id: attemptId, idempotencyKey: input.key } })) return c;
  }
  return null;
}

async function reused(
  input: TStoreInput,
  c: TStoredCandidate,
  retention: TRetention,
  contentLength: number | null,
  basis: string,
): Promise<TTransferResult> {
  const retainUntil = await confirmObjectLock(input.s3, c, retention.retainUntil);
  await auditArchiveEvent(input.key, 'archive.version_reused', {
    bucket: c.bucket,
    key: c.key,
    versionId: c.versionId,
    sha256: c.sha256,
    sizeBytes: c.sizeBytes,
    retainUntil: retainUntil.toISOString(),
    basis,
  });
  return { bucket: c.bucket, key: c.key, versionId: c.versionId, sha256: c.sha256, sizeBytes: c.sizeBytes, contentLength, retainUntil };
}

// A retry (or a re-drive) finds what an earlier attempt stored, e.g. when its commit failed: that version is
// reused — never a second WORM version — and completed by this attempt's read-back verification and commit.
// A version written by an earlier attempt at this recording is trusted by the checksum recorded when it was
// written (the read-back checks the stored bytes against it). Any other stored version (and every version on
// a reviewer's re-fetch, who asked for the vendor's bytes again) is compared with the vendor's bytes, hashed
// without writing: the same bytes are reused; other bytes are written anew and the old versions reported as
// extra (except on a re-fetch, where the earlier version is the quarantined evidence).
async function reuseStored(input: TStoreInput, bucket: string, objectKey: string, retention: TRetention): Promise<TTransferResult | null> {
  const listed = await candidatesAt(input, bucket, objectKey);
  // Versions already reported as extra (e.g. a read-back that did not match) are never the recording's media.
  const extras = await db().extraObjectVersion.findMany({ where: { bucket, key: objectKey }, select: { versionId: true } });
  const candidates = listed.filter((c) => !extras.some((e) => e.versionId === c.versionId));
  if (candidates.length === 0) return null;
  const { job, record, key } = input;
  const own = job.source === 'REFETCH' ? null : await ownEarlierVersion(input, candidates);
  if (own) return reused(input, own, retention, null, 'written by an earlier attempt at this recording');
  const download = await input.client.openMedia({ vendorRecordingId: job.vendorRecordingId, interactionId: record.interactionId });
  const hashed = await hashDownload(download);
  await auditArchiveEvent(key, 'archive.download', {
    status: 'compared',
    bytes: hashed.sizeBytes,
    sha256: hashed.sha256,
    storedVersions: candidates.length,
  });
  const same = candidates.find((c) => c.sha256 === hashed.sha256 && c.sizeBytes === hashed.sizeBytes);
  if (same) return reused(input, same, retention, download.contentLength, "same checksum as the vendor's bytes now");
  if (job.source !== 'REFETCH') for (const c of candidates) await extra(input, c, objectKey, 'superseded_by_other_bytes');
  return null;
}

async function transfer(input: TStoreInput, bucket: string, objectKey: string, retention: TRetention): Promise<TTransferResult> {
  const { job, record, key } = input;
  const download = await input.client.openMedia({ vendorRecordingId: job.vendorRecordingId, interactionId: record.interactionId });
  const contentType = download.contentType ?? MIME_BY_FORMAT[record.mediaFormat] ?? 'application/octet-stream';
  try {
    await auditArchiveEvent(key, 'archive.download', {
      status: 'opened',
      contentLength: download.contentLength,
      contentType,
      mediaFormat: download.mediaFormat,
    });
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
    const target = {
      region: input.region,
      bucket,
      key: objectKey,
      retainUntil: retention.retainUntil,
      retentionPolicyId: retention.policyId,
      legalHold: input.legalHold,
      contentType,
      metadata,
    };
    const stored = await transferMedia(input.s3, download, target);
    await auditArchiveEvent(key, 'archive.download', { status: 'completed', bytes: stored.sizeBytes, contentLength: stored.contentLength });
    return stored;
  } catch (e) {
    const details = e instanceof ArchiveError ? e.details : undefined;
    await auditArchiveEvent(key, 'archive.download', { status: 'failed', error: (e as Error).message, ...details });
    // A cut download whose upload completed anyway left a version that is not the recording.
    const stray = typeof details?.strayVersionId === 'string' ? details.strayVersionId : null;
    if (stray)
      await extra(input, { bucket, versionId: stray, sha256: null, sizeBytes: null }, objectKey, 'stray_write').catch(() => undefined);
    throw e;
  }
}

export async function storeAndVerify(input: TStoreInput): Promise<TStoreResult> {
  const { key, record } = input;
  const bucket = recordingsBucketFor(input.region);
  const retention = await selectRetentionPolicy(record.complianceTags);
  const { job } = input;
  const objectKey = recordingObjectKey({
    vendorSource: job.vendorSource,
    vendorRecordingId: job.vendorRecordingId,
    startTime: record.startTime,
    mediaFormat: record.mediaFormat,
  });
  await abortDeadAttemptUploads(input, bucket, objectKey);
  const reused = await reuseStored(input, bucket, objectKey, retention);
  const stored = reused ?? (await transfer(input, bucket, objectKey, retention));
  const media: TStoredMedia = { ...stored, mediaFormat: record.mediaFormat, retentionPolicyId: retention.policyId };
  if (!reused)
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
  const verdict = await checkMedia({ key, record, media, stored, check, lastAttempt: input.lastAttempt }).catch(async (e: unknown) => {
    // A version whose read-back did not match is never reused by the retry: it is reported as extra now.
    if (e instanceof ArchiveError && e.code === 'checksum_mismatch') {
      await extra(input, { ...stored, bucket }, objectKey, 'checksum_mismatch');
    }
    throw e;
  });
  // A version whose read-back never matched is not the recording's media, but it is locked all the same.
  if (verdict.quarantine?.reason === 'CHECKSUM_MISMATCH' && verdict.media === null) {
    await extra(input, { ...stored, bucket }, objectKey, 'checksum_mismatch');
  }
  return verdict;
}
