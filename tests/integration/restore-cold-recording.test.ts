// Cold recordings: "retrieve" → restore in progress → playback once restored. AWS S3 semantics (storage
// classes, x-amz-restore, RestoreObject) come from aws-sdk-client-mock, because the local Ceph RGW has no
// archive classes and answers RestoreObject with 501; against RGW itself, a standard-class recording plays
// without a retrieval and a retrieval request is refused as unnecessary. Postgres and the audit trail are real.
import { createHash, randomUUID } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, RestoreObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { issuePlaybackUrl } from '@/lib/playback/issue-playback-url';
import { idempotencyKey } from '@/lib/queue/contracts';
import { getRestoreState } from '@/lib/restore/get-restore-state';
import { requestRestore } from '@/lib/restore/request-restore';
import { ZRestoreRequest } from '@/lib/restore/restore-request';
import { bucketName } from '@/lib/storage/buckets';
import { s3 } from '@/lib/storage/s3-client';

let officer: TUserRef;
const REASON = 'Regulator request REG-2026-114';

async function recording(stored: { bucket: string; key: string; versionId: string }) {
  const id = randomUUID();
  const vendorRecordingId = `it-restore-${id}`;
  await db().recording.create({
    data: {
      id,
      archiveId: `arch-it-${id}`,
      vendorSource: 'GENESYS_CLOUD',
      vendorRecordingId,
      mediaFormat: 'wav',
      status: 'ARCHIVED',
      storageBucket: stored.bucket,
      storageKey: stored.key,
      storageVersionId: stored.versionId,
      sizeBytes: 4n,
    },
  });
  return { id, subject: idempotencyKey('GENESYS_CLOUD', vendorRecordingId) };
}

async function entries(subject: string, action: string) {
  await flushAuditSequencer();
  return db().auditEntry.findMany({ where: { subjectType: 'recording', subjectId: subject, action }, orderBy: { sequence: 'asc' } });
}

beforeAll(async () => {
  const u = await db().user.create({
    data: { email: `it-restore-${randomUUID().slice(0, 8)}@callvault.test`, name: 'IT', role: 'OFFICER' },
  });
  officer = { id: u.id, email: u.email, role: u.role };
});

afterAll(async () => {
  await db().$disconnect();
});

