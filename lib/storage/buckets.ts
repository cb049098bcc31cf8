// Bucket naming: one recordings bucket and one audit bucket per residency region.
import { env } from '@/lib/env';

export type TBucketKind = 'recordings' | 'audit';

export function bucketName(kind: TBucketKind, region: string, prefix = env().S3_BUCKET_PREFIX): string {
  return `${prefix}-${kind}-${region}`;
}

/** The region a bucket of ours belongs to, or null for a bucket that is not ours. */
export function regionOfBucket(bucket: string, prefix = env().S3_BUCKET_PREFIX): string | null {
  const match = new RegExp(`^${prefix}-(?:recordings|audit)-([a-z0-9-]+)$`).exec(bucket);
  return match?.[1] ?? null;
}
