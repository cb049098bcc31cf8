// The archive pipeline end to end against the Genesys simulator, the real Ceph RGW (enforced Object Lock),
// Postgres and Redis: locked storage, checksums that match the stored bytes, dedupe, residency, and the
// explicit quarantine outcomes (missing metadata, truncated media).
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectRetentionCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { bucketName } from '@/lib/storage/buckets';
import { db } from '@/lib/db';
import { isObjectLockDenial } from '@/lib/storage/s3-client';
import { archiveRecording } from '@/lib/archive/archive-recording';
import { auditActions, auditDetails, objectVersions, recordingKey, sha256 } from '@/tests/support/archive-test-kit';
import { createVendorClient } from '@/lib/vendors/create-vendor-client';
import { startCxoneSimulator } from '@/simulators/cxone/server';

const { kit, s3 } = setupArchiveKit();

const recordingOf = (vendorRecordingId: string) =>
  db().recording.findUniqueOrThrow({
    where: { vendorSource_vendorRecordingId: { vendorSource: 'GENESYS_CLOUD', vendorRecordingId } },
    include: { participants: { orderBy: { position: 'asc' } }, quarantineCases: true, rawPayloads: true, attempts: true },
  });

describe('archive pipeline', () => {
  it('archives into locked storage: bytes hash to the recorded checksum, the store refuses deletion and shortening', async () => {
    const rec = kit.sim.addRecording({ seconds: 12.5, tags: ['Compliance', 'pci-scoped'] });
    const outcome = await kit.archive(rec);
    expect(outcome.status).toBe('ARCHIVED');

    const row = await recordingOf(rec.id);
    expect(row.id).toBe(outcome.recordingId);
    expect(row.archiveId).toMatch(/^arch-\d{4}-\d{2}-\d{2}-\d{6}-[0-9a-f]{8}$/);
    const bucket = bucketName('recordings', 'us');
    const d = rec.startTime;
    const key = `voice/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/genesys-cloud/${rec.id}.wav`;
    expect(row).toMatchObject({
      status: 'ARCHIVED',
      storageBucket: bucket,
      storageKey: key,
      storageLocation: `s3://${bucket}/${key}`,
      dataResidencyRegion: 'us',
      mediaFormat: 'wav',
    });
    expect(row.checksumSha256).toBe(sha256(rec.media()));
    expect(Number(row.sizeBytes)).toBe(rec.mediaSize());
    expect(Number(row.durationSeconds)).toBe(12.5);
    expect(Number(row.measuredDurationSeconds)).toBeCloseTo(12.5, 2);
    expect(row.participants.map((p) => p.role).sort()).toEqual(['AGENT', 'CUSTOMER']);
    expect(row.searchText).toContain(rec.id.toLowerCase());
    expect(row.rawPayloads.map((p) => p.kind)).toContain('metadata');
    expect(row.attempts.map((a) => a.outcome)).toEqual(['SUCCEEDED']);

    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: row.storageVersionId! }));
    expect(sha256(Buffer.from(await stored.Body!.transformToByteArray()))).toBe(row.checksumSha256);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: row.storageVersionId! }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ObjectLockRetainUntilDate?.getTime()).toBe(row.retainUntil?.getTime());

    const version = { Bucket: bucket, Key: key, VersionId: row.storageVersionId! };
    await expect(s3.send(new DeleteObjectCommand(version))).rejects.toSatisfy(isObjectLockDenial);
    const shorter = { Mode: 'COMPLIANCE' as const, RetainUntilDate: new Date(Date.now() + 86_400_000) };
    await expect(s3.send(new PutObjectRetentionCommand({ ...version, Retention: shorter }))).rejects.toSatisfy(isObjectLockDenial);
    expect(await objectVersions(s3, bucket, key)).toEqual([row.storageVersionId]);

    expect(await auditActions(recordingKey(rec))).toEqual([
      'archive.attempt_started',
      'archive.download',
      'archive.download',
      'archive.stored',
      'archive.verified',
      'archive.completed',
      'archive.peaks_stored',
    ]);
    const [storedEntry] = await auditDetails(recordingKey(rec), 'archive.stored');
    expect(storedEntry).toMatchObject({
      bucket,
      key,
      versionId: row.storageVersionId,
      objectLockMode: 'COMPLIANCE',
      sha256: row.checksumSha256,
    });
  });

  it('acknowledges a redelivered recording as a duplicate without downloading it again', async () => {
    const rec = kit.sim.addRecording({ seconds: 4 });
    await kit.archive(rec);
    expect(kit.sim.downloadStarts(rec.id)).toBe(1);
    const again = await kit.archive(rec, { source: 'POLL' });
    expect(again.status).toBe('DUPLICATE');
    expect(kit.sim.downloadStarts(rec.id)).toBe(1);
    expect((await auditActions(recordingKey(rec))).filter((a) => a === 'ingest.duplicate')).toHaveLength(1);
    expect(await db().recording.count({ where: { vendorRecordingId: rec.id } })).toBe(1);
  });

  it('quarantines a recording 4.3 s shorter than stated with truncation_detected, keeping both durations', async () => {
    const rec = kit.sim.addRecording({ seconds: 142.5, mediaSeconds: 138.2 });
    const outcome = await kit.archive(rec);
    expect(outcome.status).toBe('QUARANTINED');
    const row = await recordingOf(rec.id);
    expect(row.status).toBe('QUARANTINED');
    expect(Number(row.durationSeconds)).toBe(142.5);
    expect(Number(row.measuredDurationSeconds)).toBeCloseTo(138.2, 2);
    expect(row.complianceTags).toContain('truncation_detected');
    expect(row.archivedAt).toBeNull();
    expect(row.quarantineCases).toHaveLength(1);
    const [c] = row.quarantineCases;
    expect(c).toMatchObject({ reason: 'TRUNCATION_DETECTED', state: 'OPEN', tags: ['truncation_detected'] });
    expect(c!.evidence).toMatchObject({
      vendorDurationSeconds: 142.5,
      measuredDurationSeconds: 138.2,
      deltaSeconds: -4.3,
      sizeBytes: rec.mediaSize(),
      contentLength: rec.mediaSize(),
      checksumSha256: row.checksumSha256,
    });
    expect(await auditActions(recordingKey(rec))).toContain('archive.quarantined');
  });

  it('quarantines missing mandatory metadata as INVALID_METADATA: NULL, not a default, and nothing downloaded or stored', async () => {
    const rec = kit.sim.addRecording({ seconds: 20, missing: ['duration'] });
    const outcome = await kit.archive(rec);
    expect(outcome.status).toBe('QUARANTINED');
    const row = await recordingOf(rec.id);
    expect(row).toMatchObject({
      status: 'QUARANTINED',
      durationSeconds: null,
      storageBucket: null,
      storageVersionId: null,
      checksumSha256: null,
    });
    expect(row.startTime?.getTime()).toBe(rec.startTime.getTime());
    expect(row.complianceTags).toContain('invalid_metadata');
    const [c] = row.quarantineCases;
    expect(c?.reason).toBe('INVALID_METADATA');
    expect(JSON.stringify(c?.evidence)).toMatch(/duration/i);
    expect(kit.sim.downloadStarts(rec.id)).toBe(0);
    expect(row.rawPayloads).toHaveLength(1);
  });

  it('stores an EU-instance recording in the EU bucket only', async () => {
    const rec = kit.sim.addRecording({ accountId: 'genesys-eu', seconds: 6 });
    expect((await kit.archive(rec)).status).toBe('ARCHIVED');
    const row = await recordingOf(rec.id);
    expect(row).toMatchObject({ dataResidencyRegion: 'eu', storageBucket: bucketName('recordings', 'eu') });
    expect(await objectVersions(s3, bucketName('recordings', 'eu'), row.storageKey!)).toHaveLength(1);
    expect(await objectVersions(s3, bucketName('recordings', 'us'), row.storageKey!)).toHaveLength(0);
  });

  it('archives a NICE CXone MP3 recording from an EU business unit into the EU bucket with its measured duration', async () => {
    const cxone = await startCxoneSimulator();
    try {
      const account = cxone.vendorAccounts().find((a) => a.id === 'cxone-eu1')!;
      const rec = cxone.addRecording({ accountId: 'cxone-eu1', seconds: 9 });
      const job = {
        vendorSource: 'NICE_CXONE' as const,
        vendorAccountId: account.id,
        vendorRecordingId: rec.id,
        interactionId: rec.interactionId,
        interactionDate: null,
        source: 'POLL' as const,
      };
      const outcome = await archiveRecording(job, { attempt: 1, jobId: 'cxone-test', client: createVendorClient(account) });
      expect(outcome.status).toBe('ARCHIVED');
      const row = await db().recording.findUniqueOrThrow({ where: { id: outcome.recordingId! } });
      expect(row).toMatchObject({
        vendorSource: 'NICE_CXONE',
        mediaFormat: 'mp3',
        dataResidencyRegion: 'eu',
        storageBucket: bucketName('recordings', 'eu'),
      });
      expect(row.storageKey).toMatch(/^voice\/\d{4}\/\d{2}\/\d{2}\/nice-cxone\/.+\.mp3$/);
      expect(row.checksumSha256).toBe(sha256(rec.media()));
      expect(Math.abs(Number(row.measuredDurationSeconds) - 9)).toBeLessThan(0.1);
    } finally {
      await cxone.stop();
    }
  });
});
