// The pipeline under faults, through the worker's processor where the retry semantics matter: a download cut
// mid-stream (multipart upload on the real RGW) is never archived and is retried; a read-back that does not
// match is retried, then quarantined; residency is enforced before any byte moves; concurrent duplicates
// download once; retention policies are chosen by compliance tags and enforced by the store.
import { randomUUID } from 'node:crypto';
import { HeadObjectCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { UnrecoverableError, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { auditActions, auditDetails, objectVersions, recordingKey, sha256 } from '@/tests/support/archive-test-kit';
import { transferMedia } from '@/lib/archive/transfer-media';
import { isPermanentFailure } from '@/lib/queue/archive-error';
import { db } from '@/lib/db';
import { readClaim } from '@/lib/ingest/claim-recording';
import { bucketName } from '@/lib/storage/buckets';
import { createS3Client } from '@/lib/storage/s3-client';
import { processArchiveJob } from '@/workers/processors/archive-recording';

const { kit, s3 } = setupArchiveKit();
const savedEnv = { VENDOR_ACCOUNTS: process.env.VENDOR_ACCOUNTS, RESIDENCY_DIAL_RULES: process.env.RESIDENCY_DIAL_RULES };

beforeAll(async () => {
  // The processor builds its vendor client from VENDOR_ACCOUNTS, as the worker does in production.
  process.env.VENDOR_ACCOUNTS = JSON.stringify(kit.sim.vendorAccountsJson());
});

function restoreEnv(name: keyof typeof savedEnv) {
  if (savedEnv[name] === undefined) delete process.env[name];
  else process.env[name] = savedEnv[name];
}

afterAll(async () => {
  restoreEnv('VENDOR_ACCOUNTS');
  restoreEnv('RESIDENCY_DIAL_RULES');
});

const fakeJob = (data: unknown, attemptsMade = 0) =>
  ({ id: `job-${randomUUID()}`, data, attemptsMade, opts: { attempts: 3 } }) as unknown as Job;
const rowOf = (id: string) =>
  db().recording.findFirst({
    where: { vendorRecordingId: id },
    include: { quarantineCases: true, attempts: { orderBy: { startedAt: 'asc' } } },
  });

/** A client whose GetObject bodies come back with one byte flipped: bit rot the real store will not produce. */
function corruptingClient(): S3Client {
  const client = createS3Client();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName !== 'GetObjectCommand') return result;
      const output = result.output as { Body: AsyncIterable<Buffer> };
      const original = output.Body;
      output.Body = Readable.from(
        (async function* () {
          let first = true;
          for await (const chunk of original) {
            if (first && chunk.length > 100) (chunk[100] as number) ^= 0xff;
            first = false;
            yield chunk;
          }
        })(),
      ) as never;
      return result;
    },
    { step: 'initialize', name: 'corruptReadBack' },
  );
  return client;
}

