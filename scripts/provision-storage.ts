// npm run storage:provision — create/confirm the per-region buckets (see lib/storage/provision-buckets.ts).
// The recordings buckets' lifecycle follows the RetentionPolicy rows: run it again after changing a policy.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { listPolicyLifecycles } from '@/lib/retention/list-policy-lifecycles';
import { createS3Client } from '@/lib/storage/s3-client';
import { provisionBuckets } from '@/lib/storage/provision-buckets';

const config = env();
const policies = await listPolicyLifecycles();
await db().$disconnect();
const reports = await provisionBuckets(createS3Client(config), config.RESIDENCY_REGIONS, {
  retentionDays: config.RETENTION_DEFAULT_DAYS,
  transitionDays: config.RETENTION_TRANSITION_DAYS,
  noncurrentDays: config.RETENTION_NONCURRENT_DAYS,
  transitionStorageClass: config.STORAGE_TRANSITION_CLASS,
  policies,
  abortMultipartDays: config.STORAGE_ABORT_MULTIPART_DAYS,
  exportRetentionDays: config.AUDIT_EXPORT_RETENTION_DAYS,
  corsOrigins: config.STORAGE_CORS_ORIGINS ?? (config.NEXTAUTH_URL ? [new URL(config.NEXTAUTH_URL).origin] : []),
});
for (const r of reports) {
  const what = r.created ? 'created' : r.changed.length ? `updated ${r.changed.join(', ')}` : 'unchanged';
  console.log(`${r.bucket.padEnd(40)} ${r.region.padEnd(6)} lock ${String(r.retentionDays).padStart(5)} d  ${what}`);
}
if (policies.length === 0) console.log('no retention policies in the database yet: recordings lifecycle has the deployment default only');
