// Stores the waveform peaks of recordings that have stored media but no peaks yet: those archived before
// peaks existed, and those whose peaks step failed (audited as archive.peaks_failed). Walks the recordings
// in id order, in batches; recordings whose peaks exist are skipped with one HEAD request.
import type { S3Client } from '@aws-sdk/client-s3';
import { db } from '@/lib/db';
import { generatePeaks } from '@/lib/media/peaks-generate';
import { idempotencyKey } from '@/lib/queue/contracts';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export const BACKFILL_ACTOR = 'peaks-backfill';

export type TBackfillOptions = {
  s3?: S3Client;
  batchSize?: number;
  limit?: number;
  /** Only these recordings (e.g. those a peaks_failed audit entry names); default all. */
  recordingIds?: string[];
  onProgress?: (r: TBackfillReport) => void;
};
export type TBackfillReport = { checked: number; present: number; generated: number; failed: number };

export async function backfillPeaks(opts: TBackfillOptions = {}): Promise<TBackfillReport> {
  const s3 = opts.s3 ?? defaultS3();
  const report: TBackfillReport = { checked: 0, present: 0, generated: 0, failed: 0 };
  let after: string | undefined;
  for (;;) {
    const take = Math.min(opts.batchSize ?? 100, (opts.limit ?? Infinity) - report.checked);
    if (take <= 0) break;
    const rows = await db().recording.findMany({
      where: {
        storageVersionId: { not: null },
        storageBucket: { not: null },
        storageKey: { not: null },
        retainUntil: { not: null },
        ...(after ? { id: { gt: after } } : {}),
        ...(opts.recordingIds ? { AND: [{ id: { in: opts.recordingIds } }] } : {}),
      },
      orderBy: { id: 'asc' },
      take,
      select: {
        id: true,
        vendorSource: true,
        vendorRecordingId: true,
        storageBucket: true,
        storageKey: true,
        storageVersionId: true,
        retainUntil: true,
        retentionPolicyId: true,
      },
    });
    if (rows.length === 0) break;
    for (const r of rows) {
      const source = {
        bucket: r.storageBucket!,
        key: r.storageKey!,
        versionId: r.storageVersionId!,
        retainUntil: r.retainUntil!,
        retentionPolicyId: r.retentionPolicyId,
      };
      const stored = await generatePeaks({
        s3,
        subjectId: idempotencyKey(r.vendorSource, r.vendorRecordingId),
        actorId: BACKFILL_ACTOR,
        source,
      });
      report.checked++;
      if (!stored) report.failed++;
      else if (stored.created) report.generated++;
      else report.present++;
    }
    after = rows[rows.length - 1]!.id;
    opts.onProgress?.({ ...report });
  }
  return report;
}