describe('archive pipeline under faults', () => {
  it('a stream cut mid-download is never archived, leaves no object or open upload, and succeeds on retry', async () => {
    const rec = kit.sim.addRecording({ seconds: 560 }); // ~9 MB: a multipart upload with a completed first part
    kit.sim.faults.cutNextStreams = 1;
    kit.sim.faults.cutAfterBytes = 8.5 * 1024 * 1024;
    const data = kit.job(rec);
    const failure = await processArchiveJob(fakeJob(data)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(UnrecoverableError);
    expect(isPermanentFailure(failure)).toBe(false);

    // Not archived, but findable: RETRYING with the reason, no storage columns.
    expect(await rowOf(rec.id)).toMatchObject({
      status: 'RETRYING',
      statusReason: expect.stringMatching(/^media: Download broke off/),
      storageKey: null,
      archivedAt: null,
    });
    expect(await readClaim(recordingKey(rec))).toBeNull();
    const [download] = (await auditDetails(recordingKey(rec), 'archive.download')).filter((d) => d.status === 'failed');
    expect(download).toMatchObject({ contentLength: rec.mediaSize() });
    expect(Number(download!.bytesReceived)).toBeLessThan(rec.mediaSize());
    expect(await auditActions(recordingKey(rec))).toContain('archive.failed');
    const bucket = bucketName('recordings', 'us');
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'voice/' }));
    expect((uploads.Uploads ?? []).filter((u) => u.Key?.includes(rec.id))).toEqual([]);

    const retried = await processArchiveJob(fakeJob(data, 1));
    expect(retried.status).toBe('ARCHIVED');
    const row = await rowOf(rec.id);
    expect(row?.checksumSha256).toBe(sha256(rec.media()));
    const attempts = await db().ingestAttempt.findMany({ where: { idempotencyKey: recordingKey(rec) }, orderBy: { startedAt: 'asc' } });
    expect(attempts.map((a) => [a.attemptNumber, a.outcome])).toEqual([
      [1, 'FAILED'],
      [2, 'SUCCEEDED'],
    ]);
    expect(await objectVersions(s3, bucket, row!.storageKey!)).toEqual([row!.storageVersionId]);
  });

  it('a read-back that does not match is retried, and quarantined as CHECKSUM_MISMATCH on the last attempt', async () => {
    const rec = kit.sim.addRecording({ seconds: 5 });
    const bad = corruptingClient();
    try {
      const first = await kit.archive(rec, {}, { s3: bad, attempt: 1 }).catch((e: unknown) => e);
      expect(first).toMatchObject({ code: 'checksum_mismatch', kind: 'retryable' });
      expect(await rowOf(rec.id)).toMatchObject({
        status: 'RETRYING',
        statusReason: expect.stringMatching(/^media: /),
        storageVersionId: null,
      });
      const last = await kit.archive(rec, {}, { s3: bad, attempt: 3 });
      expect(last.status).toBe('QUARANTINED');
    } finally {
      bad.destroy();
    }
    const row = await rowOf(rec.id);
    expect(row).toMatchObject({ status: 'QUARANTINED', checksumSha256: null, storageVersionId: null });
    expect(row?.quarantineCases.map((c) => c.reason)).toEqual(['CHECKSUM_MISMATCH']);
    expect((await auditActions(recordingKey(rec))).filter((a) => a === 'archive.checksum_mismatch')).toHaveLength(2);
  });

  it('an EU recording never reaches a US bucket, even when the caller passes one', async () => {
    const rec = kit.sim.addRecording({ accountId: 'genesys-eu', seconds: 3 });
    const download = await kit.client('genesys-eu').openMedia({ vendorRecordingId: rec.id, interactionId: rec.interactionId });
    const usBucket = bucketName('recordings', 'us');
    const key = `voice/residency-test/${rec.id}.wav`;
    const target = {
      region: 'eu',
      bucket: usBucket,
      key,
      retainUntil: new Date(Date.now() + 86_400_000),
      legalHold: false,
      contentType: 'audio/wav',
      metadata: { 'attempt-id': 'x' },
    };
    await expect(transferMedia(s3, download, target)).rejects.toMatchObject({ code: 'residency_violation', kind: 'permanent' });
    expect(download.stream.destroyed).toBe(true);
    expect(await objectVersions(s3, usBucket, key)).toEqual([]);
  });

  it('a dial-in number of another region is a RESIDENCY_VIOLATION quarantine before any download', async () => {
    process.env.RESIDENCY_DIAL_RULES = JSON.stringify([{ prefix: '+1555', region: 'us' }]);
    try {
      const rec = kit.sim.addRecording({ accountId: 'genesys-eu', seconds: 3, customer: { number: '+15550199887' } });
      expect((await kit.archive(rec)).status).toBe('QUARANTINED');
      const row = await rowOf(rec.id);
      expect(row).toMatchObject({ status: 'QUARANTINED', storageBucket: null, dataResidencyRegion: 'eu' });
      expect(row?.complianceTags).toContain('residency_violation');
      expect(row?.quarantineCases[0]).toMatchObject({ reason: 'RESIDENCY_VIOLATION' });
      expect(JSON.stringify(row?.quarantineCases[0]?.evidence)).not.toContain('+15550199887');
      expect(kit.sim.downloadStarts(rec.id)).toBe(0);
    } finally {
      restoreEnv('RESIDENCY_DIAL_RULES');
    }
  });

  it('concurrent deliveries of one recording download it once and create one row', async () => {
    const rec = kit.sim.addRecording({ seconds: 4 });
    const outcomes = await Promise.all([kit.archive(rec), kit.archive(rec), kit.archive(rec, { source: 'POLL' })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ARCHIVED', 'DUPLICATE', 'DUPLICATE']);
    expect(kit.sim.downloadStarts(rec.id)).toBe(1);
    expect(await db().recording.count({ where: { vendorRecordingId: rec.id } })).toBe(1);
  });

  it('picks the retention policy by compliance tag (longest wins) and the store enforces its date', async () => {
    const tag = `b2-test-${randomUUID().slice(0, 8)}`;
    await db().retentionPolicy.create({
      data: { id: `p7-${tag}`, name: `7y ${tag}`, description: 'test', retentionDays: 2555, activeDays: 730, matchTags: [tag] },
    });
    await db().retentionPolicy.create({
      data: { id: `p3-${tag}`, name: `3y ${tag}`, description: 'test', retentionDays: 1095, activeDays: 365, matchTags: [tag] },
    });
    const rec = kit.sim.addRecording({ seconds: 3, tags: ['Compliance', tag] });
    const before = Date.now();
    expect((await kit.archive(rec)).status).toBe('ARCHIVED');
    const row = await rowOf(rec.id);
    expect(row?.retentionPolicyId).toBe(`p7-${tag}`);
    const days = (row!.retainUntil!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(2554.9);
    expect(days).toBeLessThan(2555.1);
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: row!.storageBucket!, Key: row!.storageKey!, VersionId: row!.storageVersionId! }),
    );
    expect(head.ObjectLockRetainUntilDate?.getTime()).toBe(row!.retainUntil!.getTime());
  });

  it('rejects malformed job data and unknown accounts as unrecoverable, releasing the claim', async () => {
    await expect(processArchiveJob(fakeJob({ vendorSource: 'GENESYS_CLOUD' }))).rejects.toBeInstanceOf(UnrecoverableError);
    const rec = kit.sim.addRecording({ seconds: 2 });
    await expect(processArchiveJob(fakeJob(kit.job(rec, { vendorAccountId: 'no-such-account' })))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    expect(await readClaim(recordingKey(rec))).toBeNull();
    const [failed] = await auditDetails(recordingKey(rec), 'archive.failed');
    expect(failed).toMatchObject({ retryable: false, errorClass: 'AppError' });
  });
});
