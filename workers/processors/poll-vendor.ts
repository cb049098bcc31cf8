// vendor.poll — one fallback-poll tick for one vendor account (repeatable per account, concurrency 1).
import type { Job } from 'bullmq';
import { pollVendorAccount, type TPollResult } from '@/lib/ingest/poll-vendor-account';
import { ZPollJob } from '@/lib/queue/contracts';

export async function processPollVendor(job: Job): Promise<TPollResult> {
  const { vendorAccountId } = ZPollJob.parse(job.data);
  return pollVendorAccount(vendorAccountId);
}
