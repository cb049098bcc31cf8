import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { ReportList } from '@/components/reconciliation/report-list';
import { can } from '@/lib/auth/permissions';
import { pageUser } from '@/lib/auth/page-user';
import { listReconciliationReports } from '@/lib/reconcile/list-reconciliation-reports';

export const metadata: Metadata = { title: 'Reconciliation — CallVault' };
export const dynamic = 'force-dynamic';

export default async function ReconciliationPage() {
  const user = await pageUser();
  if (!can(user.role, 'reconciliation.view')) return <Forbidden what="reconciliation reports" />;
  const { reports } = await listReconciliationReports();
  return (
    <>
      <h1>Reconciliation</h1>
      <p className="muted">
        Each vendor account&apos;s daily listing compared with the archive. Reports are signed and stored Object-Locked in the region&apos;s
        audit bucket.
      </p>
      <section className="panel">
        <ReportList reports={reports} />
      </section>
    </>
  );
}
