// maintenance: audit.export-sweep (repeatable) — re-queues or fails exports no job is working on any more
// (lib/audit/sweep-audit-exports.ts).
import type { Job } from 'bullmq';
import { sweepAuditExports, type TExportSweep } from '@/lib/audit/sweep-audit-exports';

export async function processSweepAuditExports(_job: Job): Promise<TExportSweep> {
  return sweepAuditExports();
}
