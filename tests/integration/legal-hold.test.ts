// Legal holds on the real RGW: every stored version of the recording's key is held, the hold (not only the
// retention) blocks deletion, lifting is recorded, and storage failures never leave the database claiming a
// hold that storage does not have.
import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectLegalHoldCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { auditActions, auditDetails, createTestUser, objectVersions, recordingKey } from '@/tests/support/archive-test-kit';
import { db } from '@/lib/db';
import { liftLegalHold } from '@/lib/legal-hold/lift-legal-hold';
import { placeLegalHold } from '@/lib/legal-hold/place-legal-hold';
import { bucketName } from '@/lib/storage/buckets';
import { isObjectLockDenial } from '@/lib/storage/s3-client';

// Storage that is down: every call fails fast.
const deadS3 = new S3Client({
  endpoint: 'http://127.0.0.1:9',
  region: 'us-east-1',
  forcePathStyle: true,
  maxAttempts: 1,
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const { kit, s3 } = setupArchiveKit();
let officer: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  officer = await createTestUser('OFFICER');
});

afterAll(async () => {
  deadS3.destroy();
});

const holdStatus = (bucket: string, key: string, versionId: string) =>
  s3.send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key: key, VersionId: versionId })).then(
    (r) => r.LegalHold?.Status,
    () => 'OFF',
  );

async function archivedTwice() {
  const rec = kit.sim.addRecording({ seconds: 20, mediaSeconds: 15 });
  const { recordingId } = await kit.archive(rec);
  kit.sim.addRecording({
    id: rec.id,
    interactionId: rec.interactionId,
    seconds: 20,
    startTime: rec.startTime,
    agent: rec.agent,
    customer: { number: rec.customer.number },
    tags: rec.tags,
  });
  expect((await kit.archive(rec, { source: 'REFETCH' })).status).toBe('ARCHIVED');
  const row = await db().recording.findUniqueOrThrow({ where: { id: recordingId! } });
  const versions = await objectVersions(s3, row.storageBucket!, row.storageKey!);
  expect(versions).toHaveLength(2);
  return { rec, row, versions };
}

