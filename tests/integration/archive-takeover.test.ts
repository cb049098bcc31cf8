// Claims belong to their owner (the BullMQ lock of the job holding them). A claim whose owner died is taken
// over at once by the next attempt: the dead attempt's row is closed as abandoned, its open multipart upload
// is aborted, the takeover is audited — never acknowledged as a duplicate. A live owner's claim is respected.
// Uploads abandoned anywhere else are aborted by the periodic sweep once older than any transfer can take.
import { randomUUID } from 'node:crypto';
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { recordingObjectKey } from '@/lib/archive/recording-object-key';
import { sweepIncompleteUploads } from '@/lib/archive/sweep-incomplete-uploads';
import { auditActions, auditDetails, recordingKey } from '@/tests/support/archive-test-kit';
import { db } from '@/lib/db';
import { claimKey } from '@/lib/queue/redis-keys';
import { producerRedis } from '@/lib/redis';
import { bucketName } from '@/lib/storage/buckets';
import type { TSimRecording } from '@/simulators/types';

const { kit, s3 } = setupArchiveKit();

const lockKey = (jobId: string) => `bull:archive-genesys-cloud:${jobId}:lock`;
const claimOf = (jobId: string, token: string) => `processing\n${lockKey(jobId)}\n${token}\n${jobId}`;
const objectKeyOf = (rec: TSimRecording) =>
  recordingObjectKey({ vendorSource: 'GENESYS_CLOUD', vendorRecordingId: rec.id, startTime: rec.startTime, mediaFormat: 'wav' });

async function openUploads(key: string): Promise<string[]> {
  const res = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucketName('recordings', 'us'), Prefix: key }));
  return (res.Uploads ?? []).filter((u) => u.Key === key).map((u) => u.UploadId ?? '');
}

describe('incomplete uploads', () => {
  it('the periodic sweep aborts uploads older than the longest transfer, each audited', async () => {
    const bucket = bucketName('recordings', 'eu');
    const prefix = `voice/test/${randomUUID()}/`; // only this test's uploads: other files' transfers may be in flight
    const key = `${prefix}abandoned.wav`;
    await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    // Younger than the limit: left alone.
    expect((await sweepIncompleteUploads({ maxAgeMinutes: 60, prefix })).aborted.filter((u) => u.key === key)).toEqual([]);
    const { aborted } = await sweepIncompleteUploads({ maxAgeMinutes: 0, prefix });
    expect(aborted.filter((u) => u.key === key)).toHaveLength(1);
    const res = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }));
    expect(res.Uploads ?? []).toEqual([]);
    const [entry] = await auditDetails(`s3://${bucket}/${key}`, 'storage.multipart_aborted');
    expect(entry).toMatchObject({ uploadId: aborted.find((u) => u.key === key)?.uploadId });
  });
});

describe('claim ownership', () => {
  it("a dead owner's claim is taken over at once: abandoned attempt closed, its upload aborted, audited", async () => {
    const rec = kit.sim.addRecording({ seconds: 2 });
    const key = recordingKey(rec);
    const deadJob = `dead-${randomUUID()}`;
    // What a worker killed mid-upload leaves: its claim (its lock is gone with it), a STARTED attempt, an open upload.
    await producerRedis().set(claimKey(key), claimOf(deadJob, 'token-of-the-dead'), 'EX', 1800);
    const attempt = await db().ingestAttempt.create({
      data: { idempotencyKey: key, jobId: deadJob, attemptNumber: 1, outcome: 'STARTED' },
    });
    const objectKey = objectKeyOf(rec);
    await s3.send(new CreateMultipartUploadCommand({ Bucket: bucketName('recordings', 'us'), Key: objectKey }));
    expect(await openUploads(objectKey)).toHaveLength(1);

    const outcome = await kit.archive(rec);
    expect(outcome.status).toBe('ARCHIVED');
    const row = await db().recording.findFirstOrThrow({ where: { vendorRecordingId: rec.id } });
    expect(row.storageKey).toBe(objectKey);
    expect(await db().ingestAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'abandoned',
    });
    expect(await openUploads(objectKey)).toEqual([]);
    const actions = await auditActions(key);
    expect(actions).toContain('archive.claim_taken_over');
    expect(actions).toContain('storage.multipart_aborted');
    expect(actions).not.toContain('ingest.duplicate');
    expect((await auditDetails(key, 'archive.claim_taken_over'))[0]).toMatchObject({ previousOwnerJobId: deadJob, abandonedAttempts: 1 });
    expect(await producerRedis().get(claimKey(key))).toBe('completed');
  });

  it("a live owner's claim makes a second job a duplicate of work in progress; once it dies, the next one takes over", async () => {
    const rec = kit.sim.addRecording({ seconds: 2 });
    const key = recordingKey(rec);
    const liveJob = `live-${randomUUID()}`;
    await producerRedis().set(lockKey(liveJob), 'live-token', 'PX', 60_000);
    await producerRedis().set(claimKey(key), claimOf(liveJob, 'live-token'), 'EX', 1800);

    expect((await kit.archive(rec)).status).toBe('DUPLICATE');
    expect(String((await auditDetails(key, 'ingest.duplicate'))[0]?.reason)).toContain(liveJob);
    expect(kit.sim.downloadCount(rec.id)).toBe(0);

    await producerRedis().del(lockKey(liveJob)); // the owner's worker died: BullMQ's lock lapses
    expect((await kit.archive(rec)).status).toBe('ARCHIVED');
    expect(kit.sim.downloadCount(rec.id)).toBe(1);
  });
});
