// Idempotent storage writes across retries: an attempt that stored and verified a version but never committed
// (its commit failed in a database outage, or its worker died) leaves that version; the retry reuses it — no
// second Object-Locked version, no second download — and its read-back and commit complete the audit trail.
// A stored version not written by this recording's attempts is compared with the vendor's bytes: other bytes
// → a new version, and the old one is reported as an extra version.
import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { listExtraVersions } from '@/lib/archive/list-extra-versions';
import { recordingObjectKey } from '@/lib/archive/recording-object-key';
import { storeAndVerify } from '@/lib/archive/store-and-verify';
import { auditActions, auditDetails, objectVersions, recordingKey, sha256 } from '@/tests/support/archive-test-kit';
import { db } from '@/lib/db';
import { bucketName } from '@/lib/storage/buckets';
import { normalizeMetadata } from '@/lib/vendors/normalize-metadata';
import type { TSimRecording } from '@/simulators/types';

const { kit, s3 } = setupArchiveKit();

const bucket = bucketName('recordings', 'us');
const objectKeyOf = (rec: TSimRecording) =>
  recordingObjectKey({ vendorSource: 'GENESYS_CLOUD', vendorRecordingId: rec.id, startTime: rec.startTime, mediaFormat: 'wav' });

/** Steps 4–6 of an attempt that then never committed. */
async function storeWithoutCommit(rec: TSimRecording) {
  const client = kit.client(rec.account.id);
  const raw = await client.fetchMetadata({ vendorRecordingId: rec.id, interactionId: rec.interactionId });
  const normalized = normalizeMetadata('GENESYS_CLOUD', raw, client.account);
  if (!normalized.ok) throw new Error('fixture metadata did not normalize');
  const attempt = await db().ingestAttempt.create({
    data: { idempotencyKey: recordingKey(rec), attemptNumber: 1, outcome: 'STARTED', jobId: `lost-${randomUUID()}` },
  });
  const job = kit.job(rec);
  return storeAndVerify({
    job,
    key: recordingKey(rec),
    attemptId: attempt.id,
    record: normalized.record,
    region: 'us',
    legalHold: false,
    lastAttempt: false,
    client,
    s3,
  });
}

describe('idempotent storage writes', () => {
  it('a retry after a failed commit reuses the verified version: one version, trail completed', async () => {
    const rec = kit.sim.addRecording({ seconds: 3 });
    const first = await storeWithoutCommit(rec);
    expect(first.quarantine).toBeNull();
    const firstVersion = first.media?.versionId;
    expect(await objectVersions(s3, bucket, objectKeyOf(rec))).toEqual([firstVersion]);

    expect((await kit.archive(rec, {}, { attempt: 2 })).status).toBe('ARCHIVED');
    // Its own earlier version is trusted by the checksum recorded at write time: no second download either.
    expect(kit.sim.downloadCount(rec.id)).toBe(1);
    const row = await db().recording.findFirstOrThrow({ where: { vendorRecordingId: rec.id } });
    expect(row.storageVersionId).toBe(firstVersion);
    expect(row.checksumSha256).toBe(sha256(rec.media()));
    expect(await objectVersions(s3, bucket, objectKeyOf(rec))).toEqual([firstVersion]);
    expect(await db().extraObjectVersion.count({ where: { vendorRecordingId: rec.id } })).toBe(0);
    const actions = await auditActions(recordingKey(rec));
    expect(actions.filter((a) => a === 'archive.stored')).toHaveLength(1);
    expect(actions.indexOf('archive.version_reused')).toBeLessThan(actions.lastIndexOf('archive.completed'));
    const [reused] = await auditDetails(recordingKey(rec), 'archive.version_reused');
    expect(reused).toMatchObject({ versionId: firstVersion, sha256: sha256(rec.media()) });
    const [completed] = await auditDetails(recordingKey(rec), 'archive.completed');
    expect(completed).toMatchObject({ storageVersionId: firstVersion });
  });

  it('a version whose writer died before tagging it is hashed from its bytes and reused, not written again', async () => {
    const rec = kit.sim.addRecording({ seconds: 2 });
    // What a worker killed between completing its upload and tagging the checksum leaves: the recording's bytes
    // under its key, with the attempt metadata written at upload start and no checksum tags.
    const attempt = await db().ingestAttempt.create({
      data: { idempotencyKey: recordingKey(rec), attemptNumber: 1, outcome: 'STARTED', jobId: `killed-${randomUUID()}` },
    });
    const planted = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: objectKeyOf(rec),
        Body: rec.media(),
        ChecksumAlgorithm: 'SHA256',
        Metadata: { 'attempt-id': attempt.id },
      }),
    );
    expect((await kit.archive(rec, {}, { attempt: 2 })).status).toBe('ARCHIVED');
    const row = await db().recording.findFirstOrThrow({ where: { vendorRecordingId: rec.id } });
    expect(row.storageVersionId).toBe(planted.VersionId);
    expect(row.checksumSha256).toBe(sha256(rec.media()));
    expect(await objectVersions(s3, bucket, objectKeyOf(rec))).toEqual([planted.VersionId]);
    expect(await db().extraObjectVersion.count({ where: { vendorRecordingId: rec.id } })).toBe(0);
    // Its checksum was never recorded, so it is compared with the vendor's bytes (one download for that).
    const [reused] = await auditDetails(recordingKey(rec), 'archive.version_reused');
    expect(reused).toMatchObject({
      versionId: planted.VersionId,
      sha256: sha256(rec.media()),
      basis: "same checksum as the vendor's bytes now",
    });
  });

  it('a stored version with other bytes is not reused, and is reported as an extra version', async () => {
    const rec = kit.sim.addRecording({ seconds: 2 });
    const other = Buffer.from('not this recording');
    const planted = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: objectKeyOf(rec),
        Body: other,
        ChecksumAlgorithm: 'SHA256',
        Tagging: `sha256=${sha256(other)}&size=${other.length}`,
      }),
    );
    expect((await kit.archive(rec)).status).toBe('ARCHIVED');
    const row = await db().recording.findFirstOrThrow({ where: { vendorRecordingId: rec.id } });
    expect(row.storageVersionId).not.toBe(planted.VersionId);
    expect(row.checksumSha256).toBe(sha256(rec.media()));
    const extras = await db().extraObjectVersion.findMany({ where: { vendorRecordingId: rec.id } });
    expect(extras.map((e) => [e.versionId, e.reason, e.sha256])).toEqual([[planted.VersionId, 'superseded_by_other_bytes', sha256(other)]]);
    expect(await auditActions(recordingKey(rec))).toContain('archive.extra_version');
    // Reported to operators (the operations page lists these).
    const listed = await listExtraVersions();
    expect(listed.items.find((v) => v.versionId === planted.VersionId)).toMatchObject({
      vendorRecordingId: rec.id,
      reason: 'superseded_by_other_bytes',
      sizeBytes: other.length,
    });
  });
});
