// One reconciliation report with its findings and where its signed document is stored.
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { toReportSummary, type TReportSummary } from '@/lib/reconcile/list-reconciliation-reports';
import type { TFinding } from '@/lib/reconcile/types';

export type TReportDetail = TReportSummary & {
  startedAt: string;
  findings: TFinding[];
  storage: { bucket: string; key: string; versionId: string | null; keyId: string; signature: string };
};

export async function getReconciliationReport(id: string): Promise<TReportDetail> {
  const r = await db().reconciliationReport.findUnique({ where: { id } });
  if (!r) throw new AppError('not_found', 'Reconciliation report not found');
  return {
    ...toReportSummary(r),
    startedAt: r.startedAt.toISOString(),
    findings: r.findings as unknown as TFinding[],
    storage: { bucket: r.bucket, key: r.key, versionId: r.versionId, keyId: r.keyId, signature: r.signature },
  };
}