describe('cold recording on AWS S3 (mocked)', () => {
  it('refuses playback while archived, retrieves on request with an audited reason, plays once restored', async () => {
    const aws = mockClient(S3Client);
    try {
      const stored = { bucket: bucketName('recordings', 'us'), key: `voice/cold/${randomUUID()}.wav`, versionId: 'v-cold-1' };
      const rec = await recording(stored);
      aws.on(HeadObjectCommand).resolves({ StorageClass: 'GLACIER', VersionId: stored.versionId });
      aws.on(RestoreObjectCommand).resolves({});

      expect(await getRestoreState({ recordingId: rec.id, user: officer })).toEqual({
        storageClass: 'GLACIER',
        cold: true,
        restore: 'not_requested',
        restoredUntil: null,
      });
      await expect(issuePlaybackUrl({ recordingId: rec.id, reason: REASON, user: officer })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('cold storage (GLACIER)'),
      });
      expect(await entries(rec.subject, 'playback.issued')).toHaveLength(0);

      // As S3 does: once RestoreObject was accepted, HeadObject reports the restore under way.
      aws
        .on(HeadObjectCommand)
        .callsFake(() =>
          aws.commandCalls(RestoreObjectCommand).length
            ? { StorageClass: 'GLACIER', Restore: 'ongoing-request="true"' }
            : { StorageClass: 'GLACIER' },
        );
      const requested = await requestRestore({ recordingId: rec.id, reason: REASON, user: officer });
      expect(requested).toMatchObject({ requested: true, cold: true, restore: 'in_progress' });
      const restores = aws.commandCalls(RestoreObjectCommand);
      expect(restores).toHaveLength(1);
      expect(restores[0]!.args[0].input).toEqual({
        Bucket: stored.bucket,
        Key: stored.key,
        VersionId: stored.versionId,
        RestoreRequest: { Days: env().RESTORE_DAYS, GlacierJobParameters: { Tier: env().RESTORE_TIER } },
      });
      const [audited] = await entries(rec.subject, 'recording.restore_requested');
      expect(audited).toMatchObject({ actorType: 'user', actorId: officer.id });
      expect(audited!.details).toMatchObject({ reason: REASON, storageClass: 'GLACIER', versionId: stored.versionId, recordingId: rec.id });

      // While it runs: no second request, and still no playback.
      const again = await requestRestore({ recordingId: rec.id, reason: REASON, user: officer });
      expect(again).toMatchObject({ requested: false, restore: 'in_progress' });
      expect(aws.commandCalls(RestoreObjectCommand)).toHaveLength(1);
      await expect(issuePlaybackUrl({ recordingId: rec.id, reason: REASON, user: officer })).rejects.toMatchObject({
        message: expect.stringContaining('still in progress'),
      });

      const until = new Date(Date.now() + 7 * 86_400_000);
      until.setUTCMilliseconds(0);
      aws
        .on(HeadObjectCommand)
        .resolves({ StorageClass: 'GLACIER', Restore: `ongoing-request="false", expiry-date="${until.toUTCString()}"` });
      expect(await getRestoreState({ recordingId: rec.id, user: officer })).toMatchObject({
        restore: 'available',
        restoredUntil: until.toISOString(),
      });
      const grant = await issuePlaybackUrl({ recordingId: rec.id, reason: REASON, user: officer });
      expect(new URL(grant.url).searchParams.get('versionId')).toBe(stored.versionId);
      expect(await entries(rec.subject, 'playback.issued')).toHaveLength(1);

      // A restored copy that has expired is cold again.
      aws
        .on(HeadObjectCommand)
        .resolves({ StorageClass: 'GLACIER', Restore: 'ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"' });
      expect((await getRestoreState({ recordingId: rec.id, user: officer })).restore).toBe('not_requested');
    } finally {
      aws.restore();
    }
  });

  it('treats a concurrent request as under way, audits a refused one, and knows archive tiers and instant classes', async () => {
    const aws = mockClient(S3Client);
    try {
      const stored = { bucket: bucketName('recordings', 'us'), key: `voice/cold/${randomUUID()}.wav`, versionId: 'v-cold-2' };
      const rec = await recording(stored);
      aws.on(HeadObjectCommand).resolves({ StorageClass: 'DEEP_ARCHIVE' });
      aws.on(RestoreObjectCommand).rejectsOnce(
        Object.assign(new Error('Object restore is already in progress'), {
          name: 'RestoreAlreadyInProgress',
          $metadata: { httpStatusCode: 409 },
        }),
      );
      expect(await requestRestore({ recordingId: rec.id, reason: REASON, user: officer })).toMatchObject({ requested: true });

      aws
        .on(RestoreObjectCommand)
        .rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
      await expect(requestRestore({ recordingId: rec.id, reason: REASON, user: officer })).rejects.toMatchObject({ code: 'unavailable' });
      const [failed] = await entries(rec.subject, 'recording.restore_failed');
      expect(failed!.details).toMatchObject({ reason: REASON, error: expect.stringContaining('AccessDenied') });

      aws.on(HeadObjectCommand).resolves({ StorageClass: 'INTELLIGENT_TIERING', ArchiveStatus: 'DEEP_ARCHIVE_ACCESS' });
      expect((await getRestoreState({ recordingId: rec.id, user: officer })).cold).toBe(true);
      aws.on(HeadObjectCommand).resolves({ StorageClass: 'GLACIER_IR' });
      expect(await getRestoreState({ recordingId: rec.id, user: officer })).toMatchObject({ cold: false, restore: 'not_needed' });
    } finally {
      aws.restore();
    }
  });

  it('wants a stated reason', () => {
    expect(ZRestoreRequest.safeParse({ reason: 'because' }).success).toBe(false);
    expect(ZRestoreRequest.safeParse({ reason: REASON }).success).toBe(true);
  });
});

describe('recording on the local Ceph RGW (no archive classes)', () => {
  it('plays without a retrieval, and a retrieval request is refused as unnecessary without calling RestoreObject', async () => {
    const body = Buffer.from('RIFF');
    const bucket = bucketName('recordings', 'us');
    const key = `it-restore/${randomUUID()}.wav`;
    const put = await s3().send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentMD5: createHash('md5').update(body).digest('base64') }),
    );
    const rec = await recording({ bucket, key, versionId: put.VersionId! });
    expect(await getRestoreState({ recordingId: rec.id, user: officer })).toEqual({
      storageClass: 'STANDARD',
      cold: false,
      restore: 'not_needed',
      restoredUntil: null,
    });
    await expect(requestRestore({ recordingId: rec.id, reason: REASON, user: officer })).rejects.toMatchObject({ code: 'conflict' });
    expect(await entries(rec.subject, 'recording.restore_requested')).toHaveLength(0);
    const grant = await issuePlaybackUrl({ recordingId: rec.id, reason: REASON, user: officer });
    expect((await fetch(grant.url)).status).toBe(200);
  });
});
