// Verdict on a stored version: (5) the bytes read back must hash and count exactly as the bytes that went
// in; (6) the media must parse and its duration must agree with the vendor's within the tolerance.
// The vendor's duration is evidence, never corrected; the measured one is stored beside it.
import { ArchiveError } from '@/lib/archive/archive-error';
import { auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import type { TStoredMedia } from '@/lib/archive/recording-fields';
import type { TTransferResult } from '@/lib/archive/transfer-media';
import type { TStoredObjectCheck } from '@/lib/archive/verify-stored-object';
import { env } from '@/lib/env';
import type { TQuarantine } from '@/lib/quarantine/open-quarantine-case';
import type { TCanonicalRecording } from '@/lib/vendors/types';

export type TMediaCheckInput = {
  key: string;
  record: TCanonicalRecording;
  media: TStoredMedia;
  stored: TTransferResult;
  check: TStoredObjectCheck;
  lastAttempt: boolean;
};

export type TMediaVerdict = { media: TStoredMedia | null; measuredDurationSeconds: number | null; quarantine: TQuarantine | null };

const round3 = (n: number) => Math.round(n * 1000) / 1000;

async function checksumVerdict(input: TMediaCheckInput): Promise<TMediaVerdict | null> {
  const { stored, check } = input;
  if (check.sha256 === stored.sha256 && check.sizeBytes === stored.sizeBytes) return null;
  const evidence = {
    transferredSha256: stored.sha256,
    storedSha256: check.sha256,
    transferredBytes: stored.sizeBytes,
    storedBytes: check.sizeBytes,
    bucket: stored.bucket,
    key: stored.key,
    versionId: stored.versionId,
  };
  await auditArchiveEvent(input.key, 'archive.checksum_mismatch', { ...evidence, lastAttempt: input.lastAttempt });
  if (!input.lastAttempt) throw new ArchiveError('retryable', 'checksum_mismatch', 'Stored object does not match the transferred bytes', evidence);
  // A version we cannot vouch for is never the recording's media: storage columns stay empty.
  return { media: null, measuredDurationSeconds: null, quarantine: { reason: 'CHECKSUM_MISMATCH', evidence } };
}

export async function checkMedia(input: TMediaCheckInput): Promise<TMediaVerdict> {
  const mismatch = await checksumVerdict(input);
  if (mismatch) return mismatch;
  const { record, media, stored, check } = input;
  await auditArchiveEvent(input.key, 'archive.verified', { versionId: stored.versionId, sha256: check.sha256, sizeBytes: check.sizeBytes });
  const base = { sizeBytes: stored.sizeBytes, contentLength: stored.contentLength, checksumSha256: stored.sha256, versionId: stored.versionId };
  const measured = check.duration.durationSeconds;
  if (measured === null) {
    const evidence = { ...base, mediaFormat: record.mediaFormat, container: check.duration.container, parseError: check.duration.error, vendorDurationSeconds: record.durationSeconds };
    return { media, measuredDurationSeconds: null, quarantine: { reason: 'INVALID_MEDIA', evidence } };
  }
  const delta = round3(measured - record.durationSeconds);
  const tolerance = env().DURATION_TOLERANCE_SECONDS;
  if (Math.abs(delta) <= tolerance) return { media, measuredDurationSeconds: measured, quarantine: null };
  const evidence = {
    vendorDurationSeconds: record.durationSeconds,
    measuredDurationSeconds: round3(measured),
    deltaSeconds: delta,
    toleranceSeconds: tolerance,
    ...base,
  };
  return { media, measuredDurationSeconds: measured, quarantine: { reason: 'TRUNCATION_DETECTED', evidence } };
}
