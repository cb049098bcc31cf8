// Lifecycle per bucket kind, as AWS S3 would receive it (aws-sdk-client-mock: the real store for these
// semantics is AWS; RGW accepts and reads back the same rules, see tests/integration/storage-provision).
import {
  CreateBucketCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditRetentionDays, lifecycleRules, type TLifecyclePlan } from '@/lib/storage/lifecycle-rules';
import { provisionBuckets } from '@/lib/storage/provision-buckets';
import { sameLifecycle } from '@/lib/storage/same-lifecycle';

const plan: TLifecyclePlan = {
  defaultPolicy: { id: 'deployment-default', retentionDays: 2190, activeDays: 730 },
  policies: [
    { id: 'hipaa-6y', retentionDays: 2190, activeDays: 365 },
    { id: 'mifid-7y', retentionDays: 2555, activeDays: 730 },
    { id: 'hot-only', retentionDays: 400, activeDays: 400 },
  ],
  noncurrentDays: 1,
  transitionStorageClass: 'GLACIER',
  abortMultipartDays: 1,
  exportRetentionDays: 90,
};

describe('lifecycle rules per bucket kind', () => {
  it('audit buckets never transition and never expire what they prove; only export copies expire', () => {
    const rules = lifecycleRules('audit', plan);
    expect(rules.flatMap((r) => r.Transitions ?? [])).toEqual([]);
    expect(rules.flatMap((r) => r.NoncurrentVersionTransitions ?? [])).toEqual([]);
    const expiring = rules.filter((r) => r.Expiration || r.NoncurrentVersionExpiration);
    expect(expiring).toHaveLength(1);
    expect(expiring[0]!.Filter).toEqual({ Prefix: 'exports/' });
    expect(expiring[0]!.Expiration).toEqual({ Days: 90 });
    expect(auditRetentionDays(plan)).toBe(2555);
  });

  it('recordings follow their policy: transition after activeDays, expiry after retentionDays, by tag', () => {
    const rules = new Map(lifecycleRules('recordings', plan).map((r) => [r.ID, r]));
    expect(rules.get('retention-hipaa-6y')).toEqual({
      ID: 'retention-hipaa-6y',
      Status: 'Enabled',
      Filter: { Tag: { Key: 'retention-policy', Value: 'hipaa-6y' } },
      Transitions: [{ Days: 365, StorageClass: 'GLACIER' }],
      Expiration: { Days: 2190 },
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
    expect(rules.get('retention-deployment-default')?.Transitions).toEqual([{ Days: 730, StorageClass: 'GLACIER' }]);
    // A policy that never goes cold gets no transition (AWS rejects a transition at or after expiry).
    expect(rules.get('retention-hot-only')?.Transitions).toBeUndefined();
    // Only the abort rule spans the whole bucket, so no two expiry rules ever overlap on one object.
    const wide = [...rules.values()].filter((r) => !r.Filter?.Tag);
    expect(wide.map((r) => r.ID)).toEqual(['abort-incomplete-multipart']);
  });

  it('every bucket kind aborts incomplete multipart uploads', () => {
    for (const kind of ['audit', 'recordings'] as const) {
      const abort = lifecycleRules(kind, plan).find((r) => r.AbortIncompleteMultipartUpload);
      expect(abort).toMatchObject({
        Status: 'Enabled',
        Filter: { Prefix: '' },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      });
    }
  });

  it('reads RGW-shaped rules (legacy Prefix, sorted by ID) as the same configuration, and a changed day as different', () => {
    const wanted = lifecycleRules('audit', plan);
    const rgw: LifecycleRule[] = [
      {
        ID: 'audit-export-retention',
        Status: 'Enabled',
        Filter: { Prefix: 'exports/' },
        Expiration: { Days: 90 },
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      },
      { ID: 'abort-incomplete-multipart', Status: 'Enabled', Prefix: '', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
    ];
    expect(sameLifecycle(rgw, wanted)).toBe(true);
    expect(sameLifecycle([rgw[0]!, { ...rgw[1]!, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }], wanted)).toBe(false);
    expect(sameLifecycle(rgw.slice(0, 1), wanted)).toBe(false);
  });
});

describe('provisioning as AWS S3 receives it', () => {
  const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const s3 = mockClient(client);
  const stored = new Map<string, LifecycleRule[]>();
  const locks = new Map<string, number>();

  beforeEach(() => {
    s3.reset();
    stored.clear();
    locks.clear();
    s3.on(HeadBucketCommand).rejects(Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    s3.on(CreateBucketCommand).resolves({});
    s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled' });
    s3.on(PutBucketVersioningCommand).resolves({});
    s3.on(GetObjectLockConfigurationCommand).callsFake((input: { Bucket: string }) => ({
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: locks.has(input.Bucket) ? { DefaultRetention: { Mode: 'COMPLIANCE', Days: locks.get(input.Bucket) } } : undefined,
      },
    }));
    s3.on(PutObjectLockConfigurationCommand).callsFake(
      (input: { Bucket: string; ObjectLockConfiguration: { Rule: { DefaultRetention: { Days: number } } } }) => {
        locks.set(input.Bucket, input.ObjectLockConfiguration.Rule.DefaultRetention.Days);
        return {};
      },
    );
    s3.on(GetBucketLifecycleConfigurationCommand).callsFake((input: { Bucket: string }) => ({ Rules: stored.get(input.Bucket) ?? [] }));
    s3.on(PutBucketLifecycleConfigurationCommand).callsFake(
      (input: { Bucket: string; LifecycleConfiguration: { Rules: LifecycleRule[] } }) => {
        stored.set(input.Bucket, input.LifecycleConfiguration.Rules);
        return {};
      },
    );
  });

  it('sends per-kind rules and locks, and leaves a matching configuration alone', async () => {
    const policy = {
      retentionDays: 2190,
      transitionDays: 730,
      noncurrentDays: 1,
      transitionStorageClass: 'GLACIER',
      policies: plan.policies,
    };
    await provisionBuckets(client, ['eu'], policy, 'cvaws');
    expect(s3.commandCalls(CreateBucketCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: 'cvaws-recordings-eu', ObjectLockEnabledForBucket: true },
      { Bucket: 'cvaws-audit-eu', ObjectLockEnabledForBucket: true },
    ]);
    expect(Object.fromEntries(locks)).toEqual({ 'cvaws-recordings-eu': 2190, 'cvaws-audit-eu': 2555 });
    const audit = stored.get('cvaws-audit-eu')!;
    expect(audit.some((r) => r.Transitions?.length)).toBe(false);
    expect(
      stored
        .get('cvaws-recordings-eu')!
        .map((r) => r.ID)
        .sort(),
    ).toEqual([
      'abort-incomplete-multipart',
      'retention-deployment-default',
      'retention-hipaa-6y',
      'retention-hot-only',
      'retention-mifid-7y',
    ]);
    const puts = s3.commandCalls(PutBucketLifecycleConfigurationCommand).length;
    const again = await provisionBuckets(client, ['eu'], policy, 'cvaws');
    expect(again.every((r) => r.changed.length === 0)).toBe(true);
    expect(s3.commandCalls(PutBucketLifecycleConfigurationCommand)).toHaveLength(puts);
  });
});
