// Provisioning against the real Ceph RGW: buckets with versioning, Object Lock COMPLIANCE and
// lifecycle rules per bucket kind, read back; idempotent; and the store itself refuses deleting a
// locked object version. (Transitions and expiry cannot be observed on a test clock: what is asserted
// is the configuration the store holds.)
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
const policies = [
  { id: 'hipaa-6y', retentionDays: 2190, activeDays: 365 },
  { id: 'mifid-7y', retentionDays: 2555, activeDays: 730 },
];
const policy = {
  retentionDays: 2190,
  transitionDays: 730,
  noncurrentDays: 1,
  transitionStorageClass: 'GLACIER',
  policies,
  abortMultipartDays: 2,
  exportRetentionDays: 90,
  corsOrigins: ['http://127.0.0.1:3000'],
};

async function rulesOf(bucket: string) {
  const rules = (await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules ?? [];
  return new Map(rules.map((r) => [r.ID, r]));
}

describe('storage provisioning', () => {
  it('creates locked, versioned buckets per region with lifecycle rules, and a second run changes nothing', async () => {
    const first = await provisionBuckets(s3, ['us', 'eu'], policy, prefix);
    expect(first.map((r) => r.bucket).sort()).toEqual([
      `${prefix}-audit-eu`,
      `${prefix}-audit-us`,
      `${prefix}-recordings-eu`,
      `${prefix}-recordings-us`,
    ]);
    expect(first.every((r) => r.created)).toBe(true);

    const bucket = `${prefix}-recordings-eu`;
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Enabled');
    const lock = (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration;
    expect(lock?.Rule?.DefaultRetention).toMatchObject({ Mode: 'COMPLIANCE', Days: 2190 });
    const rules = await rulesOf(bucket);
    expect([...rules.keys()].sort()).toEqual([
      'abort-incomplete-multipart',
      'retention-deployment-default',
      'retention-hipaa-6y',
      'retention-mifid-7y',
    ]);
    // Each policy's own active period and window, selected by the version's retention-policy tag.
    expect(rules.get('retention-hipaa-6y')).toMatchObject({
      Status: 'Enabled',
      Filter: { Tag: { Key: 'retention-policy', Value: 'hipaa-6y' } },
      Transitions: [{ Days: 365, StorageClass: 'GLACIER' }],
      Expiration: { Days: 2190 },
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
    expect(rules.get('retention-mifid-7y')).toMatchObject({
      Transitions: [{ Days: 730, StorageClass: 'GLACIER' }],
      Expiration: { Days: 2555 },
    });
    expect(rules.get('retention-deployment-default')).toMatchObject({ Transitions: [{ Days: 730 }], Expiration: { Days: 2190 } });
    expect(rules.get('abort-incomplete-multipart')?.AbortIncompleteMultipartUpload).toEqual({ DaysAfterInitiation: 2 });

    const cors = (await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules ?? [];
    expect(cors[0]).toMatchObject({ AllowedOrigins: ['http://127.0.0.1:3000'], AllowedMethods: ['GET', 'HEAD'] });

    // Audit buckets: locked for the longest recording window, never transitioned, never expired, except
    // export copies; incomplete multipart uploads are aborted there too.
    const audit = `${prefix}-audit-eu`;
    const auditLock = (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: audit }))).ObjectLockConfiguration;
    expect(auditLock?.Rule?.DefaultRetention).toMatchObject({ Mode: 'COMPLIANCE', Days: 2555 });
    const auditRules = await rulesOf(audit);
    expect([...auditRules.keys()].sort()).toEqual(['abort-incomplete-multipart', 'audit-export-retention']);
    for (const rule of auditRules.values()) expect(rule.Transitions ?? []).toEqual([]);
    expect(auditRules.get('abort-incomplete-multipart')?.Expiration).toBeUndefined();
    expect(auditRules.get('audit-export-retention')).toMatchObject({ Filter: { Prefix: 'exports/' }, Expiration: { Days: 90 } });
    expect(first.find((r) => r.bucket === audit)?.retentionDays).toBe(2555);

    const second = await provisionBuckets(s3, ['us', 'eu'], policy, prefix);
    expect(second.map((r) => ({ created: r.created, changed: r.changed }))).toEqual(Array(4).fill({ created: false, changed: [] }));
  });

  it('a changed policy is applied and read back', async () => {
    const longer = { ...policy, policies: [...policies, { id: 'sox-10y', retentionDays: 3650, activeDays: 90 }] };
    const reports = await provisionBuckets(s3, ['us'], longer, prefix);
    const byKind = new Map(reports.map((r) => [r.kind, r]));
    expect(byKind.get('recordings')?.changed).toEqual(['lifecycle']);
    // A longer recording window lengthens the audit bucket's default lock with it.
    expect(byKind.get('audit')?.changed).toEqual(['object-lock']);
    expect((await rulesOf(`${prefix}-recordings-us`)).get('retention-sox-10y')).toMatchObject({
      Transitions: [{ Days: 90 }],
      Expiration: { Days: 3650 },
    });
    const auditLock = (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: `${prefix}-audit-us` }))).ObjectLockConfiguration;
    expect(auditLock?.Rule?.DefaultRetention?.Days).toBe(3650);
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
