// Lifecycle rules per bucket kind.
//
// Recordings: one rule per retention policy, selected by the object tag `retention-policy=<policy id>` that the
// archive pipeline puts on every stored version. The policy's activeDays decide the transition to the cold class,
// its retentionDays the expiry (which on a versioned, locked bucket only adds a delete marker; the locked version
// itself goes once its retain-until has passed and no legal hold remains). A version without the tag matches no
// rule: it stays in its class and is never expired, which errs on the side of keeping.
//
// Audit: sealed segments, checkpoints and anything else an auditor verifies never leave immediate reads and never
// expire; only export copies (under exports/) expire, after AUDIT_EXPORT_RETENTION_DAYS.
//
// Every bucket: incomplete multipart uploads are aborted, so a crashed upload leaves no billed parts behind.
import type { LifecycleRule } from '@aws-sdk/client-s3';
import type { TBucketKind } from '@/lib/storage/buckets';

/** Object tag naming the retention policy of a stored recording version. */
export const RETENTION_TAG = 'retention-policy';
/** Tag value for recordings governed by the deployment default (no RetentionPolicy row matched). */
export const DEFAULT_RETENTION_TAG_VALUE = 'deployment-default';
/** Key prefix of audit export files in the audit bucket. */
export const EXPORTS_PREFIX = 'exports/';

export type TPolicyLifecycle = { id: string; retentionDays: number; activeDays: number };

export type TLifecyclePlan = {
  /** The deployment default when no policy matches (RETENTION_DEFAULT_DAYS / RETENTION_TRANSITION_DAYS). */
  defaultPolicy: TPolicyLifecycle;
  policies: TPolicyLifecycle[];
  noncurrentDays: number;
  transitionStorageClass: string;
  abortMultipartDays: number;
  exportRetentionDays: number;
};

function recordingRule(policy: TPolicyLifecycle, tagValue: string, plan: TLifecyclePlan): LifecycleRule {
  // A transition at or after expiry would be meaningless (and AWS rejects Expiration <= Transition).
  const transitions =
    policy.activeDays < policy.retentionDays
      ? [{ Days: policy.activeDays, StorageClass: plan.transitionStorageClass as never }]
      : undefined;
  return {
    ID: `retention-${tagValue}`.slice(0, 255),
    Status: 'Enabled',
    Filter: { Tag: { Key: RETENTION_TAG, Value: tagValue } },
    ...(transitions ? { Transitions: transitions } : {}),
    Expiration: { Days: policy.retentionDays },
    NoncurrentVersionExpiration: { NoncurrentDays: plan.noncurrentDays },
  };
}

export function lifecycleRules(kind: TBucketKind, plan: TLifecyclePlan): LifecycleRule[] {
  const abort: LifecycleRule = {
    ID: 'abort-incomplete-multipart',
    Status: 'Enabled',
    Filter: { Prefix: '' },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: plan.abortMultipartDays },
  };
  if (kind === 'audit') {
    const exportsRule: LifecycleRule = {
      ID: 'audit-export-retention',
      Status: 'Enabled',
      Filter: { Prefix: EXPORTS_PREFIX },
      Expiration: { Days: plan.exportRetentionDays },
      NoncurrentVersionExpiration: { NoncurrentDays: plan.noncurrentDays },
    };
    return [abort, exportsRule];
  }
  const byPolicy = plan.policies.filter((p) => p.id !== DEFAULT_RETENTION_TAG_VALUE).map((p) => recordingRule(p, p.id, plan));
  return [abort, recordingRule(plan.defaultPolicy, DEFAULT_RETENTION_TAG_VALUE, plan), ...byPolicy];
}

/** Audit objects must outlive every record they prove: the longest recording retention of the plan. */
export function auditRetentionDays(plan: Pick<TLifecyclePlan, 'defaultPolicy' | 'policies'>): number {
  return Math.max(plan.defaultPolicy.retentionDays, ...plan.policies.map((p) => p.retentionDays));
}
