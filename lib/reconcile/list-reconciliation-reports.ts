// Reconciliation history for the console: newest day first, optionally one account, keyset-paged by id.
import { db } from '@/lib/db';

export type TReportSummary = {
  id: string;
  vendorAccountId: string;
  vendorSource: string;
  day: string;
  counts: {
    listed: number;
    matched: number;
    quarantined: number;
    missing: number;
    redriven: number;
    pending: number;
    extra: number;
    mismatched: number;
  };
  sha256: string;
  completedAt: string;
};

export function toReportSummary(r: {
  id: string;
  vendorAccountId: string;
  vendorSource: string;
  day: string;
  listedCount: number;
  matchedCount: number;
  quarantinedCount: number;
  missingCount: number;
  redrivenCount: number;
  pendingCount: number;
  extraCount: number;
  mismatchCount: number;
  sha256: string;
  completedAt: Date;
}): TReportSummary {
  return {
    id: r.id,
    vendorAccountId: r.vendorAccountId,
    vendorSource: r.vendorSource,
    day: r.day,
    counts: {
      listed: r.listedCount,
      matched: r.matchedCount,
      quarantined: r.quarantinedCount,
      missing: r.missingCount,
      redriven: r.redrivenCount,
      pending: r.pendingCount,
      extra: r.extraCount,
      mismatched: r.mismatchCount,
    },
    sha256: r.sha256,
    completedAt: r.completedAt.toISOString(),
  };
}

export async function listReconciliationReports(
  q: { vendorAccountId?: string; take?: number } = {},
): Promise<{ reports: TReportSummary[] }> {
  const rows = await db().reconciliationReport.findMany({
    where: q.vendorAccountId ? { vendorAccountId: q.vendorAccountId } : {},
    orderBy: [{ day: 'desc' }, { completedAt: 'desc' }],
    take: q.take ?? 100,
    omit: { findings: true },
  });
  return { reports: rows.map(toReportSummary) };
}
