// Waveform peaks through the real archive pipeline (Genesys simulator, Ceph RGW with enforced Object Lock,
// Postgres): stored beside the media version, locked like it, never overwritten; a peaks failure leaves the
// archive intact, is audited, and the backfill makes the peaks later; the player's route serves them.
import { DeleteObjectCommand, GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { auditActions, auditDetails, createTestUser, objectVersions, recordingKey } from '@/tests/support/archive-test-kit';
import { db } from '@/lib/db';
import { backfillPeaks } from '@/lib/media/peaks-backfill';
import { peaksObjectKey, ZPeaks } from '@/lib/media/peaks-format';
import { openRecordingPeaks, PEAKS_MISSING } from '@/lib/media/peaks-open';
import { storePeaks } from '@/lib/media/peaks-store';
import { RETENTION_TAG } from '@/lib/storage/lifecycle-rules';
import { isObjectLockDenial } from '@/lib/storage/s3-client';

const { kit, s3 } = setupArchiveKit();

async function archived(seconds: number) {
  const rec = kit.sim.addRecording({ seconds });
  const outcome = await kit.archive(rec);
  expect(outcome.status).toBe('ARCHIVED');
  const row = await db().recording.findUniqueOrThrow({ where: { id: outcome.recordingId! } });
  return { rec, row, peaksKey: peaksObjectKey(row.storageKey!, row.storageVersionId!) };
}

describe('waveform peaks at archive time', () => {
  it("stores peaks beside the media version, Object-Locked until the media's retain-until, with its retention tag", async () => {
    const { rec, row, peaksKey } = await archived(6);
    const bucket = row.storageBucket!;
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: peaksKey }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ObjectLockRetainUntilDate!.getTime()).toBeGreaterThanOrEqual(row.retainUntil!.getTime() - 1000);
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: peaksKey, VersionId: head.VersionId }));
    expect(tags.TagSet?.find((t) => t.Key === RETENTION_TAG)?.Value).toBeTruthy();
    await expect(s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: peaksKey, VersionId: head.VersionId }))).rejects.toSatisfy(
      isObjectLockDenial,
    );

    const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: peaksKey }));
    const peaks = ZPeaks.parse(JSON.parse(await body.Body!.transformToString()));
    expect(peaks.duration_seconds).toBeCloseTo(6, 1);
    expect(peaks.length).toBe(Math.ceil((peaks.duration_seconds * peaks.sample_rate) / peaks.samples_per_pixel));
    expect(peaks.data.some((v) => v !== 0)).toBe(true);
    const [entry] = await auditDetails(recordingKey(rec), 'archive.peaks_stored');
    expect(entry).toMatchObject({
      key: peaksKey,
      versionId: head.VersionId,
      channels: peaks.channels,
      mediaVersionId: row.storageVersionId,
    });
    // The media itself: still exactly one version.
    expect(await objectVersions(s3, bucket, row.storageKey!)).toEqual([row.storageVersionId]);

    // Storing again keeps the peaks already there: no second version of the locked object.
    const again = await storePeaks(s3, {
      bucket,
      key: row.storageKey!,
      versionId: row.storageVersionId!,
      retainUntil: row.retainUntil!,
      retentionPolicyId: row.retentionPolicyId,
    });
    expect(again.created).toBe(false);
    expect(await objectVersions(s3, bucket, peaksKey)).toEqual([head.VersionId]);
  });

  it('a peaks failure leaves the archive ARCHIVED, is audited, and the backfill makes the peaks later', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent'; // ffmpeg cannot be started
    let result: Awaited<ReturnType<typeof archived>>;
    try {
      result = await archived(3);
    } finally {
      process.env.PATH = path;
    }
    const { rec, row, peaksKey } = result;
    expect(row.status).toBe('ARCHIVED');
    const [failed] = await auditDetails(recordingKey(rec), 'archive.peaks_failed');
    expect(String(failed?.error)).toMatch(/could not run ffmpeg/);
    await expect(s3.send(new HeadObjectCommand({ Bucket: row.storageBucket!, Key: peaksKey }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    const officer = await createTestUser('OFFICER');
    await expect(openRecordingPeaks(row.id, officer)).rejects.toMatchObject({ code: 'not_found', message: PEAKS_MISSING });

    // Scoped to this recording: other test files' recordings in the shared database include undecodable media.
    const report = await backfillPeaks({ recordingIds: [row.id] });
    expect(report).toMatchObject({ checked: 1, present: 0, generated: 1, failed: 0 });
    expect(await auditActions(recordingKey(rec))).toContain('archive.peaks_stored');
    const served = await openRecordingPeaks(row.id, officer);
    const chunks: Buffer[] = [];
    for await (const c of served.stream) chunks.push(c as Buffer);
    expect(ZPeaks.parse(JSON.parse(Buffer.concat(chunks).toString('utf8'))).duration_seconds).toBeCloseTo(3, 1);
  });

  it('serves peaks only to roles and regions that may see the recording', async () => {
    const { row } = await archived(2);
    await expect(openRecordingPeaks(row.id, { role: 'REVIEWER' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(openRecordingPeaks(row.id, { role: 'AUDITOR', regions: ['eu'] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(openRecordingPeaks('not-a-uuid', { role: 'AUDITOR' })).rejects.toMatchObject({ code: 'not_found' });
    const ok = await openRecordingPeaks(row.id, { role: 'AUDITOR', regions: ['us'] });
    ok.stream.destroy();
    expect(ok.size).toBeGreaterThan(0);
  });
});
