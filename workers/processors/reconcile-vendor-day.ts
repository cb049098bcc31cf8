// reconciliation.run — one vendor account's day against the archive (daily per account; operators may
// enqueue a specific day). The report is signed and stored; missing recordings are re-driven.
import type { Job } from 'bullmq';
import { ZReconcileJob } from '@/lib/queue/contracts';
import { reconcileVendorDay } from '@/lib/reconcile/reconcile-vendor-day';

const DAY_MS = 24 * 3600_000;

export async function processReconcileVendorDay(job: Job) {
  const { vendorAccountId, day } = ZReconcileJob.parse(job.data);
  // Scheduled runs carry no day: the day that ended before this run started.
  const target = day ?? new Date(job.timestamp - DAY_MS).toISOString().slice(0, 10);
  const doc = await reconcileVendorDay(vendorAccountId, target);
  return { reportId: doc.id, day: doc.day, counts: doc.counts };
}
