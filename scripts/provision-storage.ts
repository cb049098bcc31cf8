// npm run storage:provision — create/confirm the per-region buckets (see lib/storage/provision-buckets.ts).
import { env } from '@/lib/env';
import { createS3Client } from '@/lib/storage/s3-client';
import { provisionBuckets } from '@/lib/storage/provision-buckets';

const config = env();
const reports = await provisionBuckets(createS3Client(config), config.RESIDENCY_REGIONS, {
  retentionDays: config.RETENTION_DEFAULT_DAYS,
  transitionDays: config.RETENTION_TRANSITION_DAYS,
  noncurrentDays: config.RETENTION_NONCURRENT_DAYS,
  transitionStorageClass: config.STORAGE_TRANSITION_CLASS,
  corsOrigins: config.STORAGE_CORS_ORIGINS ?? (config.NEXTAUTH_URL ? [new URL(config.NEXTAUTH_URL).origin] : []),
});
for (const r of reports) {
  const what = r.created ? 'created' : r.changed.length ? `updated ${r.changed.join(', ')}` : 'unchanged';
  console.log(`${r.bucket.padEnd(40)} ${r.region.padEnd(6)} ${what}`);
}
