// evidence-package: evidence.package — builds one queued evidence package into the Object-Locked audit bucket
// (lib/evidence/run-evidence-package.ts). A failed run is retried with backoff; the last failed attempt marks
// the package failed, with the reason, so it never stays "running". A worker that dies mid-run is covered by
// BullMQ's stalled-job recovery and by the sweep (lib/evidence/sweep-evidence-packages.ts).
import type { Job } from 'bullmq';
import { failEvidencePackage } from '@/lib/evidence/fail-evidence-package';
import { runEvidencePackage } from '@/lib/evidence/run-evidence-package';
import { ZEvidencePackageJob } from '@/lib/queue/contracts';

export async function processEvidencePackage(job: Job): Promise<Awaited<ReturnType<typeof runEvidencePackage>>> {
  const { packageId } = ZEvidencePackageJob.parse(job.data);
  try {
    return await runEvidencePackage(packageId);
  } catch (error) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failEvidencePackage(packageId, (error as Error).message);
    throw error;
  }
}
