// maintenance: audit.export-sweep (repeatable) — re-queues or fails audit exports and evidence packages no
// job is working on any more (lib/audit/sweep-audit-exports.ts, lib/evidence/sweep-evidence-packages.ts).
import type { Job } from 'bullmq';
import { sweepAuditExports, type TExportSweep } from '@/lib/audit/sweep-audit-exports';
import { sweepEvidencePackages } from '@/lib/evidence/sweep-evidence-packages';

export async function processSweepAuditExports(_job: Job): Promise<TExportSweep & { packages: TExportSweep }> {
  const exports = await sweepAuditExports();
  return { ...exports, packages: await sweepEvidencePackages() };
}
