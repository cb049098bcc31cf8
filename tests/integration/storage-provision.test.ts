// Provisioning against the real Ceph RGW: buckets with versioning, Object Lock COMPLIANCE and
// lifecycle rules; idempotent; and the store itself refuses deleting a locked object version.
import { randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { provisionBuckets } from '@/lib/storage/provision-buckets';
import { createS3Client, isObjectLockDenial } from '@/lib/storage/s3-client';

const s3 = createS3Client();
const prefix = `cvprov${randomUUID().slice(0, 6)}`;
const policy = { retentionDays: 2190, transitionDays: 730, noncurrentDays: 1, transitionStorageClass: 'GLACIER', corsOrigins: ['http://127.0.0.1:3000'] };

describe('storage provisioning', () => {
  it('creates locked, versioned buckets per region with lifecycle rules, and a second run changes nothing', async () => {
    const first = await provisionBuckets(s3, ['us', 'eu'], policy, prefix);
    expect(first.map((r) => r.bucket).sort()).toEqual(
      [`${prefix}-audit-eu`, `${prefix}-audit-us`, `${prefix}-recordings-eu`, `${prefix}-recordings-us`],
    );
    expect(first.every((r) => r.created)).toBe(true);

    const bucket = `${prefix}-recordings-eu`;
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Enabled');
    const lock = (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration;
    expect(lock?.Rule?.DefaultRetention).toMatchObject({ Mode: 'COMPLIANCE', Days: 2190 });
    const rules = (await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules ?? [];
    expect(rules[0]).toMatchObject({
      Status: 'Enabled',
      Expiration: { Days: 2190 },
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      Transitions: [{ Days: 730, StorageClass: 'GLACIER' }],
    });

    const cors = (await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules ?? [];
    expect(cors[0]).toMatchObject({ AllowedOrigins: ['http://127.0.0.1:3000'], AllowedMethods: ['GET', 'HEAD'] });

    const second = await provisionBuckets(s3, ['us', 'eu'], policy, prefix);
    expect(second.map((r) => ({ created: r.created, changed: r.changed }))).toEqual(
      Array(4).fill({ created: false, changed: [] }),
    );
  });

  it('a changed policy is applied and read back', async () => {
    const reports = await provisionBuckets(s3, ['us'], { ...policy, retentionDays: 2555 }, prefix);
    expect(reports.every((r) => r.changed.includes('object-lock') && r.changed.includes('lifecycle'))).toBe(true);
  });

  it('the store refuses deleting or shortening a locked object version', async () => {
    const bucket = `${prefix}-recordings-us`;
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'voice/test.bin', Body: 'recording bytes' }));
    expect(put.VersionId).toBeTruthy();
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'voice/test.bin', VersionId: put.VersionId }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');

    const deletion = s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'voice/test.bin', VersionId: put.VersionId }));
    await expect(deletion).rejects.toSatisfy(isObjectLockDenial);
    const shorten = s3.send(
      new PutObjectRetentionCommand({
        Bucket: bucket,
        Key: 'voice/test.bin',
        VersionId: put.VersionId,
        Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.now() + 86_400_000) },
      }),
    );
    await expect(shorten).rejects.toSatisfy(isObjectLockDenial);
    // Still there, byte for byte.
    const still = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'voice/test.bin', VersionId: put.VersionId }));
    expect(still.ContentLength).toBe('recording bytes'.length);
  });
});
