import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/forbidden';
import { ReportDetail } from '@/components/reconciliation/report-detail';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { AppError } from '@/lib/http/app-error';
import { isUuid } from '@/lib/http/uuid-param';
import { getReconciliationReport } from '@/lib/reconcile/get-reconciliation-report';

export const metadata: Metadata = { title: 'Reconciliation report — CallVault' };
export const dynamic = 'force-dynamic';

export default async function ReconciliationReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  if (!can(user.role, 'reconciliation.view')) return <Forbidden what="reconciliation reports" />;
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const report = await getReconciliationReport(id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  });
  if (!report) notFound();
  return (
    <>
      <h1>Reconciliation report</h1>
      <ReportDetail report={report} />
    </>
  );
}
