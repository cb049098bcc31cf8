// Creates (or confirms) every residency region's recordings and audit buckets with versioning,
// Object Lock default COMPLIANCE retention and lifecycle rules per bucket kind (lifecycle-rules.ts),
// then reads each setting back.
// Idempotent: a setting already in place is left untouched and reported as such.
import {
  CreateBucketCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  type LifecycleRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import { bucketName, type TBucketKind } from '@/lib/storage/buckets';
import {
  auditRetentionDays,
  DEFAULT_RETENTION_TAG_VALUE,
  lifecycleRules,
  type TLifecyclePlan,
  type TPolicyLifecycle,
} from '@/lib/storage/lifecycle-rules';
import { sameLifecycle } from '@/lib/storage/same-lifecycle';

export type TProvisionPolicy = {
  /** Deployment default window and active period, for recordings no retention policy matches. */
  retentionDays: number;
  transitionDays: number;
  noncurrentDays: number;
  transitionStorageClass: string;
  /** The RetentionPolicy rows: each gets its own recordings lifecycle rule (see lifecycle-rules.ts). */
  policies?: TPolicyLifecycle[];
  abortMultipartDays?: number;
  exportRetentionDays?: number;
  /** Console origins allowed to GET recordings through presigned URLs (the waveform fetches the bytes). */
  corsOrigins?: string[];
};

export type TBucketReport = {
  bucket: string;
  region: string;
  kind: TBucketKind;
  created: boolean;
  changed: string[];
  retentionDays: number;
};

export function lifecyclePlan(policy: TProvisionPolicy): TLifecyclePlan {
  return {
    defaultPolicy: { id: DEFAULT_RETENTION_TAG_VALUE, retentionDays: policy.retentionDays, activeDays: policy.transitionDays },
    policies: policy.policies ?? [],
    noncurrentDays: policy.noncurrentDays,
    transitionStorageClass: policy.transitionStorageClass,
    abortMultipartDays: policy.abortMultipartDays ?? 1,
    exportRetentionDays: policy.exportRetentionDays ?? 90,
  };
}

async function ensureBucket(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return false;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error;
  }
  await s3.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
  return true;
}

async function ensureVersioning(s3: S3Client, bucket: string): Promise<boolean> {
  const current = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  if (current.Status === 'Enabled') return false;
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  const readBack = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  if (readBack.Status !== 'Enabled') throw new Error(`${bucket}: versioning did not read back as Enabled`);
  return true;
}

async function readLockConfig(s3: S3Client, bucket: string) {
  try {
    return (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration;
  } catch (error) {
    if ((error as { name?: string }).name === 'ObjectLockConfigurationNotFoundError') return undefined;
    throw error;
  }
}

async function ensureObjectLock(s3: S3Client, bucket: string, days: number): Promise<boolean> {
  const current = await readLockConfig(s3, bucket);
  if (current?.ObjectLockEnabled !== 'Enabled') {
    throw new Error(`${bucket}: exists without Object Lock; it cannot hold compliance records (create a new bucket)`);
  }
  const rule = current.Rule?.DefaultRetention;
  if (rule?.Mode === 'COMPLIANCE' && rule.Days === days) return false;
  const wanted = { ObjectLockEnabled: 'Enabled' as const, Rule: { DefaultRetention: { Mode: 'COMPLIANCE' as const, Days: days } } };
  await s3.send(new PutObjectLockConfigurationCommand({ Bucket: bucket, ObjectLockConfiguration: wanted }));
  const readBack = (await readLockConfig(s3, bucket))?.Rule?.DefaultRetention;
  if (readBack?.Mode !== 'COMPLIANCE' || readBack.Days !== days) {
    throw new Error(`${bucket}: default retention did not read back as COMPLIANCE ${days} days`);
  }
  return true;
}

async function readLifecycle(s3: S3Client, bucket: string): Promise<LifecycleRule[]> {
  try {
    return (await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules ?? [];
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchLifecycleConfiguration') return [];
    throw error;
  }
}

async function ensureLifecycle(s3: S3Client, bucket: string, wanted: LifecycleRule[]): Promise<boolean> {
  if (sameLifecycle(await readLifecycle(s3, bucket), wanted)) return false;
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: wanted } }));
  if (!sameLifecycle(await readLifecycle(s3, bucket), wanted)) throw new Error(`${bucket}: lifecycle rules did not read back`);
  return true;
}

async function readCorsOrigins(s3: S3Client, bucket: string): Promise<string[]> {
  try {
    const rules = (await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules ?? [];
    return rules.flatMap((r) => r.AllowedOrigins ?? []).sort();
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchCORSConfiguration') return [];
    throw error;
  }
}

// Read-only CORS (GET/HEAD) for the console's origins: presigned URLs still decide who may read.
async function ensureCors(s3: S3Client, bucket: string, origins: string[]): Promise<boolean> {
  const wanted = [...origins].sort();
  if ((await readCorsOrigins(s3, bucket)).join(',') === wanted.join(',')) return false;
  const rule = {
    AllowedOrigins: wanted,
    AllowedMethods: ['GET', 'HEAD'],
    AllowedHeaders: ['Range'],
    ExposeHeaders: ['Content-Length', 'Content-Range', 'Accept-Ranges'],
    MaxAgeSeconds: 600,
  };
  await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [rule] } }));
  if ((await readCorsOrigins(s3, bucket)).join(',') !== wanted.join(',')) throw new Error(`${bucket}: CORS rule did not read back`);
  return true;
}

export async function provisionBuckets(
  s3: S3Client,
  regions: string[],
  policy: TProvisionPolicy,
  prefix?: string,
): Promise<TBucketReport[]> {
  const reports: TBucketReport[] = [];
  const plan = lifecyclePlan(policy);
  // Audit objects prove records for as long as those are kept: their default lock is the longest window.
  const lockDays = { recordings: policy.retentionDays, audit: auditRetentionDays(plan) };
  for (const region of regions) {
    for (const kind of ['recordings', 'audit'] as const) {
      const bucket = bucketName(kind, region, prefix);
      const created = await ensureBucket(s3, bucket);
      const changed: string[] = [];
      if (await ensureVersioning(s3, bucket)) changed.push('versioning');
      if (await ensureObjectLock(s3, bucket, lockDays[kind])) changed.push('object-lock');
      if (await ensureLifecycle(s3, bucket, lifecycleRules(kind, plan))) changed.push('lifecycle');
      if (kind === 'recordings' && policy.corsOrigins?.length && (await ensureCors(s3, bucket, policy.corsOrigins))) changed.push('cors');
      reports.push({ bucket, region, kind, created, changed, retentionDays: lockDays[kind] });
    }
  }
  return reports;
}
