// Verdict on a stored version: (5) the bytes read back must hash and count exactly as the bytes that went
// in; (6) the media must parse, and both its header's claim and the vendor's duration must agree with the
// duration measured from the bytes within the tolerance. Neither claim is corrected; all three are evidence.
import { ArchiveError } from '@/lib/queue/archive-error';
import { auditArchiveEvent } from '@/lib/archive/audit-archive-event';
import type { TStoredMedia } from '@/lib/archive/recording-fields';
import type { TTransferResult } from '@/lib/archive/transfer-media';
import type { TStoredObjectCheck } from '@/lib/archive/verify-stored-object';
import { env } from '@/lib/env';
import { judgeMedia } from '@/lib/media/judge-media';
import { round3, type TMediaMeasurement } from '@/lib/media/types';
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
  if (!input.lastAttempt)
    throw new ArchiveError('retryable', 'checksum_mismatch', 'Stored object does not match the transferred bytes', evidence);
  // A version we cannot vouch for is never the recording's media: storage columns stay empty.
  return { media: null, measuredDurationSeconds: null, quarantine: { reason: 'CHECKSUM_MISMATCH', evidence } };
}

/** What the bytes showed, next to what the vendor and the header said: the evidence of every verdict. */
function mediaEvidence(record: TCanonicalRecording, m: TMediaMeasurement) {
  return {
    vendorFormatLabel: record.mediaFormat,
    container: m.container,
    codec: m.codec,
    headerDurationSeconds: m.headerSeconds === null ? null : round3(m.headerSeconds),
    measuredDurationSeconds: m.measuredSeconds === null ? null : round3(m.measuredSeconds),
    vendorDurationSeconds: record.durationSeconds,
  };
}

export async function checkMedia(input: TMediaCheckInput): Promise<TMediaVerdict> {
  const mismatch = await checksumVerdict(input);
  if (mismatch) return mismatch;
  const { record, media, stored, check } = input;
  const m = check.duration;
  const tolerance = env().DURATION_TOLERANCE_SECONDS;
  const { verdict, reason } = judgeMedia(m, record.durationSeconds, tolerance);
  const evidence = { ...mediaEvidence(record, m), reason, toleranceSeconds: tolerance };
  // One entry for the whole read-back: the checksum matched, and what the media bytes showed.
  await auditArchiveEvent(input.key, 'archive.verified', {
    versionId: stored.versionId,
    sha256: check.sha256,
    sizeBytes: check.sizeBytes,
    media: { verdict, ...evidence },
  });
  const base = {
    sizeBytes: stored.sizeBytes,
    contentLength: stored.contentLength,
    checksumSha256: stored.sha256,
    versionId: stored.versionId,
  };
  const measured = m.measuredSeconds;
  if (verdict === 'ok') return { media, measuredDurationSeconds: measured, quarantine: null };
  if (verdict === 'invalid')
    return {
      media,
      measuredDurationSeconds: null,
      quarantine: { reason: 'INVALID_MEDIA', evidence: { ...evidence, ...base, parseError: reason } },
    };
  const deltaSeconds = measured === null ? null : round3(measured - record.durationSeconds);
  return {
    media,
    measuredDurationSeconds: measured,
    quarantine: { reason: 'TRUNCATION_DETECTED', evidence: { ...evidence, deltaSeconds, ...base } },
  };
}
