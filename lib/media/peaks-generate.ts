// Peaks for a recording whose media is stored: called by the archive pipeline after its commit and by the
// backfill. A failure never fails or quarantines the archive: it is logged and audited (so the backfill
// can regenerate the peaks later), and the player says the waveform is missing.
import type { S3Client } from '@aws-sdk/client-s3';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { logger } from '@/lib/logger';
import { storePeaks, type TPeaksSource, type TStoredPeaks } from '@/lib/media/peaks-store';

export type TGeneratePeaksInput = {
  s3: S3Client;
  /** The recording's audit subject (its idempotency key). */
  subjectId: string;
  actorId: string;
  source: TPeaksSource;
  timeoutMs?: number;
};

export async function generatePeaks(input: TGeneratePeaksInput): Promise<TStoredPeaks | null> {
  const { source } = input;
  const entry = { actorType: 'worker' as const, actorId: input.actorId, subjectType: 'recording' as const, subjectId: input.subjectId };
  const media = { bucket: source.bucket, mediaKey: source.key, mediaVersionId: source.versionId };
  try {
    const stored = await storePeaks(input.s3, source, { timeoutMs: input.timeoutMs });
    if (stored.created) {
      const details = {
        ...media,
        key: stored.key,
        versionId: stored.versionId,
        sizeBytes: stored.sizeBytes,
        channels: stored.channels,
        retainUntil: source.retainUntil.toISOString(),
      };
      await appendAuditEntry({ ...entry, action: 'archive.peaks_stored', details });
    }
    return stored;
  } catch (e) {
    const message = ((e as Error)?.message ?? String(e)).slice(0, 500);
    logger.warn({ err: e, subjectId: input.subjectId, key: source.key }, 'waveform peaks not stored');
    await appendAuditEntry({ ...entry, action: 'archive.peaks_failed', details: { ...media, error: message } }).catch((err: unknown) =>
      logger.error({ err, subjectId: input.subjectId }, 'could not audit the peaks failure'),
    );
    return null;
  }
}