describe('legal hold', () => {
  it('holds every version of the key, records who and why, and lifting it is recorded too', async () => {
    const { rec, row, versions } = await archivedTwice();
    await placeLegalHold({ recordingId: row.id, caseReference: 'SEC-2024-0117', reason: 'Regulator inquiry', user: officer });
    for (const v of versions) expect(await holdStatus(row.storageBucket!, row.storageKey!, v)).toBe('ON');
    expect((await db().recording.findUniqueOrThrow({ where: { id: row.id } })).legalHold).toBe(true);
    const [placed] = await auditDetails(recordingKey(rec), 'legal_hold.placed');
    expect(placed).toMatchObject({ caseReference: 'SEC-2024-0117', reason: 'Regulator inquiry', userEmail: officer.email });
    expect((placed!.versionIds as string[]).sort()).toEqual([...versions].sort());
    await expect(
      placeLegalHold({ recordingId: row.id, caseReference: 'SEC-2024-0117', reason: 'again', user: officer }),
    ).rejects.toMatchObject({ code: 'conflict' });

    await liftLegalHold({ recordingId: row.id, caseReference: 'SEC-2024-0117', reason: 'Inquiry closed', user: officer });
    for (const v of versions) expect(await holdStatus(row.storageBucket!, row.storageKey!, v)).toBe('OFF');
    const hold = await db().legalHold.findFirstOrThrow({ where: { recordingId: row.id } });
    expect(hold).toMatchObject({ active: false, liftedById: officer.id, liftReason: 'Inquiry closed' });
    expect(hold.liftedAt).toBeInstanceOf(Date);
    expect((await db().recording.findUniqueOrThrow({ where: { id: row.id } })).legalHold).toBe(false);
    expect(await auditActions(recordingKey(rec))).toEqual(expect.arrayContaining(['legal_hold.placed', 'legal_hold.lifted']));
  });

  it('holds are per matter: lifting one matter names it, and another matter keeps the recording held', async () => {
    const { rec, row, versions } = await archivedTwice();
    const matterA = `MAT-A-${randomUUID().slice(0, 8)}`;
    const matterB = `MAT-B-${randomUUID().slice(0, 8)}`;
    await placeLegalHold({ recordingId: row.id, caseReference: matterA, reason: 'Regulator inquiry A', user: officer });
    await placeLegalHold({ recordingId: row.id, caseReference: matterB, reason: 'Litigation B', user: officer });
    await expect(liftLegalHold({ recordingId: row.id, reason: 'no matter named', user: officer })).rejects.toMatchObject({
      name: 'ZodError',
    });

    expect(await liftLegalHold({ recordingId: row.id, caseReference: matterA, reason: 'Inquiry A closed', user: officer })).toEqual({
      remainingMatters: [matterB],
    });
    for (const v of versions) expect(await holdStatus(row.storageBucket!, row.storageKey!, v)).toBe('ON');
    expect((await db().recording.findUniqueOrThrow({ where: { id: row.id } })).legalHold).toBe(true);
    const holds = await db().legalHold.findMany({ where: { recordingId: row.id }, include: { matter: true } });
    expect(holds.map((h) => [h.matter?.reference, h.active]).sort()).toEqual([
      [matterA, false],
      [matterB, true],
    ]);
    const [lifted] = await auditDetails(recordingKey(rec), 'legal_hold.lifted');
    expect(lifted).toMatchObject({ caseReference: matterA, remainingMatters: [matterB] });
    await expect(liftLegalHold({ recordingId: row.id, caseReference: matterA, reason: 'again', user: officer })).rejects.toMatchObject({
      code: 'conflict',
    });

    await liftLegalHold({ recordingId: row.id, caseReference: matterB, reason: 'Litigation B settled', user: officer });
    for (const v of versions) expect(await holdStatus(row.storageBucket!, row.storageKey!, v)).toBe('OFF');
    expect((await db().recording.findUniqueOrThrow({ where: { id: row.id } })).legalHold).toBe(false);
  });

  it('the hold itself blocks deletion of the version (shown on an object whose retention could be bypassed)', async () => {
    const bucket = bucketName('recordings', 'us');
    const key = `voice/legal-hold-test/${randomUUID()}.wav`;
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: 'held bytes',
        ObjectLockMode: 'GOVERNANCE',
        ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000),
      }),
    );
    const id = randomUUID();
    await db().recording.create({
      data: {
        id,
        archiveId: `arch-test-${id.slice(0, 8)}`,
        vendorSource: 'GENESYS_CLOUD',
        vendorRecordingId: `lh-${id}`,
        status: 'ARCHIVED',
        storageBucket: bucket,
        storageKey: key,
        storageVersionId: put.VersionId,
        dataResidencyRegion: 'us',
      },
    });
    await placeLegalHold({ recordingId: id, caseReference: 'LIT-42', reason: 'Litigation hold', user: officer });
    const bypassDelete = () =>
      s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: put.VersionId, BypassGovernanceRetention: true }));
    await expect(bypassDelete()).rejects.toSatisfy(isObjectLockDenial);
    await liftLegalHold({ recordingId: id, caseReference: 'LIT-42', reason: 'Litigation settled', user: officer });
    // With the hold gone, only GOVERNANCE retention remains, which this (test-only) bypass may override.
    await bypassDelete();
    expect(await objectVersions(s3, bucket, key)).toEqual([]);
  });

  it('storage refusing the hold leaves no hold in the database', async () => {
    const rec = kit.sim.addRecording({ seconds: 3 });
    const { recordingId } = await kit.archive(rec);
    await expect(
      placeLegalHold({ recordingId: recordingId!, caseReference: 'X-1', reason: 'Inquiry', user: officer }, deadS3),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(await db().legalHold.count({ where: { recordingId: recordingId! } })).toBe(0);
    expect((await db().recording.findUniqueOrThrow({ where: { id: recordingId! } })).legalHold).toBe(false);
    expect(await auditActions(recordingKey(rec))).not.toContain('legal_hold.placed');
  });

  it('storage failing while lifting keeps the media held and a second attempt completes the lift', async () => {
    const rec = kit.sim.addRecording({ seconds: 3 });
    const { recordingId } = await kit.archive(rec);
    const row = await db().recording.findUniqueOrThrow({ where: { id: recordingId! } });
    await placeLegalHold({ recordingId: row.id, caseReference: 'X-2', reason: 'Inquiry', user: officer });
    await expect(
      liftLegalHold({ recordingId: row.id, caseReference: 'X-2', reason: 'closed', user: officer }, deadS3),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(await holdStatus(row.storageBucket!, row.storageKey!, row.storageVersionId!)).toBe('ON');
    expect(await auditActions(recordingKey(rec))).toContain('legal_hold.lift_incomplete');

    await liftLegalHold({ recordingId: row.id, caseReference: 'X-2', reason: 'closed', user: officer });
    expect(await holdStatus(row.storageBucket!, row.storageKey!, row.storageVersionId!)).toBe('OFF');
    expect(await auditActions(recordingKey(rec))).toContain('legal_hold.lift_completed');
    await expect(liftLegalHold({ recordingId: row.id, caseReference: 'X-2', reason: 'closed', user: officer })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('a version re-fetched while the recording is held is stored under the hold', async () => {
    const rec = kit.sim.addRecording({ seconds: 12, mediaSeconds: 8 });
    const { recordingId } = await kit.archive(rec);
    await placeLegalHold({ recordingId: recordingId!, caseReference: 'X-3', reason: 'Inquiry', user: officer });
    kit.sim.addRecording({
      id: rec.id,
      interactionId: rec.interactionId,
      seconds: 12,
      startTime: rec.startTime,
      agent: rec.agent,
      customer: { number: rec.customer.number },
      tags: rec.tags,
    });
    await kit.archive(rec, { source: 'REFETCH' });
    const row = await db().recording.findUniqueOrThrow({ where: { id: recordingId! } });
    expect(await holdStatus(row.storageBucket!, row.storageKey!, row.storageVersionId!)).toBe('ON');
  });

  it('only officers and admins place holds', async () => {
    const reviewer = await createTestUser('REVIEWER');
    const rec = kit.sim.addRecording({ seconds: 3 });
    const { recordingId } = await kit.archive(rec);
    await expect(
      placeLegalHold({ recordingId: recordingId!, caseReference: 'X-4', reason: 'Inquiry', user: reviewer }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db().legalHold.count({ where: { recordingId: recordingId! } })).toBe(0);
  });
});
