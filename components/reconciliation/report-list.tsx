'use client';

import Link from 'next/link';
import { VENDOR_LABEL } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import type { TReportSummary } from '@/lib/reconcile/list-reconciliation-reports';
import { TableScroll } from '@/components/ui/table-scroll';

/** Reconciliation history: one row per run, anything not accounted for highlighted. */
export function ReportList({ reports }: { reports: TReportSummary[] }) {
  const formatDateTime = useFormatDateTime();
  if (reports.length === 0) return <p className="muted">No reconciliation has run yet. Each vendor account is reconciled daily.</p>;
  return (
    <TableScroll label="Reconciliation reports">
      <table className="data" aria-label="Reconciliation reports" data-testid="reconciliation-reports">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Account</th>
            <th scope="col" className="num">
              Listed
            </th>
            <th scope="col" className="num">
              Archived
            </th>
            <th scope="col" className="num">
              Quarantined
            </th>
            <th scope="col" className="num">
              Missing (re-driven)
            </th>
            <th scope="col" className="num">
              Pending
            </th>
            <th scope="col" className="num">
              Extra
            </th>
            <th scope="col" className="num">
              Mismatched
            </th>
            <th scope="col">Completed</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => {
            const c = r.counts;
            const issues = c.missing + c.extra + c.mismatched > 0;
            return (
              <tr key={r.id}>
                <td>
                  <Link href={`/reconciliation/${r.id}`}>{r.day}</Link>
                </td>
                <td>
                  {r.vendorAccountId} <span className="muted">({VENDOR_LABEL[r.vendorSource] ?? r.vendorSource})</span>
                </td>
                <td className="num">{c.listed}</td>
                <td className="num">{c.matched}</td>
                <td className="num">{c.quarantined}</td>
                <td className={issues && c.missing > 0 ? 'num error' : 'num'}>
                  {c.missing} ({c.redriven})
                </td>
                <td className="num">{c.pending}</td>
                <td className={c.extra > 0 ? 'num error' : 'num'}>{c.extra}</td>
                <td className={c.mismatched > 0 ? 'num error' : 'num'}>{c.mismatched}</td>
                <td>{formatDateTime(r.completedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
