// Playback links against the real RGW: the presigned URL serves exactly the stored version, lives at
// most PLAYBACK_URL_TTL_SECONDS (≤ 300), and is audited before it is handed out; reviewers only get
// recordings under quarantine review.
import { createHash, randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { issuePlaybackUrl } from '@/lib/playback/issue-playback-url';
import { idempotencyKey } from '@/lib/queue/contracts';
import { bucketName } from '@/lib/storage/buckets';
import { s3 } from '@/lib/storage/s3-client';
import { generateWav } from '@/simulators/audio/generate-wav';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

const wav = generateWav({ seconds: 2, seed: 3 });
let stored: { bucket: string; key: string; versionId: string };
let officer: TUserRef;
let reviewer: TUserRef;

async function user(role: TUserRef['role']): Promise<TUserRef> {
  const u = await db().user.create({ data: { email: `it-play-${randomUUID().slice(0, 8)}@callvault.test`, name: 'IT', role } });
  return { id: u.id, email: u.email, role: u.role };
}

async function recording(opts: { withStorage: boolean; quarantined?: boolean }) {
  const id = randomUUID();
  const vendorRecordingId = `it-play-${id}`;
  await db().recording.create({
    data: {
      id,
      archiveId: `arch-it-${id}`,
      vendorSource: 'NICE_CXONE',
      vendorRecordingId,
      mediaFormat: 'wav',
      status: opts.quarantined ? 'QUARANTINED' : 'ARCHIVED',
      ...(opts.withStorage
        ? { storageBucket: stored.bucket, storageKey: stored.key, storageVersionId: stored.versionId, sizeBytes: BigInt(wav.length) }
        : {}),
      ...(opts.quarantined ? { quarantineCases: { create: { reason: 'TRUNCATION_DETECTED', evidence: {} } } } : {}),
    },
  });
  return { id, key: idempotencyKey('NICE_CXONE', vendorRecordingId) };
}

beforeAll(async () => {
  const bucket = bucketName('recordings', 'us');
  const key = `it-console/${randomUUID()}.wav`;
  const put = await s3().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: wav,
      ContentType: 'audio/wav',
      ContentMD5: createHash('md5').update(wav).digest('base64'),
    }),
  );
  stored = { bucket, key, versionId: put.VersionId! };
  officer = await user('OFFICER');
  reviewer = await user('REVIEWER');
});

afterAll(async () => {
  await db().$disconnect();
});

describe('issuePlaybackUrl', () => {
  it('hands out a short-lived URL of the stored version, audited first', async () => {
    const rec = await recording({ withStorage: true });
    const grant = await issuePlaybackUrl({ recordingId: rec.id, reason: 'Complaint review CASE-1', user: officer });
    const url = new URL(grant.url);
    expect(url.searchParams.get('versionId')).toBe(stored.versionId);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect(Date.parse(grant.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const res = await fetch(grant.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
    await flushAuditSequencer();
    const entry = await db().auditEntry.findFirst({ where: { action: 'playback.issued', subjectType: 'recording', subjectId: rec.key } });
    expect(entry).toMatchObject({ actorType: 'user', actorId: officer.id });
    expect(entry?.details).toEqual({
      user: officer.email,
      recordingId: rec.id,
      reason: 'Complaint review CASE-1',
      expiresAt: grant.expiresAt,
      versionId: stored.versionId,
      ip: null,
      userAgent: null,
    });
  });

  it('a tampered signature is refused by storage', async () => {
    const rec = await recording({ withStorage: true });
    const grant = await issuePlaybackUrl({ recordingId: rec.id, reason: 'Signature check test', user: officer });
    const url = new URL(grant.url);
    url.searchParams.set('X-Amz-Expires', '86400');
    expect((await fetch(url)).status).toBe(403);
  });

  it('limits reviewers to recordings under quarantine review', async () => {
    const archived = await recording({ withStorage: true });
    const quarantined = await recording({ withStorage: true, quarantined: true });
    await expect(issuePlaybackUrl({ recordingId: archived.id, reason: 'Not my business here', user: reviewer })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(issuePlaybackUrl({ recordingId: quarantined.id, reason: 'Reviewing the case', user: reviewer })).resolves.toMatchObject({
      contentType: 'audio/wav',
    });
    await flushAuditSequencer();
    expect(await db().auditEntry.count({ where: { action: 'playback.issued', subjectId: archived.key } })).toBe(0);
  });

  it('refuses recordings without stored media and unknown ids, auditing nothing', async () => {
    const rec = await recording({ withStorage: false });
    await expect(issuePlaybackUrl({ recordingId: rec.id, reason: 'Nothing stored here', user: officer })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(issuePlaybackUrl({ recordingId: randomUUID(), reason: 'Nothing stored here', user: officer })).rejects.toMatchObject({
      code: 'not_found',
    });
    await flushAuditSequencer();
    expect(await db().auditEntry.count({ where: { action: 'playback.issued', subjectId: rec.key } })).toBe(0);
  });
});
